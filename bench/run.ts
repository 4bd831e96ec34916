/**
 * `npm run bench`: measures Liaison against the DESIGN.md "Non-functional targets".
 *
 * For SQLite (always) and PostgreSQL (when BENCH_DATABASE_URL is set) it seeds a fresh database
 * (reference data + a synthetic plan of BENCH_ITEMS items), compiles the server as `npm start`
 * runs it (scripts/build-server.mjs), times cold starts of `dist/main.js serve`, measures a Fastify hello-world and then Liaison (production mode, rate limits lifted) with
 * autocannon on 127.0.0.1 as a non-admin user with labels applied. Writes
 * bench/results/<date>[-<label>]-<db>.json and prints markdown. Bounded: ≤ 10 s and ≤ 10 connections per
 * scenario, an overall time limit, and every child process is stopped at the end.
 *
 * Environment:
 *   BENCH_ITEMS           plan items in the synthetic plan (default 100000; e.g. 20000 for a quick run)
 *   BENCH_DATABASE_URL    postgres://… — also run on PostgreSQL: a fresh database is created on
 *                         that server for the run and dropped afterwards
 *   BENCH_DATABASE_WIPE=1 instead empty and use the database BENCH_DATABASE_URL names
 *   BENCH_DB              sqlite | postgres — run only that one
 *   BENCH_DURATION        seconds per scenario (default 10, at most 10)
 *   BENCH_CONNECTIONS     concurrent connections (default 10, at most 10)
 *   BENCH_TIME_LIMIT      seconds before the whole run gives up (default 1800)
 *   BENCH_QUIET_WAIT      seconds to wait for other CPU work to calm down first (default 120)
 *   BENCH_LABEL           written into the result file names: <date>-<label>-<db>.json
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { buildServer } from '../scripts/build-server.mjs';
import { createDb } from '../server/db/database.js';
import { SYNTHETIC_COMMON_WORD } from '../server/seed/synthetic.js';
import {
  afterChecks,
  createBenchUser,
  pools,
  postgresDatabase,
  seed,
  sqliteDatabase,
  type BenchDatabase,
} from './lib/prepare.js';
import {
  freePort,
  killAllChildren,
  memoryOf,
  ROOT,
  spawnNode,
  stopChild,
  waitForOk,
  type NodeChild,
} from './lib/processes.js';
import { compactJson, machine, waitForQuiet, busyElsewhere } from './lib/machine.js';
import { markdown, verdicts, type Measurements, type ScenarioResult } from './lib/report.js';
import { requestFactory, signIn } from './lib/requests.js';

function intEnv(name: string, fallback: number, min: number, max = Infinity): number {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be a whole number ≥ ${min}`);
  }
  return Math.min(value, max);
}

const ITEMS = intEnv('BENCH_ITEMS', 100_000, 100);
const DURATION_S = intEnv('BENCH_DURATION', 10, 1, 10);
const CONNECTIONS = intEnv('BENCH_CONNECTIONS', 10, 1, 10);
const TIME_LIMIT_S = intEnv('BENCH_TIME_LIMIT', 1800, 60);
const QUIET_WAIT_S = intEnv('BENCH_QUIET_WAIT', 120, 0, 600);
const WARMUP_S = 1;
const COLD_STARTS = 3;
const SEQUENTIAL_CREATES = 1000;
const SEQUENTIAL_LIMIT_S = 120;
const EXPORT_RUNS = 3;
const RESULTS = path.join(ROOT, 'bench', 'results');
/** Names the result files apart from other runs of the same day (letters, digits, dashes). */
const LABEL = (process.env.BENCH_LABEL ?? '').replace(/[^A-Za-z0-9-]/g, '').slice(0, 40);

const disposers = new Set<() => Promise<void>>();
async function disposeAll(): Promise<void> {
  killAllChildren();
  for (const dispose of [...disposers]) {
    disposers.delete(dispose);
    await dispose().catch((error: unknown) => console.error('cleanup:', error));
  }
}

function abort(reason: string, code: number): void {
  console.error(`\nbench: ${reason}; stopping.`);
  // Cleanup gets a few seconds; then the process goes regardless.
  setTimeout(() => process.exit(code), 10_000).unref();
  void disposeAll().finally(() => process.exit(code));
}

const watchdog = setTimeout(
  () => abort(`time limit of ${TIME_LIMIT_S} s reached`, 3),
  TIME_LIMIT_S * 1000,
);
watchdog.unref();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => abort(`${signal} received`, 130));
}

/** Sends {type} to a server child over IPC and waits for its answer of the same type. */
function ask<T>(node: NodeChild, type: 'reset' | 'stats'): Promise<T | null> {
  const { child } = node;
  if (!child.connected) return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      resolve(null);
    }, 5000);
    const onMessage = (message: { type?: string }) => {
      if (message?.type !== type) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message as T);
    };
    child.on('message', onMessage);
    child.send({ type });
  });
}

