/** Route guards for account management, which only a password-backed browser session may do. */
import type { FastifyRequest } from 'fastify';
import { errors } from '../errors.js';
import type { SessionInfo } from './sessions.js';

export const SESSION_ONLY =
  'An access token cannot manage the account or anyone’s access. Sign in with your password to manage access tokens, two-factor sign-in, sessions, passwords, accounts and grants.';

/**
 * The caller's cookie session. An access token answers 403 (a leaked token must not be able to
 * mint more tokens or lock its owner out); no credentials at all answer 401.
 */
export function requireSession(request: FastifyRequest): SessionInfo {
  if (request.session) return request.session;
  if (request.accessToken) throw errors.forbidden(SESSION_ONLY);
  throw errors.unauthenticated();
}
