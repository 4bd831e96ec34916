/**
 * /api/v1/auth — sign in (with an optional TOTP code), sign out here or everywhere, who am I,
 * change password, save the interface language, keep-alive; registers the access-token and two-factor routes.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isInterfaceLanguage } from '../../core/text/languages.js';
import { errors } from '../errors.js';
import { contextOf } from '../http/context.js';
import { addressKey } from '../http/rate-limit.js';
import { errorOut } from '../http/responses.js';
import type { Deps } from '../modules/shared/deps.js';
import { requireSession } from './guards.js';
import { loginService } from './login.js';
import { checkNewPassword } from './password-policy.js';
import { hashPassword } from './passwords.js';
import { languageBody, loginBody, meOut, passwordChangeBody } from './schemas.js';
import {
  endAllSessions,
  endSession,
  findSession,
  SESSION_COOKIE,
  touchSession,
} from './sessions.js';
import { accessTokenRoutes } from './token-routes.js';
import { twoFactorRoutes } from './two-factor-routes.js';

const tags = ['Authentication'];

export const authRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const { db, audit, config, loginRateLimitPerMinute } = deps;
  const login = loginService(deps);
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: 'auto' as const,
  };

  async function me(request: FastifyRequest) {
    const session = requireSession(request);
    const role = session.actor.role;
    const saved = await db.kysely
      .selectFrom('users')
      .select('locale')
      .where('id', '=', session.actor.id)
      .executeTakeFirst();
    return {
      user: {
        ...session.actor,
        mustChangePassword: session.mustChangePassword,
        totpEnabled: session.totpEnabled,
        locale: isInterfaceLanguage(saved?.locale) ? saved.locale : ('en' as const),
      },
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
      // Counted per client address (not per account): guessing passwords is what is limited.
      config: {
        rateLimit: {
          max: loginRateLimitPerMinute,
          timeWindow: '1 minute',
          keyGenerator: addressKey,
        },
      },
      schema: {
        tags,
        summary:
          'Sign in with e-mail and password (and the TOTP code when two-factor sign-in is on); sets the session cookie',
        description:
          'When the account has two-factor sign-in on and no `totp` is sent, answers 401 with the code `totp_required`.',
        body: loginBody,
        response: { 200: meOut, 400: errorOut, 401: errorOut, 429: errorOut },
      },
    },
    async (request, reply) => {
      const previous = request.session;
      const token = await login.signIn(
        contextOf(request),
        request.body,
        request.headers['user-agent']?.slice(0, 300) ?? null,
      );
      // Signing in again replaces the browser's session rather than leaving the old one alive.
      if (previous) await db.write((trx) => endSession(trx, previous.tokenHash));
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

  app.post(
    '/auth/logout-all',
    {
      config: { sessionOnly: true },
      schema: {
        tags,
        summary: 'Sign out everywhere: ends all your sessions, this one included',
        description: 'Access tokens stay valid; revoke them separately.',
        response: { 204: z.null(), 401: errorOut, 403: errorOut },
      },
    },
    async (request, reply) => {
      const session = requireSession(request);
      await db.write(async (trx) => {
        const ended = await endAllSessions(trx, session.actor.id);
        await audit.record(trx, contextOf(request), {
          action: 'auth.logout_all',
          entityType: 'user',
          entityId: session.actor.id,
          after: { sessionsEnded: ended },
        });
      });
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
        response: { 200: meOut, 401: errorOut, 403: errorOut },
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
      const session = requireSession(request);
      await db.write((trx) => touchSession(trx, session.tokenHash));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/locale',
    {
      schema: {
        tags,
        summary: 'Save the interface language on your account (applied when you sign in)',
        description:
          'A preference, not a record edit: the last choice wins, so no If-Match. Audited as `auth.locale_change`.',
        body: languageBody,
        response: { 204: z.null(), 400: errorOut, 401: errorOut, 403: errorOut },
      },
    },
    async (request, reply) => {
      const session = requireSession(request);
      const { locale } = request.body;
      await db.write(async (trx) => {
        const before = await trx
          .selectFrom('users')
          .select('locale')
          .where('id', '=', session.actor.id)
          .executeTakeFirstOrThrow();
        if (before.locale === locale) return;
        await trx
          .updateTable('users')
          .set({ locale, updated_at: new Date().toISOString() })
          .where('id', '=', session.actor.id)
          .execute();
        await audit.record(trx, contextOf(request), {
          action: 'auth.locale_change',
          entityType: 'user',
          entityId: session.actor.id,
          before: { locale: before.locale },
          after: { locale },
        });
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/password',
    {
      config: { credentials: true },
      schema: {
        tags,
        summary: 'Change your password (ends your other sessions)',
        description:
          'The new password must have 12–200 characters, must not be a common password and must not be built from words tied to Liaison or to you (422 with `details.field` = `newPassword`).',
        body: passwordChangeBody,
        response: { 204: z.null(), 400: errorOut, 401: errorOut, 403: errorOut, 422: errorOut },
      },
    },
    async (request, reply) => {
      // The current password was checked by the credential-route hook (credentials.ts).
      const session = requireSession(request);
      if (request.body.newPassword === request.body.currentPassword) {
        throw errors.unprocessable('Choose a password different from the current one.', {
          field: 'newPassword',
        });
      }
      const refusal = checkNewPassword(request.body.newPassword, {
        email: session.actor.email,
        displayName: session.actor.displayName,
      });
      if (refusal) throw errors.unprocessable(refusal, { field: 'newPassword' });
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

  await app.register(accessTokenRoutes, deps);
  await app.register(twoFactorRoutes, deps);
};
