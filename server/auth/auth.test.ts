import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../audit/audit-log.js';
import { testDatabases } from '../test/databases.js';
import { startTestApp, type TestApp } from '../test/harness.js';
import { deployment } from '../test/partner.js';
import type { Role } from '../../core/domain/roles.js';
import { bootstrapAdministrator, createUser } from './users.js';

describe.each(testDatabases)('sign-in and sessions on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { seed: false });
  });
  afterAll(() => t.close());

  /**
   * A user of its own for one test (so no other test's lockout, password change or sign-out
   * touches it), created with the e-mail in mixed case; `email` is the stored, lower-case form.
   */
  const newUser = async (name: string, role: Role = 'coordinator') => {
    const local = `${name}.${randomBytes(4).toString('hex')}`;
    const password = `a long enough password ${randomBytes(4).toString('hex')}`;
    await createUser(t.db, new AuditLog(t.db.dialect), {
      email: `${local[0]!.toUpperCase()}${local.slice(1)}@Example.test`,
      role,
      password,
    });
    return { email: `${local}@example.test`, password };
  };

  const login = (email: string, password: string) =>
    t.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

  /** Signs in and answers the headers of the session: its cookie and CSRF token. */
  const signIn = async (email: string, password: string) => {
    const res = await login(email, password);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'liaison_session');
    expect(cookie).toBeDefined();
    return {
      cookie: `liaison_session=${cookie!.value}`,
      'x-csrf-token': res.json().csrfToken as string,
    };
  };

  it('signs in with the e-mail in any case and returns the user, abilities and a CSRF token', async () => {
    const user = await newUser('coordinator');
    const res = await login(user.email.replace('example.test', 'example.TEST'), user.password);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      user: { email: user.email, role: 'coordinator' },
      abilities: { manageReferenceData: true, administer: false },
    });
    const cookie = res.cookies.find((c) => c.name === 'liaison_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    const me = await t.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: `liaison_session=${cookie.value}` },
    });
    expect(me.json().csrfToken).toBe(res.json().csrfToken);
  });

  it('gives one generic answer for a wrong password and an unknown e-mail, and audits both', async () => {
    const user = await newUser('mistyped');
    const nobody = `nobody.${randomBytes(4).toString('hex')}@example.test`;
    const wrong = await login(user.email, 'not the password');
    const unknown = await login(nobody, 'whatever it is');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    const failures = await t.db.kysely
      .selectFrom('audit_log')
      .select('after_state')
      .where('action', '=', 'auth.login_failed')
      .execute();
    const reasons = failures
      .map((f) => JSON.parse(f.after_state!) as { email: string; reason: string })
      .filter((f) => f.email === user.email || f.email === nobody)
      .map((f) => `${f.email}: ${f.reason}`);
    expect(reasons).toHaveLength(2);
    expect(reasons).toEqual(
      expect.arrayContaining([`${user.email}: bad_password`, `${nobody}: unknown_email`]),
    );
  });

  it('locks an account for a while after five wrong passwords, even against the right one', async () => {
    const target = await newUser('target', 'viewer');
    expect((await login(target.email, target.password)).statusCode).toBe(200);
    for (let i = 0; i < 5; i += 1)
      expect((await login(target.email, `wrong ${i} password`)).statusCode).toBe(401);
    expect((await login(target.email, target.password)).statusCode).toBe(401);
  });

  it('ends the session on sign-out', async () => {
    const user = await newUser('leaving');
    const headers = await signIn(user.email, user.password);
    expect((await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers })).statusCode).toBe(
      200,
    );
    expect(
      (await t.inject({ method: 'POST', url: '/api/v1/auth/logout', headers })).statusCode,
    ).toBe(204);
    expect((await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers })).statusCode).toBe(
      401,
    );
  });

  it('signs out everywhere: every session of the user ends, others keep theirs, and it is audited', async () => {
    const user = await newUser('travelling');
    const phone = await signIn(user.email, user.password);
    const laptop = await signIn(user.email, user.password);
    const other = await newUser('bystander', 'viewer');
    const bystander = await signIn(other.email, other.password);
    const logoutAll = (headers: Record<string, string>) =>
      t.inject({ method: 'POST', url: '/api/v1/auth/logout-all', headers });

    expect((await logoutAll({ cookie: laptop.cookie })).statusCode).toBe(403);
    const res = await logoutAll(laptop);
    expect(res.statusCode).toBe(204);
    expect(res.cookies.find((c) => c.name === 'liaison_session')?.value).toBe('');
    for (const headers of [phone, laptop]) {
      expect((await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers })).statusCode).toBe(
        401,
      );
    }
    const stays = await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bystander });
    expect(stays.statusCode).toBe(200);
    const entries = await t.db.kysely
      .selectFrom('audit_log')
      .select(['actor_name', 'after_state'])
      .where('action', '=', 'auth.logout_all')
      .execute();
    const entry = entries.find((e) => e.actor_name === user.email);
    expect(entry).toBeDefined();
    expect(JSON.parse(entry!.after_state!).sessionsEnded).toBe(2);
    expect((await logoutAll(laptop)).statusCode).toBe(401);
  });

  it('changes the password only with the current one, and the new one works', async () => {
    const user = await newUser('careful');
    const headers = await signIn(user.email, user.password);
    const wrong = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers,
      payload: { currentPassword: 'nope', newPassword: 'another long password' },
    });
    expect(wrong.statusCode).toBe(422);
    const short = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers,
      payload: { currentPassword: user.password, newPassword: 'short' },
    });
    expect(short.statusCode).toBe(400);
    const ok = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers,
      payload: { currentPassword: user.password, newPassword: 'another long password' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await login(user.email, user.password)).statusCode).toBe(401);
    expect((await login(user.email, 'another long password')).statusCode).toBe(200);
  });

  it('lets a one-time-password session do nothing but choose a new password', async () => {
    const fresh = await startTestApp(kind, { seed: false });
    try {
      const first = await bootstrapAdministrator(fresh.db, new AuditLog(fresh.db.dialect));
      const res = await fresh.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: first!.email, password: first!.password },
      });
      const headers = {
        cookie: `liaison_session=${res.cookies.find((c) => c.name === 'liaison_session')!.value}`,
        'x-csrf-token': res.json().csrfToken,
      };
      const blocked = await fresh.inject({
        method: 'POST',
        url: '/api/v1/organisations',
        headers,
        payload: {
          kind: 'other',
          side: 'other',
          nation: deployment.nation,
          name: { en: 'Too early' },
        },
      });
      expect(blocked.statusCode).toBe(403);
      expect(blocked.json().error.code).toBe('password_change_required');
      const changed = await fresh.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers,
        payload: {
          currentPassword: first!.password,
          newPassword: 'a fresh passphrase for Liaison ops',
        },
      });
      expect(changed.statusCode).toBe(204);
      const allowed = await fresh.inject({
        method: 'POST',
        url: '/api/v1/organisations',
        headers,
        payload: {
          kind: 'other',
          side: 'other',
          nation: deployment.nation,
          name: { en: 'Now allowed' },
        },
      });
      expect(allowed.statusCode).toBe(201);
    } finally {
      await fresh.close();
    }
  });

  it('replaces the browser’s old session when the user signs in again', async () => {
    const user = await newUser('twice', 'viewer');
    const { cookie } = await signIn(user.email, user.password);
    const again = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { cookie },
      payload: { email: user.email, password: user.password },
    });
    expect(again.statusCode).toBe(200);
    expect(
      (await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode,
    ).toBe(401);
  });

  it('counts a change made through the session as activity for the idle timeout, and a read not', async () => {
    const admin = await t.signIn('administrator');
    const me = (
      await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: admin.headers })
    ).json();
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000).toISOString();
    const lastSeen = async () =>
      (
        await t.db.kysely
          .selectFrom('sessions')
          .select('last_seen_at')
          .where('user_id', '=', me.user.id)
          .executeTakeFirstOrThrow()
      ).last_seen_at;
    await t.db.kysely
      .updateTable('sessions')
      .set({ last_seen_at: tenMinutesAgo })
      .where('user_id', '=', me.user.id)
      .execute();

    await t.inject({ method: 'GET', url: '/api/v1/users', headers: admin.headers });
    expect(new Date(await lastSeen()).getTime()).toBe(new Date(tenMinutesAgo).getTime());

    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: {
        email: `active.${randomBytes(4).toString('hex')}@example.test`,
        displayName: 'Active',
        role: 'viewer',
        currentPassword: admin.password,
      },
    });
    expect(res.statusCode).toBe(201);
    expect(new Date(await lastSeen()).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('creates the first administrator once, with a one-time password that must be changed', async () => {
    const fresh = await startTestApp(kind, { seed: false });
    try {
      const audit = new AuditLog(fresh.db.dialect);
      const first = await bootstrapAdministrator(fresh.db, audit);
      expect(first?.email).toBe('admin@liaison.local');
      expect(await bootstrapAdministrator(fresh.db, audit)).toBeNull();
      const res = await fresh.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: first!.email, password: first!.password },
      });
      expect(res.json().user.mustChangePassword).toBe(true);
    } finally {
      await fresh.close();
    }
  });
});
