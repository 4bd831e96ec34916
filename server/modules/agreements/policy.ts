/** Who may change agreements. */
import {
  allow,
  isAdministrator,
  isCoordinator,
  isEditorOfOriginator,
} from '../../access/policy.js';

export const AGREEMENT = 'agreement';

for (const action of ['create', 'update', 'delete'] as const) {
  allow(action, AGREEMENT, isAdministrator);
  allow(action, AGREEMENT, isCoordinator);
}
// Editors change what their organisations originated; creating and deleting stay with coordinators.
allow('update', AGREEMENT, isEditorOfOriginator);
