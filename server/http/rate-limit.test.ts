import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { AuditLog } from '../audit/audit-log.js';
import { createUser } from '../auth/users.js';
import { loadConfig } from '../config.js';
import { testDatabases } from '../test/databases.js';
import { openTestDatabase, type TestDatabase } from '../test/harness.js';
import { MemoryRateLimitStore } from './rate-limit.js';

const API_LIMIT = 6;
const LOGIN_LIMIT = 3;

describe('rate-limit configuration', () => {
  it('reads both limits from the environment, with defaults', () => {
    expect(loadConfig({}).rateLimit).toEqual({ perMinute: 600, loginPerMinute: 10 });
    expect(
      loadConfig({
        LIAISON_RATE_LIMIT_PER_MINUTE: '1200',
        LIAISON_LOGIN_RATE_LIMIT_PER_MINUTE: '5',
      }).rateLimit,
    ).toEqual({ perMinute: 1200, loginPerMinute: 5 });
    expect(() => loadConfig({ LIAISON_RATE_LIMIT_PER_MINUTE: 'lots' })).toThrow(
      /LIAISON_RATE_LIMIT_PER_MINUTE/,
    );
  });

  it('counts per key in fixed windows, and a new window starts afresh', async () => {
    const store = new MemoryRateLimitStore();
    expect((await store.hit('a', 60_000)).count).toBe(1);
    expect((await store.hit('a', 60_000)).count).toBe(2);
    expect((await store.hit('b', 60_000)).count).toBe(1);
    const tiny = await store.hit('c', 1);
    expect(tiny.resetInMs).toBeLessThanOrEqual(1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await store.hit('c', 1)).count).toBe(1);
  });
});

