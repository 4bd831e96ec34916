/**
 * Several instances on one database: nothing a request needs lives in one process. Two apps, each
 * with its own connection to the same database (as two processes behind a load balancer): a
 * session made on one is served, CSRF-checked and ended on the other; a two-factor secret set up
 * on one is enabled on the other, and a code used on one is refused on the other. A sign-out on
 * one instance reaches the other within the session cache's time to live (server/auth: at most a
 * few seconds; at once where the cache is off).
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { AuditLog } from '../audit/audit-log.js';
import { base32Decode, totpCode } from '../auth/totp.js';
import { createUser } from '../auth/users.js';
import { createDb, type Db } from '../db/database.js';
import { testDatabases } from './databases.js';
import { openTestDatabase, type TestDatabase } from './harness.js';

const PASSWORD = 'a long enough password for two instances';

describe.each(testDatabases)('two instances on one %s database', (kind) => {
  let test: TestDatabase;
  let secondDb: Db;
  let a: FastifyInstance;
  let b: FastifyInstance;

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    secondDb = createDb(test.config.database);
    const options = { logger: false, rateLimitPerMinute: 100_000, loginRateLimitPerMinute: 10_000 };
    a = await buildApp(test.config, { ...options, db: test.db });
    b = await buildApp(test.config, { ...options, db: secondDb });
    await Promise.all([a.ready(), b.ready()]);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await secondDb.close();
    await test.drop();
  });

  async function account() {
    const email = `two.${randomBytes(4).toString('hex')}@example.test`;
    await createUser(test.db, new AuditLog(test.db.dialect), {
      email,
      role: 'editor',
      password: PASSWORD,
    });
    return email;
  }

  const login = (app: FastifyInstance, email: string, totp?: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload:
        totp === undefined ? { email, password: PASSWORD } : { email, password: PASSWORD, totp },
    });

  function sessionOf(res: Awaited<ReturnType<typeof login>>) {
    expect(res.statusCode, res.body).toBe(200);
    return {
      cookie: `liaison_session=${res.cookies.find((c) => c.name === 'liaison_session')!.value}`,
      'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken,
    };
  }

  it('serves, CSRF-checks and ends a session made on the other instance', async () => {
    const email = await account();
    const session = sessionOf(await login(a, email));
    const me = (app: FastifyInstance) =>
      app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session });
    expect((await me(b)).statusCode).toBe(200);
    expect((await me(a)).statusCode).toBe(200);
    // The CSRF token issued by A is checked by B against the database's session.
    const forged = await b.inject({
      method: 'POST',
      url: '/api/v1/auth/keepalive',
      headers: { cookie: session.cookie, 'x-csrf-token': 'not-the-token' },
    });
    expect(forged.statusCode).toBe(403);
    expect(
      (await b.inject({ method: 'POST', url: '/api/v1/auth/keepalive', headers: session }))
        .statusCode,
    ).toBe(204);
    // Signed out on B: B refuses at once, A within its session cache's time to live.
    expect(
      (await b.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: session })).statusCode,
    ).toBe(204);
    expect((await me(b)).statusCode).toBe(401);
    let onA = 200;
    for (let waited = 0; onA === 200 && waited < 15_000; waited += 250) {
      onA = (await me(a)).statusCode;
      if (onA === 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(onA).toBe(401);
  });

  it('keeps two-factor state in the database: set up on one, enabled on the other, codes used once', async () => {
    const email = await account();
    const onA = sessionOf(await login(a, email));
    const setup = await a.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/setup',
      headers: onA,
      payload: { currentPassword: PASSWORD },
    });
    expect(setup.statusCode, setup.body).toBe(200);
    const { secret } = setup.json() as { secret: string };
    const code = (steps: number) =>
      totpCode(base32Decode(secret), Math.floor(Date.now() / 1000) + steps * 30);
    const enable = await b.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/enable',
      headers: onA,
      payload: { code: code(0) },
    });
    expect(enable.statusCode, enable.body).toBe(204);
    // Both instances now ask for the code.
    expect((await login(a, email)).json().error.code).toBe('totp_required');
    expect((await login(b, email)).json().error.code).toBe('totp_required');
    // A code accepted on A is refused on B: the last step used is kept in the database.
    const next = code(1);
    expect((await login(a, email, next)).statusCode).toBe(200);
    expect((await login(b, email, next)).statusCode).toBe(401);
  });
});
