/** Who may change organisations: administrators and coordinators; editors their own units. */
import {
  allow,
  isAdministrator,
  isCoordinator,
  isEditorOfOrganisation,
} from '../../access/policy.js';

export const ORGANISATION = 'organisation';

allow('create', ORGANISATION, isAdministrator);
allow('create', ORGANISATION, isCoordinator);
allow('update', ORGANISATION, isAdministrator);
allow('update', ORGANISATION, isCoordinator);
allow('update', ORGANISATION, isEditorOfOrganisation);
allow('delete', ORGANISATION, isAdministrator);