describe.each(testDatabases)('rate limits and percent-encoded paths on %s', (kind) => {
  let test: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    // The limits come from the configuration (LIAISON_…_PER_MINUTE), not from build options.
    app = await buildApp(
      { ...test.config, rateLimit: { perMinute: API_LIMIT, loginPerMinute: LOGIN_LIMIT } },
      { db: test.db, logger: false },
    );
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  /** Each test comes from its own client address, so the counters of one never reach another. */
  let address = 0;
  const nextAddress = () => `10.0.${Math.floor(++address / 250)}.${(address % 250) + 1}`;

  async function account(role: 'administrator' | 'viewer' = 'viewer') {
    const email = `limit.${randomBytes(4).toString('hex')}@example.test`;
    const password = `correct horse ${randomBytes(6).toString('hex')}`;
    await createUser(test.db, new AuditLog(test.db.dialect), { email, role, password });
    return { email, password };
  }

  async function signIn(remoteAddress: string) {
    const { email, password } = await account();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress,
      payload: { email, password },
    });
    expect(res.statusCode, res.body).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'liaison_session')!.value;
    return {
      cookie: `liaison_session=${cookie}`,
      'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken,
    };
  }

  it('limits sign-in per client address, however the path is spelled', async () => {
    const remoteAddress = nextAddress();
    const attempt = (url: string) =>
      app.inject({
        method: 'POST',
        url,
        remoteAddress,
        payload: { email: 'nobody@example.test', password: 'guess' },
      });
    const answers = [];
    for (const url of [
      '/%61pi/v1/auth/login',
      '/api/v1/auth/login',
      '/api/v1/%61uth/login',
      '/%61pi/v1/auth/login',
      '/api/v1/auth/login',
    ]) {
      answers.push((await attempt(url)).statusCode);
    }
    expect(answers).toEqual([401, 401, 401, 429, 429]);
    const refused = await attempt('/%61pi/v1/auth/login');
    expect(refused.json().error.code).toBe('rate_limited');
    // Another address is not affected.
    const elsewhere = await app.inject({
      method: 'POST',
      url: '/%61pi/v1/auth/login',
      remoteAddress: nextAddress(),
      payload: { email: 'nobody@example.test', password: 'guess' },
    });
    expect(elsewhere.statusCode).toBe(401);
  });

  it('limits a signed-out caller per address, on encoded paths too', async () => {
    const remoteAddress = nextAddress();
    const codes = [];
    for (let i = 0; i < API_LIMIT + 1; i += 1) {
      // (Health checks are exempt: a load balancer polls them.)
      const url = i % 2 ? '/%61pi/v1/organisations' : '/api/v1/organisations';
      codes.push((await app.inject({ method: 'GET', url, remoteAddress })).statusCode);
    }
    expect(codes).toEqual([...Array(API_LIMIT).fill(200), 429]);
  });

  it('counts each signed-in account apart, even behind one shared address', async () => {
    const remoteAddress = nextAddress();
    // Signing in has its own budget: it does not use up the API's.
    const first = await signIn(remoteAddress);
    const second = await signIn(remoteAddress);
    const me = (headers: Record<string, string>) =>
      app.inject({ method: 'GET', url: '/api/v1/auth/me', headers, remoteAddress });
    for (let i = 0; i < API_LIMIT; i += 1) expect((await me(first)).statusCode).toBe(200);
    expect((await me(first)).statusCode).toBe(429);
    // Same address, another account: its own budget.
    expect((await me(second)).statusCode).toBe(200);
    // Same address, signed out: the address's own budget.
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/organisations', remoteAddress })).statusCode,
    ).toBe(200);
  });

  it('counts an access token apart from its owner’s session', async () => {
    const remoteAddress = nextAddress();
    const { email, password } = await account();
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress,
      payload: { email, password },
    });
    const session = {
      cookie: `liaison_session=${login.cookies.find((c) => c.name === 'liaison_session')!.value}`,
      'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken,
    };
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      remoteAddress,
      headers: session,
      payload: { name: 'sync', scopes: ['read'], expiresInDays: 1, currentPassword: password },
    });
    expect(created.statusCode, created.body).toBe(201);
    const bearer = { authorization: `Bearer ${created.json().token as string}` };
    const read = (headers: Record<string, string>) =>
      app.inject({ method: 'GET', url: '/api/v1/organisations', headers, remoteAddress });
    for (let i = 0; i < API_LIMIT; i += 1) expect((await read(bearer)).statusCode).toBe(200);
    expect((await read(bearer)).statusCode).toBe(429);
    expect((await read(session)).statusCode).toBe(200);
  });

  it('resolves credentials and checks CSRF on percent-encoded API paths', async () => {
    const remoteAddress = nextAddress();
    const session = await signIn(remoteAddress);
    // The cookie alone, without the CSRF token: refused as a forged request.
    for (const url of ['/%61pi/v1/organisations', '/%61pi/v1/auth/logout']) {
      const forged = await app.inject({
        method: 'POST',
        url,
        remoteAddress,
        headers: { cookie: session.cookie },
        payload: {},
      });
      expect(forged.statusCode, url).toBe(403);
      expect(forged.json().error.code).toBe('csrf_failed');
    }
    // With the token, the session is recognised on an encoded path.
    const kept = await app.inject({
      method: 'POST',
      url: '/%61pi/v1/auth/%6Beepalive',
      remoteAddress,
      headers: session,
    });
    expect(kept.statusCode).toBe(204);
    // Signed out, an encoded mutation is refused as unauthenticated, not served anonymously.
    const anonymous = await app.inject({
      method: 'POST',
      url: '/%61pi/v1/auth/logout-all',
      remoteAddress,
    });
    expect(anonymous.statusCode).toBe(401);
    const me = await app.inject({
      method: 'GET',
      url: '/%61pi/v1/auth/me',
      remoteAddress,
      headers: session,
    });
    expect(me.statusCode).toBe(200);
    // A bad bearer token is refused on an encoded path as on a plain one.
    const badToken = await app.inject({
      method: 'GET',
      url: '/%61pi/v1/organisations',
      remoteAddress,
      headers: { authorization: 'Bearer lsn_nonsense' },
    });
    expect(badToken.statusCode).toBe(401);
  });

  it('answers an unknown encoded API path with the JSON 404, not the web app', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/%61pi/v1/no-such-thing',
      remoteAddress: nextAddress(),
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
  it('keeps its counters behind the RateLimitStore interface (a shared store plugs in there)', async () => {
    const seen: string[] = [];
    const store = {
      hit(key: string, windowMs: number) {
        seen.push(key);
        return Promise.resolve({ count: 1, resetInMs: windowMs });
      },
    };
    const other = await buildApp(test.config, {
      db: test.db,
      logger: false,
      rateLimitStore: store,
    });
    try {
      const remoteAddress = nextAddress();
      await other.inject({ method: 'GET', url: '/api/v1/organisations', remoteAddress });
      await other.inject({
        method: 'POST',
        url: '/%61pi/v1/auth/login',
        remoteAddress,
        payload: { email: 'nobody@example.test', password: 'guess' },
      });
      expect(seen).toEqual([
        `api|address:${remoteAddress}`,
        `POST /api/v1/auth/login|address:${remoteAddress}`,
      ]);
    } finally {
      await other.close();
    }
  });
});
