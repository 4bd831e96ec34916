/** Who may change timeline events. */
import {
  allow,
  isAdministrator,
  isCoordinator,
  isEditorOfOriginator,
} from '../../access/policy.js';

export const TIMELINE_EVENT = 'timeline_event';

for (const action of ['create', 'update', 'delete'] as const) {
  allow(action, TIMELINE_EVENT, isAdministrator);
  allow(action, TIMELINE_EVENT, isCoordinator);
}
// Editors change what their organisations originated; creating and deleting stay with coordinators.
allow('update', TIMELINE_EVENT, isEditorOfOriginator);
