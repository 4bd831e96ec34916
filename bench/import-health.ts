/**
 * `npm run bench:imports`: how fast an import commits and how well the server keeps answering
 * meanwhile. Starts the compiled production server (`dist/main.js serve`, as `npm start` runs it;
 * its rate limits raised through its configuration, LIAISON_RATE_LIMIT_PER_MINUTE) on a fresh
 * database, polls
 * GET /api/v1/health one request at a time (every 10 ms) and reports its latency per phase:
 *   idle        — nothing else running
 *   dry run     — a 20,000-row XLSX import being read (worker thread) and checked
 *   commit      — the same import written in one transaction
 *   bomb        — an XLSX of ~1 MB declaring 392 MB of sheet XML (answered 413 at upload), then
 *                 one that lies about its sizes (read in the worker until the counted inflate
 *                 stops it; the job fails)
 * SQLite always; PostgreSQL too when BENCH_DATABASE_URL is set (BENCH_DB=sqlite|postgres for one);
 * BENCH_PROFILE_DIR=<dir> writes the server's CPU profile there.
 * Writes bench/results/<date>[-<BENCH_LABEL>]-import-health-<db>.json — top-level `rowsPerSecond`
 * (rows committed per second, upload of the commit to "committed") and `healthP99Ms` (/health p99
 * during the commit), then the phases — and prints a markdown table.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildServer, serverEnvironment, serverNodeOptions } from '../scripts/build-server.mjs';
import { AuditLog } from '../server/audit/audit-log.js';
import { createUser } from '../server/auth/users.js';
import { createDb } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { seedReferenceData } from '../server/seed/load-reference.js';
import {
  cell,
  deflateRepeated,
  SHEET_HEAD,
  SHEET_TAIL,
  xlsx,
} from '../server/modules/plan-imports/zip-fixtures.js';
import { postgresDatabase, sqliteDatabase, type BenchDatabase } from './lib/prepare.js';
import {
  freePort,
  killAllChildren,
  ROOT,
  spawnNode,
  stopChild,
  waitForOk,
} from './lib/processes.js';
import { signIn } from './lib/requests.js';

const ROWS = 20_000;
const RESULTS = path.join(ROOT, 'bench', 'results');

interface Phase {
  phase: string;
  seconds: number;
  healthRequests: number;
  healthMs: { p50: number; p99: number; max: number };
  /** CPU the server process used in the phase (user + system, Linux /proc): load-independent. */
  serverCpuSeconds: number | null;
  note: string;
}

/** CPU seconds a process has used so far (Linux), or null elsewhere. */
function cpuSecondsOf(pid: number | undefined): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of stat (11 and 12 after the command name).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;
const round = (n: number) => Math.round(n * 10) / 10;