interface LoopStats {
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  rssMiB: number;
}

/** One autocannon scenario, optionally after a short unrecorded warm-up. */
async function scenario(
  key: string,
  title: string,
  url: string,
  options: Partial<autocannon.Options>,
  { warmup = false, server }: { warmup?: boolean; server?: NodeChild } = {},
): Promise<ScenarioResult> {
  const base: autocannon.Options = {
    url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    timeout: 10,
    ...options,
  };
  process.stdout.write(`  ${title} … `);
  if (warmup) await autocannon({ ...base, duration: WARMUP_S });
  if (server) await ask(server, 'reset');
  const r = await autocannon(base);
  const stats = server ? await ask<LoopStats>(server, 'stats') : null;
  const codes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(r.statusCodeStats ?? {})) {
    codes[code] = stat.count ?? 0;
  }
  const status5xx = Object.entries(codes)
    .filter(([code]) => Number(code) >= 500)
    .reduce((a, [, n]) => a + n, 0);
  const result: ScenarioResult = {
    key,
    title,
    durationS: r.duration,
    connections: r.connections,
    requests: r.requests.total,
    requestsPerSecond: Math.round(r.requests.average),
    latencyMs: {
      p50: r.latency.p50,
      p90: r.latency.p90,
      p99: r.latency.p99,
      max: r.latency.max,
    },
    non2xx: r.non2xx,
    statusCodes: codes,
    status412: codes['412'] ?? 0,
    status5xx,
    errors: r.errors,
    timeouts: r.timeouts,
    ratioToHello: 1,
    eventLoopDelayMs: stats?.eventLoopDelayMs ?? null,
    serverRssMiB: stats?.rssMiB ?? null,
  };
  console.log(
    `${result.requestsPerSecond} req/s, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms` +
      (result.non2xx ? `, non-2xx ${result.non2xx} ${JSON.stringify(codes)}` : '') +
      (result.errors ? `, errors ${result.errors}` : ''),
  );
  return result;
}

