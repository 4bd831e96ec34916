/**
 * Authentication and CSRF. Resolves `Authorization: Bearer lsn_…` access tokens or the session
 * cookie to `request.actor` on every API request, and refuses cookie-authenticated mutations without
 * the session's X-CSRF-Token.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../audit/context.js';
import { errors } from '../errors.js';
import type { Deps } from '../modules/shared/deps.js';
import { findAccessToken, type AccessTokenInfo } from './api-tokens.js';
import { enforceCredentialRoutes } from './credentials.js';
import { SessionCache } from './session-cache.js';
import { touchInterval, touchSession, SESSION_COOKIE, type SessionInfo } from './sessions.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** The cookie session, when the request was authenticated by one. */
    session: SessionInfo | null;
    /** The access token, when the request was authenticated by `Authorization: Bearer`. */
    accessToken: AccessTokenInfo | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const API_ROUTES = '/api/';
/** Routes a visitor without a session must be able to call. */
const CSRF_EXEMPT = new Set(['/api/v1/auth/login']);
/** What a session may still do while its password must be changed. */
const PASSWORD_CHANGE_ROUTES = new Set([
  '/api/v1/auth/password',
  '/api/v1/auth/logout',
  '/api/v1/auth/logout-all',
  '/api/v1/auth/keepalive',
]);
const INVALID_TOKEN = 'The access token is not valid or has expired.';
const READ_ONLY_TOKEN =
  'This access token may only read. Create a token with the "write" scope to make changes.';

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The matched route's path (`/api/v1/plans/:id`), never the raw URL: the router decodes the URL
 * before matching, so `/%61pi/v1/…` reaches an API route and must be judged as one. Requests that
 * match no route have no route path.
 */
function routePath(request: FastifyRequest): string | undefined {
  return request.routeOptions.url;
}

/** True for requests that reached an API route, however their URL was spelled. */
export function isApiRoute(request: FastifyRequest): boolean {
  return routePath(request)?.startsWith(API_ROUTES) ?? false;
}

/** The credentials of an `Authorization: Bearer …` header; undefined for no or another scheme. */
function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer(?:\s+(.*))?$/i.exec(header.trim());
  return match ? (match[1] ?? '').trim() : undefined;
}

const authPlugin: FastifyPluginAsync<Deps> = async (app, { db, config }) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('accessToken', null);
  enforceCredentialRoutes(app, { db });
  const sessions = new SessionCache(db, config.session, config.session.cacheSeconds * 1000);
  const markEvery = touchInterval(config.session);

  app.addHook('onRequest', async (request) => {
    if (!isApiRoute(request)) return;

    const bearer = bearerToken(request);
    if (bearer !== undefined) {
      // A bearer request is judged on its token alone: a bad token never falls back to the cookie
      // or to anonymous access, which would hide the integration's mistake.
      const found = await findAccessToken(db.kysely, bearer);
      if (!found) throw errors.unauthenticated(INVALID_TOKEN);
      request.actor = found.actor;
      request.accessToken = found.token;
      // No CSRF check: a browser never attaches this header on its own, so a forged cross-site
      // request cannot carry it.
      if (!SAFE_METHODS.has(request.method) && !found.token.scopes.includes('write'))
        throw errors.forbidden(READ_ONLY_TOKEN);
      return;
    }

    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await sessions.find(token);
      if (session) {
        request.session = session;
        request.actor = session.actor;
      }
    }
    if (SAFE_METHODS.has(request.method) || CSRF_EXEMPT.has(routePath(request) ?? '')) return;
    if (request.session) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, request.session.csrfToken))
        throw errors.csrf();
      // A one-time password opens the door to one thing only: choosing a password of one's own.
      if (
        request.session.mustChangePassword &&
        !PASSWORD_CHANGE_ROUTES.has(routePath(request) ?? '')
      ) {
        throw errors.passwordChangeRequired();
      }
    }
  });

  // A change made through the session counts as activity for the idle timeout; reads never
  // write, so only mutations (and the web app's keep-alive while the user reads) extend it. The
  // mark is written when it is older than touchInterval (a minute at most), not on every change.
  // (onSend, not onResponse: the mark is written before the client hears back.)
  app.addHook('onSend', async (request, reply, payload) => {
    const session = request.session;
    if (!session || SAFE_METHODS.has(request.method) || reply.statusCode >= 400) return payload;
    if (routePath(request)?.startsWith('/api/v1/auth/')) return payload;
    if (Date.now() - Date.parse(session.lastSeenAt) < markEvery) return payload;
    await db
      .write((trx) => touchSession(trx, session.tokenHash))
      .catch((error: unknown) => {
        request.log.warn({ err: error }, 'could not mark session activity');
      });
    return payload;
  });
};

export default fp(authPlugin, { name: 'liaison-auth' });
