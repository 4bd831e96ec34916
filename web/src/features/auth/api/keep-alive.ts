/** POST /auth/keepalive — tells the server the signed-in user is still at work. */
import { api } from '../../../lib/api-client.js';

export function keepSessionAlive(): Promise<void> {
  return api.post<void>('/auth/keepalive');
}