async function runSuite(kind: 'sqlite' | 'postgres'): Promise<void> {
  const startedAt = new Date();
  let database: BenchDatabase;
  if (kind === 'sqlite') {
    database = sqliteDatabase();
  } else {
    database = await postgresDatabase(
      process.env.BENCH_DATABASE_URL!,
      process.env.BENCH_DATABASE_WIPE === '1',
    );
  }
  disposers.add(database.dispose);
  const childEnv = (port: number) => ({ ...process.env, ...database.env, PORT: String(port) });
  console.log(`\n== ${kind}: ${database.describe}, ${ITEMS.toLocaleString('en')} items`);

  // 1. Seed and prepare (in this process; the servers start on the finished database).
  const db = createDb(database.config.database);
  const prepared = await (async () => {
    try {
      const seeded = await seed(db, ITEMS);
      const user = await createBenchUser(db);
      return { seeded, user, pool: await pools(db, user.actor, ITEMS) };
    } finally {
      await db.close();
    }
  })();
  const { seeded, user, pool } = prepared;
  console.log(
    `  seeded ${seeded.bulkImport.rows.toLocaleString('en')} synthetic rows in ${seeded.bulkImport.seconds.toFixed(1)} s ` +
      `(${Math.round(seeded.bulkImport.rowsPerSecond).toLocaleString('en')} rows/s); ` +
      `the bench user sees ${pool.visibleItems.toLocaleString('en')} items; ` +
      `"${pool.rareWord}" hits ${pool.rareHits} events, "${SYNTHETIC_COMMON_WORD}" ${pool.commonHits}`,
  );
  const busyBefore = await waitForQuiet(QUIET_WAIT_S);
  const loadBefore = os.loadavg();
  console.log(
    `  CPU busy with other work while idle: ${busyBefore} % (load average ${loadBefore[0]!.toFixed(2)})`,
  );

  // 2. Cold start of the real entry point: spawn → /api/v1/health answers 200.
  const coldStartMs: number[] = [];
  let coldStartPeakMiB: number | null = null;
  for (let i = 0; i < COLD_STARTS; i++) {
    const port = await freePort();
    const t0 = performance.now();
    const server = spawnNode('dist/main.js', ['serve'], childEnv(port));
    coldStartMs.push(
      Math.round(await waitForOk(`http://127.0.0.1:${port}/api/v1/health`, server, t0)),
    );
    coldStartPeakMiB = memoryOf(server.child.pid)?.peakMiB ?? coldStartPeakMiB;
    await stopChild(server);
  }
  console.log(`  cold start of dist/main.js serve: ${coldStartMs.join(', ')} ms`);

  // 3. The yardstick, alone on the machine (again after Liaison: the run uses the mean).
  const measureHello = async (key: string, title: string) => {
    const helloPort = await freePort();
    const hello = spawnNode('bench/hello-server.ts', [], childEnv(helloPort), { ipc: true });
    try {
      await waitForOk(`http://127.0.0.1:${helloPort}/`, hello, performance.now());
      return await scenario(key, title, `http://127.0.0.1:${helloPort}/`, {}, { warmup: true });
    } finally {
      await stopChild(hello);
    }
  };
  const helloBefore = await measureHello('hello', 'Fastify hello-world');

  // 4. Liaison.
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const server = spawnNode('dist/bench-liaison-server.js', [], childEnv(port), { ipc: true });
  const benchServerStartMs = Math.round(await waitForOk(`${base}/api/v1/health`, server, t0));
  const session = await signIn(base, user.email, user.password);
  const r = requestFactory(pool, session);
  await r.loadEtags(base);
  const on = { server };
  const read = { server, warmup: true };
  const scenarios: ScenarioResult[] = [helloBefore];
  scenarios.push(
    await scenario('list', 'list 50 plan items + total', base, { requests: [r.list] }, read),
    await scenario('single', 'single plan item', base, { requests: [r.single] }, read),
    await scenario(
      'search-selective',
      `selective search (q=${pool.rareWord}, ${pool.rareHits} hits)`,
      base,
      { requests: [r.selective] },
      read,
    ),
    await scenario(
      'search-common',
      `common-term search (q=${SYNTHETIC_COMMON_WORD}, ${pool.commonHits} hits)`,
      base,
      { requests: [r.common] },
      read,
    ),
    await scenario('create', 'create plan item', base, { requests: [r.create] }, on),
    await scenario('update', 'update plan item (If-Match)', base, { requests: [r.patch] }, on),
    await scenario(
      'mixed',
      'mixed: 6 reads, 1 create, 1 update',
      base,
      {
        requests: [r.list, r.single, r.selective, r.single, r.common, r.create, r.single, r.patch],
      },
      on,
    ),
  );
  // 5. 1,000 sequential creates, end to end (stopped after SEQUENTIAL_LIMIT_S: then extrapolated).
  process.stdout.write(`  ${SEQUENTIAL_CREATES} sequential creates … `);
  let failures = 0;
  let done = 0;
  const createStarted = performance.now();
  while (done < SEQUENTIAL_CREATES) {
    const response = await fetch(`${base}/api/v1/plan-items`, {
      method: 'POST',
      headers: r.json,
      body: r.createBody(),
    });
    await response.arrayBuffer();
    done += 1;
    if (response.status !== 201) failures += 1;
    if (performance.now() - createStarted > SEQUENTIAL_LIMIT_S * 1000) break;
  }
  const createSeconds = (performance.now() - createStarted) / 1000;
  console.log(
    `${createSeconds.toFixed(2)} s` +
      (done < SEQUENTIAL_CREATES
        ? ` for ${done} (stopped at the ${SEQUENTIAL_LIMIT_S}-s limit)`
        : '') +
      (failures ? `, ${failures} failed` : ''),
  );

  // 6. The 1,000-item report (XLSX export of the small synthetic plan).
  let exportResult: Measurements['export'] = null;
  if (pool.exportPlanId) {
    process.stdout.write(`  XLSX export of ${seeded.exportPlanItems} items … `);
    await ask(server, 'reset');
    const ms: number[] = [];
    for (let i = 0; i < EXPORT_RUNS; i++) {
      const t = performance.now();
      const response = await fetch(`${base}/api/v1/plans/${pool.exportPlanId}/export?format=xlsx`, {
        headers: r.json,
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`The export answered ${response.status}.`);
      ms.push(Math.round(performance.now() - t));
    }
    const stats = await ask<LoopStats>(server, 'stats');
    exportResult = {
      items: seeded.exportPlanItems,
      format: 'xlsx',
      ms,
      eventLoopMaxMs: stats?.eventLoopDelayMs.max ?? null,
    };
    console.log(`${ms.join(', ')} ms (event loop max ${exportResult.eventLoopMaxMs} ms)`);
  }

  const memory = memoryOf(server.child.pid);
  await stopChild(server);
  const loadAfter = os.loadavg();
  const busyAfter = await busyElsewhere();
  const helloAfter = await measureHello('hello-after', 'Fastify hello-world (after)');
  scenarios.push(helloAfter);
  const helloRps = Math.round((helloBefore.requestsPerSecond + helloAfter.requestsPerSecond) / 2);
  for (const s of scenarios)
    s.ratioToHello = Math.round((s.requestsPerSecond / helloRps) * 1e5) / 1e5;

  // 7. Correctness after the load.
  const checkDb = createDb(database.config.database);
  const checks = await afterChecks(checkDb, pool.planId).finally(() => checkDb.close());

  const measurements: Measurements = {
    helloRps,
    scenarios,
    sequentialCreates: { count: done, seconds: createSeconds, failures },
    peakMemoryMiB: memory?.peakMiB ?? null,
    coldStartMs,
    bulkImport: seeded.bulkImport,
    export: exportResult,
    items: ITEMS,
  };
  const judged = verdicts(measurements);
  const date = startedAt.toISOString().slice(0, 10);
  const report = {
    date: startedAt.toISOString(),
    database: { kind, version: seeded.databaseVersion },
    machine: machine(),
    loadAverage: {
      before: loadBefore.map((x) => Math.round(x * 100) / 100),
      after: loadAfter.map((x) => Math.round(x * 100) / 100),
    },
    /** Share of both cores busy with other processes during a 1-s pause before and after. */
    cpuBusyElsewherePercent: { before: busyBefore, after: busyAfter },
    helloRps: { before: helloBefore.requestsPerSecond, after: helloAfter.requestsPerSecond },
    settings: {
      items: ITEMS,
      durationS: DURATION_S,
      connections: CONNECTIONS,
      warmupS: WARMUP_S,
      auth: 'session cookie + X-CSRF-Token (coordinator, nation RS, default clearances, member of one synthetic organisation)',
      server:
        'bench/liaison-server.ts compiled with the server (dist/bench-liaison-server.js, no tsx): buildApp with rate limits lifted (buildApp takes them as options only), NODE_ENV=production, LOG_LEVEL=warn',
    },
    seed: {
      reference: seeded.reference,
      synthetic: seeded.synthetic,
      bulkImport: seeded.bulkImport,
      visibleToBenchUser: pool.visibleItems,
      selectiveWord: pool.rareWord,
      selectiveHits: pool.rareHits,
      commonWord: SYNTHETIC_COMMON_WORD,
      commonHits: pool.commonHits,
    },
    coldStartMs,
    coldStartPeakMiB,
    benchServerStartMs,
    scenarios,
    sequentialCreates: measurements.sequentialCreates,
    export: exportResult,
    peakMemoryMiB: measurements.peakMemoryMiB,
    afterLoad: checks,
    machineFactor: Math.round(judged.machineFactor * 1000) / 1000,
    verdicts: judged.verdicts,
  };
  fs.mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `${date}${LABEL ? `-${LABEL}` : ''}-${kind}.json`);
  fs.writeFileSync(file, `${compactJson(report)}\n`);

  console.log('');
  console.log(
    markdown(
      `${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} — ${ITEMS.toLocaleString('en')} items, ${seeded.databaseVersion.split(' on ')[0]}`,
      measurements,
      judged,
    ),
  );
  console.log('');
  console.log(
    `After the load: audit chain ${checks.auditChainIntact ? 'intact' : 'BROKEN'} (${checks.auditEntries} entries), ` +
      `${checks.planItemsAfter.toLocaleString('en')} items in the plan, ${checks.duplicateCodes} duplicate codes. ` +
      `CPU busy elsewhere before/after: ${busyBefore} % / ${busyAfter} %.`,
  );
  console.log(`Results: ${path.relative(ROOT, file)}`);

  disposers.delete(database.dispose);
  await database.dispose();
}

