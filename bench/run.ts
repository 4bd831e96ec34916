/**
 * `npm run bench`: the targets of issue #9, each as measured / target / verdict, on SQLite and
 * (with BENCH_DATABASE_URL) PostgreSQL, with the Fastify hello-world H measured in the same run.
 *
 * Per database: a fresh database is seeded (reference data, a synthetic plan of BENCH_ITEMS items
 * with BENCH_SEARCH_ROWS searchable timeline events, a 1,000-item plan for the export and a
 * 2,000-item plan for the tree); the production server is started as `npm start` runs it
 * (`dist/main.js serve` compiled by scripts/build-server.mjs, its Node options, its limits set by
 * configuration); wrk (1 thread, 10 connections, --latency) loads it as a signed-in non-admin
 * coordinator with labels and need-to-know in full. See bench/lib/targets.ts for the targets and
 * the normalisation, docs/PERFORMANCE.md for the results.
 *
 * Environment:
 *   BENCH_ITEMS           plan items in the big plan (default 100000)
 *   BENCH_SEARCH_ROWS     searchable timeline events (default 1000000)
 *   BENCH_DURATION        seconds per load scenario (default 10, at most 10)
 *   BENCH_DATABASE_URL    postgres://… — also run on PostgreSQL (a database is created for the
 *                         run next to the one named, and dropped afterwards)
 *   BENCH_DATABASE_WIPE=1 instead empty and use the database BENCH_DATABASE_URL names
 *   BENCH_DB              sqlite | postgres — only that one
 *   BENCH_IMPORT=0        skip the import benchmark (bench/import-health.ts)
 *   BENCH_TIME_LIMIT      seconds before the whole run gives up (default 2400)
 *   BENCH_QUIET_WAIT      seconds to wait for other CPU work to calm down first (default 60)
 *   BENCH_LABEL           written into the result file names: <date>-<label>-<db>.json
 * Quick mode for development: BENCH_ITEMS=20000 BENCH_SEARCH_ROWS=100000 BENCH_DURATION=3.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildServer, serverEnvironment, serverNodeOptions } from '../scripts/build-server.mjs';
import { createDb } from '../server/db/database.js';
import { SYNTHETIC_COMMON_WORD } from '../server/seed/synthetic.js';
import { load, LOAD_TOOL, type LoadSpec } from './lib/load.js';
import { busyElsewhere, compactJson, machine, waitForQuiet } from './lib/machine.js';
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
  ROOT,
  spawnNode,
  stopChild,
  waitForOk,
} from './lib/processes.js';
import { markdown, unsteady } from './lib/report.js';
import { headersOf, signIn } from './lib/requests.js';
import {
  accepted,
  concurrentWriters,
  deepPages,
  importHealth,
  sequentialCreates,
  timed,
  type ImportResult,
} from './lib/scenarios.js';
import { startProduction, type MemoryDetail, type ProbeStats } from './lib/server.js';
import { verdicts, type Measurements, type ScenarioResult, type Timing } from './lib/targets.js';

function intEnv(name: string, fallback: number, min: number, max = Infinity): number {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be a whole number ≥ ${min}`);
  }
  return Math.min(value, max);
}

const ITEMS = intEnv('BENCH_ITEMS', 100_000, 2_000);
const SEARCH_ROWS = intEnv('BENCH_SEARCH_ROWS', 1_000_000, 0);
const DURATION_S = intEnv('BENCH_DURATION', 10, 1, 10);
const CONNECTIONS = 10;
const TIME_LIMIT_S = intEnv('BENCH_TIME_LIMIT', 2400, 60);
const QUIET_WAIT_S = intEnv('BENCH_QUIET_WAIT', 60, 0, 600);
const IMPORT = process.env.BENCH_IMPORT !== '0';
const WARMUP_S = 1;
const COLD_STARTS = 3;
const DEEP_PAGE = 1000;
const TREE_PLAN_ITEMS = 2000;
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

const elapsed = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** H: the hello-world, alone on the machine, with the same tool and settings. */
async function measureHello(): Promise<number> {
  const port = await freePort();
  const hello = spawnNode('dist/bench-hello-server.js', [], { PORT: String(port) });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForOk(`${base}/`, hello, performance.now());
    const spec: LoadSpec = { base, paths: ['/'], durationS: WARMUP_S, connections: CONNECTIONS };
    await load(spec);
    const r = await load({ ...spec, durationS: DURATION_S });
    return r.requestsPerSecond;
  } finally {
    await stopChild(hello);
  }
}

