import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { registeredRoutes } from '../http/route-registry.js';
import {
  credentialRoutes,
  enforceCredentialRoutes,
  sessionOnlyRoutes,
  withCurrentPassword,
} from './credentials.js';
import { testDatabases } from '../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../test/harness.js';

/**
 * Every route that changes credentials. A new one must join this list (and take the flag); a
 * route that drops the flag fails here.
 */
const CREDENTIAL_ROUTES = [
  'POST /api/v1/auth/password',
  'POST /api/v1/auth/tokens',
  'POST /api/v1/auth/totp/disable',
  'POST /api/v1/auth/totp/setup',
  'POST /api/v1/users',
  'POST /api/v1/users/:id/reset-password',
].sort();

/** Routes that change access (not credentials): a cookie session, no password. */
const SESSION_ONLY_ROUTES = [
  'DELETE /api/v1/auth/tokens/:id',
  'DELETE /api/v1/grants/:id',
  'PATCH /api/v1/users/:id',
  'POST /api/v1/auth/logout-all',
  'POST /api/v1/auth/totp/enable',
  'POST /api/v1/users/:id/grants',
].sort();

describe('credential routes by construction', () => {
  async function appWith(route: { config?: object; body?: z.ZodType }) {
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    enforceCredentialRoutes(app, { db: {} as Db });
    app.post(
      '/x',
      { config: route.config, schema: route.body ? { body: route.body } : {} },
      async () => 'ok',
    );
    await app.ready();
    return app;
  }

  it('stops the server when the flag and the currentPassword field do not come together', async () => {
    await expect(appWith({ config: { credentials: true } })).rejects.toThrow(/credential route/);
    await expect(
      appWith({ config: { credentials: true }, body: z.object({ name: z.string() }) }),
    ).rejects.toThrow(/credential route/);
    await expect(appWith({ body: withCurrentPassword({}) })).rejects.toThrow(/credential route/);
    const fine = await appWith({ config: { credentials: true }, body: withCurrentPassword({}) });
    await fine.close();
  });
});

