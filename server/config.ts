/** Process configuration: parsed once from the environment with zod; nothing else reads process.env. */
import path from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(
        /^postgres(ql)?:\/\//,
        'DATABASE_URL must start with postgres:// (leave it unset for SQLite)',
      )
      .optional(),
  ),
  LIAISON_DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Set when Liaison runs behind a TLS-terminating proxy: cookies become Secure. */
  LIAISON_TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  LIAISON_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(60),
  LIAISON_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  /**
   * How long an instance may answer from its memory who a session's user is (server/auth/
   * session-cache.ts): changes made on this instance count at once, those made on another within
   * this many seconds. 0 reads the database on every request.
   */
  LIAISON_SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
  /** Plan imports: the most an XLSX may unpack to, the heap and the time of the worker reading it. */
  LIAISON_IMPORT_MAX_EXPANDED_MB: z.coerce.number().int().min(1).max(4096).default(100),
  LIAISON_IMPORT_WORKER_MEMORY_MB: z.coerce.number().int().min(32).max(16384).default(256),
  LIAISON_IMPORT_TIMEOUT_SECONDS: z.coerce.number().int().min(1).default(60),
  /** On SIGTERM/SIGINT: how long in-flight requests and running jobs may take before exit. */
  LIAISON_SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).default(20),
  /**
   * The deployment's data set, loaded on first start: `reference` (the partner deployment shipped
   * in server/seed/reference) or `fictional` (a made-up partner with its own marking scheme, used
   * to prove that nothing partner-specific lives in code).
   */
  LIAISON_DATA_SET: z.enum(['reference', 'fictional']).default('reference'),
  /**
   * Overrides of the deployment settings the data set stores (deployment_settings), applied at
   * start-up: the partner nation's code, the default owner of labels, and the default label of new
   * records written POLICY:LEVEL:RELEASABLE,TO (e.g. NATO:NATO_UNCLASSIFIED:NATO). Unset: the
   * data set's values stand.
   */
  LIAISON_PARTNER_NATION: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^[A-Z]{2}$/, 'LIAISON_PARTNER_NATION must be a two-letter country code')
      .optional(),
  ),
  LIAISON_DEFAULT_OWNER: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^[A-Z]{2,10}$/, 'LIAISON_DEFAULT_OWNER must be an owner code in capitals')
      .optional(),
  ),
  LIAISON_DEFAULT_LABEL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(
        /^[A-Z][A-Z0-9_]*:[A-Z0-9_]+:[A-Z]+(,[A-Z]+)*$/,
        'LIAISON_DEFAULT_LABEL must read POLICY:LEVEL:RELEASABLE,TO, e.g. NATO:NATO_UNCLASSIFIED:NATO',
      )
      .refine((v) => !v.split(':')[2]!.split(',').includes('PUBLIC'), {
        message: 'LIAISON_DEFAULT_LABEL may not be public: publishing is an explicit act',
      })
      .optional(),
  ),
  /** API requests per minute per account, access token or (signed out) client address. */
  LIAISON_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Sign-in attempts per minute per client address. */
  LIAISON_LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  /**
   * Where rate-limit counters live: `memory` (this process: one instance), `postgres` or `redis`
   * (shared by several instances). Unset: memory on SQLite, postgres on PostgreSQL.
   */
  LIAISON_RATE_LIMIT_STORE: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(['memory', 'postgres', 'redis']).optional(),
  ),
  /** The Redis server of LIAISON_RATE_LIMIT_STORE=redis, e.g. redis://127.0.0.1:6379. */
  LIAISON_REDIS_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^rediss?:\/\//, 'LIAISON_REDIS_URL must start with redis:// or rediss://')
      .optional(),
  ),
  /**
   * On SIGTERM/SIGINT: seconds the readiness check answers 503 while requests are still served,
   * before the listener closes, so a load balancer stops sending first (0: close at once).
   */
  LIAISON_DRAIN_DELAY_SECONDS: z.coerce.number().int().min(0).max(300).default(0),
  /** Where the built web app is served from (default web/dist beside the server). */
  LIAISON_WEB_DIST: z.string().min(1).optional(),
});