async function runSuite(kind: 'sqlite' | 'postgres'): Promise<void> {
  const suiteStarted = performance.now();
  const startedAt = new Date();
  const database: BenchDatabase =
    kind === 'sqlite'
      ? sqliteDatabase()
      : await postgresDatabase(
          process.env.BENCH_DATABASE_URL!,
          process.env.BENCH_DATABASE_WIPE === '1',
        );
  disposers.add(database.dispose);
  const env = { ...process.env, ...database.env };
  console.log(
    `\n== ${kind}: ${database.describe}, ${ITEMS.toLocaleString('en')} items, ` +
      `${SEARCH_ROWS.toLocaleString('en')} searchable rows`,
  );

  // 1. Seed and prepare (in this process; the server starts on the finished database).
  const db = createDb(database.config.database);
  const { seeded, user, pool } = await (async () => {
    try {
      const seeded = await seed(db, ITEMS, {
        timelineEvents: SEARCH_ROWS,
        treePlanItems: TREE_PLAN_ITEMS,
      });
      const user = await createBenchUser(db);
      return { seeded, user, pool: await pools(db, user.actor, ITEMS, seeded.treePlanItems) };
    } finally {
      await db.close();
    }
  })();
  console.log(
    `  seeded ${seeded.bulkImport.rows.toLocaleString('en')} synthetic rows in ${seeded.bulkImport.seconds.toFixed(1)} s; ` +
      `${seeded.timelineEvents.toLocaleString('en')} timeline events; the bench user sees ${pool.visibleItems.toLocaleString('en')} items; ` +
      `"${pool.rareWord}" hits ${pool.rareHits} events, "${SYNTHETIC_COMMON_WORD}" ${pool.commonHits} (${elapsed(suiteStarted)})`,
  );
  if (seeded.timelineEventsNote) console.log(`  NOTE: ${seeded.timelineEventsNote}`);
  const busyBefore = await waitForQuiet(QUIET_WAIT_S);
  const loadBefore = os.loadavg();
  console.log(
    `  CPU busy with other work while idle: ${busyBefore} % (load average ${loadBefore[0]!.toFixed(2)})`,
  );

  // 2. Cold start of the production server: spawn → /api/v1/health answers 200.
  const coldStartMs: number[] = [];
  for (let i = 0; i < COLD_STARTS; i++) {
    const s = await startProduction(env, await freePort(), { probe: false });
    coldStartMs.push(s.startMs);
    await s.stop();
  }
  console.log(`  cold start of dist/main.js serve: ${coldStartMs.join(', ')} ms`);

  // 3. H before.
  process.stdout.write(`  H (Fastify hello-world, ${LOAD_TOOL}) … `);
  const helloBefore = await measureHello();
  console.log(`${helloBefore} req/s`);

  // 4. The production server, under the whole bench from here on.
  const server = await startProduction(env, await freePort());
  const { base } = server;
  const afterStart = server.memory();
  let memory: MemoryDetail | null = null;
  const probes: Record<string, ProbeStats | null> = {};
  /** The server's peak and current memory after each phase: what costs what. */
  const memoryByPhase: ({ phase: string } & Partial<MemoryDetail> & { heapMiB?: number })[] = [];
  const mark = async (phase: string, stats?: ProbeStats | null) => {
    const m = server.memory();
    const inside = stats === undefined ? await server.probe() : stats;
    memoryByPhase.push({
      phase,
      ...(m ?? {}),
      ...(inside ? { heapMiB: inside.memoryMiB.heapTotal } : {}),
    });
  };
  const scenarios: Omit<ScenarioResult, 'shareOfH'>[] = [];
  let deep: Awaited<ReturnType<typeof deepPages>> | null = null;
  let creates: Measurements['sequentialCreates'];
  let writers: Awaited<ReturnType<typeof concurrentWriters>>;
  let tree: Timing | null = null;
  let open: Timing | null = null;
  let dashboard: Timing | null = null;
  let exportResult: Measurements['export'] = null;
  try {
    const session = await signIn(base, user.email, user.password);
    const headers = headersOf(session);
    const list = `/api/v1/plans/${pool.planId}/items?pageSize=50`;
    deep = await deepPages(base, headers.auth, pool.planId, DEEP_PAGE);
    console.log(
      `  deep pages: page ${deep.page} via ${deep.via}${deep.note ? ` (${deep.note})` : ''}`,
    );
    const scenario = async (key: string, title: string, paths: string[]) => {
      process.stdout.write(`  ${title} … `);
      const spec: LoadSpec = {
        base,
        paths,
        headers: headers.auth,
        durationS: WARMUP_S,
        connections: CONNECTIONS,
        countStatuses: true,
      };
      await load(spec);
      await server.probe(); // starts the event-loop histogram afresh
      const r = await load({ ...spec, durationS: DURATION_S });
      const stats = await server.probe();
      probes[key] = stats;
      await mark(key, stats);
      scenarios.push({ key, title, ...r, eventLoopDelayMs: stats?.eventLoopDelayMs ?? null });
      console.log(
        `${r.requestsPerSecond} req/s, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms` +
          (r.non2xx ? `, non-2xx ${r.non2xx} ${JSON.stringify(r.statusCodes)}` : '') +
          (r.errors ? `, errors ${r.errors}` : ''),
      );
    };
    await scenario('list-first', 'list: first page of 50 + total', [list]);
    await scenario('list-deep', `list: page ${deep.page} of 50 + total (${deep.via})`, deep.paths);
    await scenario(
      'single',
      'one plan item',
      pool.readIds.map((id) => `/api/v1/plan-items/${id}`),
    );
    await scenario(
      'search-rare',
      `timeline search, rare word (q=${pool.rareWord}, ${pool.rareHits} hits in ${seeded.timelineEvents.toLocaleString('en')} rows)`,
      [`/api/v1/timeline-events?q=${encodeURIComponent(pool.rareWord)}`],
    );
    await scenario(
      'search-common',
      `timeline search, common word (q=${SYNTHETIC_COMMON_WORD}, ${pool.commonHits} hits)`,
      [`/api/v1/timeline-events?q=${SYNTHETIC_COMMON_WORD}`],
    );
    await scenario('search-plan', `plan items search, common word (q=${SYNTHETIC_COMMON_WORD})`, [
      `${list}&q=${SYNTHETIC_COMMON_WORD}`,
    ]);

    // 5. 1,000 sequential creates, end to end (stopped after SEQUENTIAL_LIMIT_S).
    process.stdout.write(`  ${SEQUENTIAL_CREATES} sequential creates … `);
    creates = await sequentialCreates(
      base,
      headers.json,
      pool,
      SEQUENTIAL_CREATES,
      SEQUENTIAL_LIMIT_S,
    );
    console.log(
      `${creates.seconds.toFixed(2)} s for ${creates.count}${creates.failures ? `, ${creates.failures} failed` : ''}`,
    );

    await mark('sequential creates');
    // 6. Ten concurrent writers.
    process.stdout.write(`  10 concurrent writers for ${DURATION_S} s … `);
    writers = await concurrentWriters(base, headers, pool, DURATION_S);
    console.log(
      `${writers.creates} creates, ${writers.updates} updates, statuses ${JSON.stringify(writers.statusCodes)}` +
        (writers.errors ? `, ${writers.errors} errors` : ''),
    );

    await mark('concurrent writers');
    // 7. Tree, opening the big plan, dashboard: a few sequential requests each.
    const api = `${base}/api/v1/plans`;
    if (pool.treePlanId) {
      tree = await timed(
        `tree of the ${seeded.treePlanItems.toLocaleString('en')}-item plan`,
        `${api}/${pool.treePlanId}/tree`,
        headers.auth,
        { runs: 5 },
      );
      console.log(`  ${tree.title}: ${tree.ms.join(', ')} ms`);
      await mark('tree');
    }
    const depthProbe = pool.treePlanId ?? pool.planId;
    // Opened as the web opens a large plan: its top level (OPEN_DEPTH in
    // web/src/features/plans/api/get-plan-tree.ts), the rest loaded row by row.
    const byDepth = await accepted(`${api}/${depthProbe}/tree?depth=1`, headers.auth);
    open = await timed(
      `open the ${ITEMS.toLocaleString('en')}-item plan`,
      `${api}/${pool.planId}/tree${byDepth ? '?depth=1' : ''}`,
      headers.auth,
      {
        note: byDepth
          ? 'GET /plans/:id/tree?depth=1, as the web opens a plan'
          : 'the tree does not take `depth` yet: the whole tree is timed',
      },
    );
    console.log(`  ${open.title}: ${open.ms.join(', ')} ms (${open.note})`);
    await mark('open');
    dashboard = await timed(
      `dashboard of the ${ITEMS.toLocaleString('en')}-item plan`,
      `${api}/${pool.planId}/dashboard`,
      headers.auth,
    );
    console.log(`  ${dashboard.title}: ${dashboard.ms.join(', ')} ms (status ${dashboard.status})`);
    await mark('dashboard');

    // 8. The 1,000-item report (XLSX export of the small synthetic plan).
    if (pool.exportPlanId) {
      await server.probe();
      const ms: number[] = [];
      for (let i = 0; i < EXPORT_RUNS; i++) {
        const t = performance.now();
        const response = await fetch(`${api}/${pool.exportPlanId}/export?format=xlsx`, {
          headers: headers.auth,
        });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`The export answered ${response.status}.`);
        ms.push(Math.round(performance.now() - t));
      }
      const stats = await server.probe();
      probes.export = stats;
      await mark('export', stats);
      exportResult = {
        items: seeded.exportPlanItems,
        ms,
        eventLoopMaxMs: stats?.eventLoopDelayMs.max ?? null,
      };
      console.log(
        `  XLSX export of ${seeded.exportPlanItems} items: ${ms.join(', ')} ms (event loop max ${exportResult.eventLoopMaxMs} ms)`,
      );
    }
    probes.end = await server.probe();
  } finally {
    memory = server.memory();
    await server.stop();
  }
  console.log(
    `  server memory by phase (VmHWM / RSS / V8 heap MiB): started ${afterStart?.peakMiB} / ${afterStart?.rssMiB}; ` +
      memoryByPhase
        .map((p) => `${p.phase} ${p.peakMiB} / ${p.rssMiB} / ${p.heapMiB ?? '?'}`)
        .join('; '),
  );
  console.log(
    `  peak memory of the server: ${memory?.peakMiB ?? 'n/a'} MiB (VmHWM); at the end RSS ${memory?.rssMiB} MiB ` +
      `(anonymous ${memory?.anonymousMiB}, file ${memory?.fileMiB}), V8 heap ${probes.end?.memoryMiB.heapTotal ?? 'n/a'} MiB, ` +
      `${memory?.threads ?? '?'} threads`,
  );

  // 9. Imports through the real import path (helper I's bench, its own server and database).
  let imports: ImportResult | null = null;
  if (IMPORT) {
    process.stdout.write('  import commit (bench/import-health.ts) … ');
    imports = await importHealth(kind, LABEL, 600);
    console.log(
      'error' in imports
        ? imports.error
        : `${Math.round(imports.rowsPerSecond)} rows/s, /health p99 ${imports.healthP99Ms} ms`,
    );
  }

  // 10. H after; correctness after the load.
  const loadAfter = os.loadavg();
  const busyAfter = await busyElsewhere();
  process.stdout.write('  H again … ');
  const helloAfter = await measureHello();
  console.log(`${helloAfter} req/s`);
  // The larger of the two: a stall of the machine during one measurement lowers it, and the
  // larger H makes every share-of-H target harder and every normalised time longer (conservative).
  const helloRps = Math.max(helloBefore, helloAfter);
  const checkDb = createDb(database.config.database);
  const checks = await afterChecks(checkDb, pool.planId).finally(() => checkDb.close());

  const measurements: Measurements = {
    items: ITEMS,
    helloRps,
    scenarios: scenarios.map((s) => ({
      ...s,
      shareOfH: Math.round((s.requestsPerSecond / helloRps) * 1e6) / 1e6,
    })),
    deepPage: deep
      ? { page: deep.page, via: deep.via, ...(deep.note ? { note: deep.note } : {}) }
      : null,
    searchRows: seeded.timelineEvents,
    ...(seeded.timelineEventsNote ? { searchRowsNote: seeded.timelineEventsNote } : {}),
    sequentialCreates: creates,
    writers: {
      ...writers,
      duplicateCodes: checks.duplicateCodes,
      auditChainIntact: checks.auditChainIntact,
    },
    tree,
    open,
    dashboard,
    imports,
    peakMemoryMiB: memory?.peakMiB ?? null,
    coldStartMs,
    export: exportResult,
  };
  const judged = verdicts(measurements);
  const context = {
    title: `${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} — ${ITEMS.toLocaleString('en')} items, ${seeded.databaseVersion.split(' on ')[0]}, ${startedAt.toISOString().slice(0, 16)}Z`,
    tool: LOAD_TOOL,
    hello: { before: helloBefore, after: helloAfter },
    loadAverage: {
      before: loadBefore.map((x) => Math.round(x * 100) / 100),
      after: loadAfter.map((x) => Math.round(x * 100) / 100),
    },
    cpuBusyElsewherePercent: { before: busyBefore, after: busyAfter },
    durationS: DURATION_S,
    connections: CONNECTIONS,
  };
  const report = {
    date: startedAt.toISOString(),
    database: { kind, version: seeded.databaseVersion },
    machine: machine(),
    ...context,
    helloRps,
    /** Empty when the machine was quiet; otherwise why the verdicts are not reliable. */
    unsteady: unsteady(context),
    normalisingFactor: Math.round(judged.factor * 1000) / 1000,
    settings: {
      items: ITEMS,
      searchRows: SEARCH_ROWS,
      durationS: DURATION_S,
      connections: CONNECTIONS,
      warmupS: WARMUP_S,
      loadTool:
        LOAD_TOOL === 'wrk' ? 'wrk -t1 -c10 --latency (Lua script)' : 'autocannon (wrk not found)',
      auth: 'session cookie + X-CSRF-Token (coordinator, partner nation, default clearances, member of one synthetic organisation)',
      serverNodeOptions: serverNodeOptions.join(' '),
      serverEnvironment,
      server:
        'dist/main.js serve (npm start: compiled by scripts/build-server.mjs, its Node options), NODE_ENV=production, LOG_LEVEL=warn, rate limits raised by LIAISON_RATE_LIMIT_PER_MINUTE / LIAISON_LOGIN_RATE_LIMIT_PER_MINUTE; bench/lib/probe.mjs preloaded for the event-loop delay',
    },
    seed: {
      reference: seeded.reference,
      synthetic: seeded.synthetic,
      seconds: Math.round(seeded.bulkImport.seconds * 10) / 10,
      timelineEvents: seeded.timelineEvents,
      visibleToBenchUser: pool.visibleItems,
      rareWord: pool.rareWord,
      rareHits: pool.rareHits,
      commonWord: SYNTHETIC_COMMON_WORD,
      commonHits: pool.commonHits,
    },
    measurements,
    memory: { afterStart, byPhase: memoryByPhase, end: memory },
    probes,
    afterLoad: checks,
    verdicts: judged.verdicts,
    seconds: Math.round((performance.now() - suiteStarted) / 1000),
  };
  fs.mkdirSync(RESULTS, { recursive: true });
  const date = startedAt.toISOString().slice(0, 10);
  const file = path.join(RESULTS, `${date}${LABEL ? `-${LABEL}` : ''}-${kind}.json`);
  fs.writeFileSync(file, `${compactJson(report)}\n`);

  console.log('');
  console.log(markdown(context, measurements, judged));
  console.log('');
  console.log(
    `After the load: audit chain ${checks.auditChainIntact ? 'intact' : 'BROKEN'} (${checks.auditEntries} entries), ` +
      `${checks.planItemsAfter.toLocaleString('en')} items in the plan, ${checks.duplicateCodes} duplicate codes.`,
  );
  console.log(`Results: ${path.relative(ROOT, file)} (${kind} took ${elapsed(suiteStarted)})`);

  disposers.delete(database.dispose);
  await database.dispose();
}