describe.each(testDatabases)('credential routes on %s', (kind) => {
  let t: TestApp;
  let admin: Session;
  let otherAdmin: Session;
  let adminToken: string;
  let adminId: string;
  let otherAdminId: string;

  const idOf = async (session: Session) =>
    (await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers })).json()
      .user.id as string;
  const versionOf = async (id: string) =>
    (await t.inject({ method: 'GET', url: `/api/v1/users/${id}`, headers: admin.headers })).json()
      .version as number;

  beforeAll(async () => {
    t = await startTestApp(kind, { seed: false });
    admin = await t.signIn('administrator');
    otherAdmin = await t.signIn('administrator');
    adminId = await idOf(admin);
    otherAdminId = await idOf(otherAdmin);
    const created = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: admin.headers,
      payload: {
        name: 'integration',
        scopes: ['read', 'write'],
        expiresInDays: 1,
        currentPassword: admin.password,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    adminToken = created.json().token as string;
  });
  afterAll(() => t.close());

  it('flags exactly the credential routes (each has a currentPassword field, or start-up fails)', () => {
    expect(credentialRoutes(t.app)).toEqual(CREDENTIAL_ROUTES);
    // Every one of them is a real route of the app.
    const all = registeredRoutes(t.app).map((route) => route.key);
    for (const key of CREDENTIAL_ROUTES) expect(all).toContain(key);
    expect(sessionOnlyRoutes(t.app)).toEqual(SESSION_ONLY_ROUTES);
  });

  it('refuses every credential route to a write token, even for its own owner', async () => {
    const bearer = { authorization: `Bearer ${adminToken}` };
    for (const key of CREDENTIAL_ROUTES) {
      const [method, path] = key.split(' ') as ['POST', string];
      for (const id of [adminId, otherAdminId]) {
        const res = await t.inject({
          method,
          url: path.replace(':id', id),
          headers: { ...bearer, 'if-match': '*' },
          payload: { currentPassword: admin.password },
        });
        expect(res.statusCode, `${key} for ${id}`).toBe(403);
        expect(res.json().error.message).toContain('An access token cannot manage the account');
      }
    }
    // Nothing happened: both administrators still sign in with their passwords.
    for (const session of [admin, otherAdmin]) {
      const login = await t.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: session.email, password: session.password },
      });
      expect(login.statusCode).toBe(200);
      expect(login.json().user.mustChangePassword).toBe(false);
    }
  });

  it('resets a password only with the administrator’s own password and If-Match', async () => {
    const target = await t.signIn('viewer');
    const targetId = await idOf(target);
    const url = `/api/v1/users/${targetId}/reset-password`;
    const version = await versionOf(targetId);
    const reset = (payload: object | undefined, ifMatch?: string) =>
      t.inject({
        method: 'POST',
        url,
        headers: ifMatch ? { ...admin.headers, 'if-match': ifMatch } : admin.headers,
        ...(payload ? { payload } : {}),
      });
    expect((await reset(undefined, `"${version}"`)).statusCode).toBe(400);
    const wrong = await reset({ currentPassword: target.password }, `"${version}"`);
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.details).toEqual({ field: 'currentPassword' });
    expect((await reset({ currentPassword: admin.password })).statusCode).toBe(428);
    expect((await reset({ currentPassword: admin.password }, `"${version + 5}"`)).statusCode).toBe(
      412,
    );
    // None of these ended the target's session.
    const still = await t.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: target.headers,
    });
    expect(still.statusCode).toBe(200);

    const done = await reset({ currentPassword: admin.password }, `"${version}"`);
    expect(done.statusCode, done.body).toBe(200);
    const login = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: target.email, password: done.json().oneTimePassword },
    });
    expect(login.json().user.mustChangePassword).toBe(true);
  });

  it('refuses a wrong current password on every credential route, changing nothing', async () => {
    const user = await t.signIn('administrator');
    const userId = await idOf(user);
    const bodies: Record<string, object> = {
      'POST /api/v1/auth/password': { newPassword: 'a brand new passphrase here' },
      'POST /api/v1/auth/tokens': { name: 'x', scopes: ['read'], expiresInDays: 1 },
      'POST /api/v1/auth/totp/disable': {},
      'POST /api/v1/auth/totp/setup': {},
      'POST /api/v1/users': { email: 'never.made@example.test', displayName: 'No', role: 'viewer' },
      'POST /api/v1/users/:id/reset-password': {},
    };
    expect(Object.keys(bodies).sort()).toEqual(CREDENTIAL_ROUTES);
    for (const [key, body] of Object.entries(bodies)) {
      const [method, path] = key.split(' ') as ['POST', string];
      const res = await t.inject({
        method,
        url: path.replace(':id', userId),
        headers: { ...user.headers, 'if-match': '*' },
        payload: { ...body, currentPassword: 'certainly not it' },
      });
      expect(res.statusCode, key).toBe(422);
      expect(res.json().error.details, key).toEqual({ field: 'currentPassword' });
    }
    const row = await t.db.kysely
      .selectFrom('users')
      .select(['totp_secret', 'must_change_password'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ totp_secret: null, must_change_password: 0 });
    const made = await t.db.kysely
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'never.made@example.test')
      .execute();
    expect(made).toEqual([]);
  });
  it('refuses a write token every change of access, even an administrator’s on itself', async () => {
    const bearer = { authorization: `Bearer ${adminToken}`, 'if-match': '*' };
    const viewer = await t.signIn('viewer');
    const viewerId = await idOf(viewer);
    const attempts = [
      {
        method: 'PATCH' as const,
        url: `/api/v1/users/${viewerId}`,
        payload: { role: 'administrator' },
      },
      { method: 'PATCH' as const, url: `/api/v1/users/${adminId}`, payload: { disabled: false } },
      {
        method: 'POST' as const,
        url: `/api/v1/users/${viewerId}/grants`,
        payload: { entityType: 'organisation', entityId: '0192d7a0-7c1e-7000-8000-000000000000' },
      },
      { method: 'DELETE' as const, url: '/api/v1/grants/0192d7a0-7c1e-7000-8000-000000000000' },
    ];
    for (const attempt of attempts) {
      const res = await t.inject({ ...attempt, headers: bearer });
      expect(res.statusCode, `${attempt.method} ${attempt.url}`).toBe(403);
    }
    const row = await t.db.kysely
      .selectFrom('users')
      .select('role')
      .where('id', '=', viewerId)
      .executeTakeFirstOrThrow();
    expect(row.role).toBe('viewer');
    // The same change from the administrator's browser session goes through.
    const promoted = await t.inject({
      method: 'PATCH',
      url: `/api/v1/users/${viewerId}`,
      headers: { ...admin.headers, 'if-match': '*' },
      payload: { role: 'editor' },
    });
    expect(promoted.statusCode, promoted.body).toBe(200);
  });
});
