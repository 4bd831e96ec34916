/** /api/v1/auth — sign in, sign out, who am I, change password, keep-alive. */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../core/domain/roles.js';
import { errors } from '../errors.js';
import { contextOf } from '../http/context.js';
import { errorOut } from '../http/responses.js';
import type { Deps } from '../modules/shared/deps.js';
import { hashPassword, PASSWORD_RULE, verifyPassword } from './passwords.js';
import {
  actorOf,
  endSession,
  findSession,
  SESSION_COOKIE,
  startSession,
  touchSession,
} from './sessions.js';

const tags = ['Authentication'];
const LOCKOUT_AFTER = 5;
const LOCKOUT_MINUTES = 15;
const GENERIC_FAILURE = 'The e-mail address or password is not right.';

const meOut = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    nation: z.string(),
    clearances: z.object({ NATO: z.number().int(), RS: z.number().int() }),
    organisationIds: z.array(z.string()),
    mustChangePassword: z.boolean(),
  }),
  csrfToken: z.string(),
  abilities: z.object({ manageReferenceData: z.boolean(), administer: z.boolean() }),
});

export const authRoutes: FastifyPluginAsyncZod<Deps> = async (
  app,
  { db, audit, config, loginRateLimitPerMinute },
) => {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: 'auto' as const,
  };

  function me(request: FastifyRequest) {
    const session = request.session;
    if (!session) throw errors.unauthenticated();
    const role = session.actor.role;
    return {
      user: { ...session.actor, mustChangePassword: session.mustChangePassword },
      csrfToken: session.csrfToken,
      abilities: {
        manageReferenceData: role === 'administrator' || role === 'coordinator',
        administer: role === 'administrator',
      },
    };
  }

  app.post(
    '/auth/login',
    {
      config: { rateLimit: { max: loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Sign in with e-mail and password; sets the session cookie',
        body: z
          .object({
            email: z.string().trim().max(320),
            password: z.string().max(PASSWORD_RULE.max),
          })
          .strict(),
        response: { 200: meOut, 400: errorOut, 401: errorOut, 429: errorOut },
      },
    },
    async (request, reply) => {
      const email = request.body.email.toLowerCase();
      const user = await db.kysely
        .selectFrom('users')
        .selectAll()
        .where('email', '=', email)
        .executeTakeFirst();
      const now = new Date();
      const locked = Boolean(user?.locked_until && user.locked_until > now.toISOString());
      const valid =
        (await verifyPassword(user?.password_hash, request.body.password)) &&
        !locked &&
        !user?.disabled;
      const ctx = contextOf(request);
      if (!user || !valid) {
        await db.write(async (trx) => {
          if (user && !locked) {
            const failures = user.failed_logins + 1;
            await trx
              .updateTable('users')
              .set({
                failed_logins: failures >= LOCKOUT_AFTER ? 0 : failures,
                locked_until:
                  failures >= LOCKOUT_AFTER
                    ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString()
                    : user.locked_until,
              })
              .where('id', '=', user.id)
              .execute();
          }
          await audit.record(trx, ctx, {
            action: 'auth.login_failed',
            entityType: 'user',
            entityId: user?.id,
            after: {
              email,
              reason: !user
                ? 'unknown_email'
                : locked
                  ? 'locked'
                  : user.disabled
                    ? 'disabled'
                    : 'bad_password',
            },
          });
        });
        throw errors.unauthenticated(GENERIC_FAILURE);
      }
      const { token } = await db.write(async (trx) => {
        await trx
          .updateTable('users')
          .set({ failed_logins: 0, locked_until: null })
          .where('id', '=', user.id)
          .execute();
        const started = await startSession(trx, user.id, config.session, {
          ip: ctx.ip,
          userAgent: request.headers['user-agent'] ?? null,
        });
        await audit.record(
          trx,
          { ...ctx, actor: actorOf(user, []) },
          {
            action: 'auth.login',
            entityType: 'user',
            entityId: user.id,
          },
        );
        return started;
      });
      reply.setCookie(SESSION_COOKIE, token, {
        ...cookieOptions,
        maxAge: config.session.absoluteHours * 3600,
      });
      request.session = await findSession(db.kysely, token, config.session);
      request.actor = request.session?.actor ?? null;
      return me(request);
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags,
        summary: 'Sign out of this session',
        response: { 204: z.null(), 403: errorOut },
      },
    },
    async (request, reply) => {
      if (request.session) {
        const session = request.session;
        await db.write(async (trx) => {
          await endSession(trx, session.tokenHash);
          await audit.record(trx, contextOf(request), {
            action: 'auth.logout',
            entityType: 'user',
            entityId: session.actor.id,
          });
        });
      }
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      schema: {
        tags,
        summary: 'The signed-in user, abilities and CSRF token',
        response: { 200: meOut, 401: errorOut },
      },
    },
    async (request) => me(request),
  );

  app.post(
    '/auth/keepalive',
    {
      schema: {
        tags,
        summary: 'Marks the session active (the web app calls it while the user works)',
        response: { 204: z.null(), 401: errorOut, 403: errorOut },
      },
    },
    async (request, reply) => {
      const session = request.session;
      if (!session) throw errors.unauthenticated();
      await db.write((trx) => touchSession(trx, session.tokenHash));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/password',
    {
      schema: {
        tags,
        summary: 'Change your password (ends your other sessions)',
        body: z
          .object({
            currentPassword: z.string().max(PASSWORD_RULE.max),
            newPassword: z
              .string()
              .min(PASSWORD_RULE.min, `must have at least ${PASSWORD_RULE.min} characters`)
              .max(PASSWORD_RULE.max),
          })
          .strict(),
        response: { 204: z.null(), 400: errorOut, 401: errorOut, 403: errorOut, 422: errorOut },
      },
    },
    async (request, reply) => {
      const session = request.session;
      if (!session) throw errors.unauthenticated();
      const user = await db.kysely
        .selectFrom('users')
        .select(['password_hash'])
        .where('id', '=', session.actor.id)
        .executeTakeFirstOrThrow();
      if (!(await verifyPassword(user.password_hash, request.body.currentPassword))) {
        throw errors.unprocessable('The current password is not right.', {
          field: 'currentPassword',
        });
      }
      if (request.body.newPassword === request.body.currentPassword) {
        throw errors.unprocessable('Choose a password different from the current one.', {
          field: 'newPassword',
        });
      }
      const newHash = await hashPassword(request.body.newPassword);
      await db.write(async (trx) => {
        await trx
          .updateTable('users')
          .set({
            password_hash: newHash,
            must_change_password: 0,
            updated_at: new Date().toISOString(),
          })
          .where('id', '=', session.actor.id)
          .execute();
        await trx
          .deleteFrom('sessions')
          .where('user_id', '=', session.actor.id)
          .where('token_hash', '!=', session.tokenHash)
          .execute();
        await audit.record(trx, contextOf(request), {
          action: 'auth.password_change',
          entityType: 'user',
          entityId: session.actor.id,
        });
      });
      return reply.status(204).send(null);
    },
  );
};