async function main(): Promise<void> {
  const started = performance.now();
  const only = process.env.BENCH_DB;
  const suites: ('sqlite' | 'postgres')[] = [];
  if (!only || only === 'sqlite') suites.push('sqlite');
  if ((!only || only === 'postgres') && process.env.BENCH_DATABASE_URL) suites.push('postgres');
  if (only === 'postgres' && !process.env.BENCH_DATABASE_URL) {
    throw new Error('BENCH_DB=postgres needs BENCH_DATABASE_URL');
  }
  console.log(
    `Liaison benchmark (issue #9 targets): ${suites.join(' + ')}, ${ITEMS.toLocaleString('en')} items, ` +
      `${SEARCH_ROWS.toLocaleString('en')} searchable rows, ${LOAD_TOOL} ${DURATION_S} s × ${CONNECTIONS} connections ` +
      `per scenario, on ${os.cpus().length} cores (load average ${os.loadavg()[0]!.toFixed(2)})`,
  );
  if (LOAD_TOOL !== 'wrk') console.log('NOTE: wrk not found — autocannon generates the load.');
  console.log(
    `Server: node ${serverNodeOptions.join(' ')} dist/main.js serve ${JSON.stringify(serverEnvironment)}`,
  );
  // Production runs compiled JavaScript (npm start): so does the benchmark, H included.
  console.log('Compiling the server (scripts/build-server.mjs) …');
  await buildServer({ 'bench-hello-server': 'bench/hello-server.ts' });
  for (const kind of suites) await runSuite(kind);
  console.log(`\nBenchmark done in ${elapsed(started)}.`);
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
