/** Only administrators manage accounts, clearances and grants. */
import { allow, isAdministrator } from '../../access/policy.js';

export const USER = 'user';

for (const action of ['create', 'update', 'delete'] as const) allow(action, USER, isAdministrator);