async function main(): Promise<void> {
  const only = process.env.BENCH_DB;
  const suites: ('sqlite' | 'postgres')[] = [];
  if (!only || only === 'sqlite') suites.push('sqlite');
  if ((!only || only === 'postgres') && process.env.BENCH_DATABASE_URL) suites.push('postgres');
  if (only === 'postgres' && !process.env.BENCH_DATABASE_URL) {
    throw new Error('BENCH_DB=postgres needs BENCH_DATABASE_URL');
  }
  console.log(
    `Liaison benchmark: ${suites.join(' + ')}, ${ITEMS.toLocaleString('en')} items, ` +
      `${DURATION_S} s × ${CONNECTIONS} connections per scenario, on ${os.cpus().length} cores ` +
      `(load average ${os.loadavg()[0]!.toFixed(2)})`,
  );
  // Production runs compiled JavaScript (npm start): so does the benchmark, its own entry included.
  console.log('Compiling the server (scripts/build-server.mjs) …');
  await buildServer({ 'bench-liaison-server': 'bench/liaison-server.ts' });
  for (const kind of suites) await runSuite(kind);
}

main().then(
  async () => {
    await disposeAll();
    clearTimeout(watchdog);
    process.exit(0);
  },
  async (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    await disposeAll();
    process.exit(1);
  },
);
