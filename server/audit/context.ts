/** Who is acting and from where; passed from the route into every service call. */
import type { Clearances } from '../../core/access/read-rule.js';
import type { Role } from '../../core/domain/roles.js';

export interface Actor {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  nation: string;
  /** Highest rank the actor is cleared for, per marking policy. */
  clearances: Clearances;
  /** Organisations the actor works in: need-to-know for the records they originate. */
  organisationIds: string[];
}

export interface ActionContext {
  /** null for anonymous visitors of the public portal. */
  actor: Actor | null;
  ip: string | null;
}
