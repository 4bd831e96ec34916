/**
 * Credential routes: changing a password, resetting anyone's, creating an account (which mints a
 * one-time password), setting up or turning off two-factor sign-in, creating an access token. A
 * stolen access token, or a browser left signed in, must not be able to do any of these, so each
 * needs a cookie session AND the caller's own password, sent fresh as `currentPassword`.
 *
 * Enforced by construction: such a route declares `config: { credentials: true }` and takes its
 * body from `withCurrentPassword(…)`. One preHandler checks every flagged route; at start-up a
 * route that has the flag without the field (or the field without the flag) stops the server.
 */
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { z } from 'zod';
import { errors } from '../errors.js';
import type { Deps } from '../modules/shared/deps.js';
import { requireSession } from './guards.js';
import { PASSWORD_RULE, verifyPassword } from './passwords.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route changes credentials: cookie session and a fresh password required. */
    credentials?: boolean;
    /**
     * The route changes access (roles, clearances, grants, tokens, the second factor, sessions):
     * a cookie session is required, an access token is refused, no password is asked.
     */
    sessionOnly?: boolean;
  }
}

export const CURRENT_PASSWORD = 'currentPassword';
export const WRONG_PASSWORD = 'The current password is not right.';

const currentPassword = z
  .string()
  .min(1, 'type your own password to confirm')
  .max(PASSWORD_RULE.max)
  .describe('Your own current password: changes to credentials need it, typed afresh');

/** The body of a credential route: its own fields plus the caller's current password. */
export function withCurrentPassword<S extends z.ZodRawShape>(shape: S) {
  return z.object({ ...shape, [CURRENT_PASSWORD]: currentPassword }).strict() as z.ZodObject<
    S & { currentPassword: typeof currentPassword }
  >;
}

function bodyHasCurrentPassword(route: RouteOptions): boolean {
  const body = (route.schema as { body?: unknown } | undefined)?.body;
  return body instanceof z.ZodObject && CURRENT_PASSWORD in body.shape;
}

/** True for routes that declare themselves credential routes. */
export function isCredentialRoute(config: { credentials?: boolean } | undefined): boolean {
  return config?.credentials === true;
}

const registries = new WeakMap<object, { credentials: string[]; sessionOnly: string[] }>();

/** The credential routes of an app, as 'METHOD /path' (for the test that lists them). */
export function credentialRoutes(app: FastifyInstance): string[] {
  return [...(registries.get(app)?.credentials ?? [])].sort();
}

/** The routes that need a cookie session but no password, as 'METHOD /path'. */
export function sessionOnlyRoutes(app: FastifyInstance): string[] {
  return [...(registries.get(app)?.sessionOnly ?? [])].sort();
}

function needsSession(config: { credentials?: boolean; sessionOnly?: boolean } | undefined) {
  return config?.credentials === true || config?.sessionOnly === true;
}

/** Installs the start-up check and the request check on the root instance. */
export function enforceCredentialRoutes(app: FastifyInstance, { db }: Pick<Deps, 'db'>): void {
  const registry = { credentials: [] as string[], sessionOnly: [] as string[] };
  registries.set(app, registry);
  app.addHook('onRoute', (route) => {
    const config = route.config as { credentials?: boolean; sessionOnly?: boolean } | undefined;
    const flagged = isCredentialRoute(config);
    const hasField = bodyHasCurrentPassword(route);
    const key = `${String(route.method)} ${route.url}`;
    if (flagged) registry.credentials.push(key);
    else if (config?.sessionOnly) registry.sessionOnly.push(key);
    if (flagged !== hasField) {
      throw new Error(
        `${String(route.method)} ${route.url}: a credential route needs both config.credentials and a body built with withCurrentPassword()`,
      );
    }
  });

  // Before the body is validated: an access token is refused as such, whatever it sent.
  app.addHook('preValidation', async (request: FastifyRequest) => {
    if (needsSession(request.routeOptions.config)) requireSession(request);
  });

  app.addHook('preHandler', async (request: FastifyRequest) => {
    if (!isCredentialRoute(request.routeOptions.config)) return;
    const session = requireSession(request);
    const sent = (request.body as Record<string, unknown>)[CURRENT_PASSWORD];
    const user = await db.kysely
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', session.actor.id)
      .executeTakeFirst();
    if (typeof sent !== 'string' || !(await verifyPassword(user?.password_hash, sent))) {
      throw errors.unprocessable(WRONG_PASSWORD, { field: CURRENT_PASSWORD });
    }
  });
}