export interface Config {
  port: number;
  host: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  dataDir: string;
  logLevel: (typeof LOG_LEVELS)[number];
  production: boolean;
  trustProxy: boolean;
  session: { idleMinutes: number; absoluteHours: number; cacheSeconds: number };
  /** Caps on reading an import file (see server/modules/plan-imports/read-file.ts). */
  imports: { maxExpandedMb: number; workerMemoryMb: number; timeoutSeconds: number };
  /** Grace for draining requests on shutdown, in seconds. */
  shutdownGraceSeconds: number;
  /** Which data set a new deployment loads, and environment overrides of its settings. */
  deployment: {
    dataSet: 'reference' | 'fictional';
    partnerNation?: string;
    defaultOwner?: string;
    defaultLabel?: { policy: string; level: string; releasableTo: string[] };
  };
  /** Requests per minute: on the API (per account, token or address) and on sign-in (per address). */
  rateLimit: { perMinute: number; loginPerMinute: number };
  /** Where the rate-limit counters live (server/http/rate-limit-stores.ts). */
  rateLimitStore: { kind: 'memory' | 'postgres' | 'redis'; redisUrl?: string };
  /** Seconds of "not ready" before the listener closes on SIGTERM (load balancers' drain). */
  drainDelaySeconds: number;
  /** Absolute path of the built web app, served when it exists. */
  webDist: string;
}

/** POLICY:LEVEL:A,B → a label (the format is checked by the schema above). */
function parseLabel(text: string) {
  const [policy, level, releasable] = text.split(':') as [string, string, string];
  return { policy, level, releasableTo: releasable.split(',') };
}

/** Parses the environment into a Config; throws a readable error naming the bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.LIAISON_DATA_DIR);
  const storeKind = e.LIAISON_RATE_LIMIT_STORE ?? (e.DATABASE_URL ? 'postgres' : 'memory');
  const storeProblem =
    storeKind === 'redis' && !e.LIAISON_REDIS_URL
      ? 'LIAISON_RATE_LIMIT_STORE=redis needs LIAISON_REDIS_URL (e.g. redis://127.0.0.1:6379)'
      : storeKind === 'postgres' && !e.DATABASE_URL
        ? 'LIAISON_RATE_LIMIT_STORE=postgres needs DATABASE_URL (SQLite runs one instance: use memory)'
        : null;
  if (storeProblem)
    throw new Error(`Invalid configuration:\n  LIAISON_RATE_LIMIT_STORE: ${storeProblem}`);
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'sqlite', file: path.join(dataDir, 'liaison.db') },
    dataDir,
    logLevel: e.LOG_LEVEL,
    production: e.NODE_ENV === 'production',
    trustProxy: e.LIAISON_TRUST_PROXY,
    session: {
      idleMinutes: e.LIAISON_SESSION_IDLE_MINUTES,
      absoluteHours: e.LIAISON_SESSION_ABSOLUTE_HOURS,
      cacheSeconds: e.LIAISON_SESSION_CACHE_SECONDS,
    },
    imports: {
      maxExpandedMb: e.LIAISON_IMPORT_MAX_EXPANDED_MB,
      workerMemoryMb: e.LIAISON_IMPORT_WORKER_MEMORY_MB,
      timeoutSeconds: e.LIAISON_IMPORT_TIMEOUT_SECONDS,
    },
    shutdownGraceSeconds: e.LIAISON_SHUTDOWN_GRACE_SECONDS,
    deployment: {
      dataSet: e.LIAISON_DATA_SET,
      ...(e.LIAISON_PARTNER_NATION ? { partnerNation: e.LIAISON_PARTNER_NATION } : {}),
      ...(e.LIAISON_DEFAULT_OWNER ? { defaultOwner: e.LIAISON_DEFAULT_OWNER } : {}),
      ...(e.LIAISON_DEFAULT_LABEL ? { defaultLabel: parseLabel(e.LIAISON_DEFAULT_LABEL) } : {}),
    },
    rateLimit: {
      perMinute: e.LIAISON_RATE_LIMIT_PER_MINUTE,
      loginPerMinute: e.LIAISON_LOGIN_RATE_LIMIT_PER_MINUTE,
    },
    rateLimitStore: {
      kind: storeKind,
      ...(storeKind === 'redis' ? { redisUrl: e.LIAISON_REDIS_URL } : {}),
    },
    drainDelaySeconds: e.LIAISON_DRAIN_DELAY_SECONDS,
    webDist: e.LIAISON_WEB_DIST
      ? path.resolve(e.LIAISON_WEB_DIST)
      : path.resolve(import.meta.dirname, '..', 'web', 'dist'),
  };
}
