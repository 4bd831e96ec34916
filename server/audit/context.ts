/** Who is acting and from where; passed from the route into every service call. */
import type { Role } from '../../core/domain/roles.js';

export interface Actor {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  nation: string;
  organisationId: string | null;
}

export interface ActionContext {
  /** null for anonymous visitors of the public portal. */
  actor: Actor | null;
  ip: string | null;
}
