/**
 * Shared rate-limit counters: two app instances on one PostgreSQL database (or one Redis) share
 * one budget per caller; a shared store that fails leaves each instance counting in its own
 * memory, with a warning, instead of refusing requests.
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig, type Config } from '../config.js';
import { createDb, type Db } from '../db/database.js';
import { testDatabases } from '../test/databases.js';
import { openTestDatabase, type TestDatabase } from '../test/harness.js';
import { FallbackRateLimitStore, type RateLimitStore } from './rate-limit.js';
import {
  PostgresRateLimitStore,
  RedisRateLimitStore,
  rateLimitStoreFor,
} from './rate-limit-stores.js';

/** A real Redis (CI starts one and names it here). */
const REDIS_URL = process.env.LIAISON_TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const API_LIMIT = 5;

/** A client address no other test (nor an earlier run against the same Redis) has used. */
const freshAddress = () => {
  const b = randomBytes(3);
  return `10.${b[0]}.${b[1]}.${(b[2]! % 250) + 1}`;
};

/** A port nothing listens on (a Redis that is down). */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('rate-limit store configuration', () => {
  it('counts in memory on SQLite and in PostgreSQL on PostgreSQL unless told otherwise', () => {
    expect(loadConfig({}).rateLimitStore).toEqual({ kind: 'memory' });
    expect(loadConfig({ DATABASE_URL: 'postgres://db/x' }).rateLimitStore).toEqual({
      kind: 'postgres',
    });
    expect(
      loadConfig({ DATABASE_URL: 'postgres://db/x', LIAISON_RATE_LIMIT_STORE: 'memory' })
        .rateLimitStore,
    ).toEqual({ kind: 'memory' });
    expect(
      loadConfig({ LIAISON_RATE_LIMIT_STORE: 'redis', LIAISON_REDIS_URL: REDIS_URL })
        .rateLimitStore,
    ).toEqual({ kind: 'redis', redisUrl: REDIS_URL });
  });

  it('refuses to start with a store it cannot use, naming the variable', () => {
    expect(() => loadConfig({ LIAISON_RATE_LIMIT_STORE: 'redis' })).toThrow(
      /LIAISON_RATE_LIMIT_STORE=redis needs LIAISON_REDIS_URL/,
    );
    expect(() => loadConfig({ LIAISON_RATE_LIMIT_STORE: 'postgres' })).toThrow(
      /LIAISON_RATE_LIMIT_STORE=postgres needs DATABASE_URL/,
    );
    expect(() => loadConfig({ LIAISON_RATE_LIMIT_STORE: 'memcached' })).toThrow(
      /LIAISON_RATE_LIMIT_STORE/,
    );
    expect(() =>
      loadConfig({ LIAISON_RATE_LIMIT_STORE: 'redis', LIAISON_REDIS_URL: 'localhost:6379' }),
    ).toThrow(/LIAISON_REDIS_URL must start with redis:\/\//);
    expect(loadConfig({ LIAISON_DRAIN_DELAY_SECONDS: '5' }).drainDelaySeconds).toBe(5);
    expect(loadConfig({}).drainDelaySeconds).toBe(0);
  });
});

describe('a shared store that fails', () => {
  it('is replaced by this process’s memory meanwhile, with one warning per minute', async () => {
    let down = true;
    let shared = 0;
    const primary: RateLimitStore = {
      hit: async (_key, windowMs) => {
        if (down) throw new Error('connection refused');
        shared += 1;
        return { count: 100 + shared, resetInMs: windowMs };
      },
    };
    const warnings: string[] = [];
    const store = new FallbackRateLimitStore(primary, (m) => warnings.push(m));
    const counts = [];
    for (let i = 0; i < 4; i += 1) counts.push((await store.hit('k', 60_000)).count);
    // Counted locally, one by one: the limit still holds on this instance.
    expect(counts).toEqual([1, 2, 3, 4]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/shared rate-limit store failed \(connection refused\)/);
    // Back up: the shared counts are used again.
    down = false;
    expect((await store.hit('k', 60_000)).count).toBe(101);
  });

  it('answers at once when Redis is down, and warns', async () => {
    const redis = new RedisRateLimitStore(`redis://127.0.0.1:${await closedPort()}`);
    try {
      await expect(redis.hit('k', 60_000)).rejects.toThrow();
      const warnings: string[] = [];
      const store = new FallbackRateLimitStore(redis, (m) => warnings.push(m));
      expect((await store.hit('k', 60_000)).count).toBe(1);
      expect((await store.hit('k', 60_000)).count).toBe(2);
      expect(warnings).toHaveLength(1);
    } finally {
      await redis.close();
    }
  });
});

describe('the Redis store', () => {
  it('counts concurrent hits from two clients without losing one, and restarts windows', async () => {
    const a = new RedisRateLimitStore(REDIS_URL);
    const b = new RedisRateLimitStore(REDIS_URL);
    try {
      const key = `test|${randomBytes(8).toString('hex')}`;
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).hit(key, 60_000)),
      );
      expect(results.map((r) => r.count).sort((x, y) => x - y)).toEqual(
        Array.from({ length: 40 }, (_, i) => i + 1),
      );
      for (const r of results) {
        expect(r.resetInMs).toBeGreaterThan(0);
        expect(r.resetInMs).toBeLessThanOrEqual(60_000);
      }
      const short = `test|${randomBytes(8).toString('hex')}`;
      expect((await a.hit(short, 1)).count).toBe(1);
      await new Promise((r) => setTimeout(r, 20));
      expect((await b.hit(short, 60_000)).count).toBe(1);
      expect((await a.hit(short, 60_000)).count).toBe(2);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe.each(testDatabases)('two instances on one %s database', (kind) => {
  let test: TestDatabase;
  let secondDb: Db;

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    // The second instance opens the database on its own, as another process would.
    secondDb = createDb(test.config.database);
  });
  afterAll(async () => {
    await secondDb.close();
    await test.drop();
  });

  async function twoInstances(store: Config['rateLimitStore']) {
    const config: Config = {
      ...test.config,
      rateLimit: { perMinute: API_LIMIT, loginPerMinute: 3 },
      rateLimitStore: store,
    };
    const apps: FastifyInstance[] = [];
    for (const db of [test.db, secondDb]) {
      const app = await buildApp(config, { db, logger: false });
      await app.ready();
      apps.push(app);
    }
    return apps as [FastifyInstance, FastifyInstance];
  }

  /** Requests from one address, alternating between the instances; the status codes. */
  async function alternate(apps: FastifyInstance[], count: number, remoteAddress: string) {
    const codes: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const res = await apps[i % apps.length]!.inject({
        method: 'GET',
        url: '/api/v1/marking-levels',
        remoteAddress,
      });
      codes.push(res.statusCode);
    }
    return codes;
  }

  it('share one budget per caller through Redis', async () => {
    const apps = await twoInstances({ kind: 'redis', redisUrl: REDIS_URL });
    try {
      const address = freshAddress();
      expect(await alternate(apps, API_LIMIT + 2, address)).toEqual([
        ...Array(API_LIMIT).fill(200),
        429,
        429,
      ]);
      // Another caller has a budget of its own.
      expect(await alternate(apps, 1, freshAddress())).toEqual([200]);
    } finally {
      for (const app of apps) await app.close();
    }
  });

  it('count in their own memory (each its own budget) when Redis is down', async () => {
    const apps = await twoInstances({
      kind: 'redis',
      redisUrl: `redis://127.0.0.1:${await closedPort()}`,
    });
    try {
      const address = freshAddress();
      // Served, not refused: each instance counts alone, so the caller gets the limit on each.
      expect(await alternate(apps, 2 * API_LIMIT + 2, address)).toEqual([
        ...Array(2 * API_LIMIT).fill(200),
        429,
        429,
      ]);
    } finally {
      for (const app of apps) await app.close();
    }
  });

  it('count apart with memory counters (why one instance alone may use them)', async () => {
    const apps = await twoInstances({ kind: 'memory' });
    try {
      expect(await alternate(apps, 2 * API_LIMIT + 1, freshAddress())).toEqual([
        ...Array(2 * API_LIMIT).fill(200),
        429,
      ]);
    } finally {
      for (const app of apps) await app.close();
    }
  });

  if (kind === 'postgres') {
    it('share one budget per caller through PostgreSQL', async () => {
      const apps = await twoInstances({ kind: 'postgres' });
      try {
        const address = freshAddress();
        expect(await alternate(apps, API_LIMIT + 2, address)).toEqual([
          ...Array(API_LIMIT).fill(200),
          429,
          429,
        ]);
        // Sign-in has its own, shared budget (3) per address.
        const login = (i: number) =>
          apps[i % 2]!.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            remoteAddress: address,
            payload: { email: 'nobody@example.test', password: 'guess' },
          });
        const codes = [];
        for (let i = 0; i < 4; i += 1) codes.push((await login(i)).statusCode);
        expect(codes).toEqual([401, 401, 401, 429]);
      } finally {
        for (const app of apps) await app.close();
      }
    });

    it('PostgreSQL sweeps the windows that ended, and only those', async () => {
      const store = new PostgresRateLimitStore(test.db, 0);
      const ended = `test|${randomBytes(8).toString('hex')}`;
      const running = `test|${randomBytes(8).toString('hex')}`;
      await store.hit(ended, 1);
      await store.hit(running, 60_000);
      await new Promise((r) => setTimeout(r, 20));
      // The next hit sweeps in the background.
      await store.hit(`test|${randomBytes(8).toString('hex')}`, 60_000);
      const keys = async () =>
        (
          await sql<{ key: string }>`
            select key from rate_limit_counters where key in (${ended}, ${running})`.execute(
            test.db.kysely,
          )
        ).rows.map((r) => r.key);
      let left = await keys();
      for (let i = 0; left.includes(ended) && i < 50; i += 1) {
        await new Promise((r) => setTimeout(r, 50));
        left = await keys();
      }
      expect(left).toEqual([running]);
    });

    it('PostgreSQL counts concurrent hits from two pools without losing one', async () => {
      const a = new PostgresRateLimitStore(test.db);
      const b = rateLimitStoreFor({ kind: 'postgres' }, secondDb);
      const key = `test|${randomBytes(8).toString('hex')}`;
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).hit(key, 60_000)),
      );
      expect(results.map((r) => r.count).sort((x, y) => x - y)).toEqual(
        Array.from({ length: 40 }, (_, i) => i + 1),
      );
      expect(Math.min(...results.map((r) => r.resetInMs))).toBeGreaterThan(0);
      // A window that has ended starts afresh.
      const short = `test|${randomBytes(8).toString('hex')}`;
      expect((await a.hit(short, 1)).count).toBe(1);
      await new Promise((r) => setTimeout(r, 20));
      expect((await b.hit(short, 60_000)).count).toBe(1);
      expect((await a.hit(short, 60_000)).count).toBe(2);
    });
  } else {
    it('refuses a PostgreSQL store on SQLite', () => {
      expect(() => new PostgresRateLimitStore(test.db)).toThrow(/needs PostgreSQL/);
    });
  }
});
