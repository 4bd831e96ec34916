import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../audit/audit-log.js';
import { testDatabases } from '../test/databases.js';
import { startTestApp, type TestApp } from '../test/harness.js';
import { base32Decode, totpCode } from './totp.js';
import { createUser } from './users.js';

const PASSWORD = 'a long enough password';
const GENERIC = 'The e-mail address or password is not right.';

/** The code an authenticator app shows `offsetSteps` 30-second steps from now. */
function codeFor(secret: string, offsetSteps = 0): string {
  return totpCode(base32Decode(secret), Math.floor(Date.now() / 1000) + offsetSteps * 30);
}

describe.each(testDatabases)('two-factor sign-in on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { seed: false });
  });
  afterAll(() => t.close());

  const login = (email: string, password: string, totp?: string) =>
    t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: totp === undefined ? { email, password } : { email, password, totp },
    });

  /** A fresh account, signed in; returns its e-mail and session headers. */
  async function account() {
    const email = `totp.${randomBytes(4).toString('hex')}@example.test`;
    await createUser(t.db, new AuditLog(t.db.dialect), {
      email,
      role: 'editor',
      password: PASSWORD,
    });
    const res = await login(email, PASSWORD);
    expect(res.statusCode).toBe(200);
    const headers = {
      cookie: `liaison_session=${res.cookies.find((c) => c.name === 'liaison_session')!.value}`,
      'x-csrf-token': res.json().csrfToken as string,
    };
    return { email, headers };
  }

  /** Set-up and turning off confirm with the password; `payload` may override it. */
  const post = (url: string, headers: Record<string, string>, payload?: object) =>
    t.inject({
      method: 'POST',
      url: `/api/v1/auth/totp/${url}`,
      headers,
      payload: url === 'enable' ? payload : { currentPassword: PASSWORD, ...payload },
    });

  /** An account with two-factor sign-in on; returns it with its secret. */
  async function accountWithTotp() {
    const user = await account();
    const setup = await post('setup', user.headers);
    const { secret } = setup.json() as { secret: string };
    expect((await post('enable', user.headers, { code: codeFor(secret) })).statusCode).toBe(204);
    return { ...user, secret };
  }

  const userRow = (email: string) =>
    t.db.kysely
      .selectFrom('users')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirstOrThrow();

  it('sets up a pending secret that changes nothing about signing in until it is enabled', async () => {
    const user = await account();
    const res = await post('setup', user.headers);
    expect(res.statusCode).toBe(200);
    const { secret, otpauthUri } = res.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(otpauthUri).toContain(encodeURIComponent(user.email));
    const row = await userRow(user.email);
    expect(row).toMatchObject({ totp_secret: secret, totp_enabled: 0 });
    expect((await login(user.email, PASSWORD)).statusCode).toBe(200);
  });

  it('enables only with a code that matches the pending secret', async () => {
    const user = await account();
    const { secret } = (await post('setup', user.headers)).json();
    const wrongCode = codeFor(secret) === '000000' ? '111111' : '000000';
    const wrong = await post('enable', user.headers, { code: wrongCode });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.details).toEqual({ field: 'code' });
    expect((await userRow(user.email)).totp_enabled).toBe(0);
    const malformed = await post('enable', user.headers, { code: '12345' });
    expect(malformed.statusCode).toBe(400);

    expect((await post('enable', user.headers, { code: codeFor(secret) })).statusCode).toBe(204);
    expect((await userRow(user.email)).totp_enabled).toBe(1);
    const me = await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: user.headers });
    expect(me.json().user.totpEnabled).toBe(true);
  });

  it('refuses to enable without a set-up, and to set up again while enabled', async () => {
    const user = await account();
    const early = await post('enable', user.headers, { code: '123456' });
    expect(early.statusCode).toBe(409);
    const enabled = await accountWithTotp();
    const again = await post('setup', enabled.headers);
    expect(again.statusCode).toBe(409);
    expect((await userRow(enabled.email)).totp_secret).toBe(enabled.secret);
  });

  it('asks for the code when the password is right and two-factor sign-in is on', async () => {
    const user = await accountWithTotp();
    const res = await login(user.email, PASSWORD);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({
      error: {
        code: 'totp_required',
        message: 'Enter the 6-digit code from your authenticator app.',
      },
    });
    expect(res.cookies.find((c) => c.name === 'liaison_session')).toBeUndefined();
    // A wrong password never reveals that the account has a second factor.
    const wrongPassword = await login(user.email, 'not the password at all');
    expect(wrongPassword.json()).toEqual({ error: { code: 'unauthenticated', message: GENERIC } });
  });

  it('signs in with the password and a current code, and accepts that code only once', async () => {
    const user = await accountWithTotp();
    // The code used to enable was consumed; the app's next code (one step ahead) is accepted.
    const code = codeFor(user.secret, 1);
    const ok = await login(user.email, PASSWORD, code);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.totpEnabled).toBe(true);
    const replay = await login(user.email, PASSWORD, code);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.message).toBe(GENERIC);
    const entry = await t.db.kysely
      .selectFrom('audit_log')
      .select('after_state')
      .where('action', '=', 'auth.login')
      .where('actor_name', '=', user.email)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.after_state!)).toEqual({ secondFactor: 'totp' });
  });

  it('refuses codes from more than one step away', async () => {
    const user = await accountWithTotp();
    for (const offset of [-3, 3]) {
      expect((await login(user.email, PASSWORD, codeFor(user.secret, offset))).statusCode).toBe(
        401,
      );
    }
  });

  it('counts a wrong code as a failed sign-in, so five of them lock the account', async () => {
    const user = await accountWithTotp();
    const good = codeFor(user.secret, 1);
    const bad = good === '999999' ? '888888' : '999999';
    const first = await login(user.email, PASSWORD, bad);
    expect(first.json()).toEqual({ error: { code: 'unauthenticated', message: GENERIC } });
    expect((await userRow(user.email)).failed_logins).toBe(1);
    for (let i = 0; i < 4; i += 1) await login(user.email, PASSWORD, bad);
    expect((await userRow(user.email)).locked_until).not.toBeNull();
    expect((await login(user.email, PASSWORD, good)).statusCode).toBe(401);
    const reasons = await t.db.kysely
      .selectFrom('audit_log')
      .select('after_state')
      .where('action', '=', 'auth.login_failed')
      .where('entity_id', '=', (await userRow(user.email)).id)
      .execute();
    expect(reasons.map((r) => JSON.parse(r.after_state!).reason)).toEqual([
      ...Array(5).fill('bad_totp'),
      'locked',
    ]);
  });

  it('disables only with the password, after which the password alone signs in again', async () => {
    const user = await accountWithTotp();
    const wrong = await post('disable', user.headers, {
      currentPassword: 'not the password at all',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.details).toEqual({ field: 'currentPassword' });
    expect((await userRow(user.email)).totp_enabled).toBe(1);
    expect((await post('disable', user.headers, { currentPassword: PASSWORD })).statusCode).toBe(
      204,
    );
    expect(await userRow(user.email)).toMatchObject({ totp_enabled: 0, totp_secret: null });
    expect((await login(user.email, PASSWORD)).statusCode).toBe(200);
  });

  it('sets up only with the password, typed afresh', async () => {
    const user = await account();
    const wrong = await post('setup', user.headers, { currentPassword: 'not the password at all' });
    expect(wrong.statusCode).toBe(422);
    const missing = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/setup',
      headers: user.headers,
    });
    expect(missing.statusCode).toBe(400);
    expect((await userRow(user.email)).totp_secret).toBeNull();
  });

  it('audits set-up, enabling and disabling without ever writing the secret', async () => {
    const user = await accountWithTotp();
    await post('disable', user.headers, { currentPassword: PASSWORD });
    const id = (await userRow(user.email)).id;
    const entries = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', id)
      .where('action', 'like', 'auth.totp_%')
      .orderBy('seq')
      .execute();
    expect(entries.map((e) => e.action)).toEqual([
      'auth.totp_setup',
      'auth.totp_enable',
      'auth.totp_disable',
    ]);
    expect(JSON.stringify(entries)).not.toContain(user.secret);
  });

  it('keeps access tokens away from two-factor settings', async () => {
    const user = await account();
    const created = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: user.headers,
      payload: {
        name: 'integration',
        scopes: ['read', 'write'],
        expiresInDays: 1,
        currentPassword: PASSWORD,
      },
    });
    const bearer = { authorization: `Bearer ${created.json().token}` };
    expect((await post('setup', bearer)).statusCode).toBe(403);
    expect((await post('disable', bearer, { currentPassword: PASSWORD })).statusCode).toBe(403);
    expect((await userRow(user.email)).totp_secret).toBeNull();
  });
});
