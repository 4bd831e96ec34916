/**
 * Authentication and CSRF. Resolves the session cookie to `request.actor` on every request, and
 * refuses cookie-authenticated mutations without the session's X-CSRF-Token.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../audit/context.js';
import { errors } from '../errors.js';
import type { Deps } from '../modules/shared/deps.js';
import { findSession, SESSION_COOKIE, type SessionInfo } from './sessions.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    session: SessionInfo | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes a visitor without a session must be able to call. */
const CSRF_EXEMPT = new Set(['/api/v1/auth/login']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function routePath(request: FastifyRequest): string {
  return request.routeOptions.url ?? request.url.split('?')[0]!;
}

const authPlugin: FastifyPluginAsync<Deps> = async (app, { db, config }) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await findSession(db.kysely, token, config.session);
      if (session) {
        request.session = session;
        request.actor = session.actor;
      }
    }
    if (SAFE_METHODS.has(request.method) || CSRF_EXEMPT.has(routePath(request))) return;
    if (request.session) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, request.session.csrfToken))
        throw errors.csrf();
    }
  });
};

export default fp(authPlugin, { name: 'liaison-auth' });
