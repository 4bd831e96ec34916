/**
 * `npm run bench:scale-out`: several instances of the production server on one PostgreSQL behind
 * HAProxy (issue #9).
 *
 *  1. A fresh PostgreSQL database (next to BENCH_DATABASE_URL, default the local `test` server),
 *     seeded with BENCH_SCALE_ITEMS synthetic plan items (default 20,000) and four coordinators.
 *  2. The server compiled (scripts/build-server.mjs) and three instances of `dist/main.js serve`
 *     started, configured through the environment only: shared rate-limit counters in
 *     PostgreSQL (LIAISON_RATE_LIMIT_STORE=postgres, the default there), limits raised by
 *     LIAISON_RATE_LIMIT_PER_MINUTE as an operator would for a load test, a 2 s drain delay.
 *  3. Debian's HAProxy (/usr/sbin/haproxy) in front, its configuration generated into a temporary
 *     directory, health-checking GET /api/v1/health/ready every 500 ms; run as a child process.
 *  4. The mixed load (BENCH_SCALE_CONNECTIONS concurrent keep-alive clients, default 16): 60 % one
 *     plan item, 10 % a list page of 50, 15 % creates, 15 % updates with If-Match; through HAProxy
 *     with 1, 2 and 3 instances behind it (BENCH_SCALE_SECONDS each, default 15).
 *  5. A graceful restart: SIGTERM to one of 3 instances under the load (readiness turns 503, it
 *     keeps serving through the drain delay, then closes), restarted: no request should fail.
 *     The kill: 3 instances under the same load; one is killed (SIGKILL) a third of the way in and
 *     restarted; every acknowledged write (201 with its id, 200 to an update) is recorded.
 *     Afterwards: requests failed (and when), acknowledged creates all present, updates all
 *     applied, the audit chain intact, plan codes unique.
 *  6. The single points measured: audited writes per second at the audit chain head (1, 4 and 8
 *     writers appending directly, no HTTP) next to plain durable commits per second with the same
 *     writers (what the disk allows), and creates per second in one plan through all three
 *     instances (per-plan serialisation, lockPlan).
 *
 * Writes bench/results/<date>-scale-out.json and prints a markdown table. Bounded: every phase has
 * a timeout, children are killed on exit. The machine's cores and how busy it was are in the
 * report: instances and the load generator share them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import * as serverBuild from '../scripts/build-server.mjs';
import { AuditLog, verifyAuditChain } from '../server/audit/audit-log.js';
import { createDb, type Db } from '../server/db/database.js';
import { busyElsewhere, compactJson, machine } from './lib/machine.js';
import {
  afterChecks,
  createBenchUser,
  pools,
  postgresDatabase,
  seed,
  type BenchUser,
  type Pools,
} from './lib/prepare.js';
import {
  freePort,
  killAllChildren,
  ROOT,
  spawnNode,
  waitForOk,
  type NodeChild,
} from './lib/processes.js';
import { signIn, type Session } from './lib/requests.js';

const ITEMS = Number(process.env.BENCH_SCALE_ITEMS ?? 20_000);
const SECONDS = Number(process.env.BENCH_SCALE_SECONDS ?? 15);
const KILL_SECONDS = Number(process.env.BENCH_SCALE_KILL_SECONDS ?? 24);
const ROLL_SECONDS = Number(process.env.BENCH_SCALE_ROLL_SECONDS ?? 16);
const CONNECTIONS = Number(process.env.BENCH_SCALE_CONNECTIONS ?? 16);
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const HAPROXY = process.env.BENCH_HAPROXY ?? '/usr/sbin/haproxy';
const RESULTS = path.join(ROOT, 'bench', 'results');
const INSTANCES = 3;
const WARM_UP_SECONDS = 2;

/**
 * The Node options and environment `npm start` gives the server (scripts/build-server.mjs), read
 * whatever their shape, so the instances run as production runs them.
 */
