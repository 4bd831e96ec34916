/** Who may change agreements. */
import { allow, isAdministrator, isCoordinator } from '../../access/policy.js';

export const AGREEMENT = 'agreement';

for (const action of ['create', 'update', 'delete'] as const) {
  allow(action, AGREEMENT, isAdministrator);
  allow(action, AGREEMENT, isCoordinator);
}