/** Polls /health one request at a time until stopped; returns the latencies (ms). */
function pollHealth(base: string) {
  const latencies: number[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const started = performance.now();
      const response = await fetch(`${base}/api/v1/health`);
      await response.arrayBuffer();
      latencies.push(performance.now() - started);
      if (response.status !== 200) throw new Error(`/health answered ${response.status}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  return {
    async stop() {
      running = false;
      await done;
      return latencies;
    },
  };
}

async function measure(
  base: string,
  pid: number | undefined,
  phase: string,
  work: () => Promise<string>,
): Promise<Phase> {
  const poll = pollHealth(base);
  const cpuBefore = cpuSecondsOf(pid);
  const started = performance.now();
  const note = await work();
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = cpuSecondsOf(pid);
  const latencies = (await poll.stop()).sort((a, b) => a - b);
  const result = {
    phase,
    seconds: Math.round(seconds * 100) / 100,
    healthRequests: latencies.length,
    healthMs: {
      p50: round(percentile(latencies, 50)),
      p99: round(percentile(latencies, 99)),
      max: round(latencies.at(-1) ?? 0),
    },
    serverCpuSeconds:
      cpuBefore === null || cpuAfter === null
        ? null
        : Math.round((cpuAfter - cpuBefore) * 100) / 100,
    note,
  };
  console.log(
    `  ${phase.padEnd(8)} ${String(result.seconds).padStart(6)} s  /health p50 ${result.healthMs.p50} ms, p99 ${result.healthMs.p99} ms, max ${result.healthMs.max} ms (${latencies.length} requests), server CPU ${result.serverCpuSeconds} s  ${note}`,
  );
  return result;
}

/** The 20,000-row workbook: 200 objectives under chapter `chapter`, 99 activities each. */
async function workbook(chapter: string, firstFree: number): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Items');
  sheet.addRow(['Code', 'Parent code', 'Title (English)', 'Status', 'Weight', 'Due']);
  for (let o = 0; o < ROWS / 100; o++) {
    const code = `${chapter}.${firstFree + o}`;
    sheet.addRow([code, chapter, `Objective ${o + 1}`, '', '', '']);
    for (let a = 1; a <= 99; a++) {
      sheet.addRow(['', code, `Activity ${o + 1}.${a}`, 'Ongoing', 1, '2027-06']);
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function runOn(database: BenchDatabase): Promise<Phase[]> {
  console.log(`\n== ${database.kind}: ${database.describe}`);
  const db = createDb(database.config.database);
  const audit = new AuditLog(db.dialect);
  const email = `bench.import@example.test`;
  const password = 'bench import correct horse battery';
  try {
    await migrateToLatest(db);
    await seedReferenceData(db, audit);
    await createUser(db, audit, { email, role: 'coordinator', password });
  } finally {
    await db.close();
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // BENCH_PROFILE_DIR: the server writes a CPU profile there (node --cpu-prof) when it stops.
  const profile = process.env.BENCH_PROFILE_DIR;
  // The production server; only its configuration differs: the API rate limit raised (/health is
  // polled every 10 ms, more than a person's 600 a minute).
  const env = {
    ...process.env,
    ...database.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LIAISON_RATE_LIMIT_PER_MINUTE: '1000000',
    LIAISON_LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
  };
  // With npm start's Node options and environment (scripts/build-server.mjs), so the memory
  // settings the production server runs with are the ones measured.
  const server = spawnNode(
    'dist/main.js',
    ['serve'],
    { ...serverEnvironment, ...env },
    {
      nodeArgs: [
        ...serverNodeOptions,
        ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
      ],
    },
  );
  try {
    await waitForOk(`${base}/api/v1/health`, server, performance.now(), 60_000);
    const session = await signIn(base, email, password);
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
    const json = async (url: string, init: RequestInit = {}) => {
      const response = await fetch(`${base}${url}`, {
        ...init,
        headers: { ...headers, ...(init.headers ?? {}) },
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const plans = (await json('/api/v1/plans')).body.items as { id: string; code: string }[];
    const plan = plans.find((p) => p.code === 'IPAP-2015') ?? plans[0]!;
    const tree = (await json(`/api/v1/plans/${plan.id}/tree`)).body.items as {
      code: string;
      children: unknown[];
    }[];
    const chapter = tree[0]!;
    const file = await workbook(chapter.code, chapter.children.length + 1);
    const upload = (bytes: Buffer, name: string) =>
      json(`/api/v1/plans/${plan.id}/imports/file?fileName=${name}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        },
        body: new Uint8Array(bytes),
      });
    const settle = async (id: string, until: string[]) => {
      for (;;) {
        const job = (await json(`/api/v1/imports/${id}?pageSize=1`)).body;
        if (until.includes(job.status as string)) return job;
        await new Promise((r) => setTimeout(r, 50));
      }
    };

    const phases: Phase[] = [];
    phases.push(
      await measure(base, server.child.pid, 'idle', async () => {
        await new Promise((r) => setTimeout(r, 3000));
        return '';
      }),
    );
    let jobId = '';
    phases.push(
      await measure(base, server.child.pid, 'dry run', async () => {
        const started = await upload(file, 'bench.xlsx');
        if (started.status !== 202) throw new Error(JSON.stringify(started.body));
        jobId = started.body.id as string;
        const job = await settle(jobId, ['validated', 'failed']);
        return `${ROWS.toLocaleString('en')} rows, ${Math.round(file.length / 1024)} KB XLSX → ${job.status as string} ${JSON.stringify(job.counts)}`;
      }),
    );
    phases.push(
      await measure(base, server.child.pid, 'commit', async () => {
        const started = await json(`/api/v1/imports/${jobId}/commit`, { method: 'POST' });
        if (started.status !== 202) throw new Error(JSON.stringify(started.body));
        const job = await settle(jobId, ['committed', 'failed']);
        return `→ ${job.status as string}${job.failure ? ` (${job.failure as string})` : ''}`;
      }),
    );
    const row = `<row>${cell('B2', '1')}${cell('C2', 'Activity')}</row>`;
    const head = `<row r="1">${cell('A1', 'Code')}${cell('B1', 'Parent code')}${cell('C1', 'Title (English)')}</row>`;
    const sheet = await deflateRepeated(SHEET_HEAD + head, row, 3_280_000, SHEET_TAIL);
    phases.push(
      await measure(base, server.child.pid, 'bomb', async () => {
        const declared = xlsx(sheet);
        const asked = performance.now();
        const refused = await upload(declared, 'bomb.xlsx');
        const answeredMs = Math.round(performance.now() - asked);
        const liarAsked = performance.now();
        const liar = await upload(xlsx(sheet, { declareSheet: 1024 * 1024 }), 'liar.xlsx');
        let liarOutcome = String(liar.status);
        if (liar.status === 202) {
          const job = await settle(liar.body.id as string, ['failed', 'validated']);
          liarOutcome = `202, then job ${job.status as string}`;
        }
        const liarMs = Math.round(performance.now() - liarAsked);
        return `${Math.round(declared.length / 1024)} KB declaring ${Math.round(sheet.size / 1048576)} MB → ${refused.status} in ${answeredMs} ms; lying about its size → ${liarOutcome} in ${liarMs} ms`;
      }),
    );
    return phases;
  } finally {
    await stopChild(server);
  }
}