const build = serverBuild as unknown as Record<string, unknown>;
const nodeOptions = Array.isArray(build.serverNodeOptions)
  ? (build.serverNodeOptions as string[])
  : [];
const productionEnv = (build.serverEnvironment ?? {}) as Record<string, string>;

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;

// ---------------------------------------------------------------------------------------------
// Instances and the load balancer

interface Instance {
  name: string;
  port: number;
  node: NodeChild;
}

async function startInstance(name: string, port: number, env: Record<string, string>) {
  const node = spawnNode(
    'dist/main.js',
    ['serve'],
    {
      ...productionEnv,
      ...process.env,
      ...env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      LIAISON_RATE_LIMIT_STORE: 'postgres',
      LIAISON_RATE_LIMIT_PER_MINUTE: '100000000',
      LIAISON_LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
      LIAISON_DRAIN_DELAY_SECONDS: '2',
      LIAISON_SHUTDOWN_GRACE_SECONDS: '10',
    },
    { nodeArgs: nodeOptions },
  );
  await waitForOk(`http://127.0.0.1:${port}/api/v1/health/ready`, node, performance.now(), 60_000);
  return { name, port, node };
}

function haproxyConfig(frontPort: number, servers: Instance[]): string {
  return `global
  maxconn 2000

defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  timeout http-keep-alive 10s
  # A request that could not reach an instance (connection refused) goes to another one; a
  # request an instance took in is never sent twice.
  retries 3
  option redispatch 1
  retry-on conn-failure

frontend liaison
  bind 127.0.0.1:${frontPort}
  default_backend instances

backend instances
  balance roundrobin
  option httpchk GET /api/v1/health/ready
  http-check expect status 200
  default-server inter 500ms fall 2 rise 2
  http-response set-header X-Liaison-Instance %[srv_name]
${servers.map((s) => `  server ${s.name} 127.0.0.1:${s.port} check`).join('\n')}
`;
}

/** HAProxy processes still running: killed if the bench exits early. */
const balancers = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of balancers) if (child.exitCode === null) child.kill('SIGKILL');
});

interface Balancer {
  process: ChildProcess;
  base: string;
  stop(): Promise<void>;
}

