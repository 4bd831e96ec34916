/** Who may set up plans: coordinators and administrators create, change, delete and restore them. */
import { allow, isAdministrator, isCoordinator } from '../../access/policy.js';

export const PLAN = 'plan';

for (const action of ['create', 'update', 'delete'] as const) {
  allow(action, PLAN, isAdministrator);
  allow(action, PLAN, isCoordinator);
}
