import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../audit/audit-log.js';
import { testDatabases } from '../test/databases.js';
import { startTestApp, type TestApp } from '../test/harness.js';
import { deployment } from '../test/partner.js';
import { bootstrapAdministrator, createUser } from './users.js';

describe.each(testDatabases)('sign-in and sessions on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { seed: false });
    await createUser(t.db, new AuditLog(t.db.dialect), {
      email: 'Coordinator@Example.test',
      role: 'coordinator',
      password: 'a long enough password',
    });
  });
  afterAll(() => t.close());

  const login = (email: string, password: string) =>
    t.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

  it('signs in with the e-mail in any case and returns the user, abilities and a CSRF token', async () => {
    const res = await login('coordinator@example.TEST', 'a long enough password');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      user: { email: 'coordinator@example.test', role: 'coordinator' },
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
    const wrong = await login('coordinator@example.test', 'not the password');
    const unknown = await login('nobody@example.test', 'whatever it is');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    const failures = await t.db.kysely
      .selectFrom('audit_log')
      .select('after_state')
      .where('action', '=', 'auth.login_failed')
      .execute();
    expect(failures.map((f) => JSON.parse(f.after_state!).reason)).toEqual(
      expect.arrayContaining(['bad_password', 'unknown_email']),
    );
  });

  it('locks an account for a while after five wrong passwords, even against the right one', async () => {
    await createUser(t.db, new AuditLog(t.db.dialect), {
      email: 'target@example.test',
      role: 'viewer',
      password: 'the right password',
    });
    for (let i = 0; i < 5; i += 1)
      expect((await login('target@example.test', `wrong ${i} password`)).statusCode).toBe(401);
    expect((await login('target@example.test', 'the right password')).statusCode).toBe(401);
  });

  it('ends the session on sign-out', async () => {
    const res = await login('coordinator@example.test', 'a long enough password');
    const headers = {
      cookie: `liaison_session=${res.cookies.find((c) => c.name === 'liaison_session')!.value}`,
      'x-csrf-token': res.json().csrfToken,
    };
    expect(
      (await t.inject({ method: 'POST', url: '/api/v1/auth/logout', headers })).statusCode,
    ).toBe(204);
    expect((await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers })).statusCode).toBe(
      401,
    );
  });

  it('signs out everywhere: every session of the user ends, others keep theirs, and it is audited', async () => {
    const signIn = async (email: string, password: string) => {
      const res = await login(email, password);
      return {
        cookie: `liaison_session=${res.cookies.find((c) => c.name === 'liaison_session')!.value}`,
        'x-csrf-token': res.json().csrfToken as string,
      };
    };
    const phone = await signIn('coordinator@example.test', 'a long enough password');
    const laptop = await signIn('coordinator@example.test', 'a long enough password');
    await createUser(t.db, new AuditLog(t.db.dialect), {
      email: 'bystander@example.test',
      role: 'viewer',
      password: 'another long password',
    });
    const bystander = await signIn('bystander@example.test', 'another long password');
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
    const other = await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bystander });
    expect(other.statusCode).toBe(200);
    const entry = await t.db.kysely
      .selectFrom('audit_log')
      .select(['actor_name', 'after_state'])
      .where('action', '=', 'auth.logout_all')
      .executeTakeFirstOrThrow();
    expect(entry.actor_name).toBe('coordinator@example.test');
    expect(JSON.parse(entry.after_state!).sessionsEnded).toBeGreaterThanOrEqual(2);
    expect((await logoutAll(laptop)).statusCode).toBe(401);
  });

  it('changes the password only with the current one, and the new one works', async () => {
    const res = await login('coordinator@example.test', 'a long enough password');

    const headers = {
      cookie: `liaison_session=${res.cookies.find((c) => c.name === 'liaison_session')!.value}`,
      'x-csrf-token': res.json().csrfToken,
    };
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
      payload: { currentPassword: 'a long enough password', newPassword: 'short' },
    });
    expect(short.statusCode).toBe(400);
    const ok = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers,
      payload: { currentPassword: 'a long enough password', newPassword: 'another long password' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await login('coordinator@example.test', 'another long password')).statusCode).toBe(200);
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
    await createUser(t.db, new AuditLog(t.db.dialect), {
      email: 'twice@example.test',
      role: 'viewer',
      password: 'signing in twice today',
    });
    const first = await login('twice@example.test', 'signing in twice today');
    const cookie = `liaison_session=${first.cookies.find((c) => c.name === 'liaison_session')!.value}`;
    const again = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { cookie },
      payload: { email: 'twice@example.test', password: 'signing in twice today' },
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
        email: 'active.user@example.test',
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
