/**
 * Import jobs are a queue that every instance of the server takes from. A job row is created by
 * the request (upload: status `queued`; commit: status `committing`) with no owner; any instance
 * claims it — `SELECT … FOR UPDATE SKIP LOCKED` on PostgreSQL, so two instances polling at once
 * never take the same row and never wait for each other; on SQLite (one process) the claim is the
 * same statement inside BEGIN IMMEDIATE — and writes itself as the owner (host/pid/nonce) with a
 * heartbeat, which it renews every HEARTBEAT_MS while it runs the job.
 *
 * When the owner dies (crash, out of memory, kill -9, a host lost), its job is taken over: a job
 * whose heartbeat is older than HEARTBEAT_TIMEOUT_MS may be claimed again by any instance, and one
 * owned by a dead process on this host is released at once by the sweep. Taking over is safe
 * because a job has no partial effects: the dry run only writes its own job row, and the commit
 * is ONE transaction (rolled back with the dead owner's connection) whose last statement marks the
 * job committed only while its owner still holds it — an owner that was merely frozen and wakes
 * after the takeover rolls back instead of importing twice. A job taken MAX_ATTEMPTS times is
 * failed ("upload again") instead of being retried forever.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { sql, type Kysely } from 'kysely';
import type { Db, Trx } from '../../db/database.js';
import type { Database } from '../../db/schema.js';

/** Statuses of a job some process is working on, or should be. */
export const RUNNING_STATUSES = ['queued', 'validating', 'committing'] as const;
/** How often a process says its jobs are alive (and sweeps for dead ones). */
export const HEARTBEAT_MS = 15_000;
/** A running job whose heartbeat is older than this has lost its process. */
export const HEARTBEAT_TIMEOUT_MS = 60_000;
/** A job is taken at most this many times (a job that kills its instance is not retried forever). */
export const MAX_ATTEMPTS = 3;

export const INTERRUPTED =
  'The import stopped before it finished because the server running it stopped, more than once; nothing was changed. Upload the file again.';

export interface JobOwner {
  id: string;
  host: string;
  pid: number;
}

/** Owners alive in this process (one per app instance; tests run several in one process). */
const LIVE_OWNERS = new Set<string>();

/** A new owner identity for one app instance of this process. */
export function newOwner(): JobOwner {
  const host = os.hostname();
  const pid = process.pid;
  const owner = { id: `${host}/${pid}/${randomUUID().slice(0, 8)}`, host, pid };
  LIVE_OWNERS.add(owner.id);
  return owner;
}

/** The instance stopped: its jobs, if any are left, may be taken over at once. */
export function retireOwner(owner: JobOwner): void {
  LIVE_OWNERS.delete(owner.id);
}

/** This process's default owner (kept for callers that run one instance). */
export const THIS_PROCESS: JobOwner = newOwner();

