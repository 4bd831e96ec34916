/**
 * Rate limits on the API. The limit is attached to the API routes (registered inside the API
 * scope, so it follows the matched route, not the spelling of the URL: `/%61pi/v1/…` is limited
 * like `/api/v1/…`). A signed-in caller is counted per account (cookie session) or per access
 * token, so a ministry behind one NAT address does not share one budget; a caller without
 * credentials is counted per client address. Sign-in has its own, stricter limit per address.
 *
 * The counters live behind `RateLimitStore`: in this process's memory for a single instance, in
 * PostgreSQL or Redis when several instances share the load (rate-limit-stores.ts, chosen by
 * LIAISON_RATE_LIMIT_STORE). A shared store that fails does not refuse requests: the instance
 * counts in its own memory meanwhile and logs a warning (FallbackRateLimitStore).
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errors } from '../errors.js';

/** A fixed-window counter store. */
export interface RateLimitStore {
  /** Counts one hit on `key`; answers the hits in the current window and the ms it has left. */
  hit(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }>;
  /** Releases the store's own connection, if it holds one (called when the app closes). */
  close?(): Promise<void>;
}

/** Counters in this process's memory (bounded: the oldest keys go first). */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows = new Map<string, { count: number; startedAt: number }>();

  constructor(private readonly maxKeys = 50_000) {}

  hit(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }> {
    const now = Date.now();
    let entry = this.windows.get(key);
    if (!entry || entry.startedAt + windowMs <= now) {
      entry = { count: 0, startedAt: now };
      this.windows.delete(key);
      if (this.windows.size >= this.maxKeys) {
        const oldest = this.windows.keys().next().value;
        if (oldest !== undefined) this.windows.delete(oldest);
      }
      this.windows.set(key, entry);
    }
    entry.count += 1;
    return Promise.resolve({ count: entry.count, resetInMs: entry.startedAt + windowMs - now });
  }
}

/**
 * Uses `primary`; while it fails, counts in `fallback` (this process's memory) and warns at most
 * once per `warnEveryMs`.
 */
export class FallbackRateLimitStore implements RateLimitStore {
  private lastWarning = -Infinity;

  constructor(
    private readonly primary: RateLimitStore,
    private readonly warn: (message: string) => void,
    private readonly fallback: RateLimitStore = new MemoryRateLimitStore(),
    private readonly warnEveryMs = 60_000,
  ) {}

  async hit(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }> {
    try {
      return await this.primary.hit(key, windowMs);
    } catch (error) {
      const now = Date.now();
      if (now - this.lastWarning >= this.warnEveryMs) {
        this.lastWarning = now;
        const reason = error instanceof Error ? error.message : String(error);
        this.warn(
          `The shared rate-limit store failed (${reason}); counting in this instance's memory ` +
            'until it answers again (each instance limits on its own meanwhile).',
        );
      }
      return this.fallback.hit(key, windowMs);
    }
  }

  async close(): Promise<void> {
    await this.primary.close?.();
  }
}

/** Who a request is counted as: its access token, its account, or its client address. */
export function rateLimitKey(request: FastifyRequest): string {
  if (request.accessToken) return `token:${request.accessToken.id}`;
  if (request.actor) return `user:${request.actor.id}`;
  return `address:${request.ip}`;
}

/** Sign-in is counted per client address whoever is signed in. */
export function addressKey(request: FastifyRequest): string {
  return `address:${request.ip}`;
}

interface RouteParams {
  routeInfo?: { method?: string | string[]; url?: string };
}
type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** Adapts a RateLimitStore to @fastify/rate-limit's store contract, one namespace per route. */
function pluginStore(store: RateLimitStore) {
  class Adapter {
    private readonly namespace: string;
    /** The plugin builds the global store with its options; each route's child with a name. */
    constructor(namespace?: unknown) {
      this.namespace = typeof namespace === 'string' ? namespace : 'api';
    }
    incr(key: string, callback: Callback, timeWindow: number) {
      store.hit(`${this.namespace}|${key}`, timeWindow).then(
        ({ count, resetInMs }) => callback(null, { current: count, ttl: resetInMs }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }
    child(params: RouteParams) {
      const { method, url } = params.routeInfo ?? {};
      return new Adapter(`${String(method)} ${String(url)}`);
    }
  }
  return Adapter;
}

export interface ApiRateLimitOptions {
  perMinute: number;
  store?: RateLimitStore;
}

/**
 * Registers the limit on every route of `api` (call it first inside the API scope). A route may
 * set its own `config.rateLimit` (sign-in does) and is then counted apart.
 */
export async function registerApiRateLimit(
  api: FastifyInstance,
  { perMinute, store = new MemoryRateLimitStore() }: ApiRateLimitOptions,
): Promise<void> {
  const counted: RateLimitStore =
    store instanceof MemoryRateLimitStore
      ? store
      : new FallbackRateLimitStore(store, (message) => api.log.warn(message));
  api.addHook('onClose', async () => {
    await counted.close?.();
  });
  const Store = pluginStore(counted);
  await api.register(rateLimit, {
    global: true,
    max: perMinute,
    timeWindow: '1 minute',
    // The route-level onRequest hook runs after the auth plugin's application-wide one, so the
    // actor and the access token are known here.
    keyGenerator: rateLimitKey,
    store: Store as unknown as never,
    errorResponseBuilder: (_request, context) => {
      const error = errors.tooManyRequests(
        `Too many requests. Try again in ${Math.ceil(context.ttl / 1000)} s.`,
      );
      return Object.assign(error, { statusCode: 429 });
    },
  });
}
