/**
 * Rate-limit counters shared by several instances (LIAISON_RATE_LIMIT_STORE):
 *
 * - `postgres`: one row per key in the UNLOGGED table rate_limit_counters, counted by one atomic
 *   upsert (INSERT … ON CONFLICT DO UPDATE … RETURNING: two instances hitting the same key at
 *   once queue on its row, neither count is lost). Windows are timed by the database's clock, so
 *   instances whose clocks disagree still share one window. Expired rows are swept at most once a
 *   minute per instance.
 * - `redis`: INCR and PEXPIRE in one Lua script (atomic on the server), keys `liaison:rl:…`.
 *
 * When the shared store fails (Redis down or slow, the database unreachable), requests are not
 * refused for it: `FallbackRateLimitStore` (rate-limit.ts) counts in this process's memory
 * meanwhile and logs a warning at most once a minute.
 */
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { MemoryRateLimitStore, type RateLimitStore } from './rate-limit.js';

const SWEEP_EVERY_MS = 60_000;

/** Counters in the PostgreSQL table rate_limit_counters (migration 0021). */
export class PostgresRateLimitStore implements RateLimitStore {
  private lastSweep = 0;

  constructor(
    private readonly db: Db,
    private readonly sweepEveryMs = SWEEP_EVERY_MS,
  ) {
    if (db.dialect !== 'postgres') throw new Error('PostgresRateLimitStore needs PostgreSQL');
  }

  async hit(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }> {
    const window = `${Math.max(1, Math.round(windowMs))} milliseconds`;
    const result = await sql<{ hits: number; reset_ms: number }>`
      insert into rate_limit_counters as c (key, hits, window_ends_at)
      values (${key}, 1, clock_timestamp() + ${window}::interval)
      on conflict (key) do update set
        hits = case when c.window_ends_at <= clock_timestamp() then 1 else c.hits + 1 end,
        window_ends_at = case when c.window_ends_at <= clock_timestamp()
          then clock_timestamp() + ${window}::interval else c.window_ends_at end
      returning hits,
        greatest(0, ceil(extract(epoch from (window_ends_at - clock_timestamp())) * 1000))::int
          as reset_ms`.execute(this.db.kysely);
    const row = result.rows[0]!;
    this.sweepNow();
    return { count: Number(row.hits), resetInMs: Number(row.reset_ms) };
  }

  /** Deletes windows that ended (in the background, at most once a minute per instance). */
  private sweepNow(): void {
    const now = Date.now();
    if (now - this.lastSweep < this.sweepEveryMs) return;
    this.lastSweep = now;
    void sql`delete from rate_limit_counters where window_ends_at < clock_timestamp()`
      .execute(this.db.kysely)
      .catch(() => undefined);
  }
}

/**
 * INCR the key; the first hit of a window sets its expiry; answers [hits, ms left]. A key left
 * without an expiry (a crash between the two calls cannot happen in a script, but an operator
 * may have set one by hand) gets one.
 */
const HIT_SCRIPT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {n, ttl}
`;

/** Counters in Redis. A command fails at once while Redis is unreachable, and after 250 ms when slow. */
export class RedisRateLimitStore implements RateLimitStore {
  readonly redis: Redis;
  /** Settles once the first connection attempt has succeeded or failed; hits wait for it once. */
  private firstAttempt: Promise<void> | null;

  constructor(url: string, { commandTimeoutMs = 250 } = {}) {
    this.redis = new Redis(url, {
      // Never queue commands while disconnected: the request would wait for the reconnection.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: commandTimeoutMs,
      connectTimeout: 1000,
      // Reconnect in the background, backing off to one try every 2 s.
      retryStrategy: (times) => Math.min(times * 100, 2000),
    });
    // Connection errors are reported through the failing commands (see FallbackRateLimitStore).
    this.redis.on('error', () => undefined);
    this.firstAttempt = new Promise<void>((resolve) => {
      const settle = () => {
        this.redis.off('ready', settle);
        this.redis.off('error', settle);
        resolve();
      };
      this.redis.once('ready', settle);
      this.redis.once('error', settle);
    });
  }

  async hit(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }> {
    if (this.firstAttempt) {
      await this.firstAttempt;
      this.firstAttempt = null;
    }
    const [count, ttl] = (await this.redis.eval(
      HIT_SCRIPT,
      1,
      `liaison:rl:${key}`,
      String(Math.max(1, Math.round(windowMs))),
    )) as [number, number];
    return { count: Number(count), resetInMs: Number(ttl) };
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}

/** The store the configuration names (LIAISON_RATE_LIMIT_STORE), on the app's database. */
export function rateLimitStoreFor(settings: Config['rateLimitStore'], db: Db): RateLimitStore {
  switch (settings.kind) {
    case 'postgres':
      return new PostgresRateLimitStore(db);
    case 'redis':
      return new RedisRateLimitStore(settings.redisUrl!);
    default:
      return new MemoryRateLimitStore();
  }
}