export function parseOwner(id: string): JobOwner | null {
  const parts = id.split('/');
  if (parts.length < 3) return null;
  const pid = Number(parts[parts.length - 2]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  return { id, host: parts.slice(0, -2).join('/'), pid };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Is the process that owns a job gone, as far as `self` can tell? */
export function ownerIsGone(
  job: { owner: string | null; heartbeat_at: string | null; updated_at: string },
  self: JobOwner,
  now: number,
  timeoutMs: number,
): boolean {
  if (job.owner === self.id) return false;
  const owner = job.owner ? parseOwner(job.owner) : null;
  if (owner && owner.host === self.host) {
    // This process, under an identity no instance of it holds now: an earlier process with the
    // same pid (containers), or an instance that stopped.
    if (owner.pid === self.pid) return !LIVE_OWNERS.has(owner.id);
    if (!isAlive(owner.pid)) return true;
  }
  const lastSign = Date.parse(job.heartbeat_at ?? job.updated_at);
  return now - lastSign > timeoutMs;
}

/** Renews the heartbeat of the jobs `owner` still holds; returns their ids (a job taken over is not). */
export async function beat(
  db: Db,
  ids: string[],
  owner: JobOwner = THIS_PROCESS,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.kysely
    .updateTable('plan_imports')
    .set({ heartbeat_at: new Date().toISOString() })
    .where('id', 'in', ids)
    .where('owner', '=', owner.id)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export interface ClaimedJob {
  id: string;
  status: string;
  attempts: number;
}

/**
 * Takes the oldest job no live instance holds (no owner yet, or a heartbeat older than
 * `timeoutMs`) for `owner`, or null when there is none. PostgreSQL: FOR UPDATE SKIP LOCKED, so
 * concurrent claimers each get a different job; SQLite: the write transaction serialises them.
 */
export async function claimJob(
  db: Db,
  owner: JobOwner,
  now = Date.now(),
  timeoutMs = HEARTBEAT_TIMEOUT_MS,
): Promise<ClaimedJob | null> {
  const stale = new Date(now - timeoutMs).toISOString();
  const at = new Date(now).toISOString();
  const claimable = (q: Kysely<Database> | Trx) =>
    q
      .selectFrom('plan_imports')
      .select(['id', 'status', 'attempts'])
      .where('status', 'in', [...RUNNING_STATUSES])
      .where('attempts', '<', MAX_ATTEMPTS)
      .where((eb) =>
        eb.or([
          eb('owner', 'is', null),
          eb(eb.fn.coalesce('heartbeat_at', 'updated_at'), '<', stale),
        ]),
      )
      .orderBy('created_at')
      .orderBy('id')
      .limit(1);
  // A plain read first (SQLite's read connection; no lock on PostgreSQL): an idle queue, polled
  // every second by every instance, costs no write transaction.
  if (!(await claimable(db.kysely).executeTakeFirst())) return null;
  return db.write(async (trx) => {
    const query = claimable(trx);
    const job = await (
      db.dialect === 'postgres' ? query.forUpdate().skipLocked() : query
    ).executeTakeFirst();
    if (!job) return null;
    await trx
      .updateTable('plan_imports')
      .set({ owner: owner.id, heartbeat_at: at, attempts: sql`attempts + 1`, updated_at: at })
      .where('id', '=', job.id)
      .execute();
    return { id: job.id, status: job.status, attempts: job.attempts + 1 };
  });
}

/**
 * The sweep: running jobs whose owner is gone are released for another instance to take (the
 * claim takes them anyway once their heartbeat is old enough; this makes a dead process on this
 * host count at once), and jobs already taken MAX_ATTEMPTS times are failed. Each update re-checks
 * status and owner, so a job that finished or moved on meanwhile is left alone.
 */
export async function recoverInterruptedJobs(
  db: Db,
  self: JobOwner = THIS_PROCESS,
  now = Date.now(),
  timeoutMs = HEARTBEAT_TIMEOUT_MS,
): Promise<{ released: string[]; failed: string[] }> {
  const candidates = await db.kysely
    .selectFrom('plan_imports')
    .select(['id', 'owner', 'heartbeat_at', 'updated_at', 'attempts'])
    .where('status', 'in', [...RUNNING_STATUSES])
    .execute();
  const released: string[] = [];
  const failed: string[] = [];
  for (const job of candidates) {
    const gone = job.owner !== null && ownerIsGone(job, self, now, timeoutMs);
    const exhausted = job.attempts >= MAX_ATTEMPTS && (job.owner === null || gone);
    if (!gone && !exhausted) continue;
    const done = await db.kysely
      .updateTable('plan_imports')
      .set(
        exhausted
          ? {
              status: 'failed',
              failure: INTERRUPTED,
              owner: null,
              updated_at: new Date(now).toISOString(),
            }
          : { owner: null },
      )
      .where('id', '=', job.id)
      .where('status', 'in', [...RUNNING_STATUSES])
      .where((eb) => (job.owner === null ? eb('owner', 'is', null) : eb('owner', '=', job.owner)))
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 1) (exhausted ? failed : released).push(job.id);
  }
  return { released, failed };
}

/**
 * Keeps this instance's jobs alive and sweeps for dead ones: at start (`start()` resolves with
 * what the first sweep did) and every `intervalMs`. `lost` is told the jobs whose heartbeat could
 * not be renewed (another instance took them over). The timer does not keep the process alive.
 */
export function jobKeeper(
  db: Db,
  ownedJobs: () => string[],
  log: (error: unknown) => void,
  intervalMs = HEARTBEAT_MS,
  owner: JobOwner = THIS_PROCESS,
  lost: (ids: string[]) => void = () => undefined,
) {
  let timer: NodeJS.Timeout | null = null;
  let tick: Promise<unknown> = Promise.resolve();
  const sweep = () => recoverInterruptedJobs(db, owner);
  const keep = async () => {
    const mine = ownedJobs();
    const kept = new Set(await beat(db, mine, owner));
    const gone = mine.filter((id) => !kept.has(id));
    if (gone.length) lost(gone);
    await sweep();
  };
  return {
    /** Starts the heartbeat; resolves with what the first sweep did (nothing if it failed). */
    async start(): Promise<{ released: string[]; failed: string[] }> {
      timer = setInterval(() => {
        tick = keep().catch(log);
      }, intervalMs);
      timer.unref();
      return sweep().catch((error: unknown) => {
        log(error);
        return { released: [], failed: [] };
      });
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      await tick;
    },
  };
}
