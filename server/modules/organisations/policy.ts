/** Who may change organisations. Editors scoped to organisations arrive with the identity issue. */
import { allow, isAdministrator, isCoordinator } from '../../access/policy.js';

export const ORGANISATION = 'organisation';

allow('create', ORGANISATION, isAdministrator);
allow('create', ORGANISATION, isCoordinator);
allow('update', ORGANISATION, isAdministrator);
allow('update', ORGANISATION, isCoordinator);
allow('delete', ORGANISATION, isAdministrator);