const kinds = (process.env.BENCH_DB ?? 'sqlite,postgres').split(',');
const label = process.env.BENCH_LABEL ? `-${process.env.BENCH_LABEL}` : '';
await buildServer();
fs.mkdirSync(RESULTS, { recursive: true });
const date = new Date().toISOString().slice(0, 10);
try {
  for (const kind of ['sqlite', 'postgres'] as const) {
    if (!kinds.includes(kind)) continue;
    if (kind === 'postgres' && !process.env.BENCH_DATABASE_URL) {
      console.log('\n(PostgreSQL skipped: set BENCH_DATABASE_URL to measure it too.)');
      continue;
    }
    const database =
      kind === 'sqlite'
        ? sqliteDatabase()
        : await postgresDatabase(process.env.BENCH_DATABASE_URL!, false);
    try {
      const phases = await runOn(database);
      const commit = phases.find((p) => p.phase === 'commit')!;
      const file = path.join(RESULTS, `${date}${label}-import-health-${kind}.json`);
      const result = {
        kind,
        rows: ROWS,
        rowsPerSecond: Math.round(ROWS / commit.seconds),
        healthP99Ms: commit.healthMs.p99,
        healthP50Ms: commit.healthMs.p50,
        healthMaxMs: commit.healthMs.max,
        // What the commit costs the server in CPU, whatever else the machine runs.
        rowsPerCpuSecond: commit.serverCpuSeconds
          ? Math.round(ROWS / commit.serverCpuSeconds)
          : null,
        phases,
      };
      fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
      console.log(
        `\n${kind}: commit ${result.rowsPerSecond.toLocaleString('en')} rows/s (target ≥ 10,000), /health p99 ${result.healthP99Ms} ms during it (target ≤ 100 ms)`,
      );
      console.log(`\n| phase | s | /health p50 | p99 | max |\n|---|---|---|---|---|`);
      for (const p of phases) {
        console.log(
          `| ${p.phase} | ${p.seconds} | ${p.healthMs.p50} ms | ${p.healthMs.p99} ms | ${p.healthMs.max} ms |`,
        );
      }
      console.log(`\nWritten: ${path.relative(ROOT, file)}`);
    } finally {
      await database.dispose();
    }
  }
} finally {
  killAllChildren();
}