async function startHaproxy(dir: string, frontPort: number, servers: Instance[]) {
  const file = path.join(dir, `haproxy-${servers.length}.cfg`);
  fs.writeFileSync(file, haproxyConfig(frontPort, servers));
  const child = spawn(HAPROXY, ['-f', file, '-db'], { stdio: ['ignore', 'pipe', 'pipe'] });
  balancers.add(child);
  child.once('exit', () => balancers.delete(child));
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-4000)));
  child.stderr.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${frontPort}`;
  // Ready once every instance has passed its checks: `rise 2` at 500 ms.
  const deadline = performance.now() + 20_000;
  const seen = new Set<string>();
  while (seen.size < servers.length) {
    if (child.exitCode !== null) throw new Error(`HAProxy exited:\n${out}`);
    if (performance.now() > deadline)
      throw new Error(`HAProxy did not reach every instance (${[...seen]}):\n${out}`);
    try {
      const res = await fetch(`${base}/api/v1/health/ready`, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      const by = res.headers.get('x-liaison-instance');
      if (res.status === 200 && by) seen.add(by);
    } catch {
      // not listening yet
    }
    await pause(100);
  }
  return {
    process: child,
    base,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await Promise.race([exited, pause(5000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  } satisfies Balancer;
}

// ---------------------------------------------------------------------------------------------
// The load

interface Outcome {
  at: number; // ms since the load started
  kind: 'read' | 'list' | 'create' | 'update';
  status: number; // 0: no HTTP answer (connection reset, timeout)
  ms: number;
  instance: string | null;
  error?: string;
}

interface Acknowledged {
  creates: string[];
  /** Item id → status value the last acknowledged update set. */
  updates: Map<string, string>;
}

const STATUSES = ['ongoing', 'partially_implemented', 'implemented', 'postponed'] as const;

function send(
  agent: http.Agent,
  base: URL,
  method: string,
  pathname: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method,
        path: pathname,
        headers: body ? { ...headers, 'content-length': Buffer.byteLength(body) } : headers,
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

interface Client {
  session: Session;
  /** Items this client alone updates, with their current ETags. */
  etags: Map<string, string>;
  updateIds: string[];
}

/** Signs in the users and hands each client its own slice of the update pool with ETags. */
async function clients(base: string, users: BenchUser[], p: Pools): Promise<Client[]> {
  const sessions: Session[] = [];
  for (const user of users) sessions.push(await signIn(base, user.email, user.password));
  const result: Client[] = [];
  for (let i = 0; i < CONNECTIONS; i += 1) {
    const session = sessions[i % sessions.length]!;
    const updateIds = p.updateIds.filter((_, k) => k % CONNECTIONS === i).slice(0, 30);
    const etags = new Map<string, string>();
    for (const id of updateIds) {
      const res = await fetch(`${base}/api/v1/plan-items/${id}`, {
        headers: { cookie: session.cookie },
      });
      await res.arrayBuffer();
      const etag = res.headers.get('etag');
      if (res.status === 200 && etag) etags.set(id, etag);
    }
    result.push({ session, etags, updateIds: [...etags.keys()] });
  }
  return result;
}

/**
 * Runs the mixed load for `seconds` through `base`; `during` runs alongside (the kill). Creates
 * are counted as acknowledged on 201 with an id, updates on 200.
 */
async function mixedLoad(
  base: string,
  p: Pools,
  cs: Client[],
  seconds: number,
  ack: Acknowledged | null,
  during?: (startedAt: number) => Promise<void>,
  mix = { read: 0.6, list: 0.1, create: 0.15 },
) {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const outcomes: Outcome[] = [];
  const startedAt = performance.now();
  const endAt = startedAt + seconds * 1000;
  let counter = 0;
  const worker = async (client: Client, w: number) => {
    const auth = { cookie: client.session.cookie, 'x-csrf-token': client.session.csrfToken };
    const json = { ...auth, 'content-type': 'application/json' };
    let n = 0;
    while (performance.now() < endAt) {
      n += 1;
      counter += 1;
      const r = ((n * 7919 + w * 104_729) % 1000) / 1000;
      const kind: Outcome['kind'] =
        r < mix.read
          ? 'read'
          : r < mix.read + mix.list
            ? 'list'
            : r < mix.read + mix.list + mix.create
              ? 'create'
              : 'update';
      const t0 = performance.now();
      let outcome: Outcome;
      try {
        let res;
        let updated: { id: string; status: string } | null = null;
        if (kind === 'read') {
          res = await send(
            agent,
            url,
            'GET',
            `/api/v1/plan-items/${p.readIds[counter % p.readIds.length]}`,
            auth,
          );
        } else if (kind === 'list') {
          res = await send(agent, url, 'GET', `/api/v1/plans/${p.planId}/items?pageSize=50`, auth);
        } else if (kind === 'create') {
          res = await send(
            agent,
            url,
            'POST',
            '/api/v1/plan-items',
            json,
            JSON.stringify({
              planId: p.planId,
              parentId: p.parentIds[counter % p.parentIds.length],
              title: { en: `Scale-out activity ${w}.${n}`, sr: `Активност ${w}.${n}` },
              status: 'not_started',
              dueOn: '2027-Q2',
            }),
          );
        } else {
          const id = client.updateIds[n % client.updateIds.length]!;
          const status = STATUSES[n % STATUSES.length]!;
          updated = { id, status };
          res = await send(
            agent,
            url,
            'PATCH',
            `/api/v1/plan-items/${id}`,
            { ...json, 'if-match': client.etags.get(id)! },
            JSON.stringify({ status }),
          );
          const etag = res.headers.etag;
          if (res.status === 200 && typeof etag === 'string') client.etags.set(id, etag);
          if (res.status === 412) {
            // Someone (a lost answer of our own) changed it: read the current ETag again.
            const fresh = await send(agent, url, 'GET', `/api/v1/plan-items/${id}`, auth);
            const e = fresh.headers.etag;
            if (fresh.status === 200 && typeof e === 'string') client.etags.set(id, e);
          }
        }
        outcome = {
          at: t0 - startedAt,
          kind,
          status: res.status,
          ms: performance.now() - t0,
          instance: (res.headers['x-liaison-instance'] as string | undefined) ?? null,
        };
        if (ack && kind === 'create' && res.status === 201) {
          const id = (JSON.parse(res.body) as { id?: string }).id;
          if (id) ack.creates.push(id);
        }
        if (ack && updated && res.status === 200) ack.updates.set(updated.id, updated.status);
        else if (ack && updated && res.status >= 500) ack.updates.delete(updated.id);
      } catch (error) {
        // An update whose answer was lost may or may not have been applied.
        if (ack && kind === 'update')
          ack.updates.delete(client.updateIds[n % client.updateIds.length]!);
        outcome = {
          at: t0 - startedAt,
          kind,
          status: 0,
          ms: performance.now() - t0,
          instance: null,
          error: error instanceof Error ? error.message : String(error),
        };
      }
      outcomes.push(outcome);
    }
  };
  const side = during ? during(startedAt) : Promise.resolve();
  await Promise.all([...cs.map((c, w) => worker(c, w)), side]);
  agent.destroy();
  const elapsed = (performance.now() - startedAt) / 1000;
  return { outcomes, elapsed };
}

function summarise(outcomes: Outcome[], elapsed: number) {
  const ok = outcomes.filter((o) => o.status >= 200 && o.status < 400);
  const ms = ok.map((o) => o.ms).sort((a, b) => a - b);
  const byStatus: Record<string, number> = {};
  for (const o of outcomes) byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
  const byInstance: Record<string, number> = {};
  for (const o of ok) if (o.instance) byInstance[o.instance] = (byInstance[o.instance] ?? 0) + 1;
  const kinds = ['read', 'list', 'create', 'update'] as const;
  return {
    seconds: round(elapsed),
    requests: outcomes.length,
    ok: ok.length,
    requestsPerSecond: round(ok.length / elapsed, 0),
    writesPerSecond: round(
      ok.filter((o) => o.kind === 'create' || o.kind === 'update').length / elapsed,
      0,
    ),
    p50Ms: round(percentile(ms, 50)),
    p99Ms: round(percentile(ms, 99)),
    failed: outcomes.length - ok.length,
    byStatus,
    byInstance,
    byKind: Object.fromEntries(
      kinds.map((k) => [k, outcomes.filter((o) => o.kind === k && o.status < 400).length]),
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// The single points, measured

/** Audited writes per second at the chain head: `writers` loops appending one entry each. */
async function chainHead(db: Db, writers: number, seconds: number) {
  const audit = new AuditLog(db.dialect);
  const ctx = { actor: null, ip: '127.0.0.1' };
  let appended = 0;
  const endAt = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      while (performance.now() < endAt) {
        await db.write((trx) =>
          audit.record(trx, ctx, {
            action: 'bench.chain_head',
            entityType: 'bench',
            entityId: `${w}`,
          }),
        );
        appended += 1;
      }
    }),
  );
  return { writers, perSecond: round(appended / ((performance.now() - started) / 1000), 0) };
}

/**
 * The same loop without the chain: `writers` loops each updating a row of their own in a table of
 * the bench's database and committing. What a durable commit costs here, the floor under any
 * audited write; the chain head is a ceiling of its own where it stays flat while this grows.
 */
async function plainCommits(db: Db, writers: number, seconds: number) {
  await sql`create table if not exists bench_commits (w integer primary key, n integer not null)`.execute(
    db.kysely,
  );
  let committed = 0;
  const endAt = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      while (performance.now() < endAt) {
        await db.write((trx) =>
          sql`insert into bench_commits (w, n) values (${w}, 1)
              on conflict (w) do update set n = bench_commits.n + 1`.execute(trx),
        );
        committed += 1;
      }
    }),
  );
  return { writers, perSecond: round(committed / ((performance.now() - started) / 1000), 0) };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  if (!fs.existsSync(HAPROXY)) throw new Error(`HAProxy not found at ${HAPROXY} (BENCH_HAPROXY)`);
  const runStarted = performance.now();
  const busyBefore = await busyElsewhere();
  console.log(
    `Scale-out: ${ITEMS.toLocaleString('en')} items, ${CONNECTIONS} connections, ${SECONDS} s per phase; ` +
      `${os.cpus().length} cores, ${busyBefore ?? '?'} % busy before the run.`,
  );
  const database = await postgresDatabase(DATABASE_URL, false);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-scale-out-'));
  const instances: Instance[] = [];
  let balancer: Balancer | null = null;
  const db = createDb(database.config.database);
  try {
    console.log(`  preparing ${database.describe} …`);
    const seeded = await seed(db, ITEMS);
    const users: BenchUser[] = [];
    for (let i = 0; i < 4; i += 1) users.push(await createBenchUser(db));
    const p = await pools(db, users[0]!.actor, ITEMS);
    console.log('  building the server …');
    await serverBuild.buildServer();

    const ports = await Promise.all(Array.from({ length: INSTANCES }, () => freePort()));
    for (let i = 0; i < INSTANCES; i += 1) {
      instances.push(await startInstance(`i${i + 1}`, ports[i]!, database.env));
    }
    const frontPort = await freePort();

    // 1, 2, 3 instances behind the balancer.
    const phases = [];
    let cs: Client[] = [];
    for (let n = 1; n <= INSTANCES; n += 1) {
      balancer = await startHaproxy(tmp, frontPort, instances.slice(0, n));
      // Signed in once: the sessions live in the database, any instance serves them.
      if (n === 1) cs = await clients(balancer.base, users, p);
      await mixedLoad(balancer.base, p, cs, WARM_UP_SECONDS, null);
      const busy = await busyElsewhere();
      const { outcomes, elapsed } = await mixedLoad(balancer.base, p, cs, SECONDS, null);
      const summary = { instances: n, ...summarise(outcomes, elapsed), busyBeforePercent: busy };
      phases.push(summary);
      console.log(
        `  ${n} instance(s): ${summary.requestsPerSecond} req/s (${summary.writesPerSecond} writes/s), ` +
          `p50 ${summary.p50Ms} ms, p99 ${summary.p99Ms} ms, failed ${summary.failed}`,
      );
      await balancer.stop();
      balancer = null;
    }

    // A graceful restart: SIGTERM to one instance under load (readiness 503 at once, served for
    // the 2 s drain delay, then closed), restarted once it has exited. Nothing should fail.
    balancer = await startHaproxy(tmp, frontPort, instances);
    const rolled = instances[2]!;
    const rollEvents: { at: number; event: string }[] = [];
    let rolledExit: number | null = null;
    const rolling = await mixedLoad(balancer.base, p, cs, ROLL_SECONDS, null, async (startedAt) => {
      const at = () => round(performance.now() - startedAt, 0);
      await pause((ROLL_SECONDS * 1000) / 4);
      rolled.node.child.kill('SIGTERM');
      rollEvents.push({ at: at(), event: `SIGTERM ${rolled.name}` });
      const code = await rolled.node.exited;
      rolledExit = code;
      rollEvents.push({ at: at(), event: `${rolled.name} exited ${code}` });
      instances[2] = await startInstance(rolled.name, rolled.port, database.env);
      rollEvents.push({ at: at(), event: `${rolled.name} ready` });
    });
    const graceful = {
      ...summarise(rolling.outcomes, rolling.elapsed),
      events: rollEvents,
      exitCode: rolledExit,
    };
    console.log(
      `  graceful restart of ${rolled.name}: ${graceful.requests} requests, failed ${graceful.failed} ` +
        `(${rollEvents.map((e) => `${e.event} at ${(e.at / 1000).toFixed(1)} s`).join('; ')})`,
    );
    await balancer.stop();
    balancer = null;

    // The kill: 3 instances, one SIGKILLed a third of the way in, restarted.
    balancer = await startHaproxy(tmp, frontPort, instances);
    const ack: Acknowledged = { creates: [], updates: new Map() };
    const victim = instances[1]!;
    const events: { at: number; event: string }[] = [];
    const { outcomes, elapsed } = await mixedLoad(
      balancer.base,
      p,
      cs,
      KILL_SECONDS,
      ack,
      async (startedAt) => {
        const at = () => round(performance.now() - startedAt, 0);
        await pause((KILL_SECONDS * 1000) / 3);
        victim.node.child.kill('SIGKILL');
        events.push({ at: at(), event: `SIGKILL ${victim.name}` });
        await victim.node.exited;
        await pause(2000);
        events.push({ at: at(), event: `restart ${victim.name}` });
        const restarted = await startInstance(victim.name, victim.port, database.env);
        instances[1] = restarted;
        events.push({ at: at(), event: `${victim.name} ready` });
      },
    );
    const killAt = events[0]?.at ?? 0;
    const failures = outcomes.filter((o) => o.status === 0 || o.status >= 500);
    const kill = {
      ...summarise(outcomes, elapsed),
      events,
      failures: failures.map((o) => ({
        // When the answer failed (the request was sent earlier), relative to the kill.
        atMsAfterKill: round(o.at + o.ms - killAt, 0),
        kind: o.kind,
        status: o.status,
        error: o.error ?? null,
      })),
      servedAfterRestartBy: summarise(
        outcomes.filter((o) => o.at > (events[2]?.at ?? Infinity)),
        1,
      ).byInstance,
    };
    await balancer.stop();
    balancer = null;

    // Afterwards: acknowledged writes, the chain, the codes.
    const present = new Set<string>();
    for (let i = 0; i < ack.creates.length; i += 500) {
      const rows = await db.kysely
        .selectFrom('plan_items')
        .select('id')
        .where('id', 'in', ack.creates.slice(i, i + 500))
        .where('deleted_at', 'is', null)
        .execute();
      for (const r of rows) present.add(r.id);
    }
    const updateRows = ack.updates.size
      ? await db.kysely
          .selectFrom('plan_items')
          .select(['id', 'status'])
          .where('id', 'in', [...ack.updates.keys()])
          .execute()
      : [];
    const updatesApplied = updateRows.filter((r) => ack.updates.get(r.id) === r.status).length;
    const checks = await afterChecks(db, p.planId);

    // The single points.
    const chain = [];
    const commits = [];
    for (const writers of [1, 4, 8]) {
      chain.push(await chainHead(db, writers, 4));
      commits.push(await plainCommits(db, writers, 4));
    }
    const durability = await sql<{ name: string; setting: string }>`
      select name, setting from pg_settings
      where name in ('synchronous_commit', 'fsync', 'commit_delay', 'wal_sync_method')`.execute(
      db.kysely,
    );
    balancer = await startHaproxy(tmp, frontPort, instances);
    const createOnly = await mixedLoad(balancer.base, p, cs, 8, null, undefined, {
      read: 0,
      list: 0,
      create: 1,
    });
    const perPlan = summarise(createOnly.outcomes, createOnly.elapsed);
    await balancer.stop();
    balancer = null;
    const finalChain = await verifyAuditChain(db.kysely);

    const result = {
      date: new Date().toISOString(),
      machine: machine(),
      note:
        `${os.cpus().length} cores shared by ${INSTANCES} server instances, PostgreSQL, HAProxy and ` +
        'the load generator: more instances cannot multiply throughput here; the figures show ' +
        'that the instances share the load correctly, not what more machines would give.',
      busyElsewhereBeforePercent: busyBefore,
      loadAverageAtEnd: os.loadavg().map((n) => round(n, 1)),
      database: seeded.databaseVersion,
      items: ITEMS,
      connections: CONNECTIONS,
      mix: '60 % one item, 10 % a list page of 50, 15 % creates, 15 % updates with If-Match',
      configuration: {
        LIAISON_RATE_LIMIT_STORE: 'postgres',
        LIAISON_RATE_LIMIT_PER_MINUTE: '100000000',
        LIAISON_DRAIN_DELAY_SECONDS: '2',
        haproxy:
          'roundrobin, check GET /api/v1/health/ready every 500 ms, fall 2 rise 2, retry-on conn-failure, redispatch',
      },
      throughput: phases,
      gracefulRestart: graceful,
      kill: {
        ...kill,
        acknowledgedCreates: ack.creates.length,
        acknowledgedCreatesPresent: present.size,
        acknowledgedUpdates: ack.updates.size,
        acknowledgedUpdatesApplied: updatesApplied,
        auditChainIntact: checks.auditChainIntact,
        auditEntries: checks.auditEntries,
        duplicateCodes: checks.duplicateCodes,
      },
      singlePoints: {
        auditChainHead: chain,
        plainCommits: commits,
        postgresDurability: Object.fromEntries(durability.rows.map((r) => [r.name, r.setting])),
        perPlanCreates: {
          instances: INSTANCES,
          connections: CONNECTIONS,
          createsPerSecond: perPlan.requestsPerSecond,
          p50Ms: perPlan.p50Ms,
          p99Ms: perPlan.p99Ms,
          failed: perPlan.failed,
        },
        auditChainIntactAtEnd: finalChain.ok,
      },
      seconds: round((performance.now() - runStarted) / 1000, 0),
    };
    fs.mkdirSync(RESULTS, { recursive: true });
    const file = path.join(RESULTS, `${result.date.slice(0, 10)}-scale-out.json`);
    fs.writeFileSync(file, `${compactJson(result)}\n`);
    console.log(`\n${report(result)}\nWritten to ${path.relative(ROOT, file)}`);
    const ok =
      graceful.failed === 0 &&
      graceful.exitCode === 0 &&
      kill.failures.length <= CONNECTIONS &&
      present.size === ack.creates.length &&
      updatesApplied === ack.updates.size &&
      checks.auditChainIntact &&
      finalChain.ok &&
      checks.duplicateCodes === 0;
    if (!ok) process.exitCode = 1;
  } finally {
    await balancer?.stop();
    killAllChildren();
    await db.close();
    await database.dispose();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

type Result = {
  machine: ReturnType<typeof machine>;
  note: string;
  busyElsewhereBeforePercent: number | null;
  items: number;
  connections: number;
  throughput: {
    instances: number;
    requestsPerSecond: number;
    writesPerSecond: number;
    p50Ms: number;
    p99Ms: number;
    failed: number;
    byInstance: Record<string, number>;
    busyBeforePercent: number | null;
  }[];
  gracefulRestart: {
    requests: number;
    failed: number;
    exitCode: number | null;
    events: { at: number; event: string }[];
  };
  kill: {
    requests: number;
    failed: number;
    failures: { atMsAfterKill: number; status: number }[];
    acknowledgedCreates: number;
    acknowledgedCreatesPresent: number;
    acknowledgedUpdates: number;
    acknowledgedUpdatesApplied: number;
    auditChainIntact: boolean;
    auditEntries: number;
    duplicateCodes: number;
    events: { at: number; event: string }[];
  };
  singlePoints: {
    auditChainHead: { writers: number; perSecond: number }[];
    plainCommits: { writers: number; perSecond: number }[];
    perPlanCreates: { createsPerSecond: number; p50Ms: number; p99Ms: number; failed: number };
  };
};

function report(r: Result): string {
  const base = r.throughput[0]?.requestsPerSecond || 1;
  const lines = [
    `### Scale-out on one PostgreSQL (${r.items.toLocaleString('en')} items, ${r.connections} connections, ${r.machine.cores} cores, ${r.busyElsewhereBeforePercent ?? '?'} % busy elsewhere before)`,
    '',
    '| instances | req/s | writes/s | p50 ms | p99 ms | failed | × 1 instance | served by |',
    '|---|---|---|---|---|---|---|---|',
    ...r.throughput.map(
      (t) =>
        `| ${t.instances} | ${t.requestsPerSecond} | ${t.writesPerSecond} | ${t.p50Ms} | ${t.p99Ms} | ${t.failed} | ${round(t.requestsPerSecond / base, 2)} | ${Object.entries(
          t.byInstance,
        )
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')} |`,
    ),
    '',
    `**Graceful restart under load** (${r.gracefulRestart.events.map((e) => `${e.event} at ${(e.at / 1000).toFixed(1)} s`).join('; ')}; 2 s drain): ${r.gracefulRestart.requests} requests, ${r.gracefulRestart.failed} failed, exit code ${r.gracefulRestart.exitCode}.`,
    '',
    `**One instance killed (SIGKILL) under load and restarted** (${r.kill.events.map((e) => `${e.event} at ${(e.at / 1000).toFixed(1)} s`).join('; ')}):`,
    '',
    '| check | result |',
    '|---|---|',
    `| requests / failed | ${r.kill.requests} / ${r.kill.failed} (at most ${r.connections} were in flight) |`,
    `| failures, ms after the kill | ${r.kill.failures.map((f) => `${f.atMsAfterKill} (${f.status || 'reset'})`).join(', ') || 'none'} |`,
    `| acknowledged creates present | ${r.kill.acknowledgedCreatesPresent} of ${r.kill.acknowledgedCreates} |`,
    `| acknowledged updates applied | ${r.kill.acknowledgedUpdatesApplied} of ${r.kill.acknowledgedUpdates} |`,
    `| audit chain | ${r.kill.auditChainIntact ? 'intact' : 'BROKEN'} (${r.kill.auditEntries} entries) |`,
    `| duplicate plan codes | ${r.kill.duplicateCodes} |`,
    '',
    '**Single points**',
    '',
    '| measure | figure |',
    '|---|---|',
    ...r.singlePoints.auditChainHead.map(
      (c, i) =>
        `| audited writes/s at the chain head, ${c.writers} writer(s), no HTTP | ${c.perSecond} |\n` +
        `| plain durable commits/s, ${c.writers} writer(s), no chain | ${r.singlePoints.plainCommits[i]?.perSecond ?? '?'} |`,
    ),
    `| creates/s in one plan through ${INSTANCES} instances (lockPlan) | ${r.singlePoints.perPlanCreates.createsPerSecond} (p50 ${r.singlePoints.perPlanCreates.p50Ms} ms, p99 ${r.singlePoints.perPlanCreates.p99Ms} ms, failed ${r.singlePoints.perPlanCreates.failed}) |`,
    '',
    `_${r.note}_`,
  ];
  return lines.join('\n');
}

const hardStop = setTimeout(
  () => {
    console.error('The scale-out bench ran past 6 minutes: stopping.');
    killAllChildren();
    process.exit(2);
  },
  6 * 60 * 1000,
);
hardStop.unref();

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    killAllChildren();
    process.exit(1);
  },
);
