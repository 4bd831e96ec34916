/**
 * Import jobs outlive nothing: a job runs in the background of the process that took it, so when
 * that process dies (crash, out of memory, kill -9) the job would stay "committing" forever. Each
 * job therefore records its owner (host/pid/nonce of the process) and a heartbeat; a process marks
 * as failed — at start-up and then every HEARTBEAT_MS — the running jobs whose owner is gone:
 * owned by an earlier process on this host that is no longer alive (or whose pid this process now
 * has), or silent for longer than the heartbeat timeout (another host). Nothing was changed by such
 * a job (the commit is one transaction, rolled back with its connection), so the person is told to
 * upload the file again. With several instances, a job would be claimed with SKIP LOCKED; the owner
 * and heartbeat columns are already what that needs.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Db } from '../../db/database.js';

/** Statuses of a job some process is working on. */
export const RUNNING_STATUSES = ['queued', 'validating', 'committing'] as const;
/** How often a process says its jobs are alive (and sweeps for dead ones). */
export const HEARTBEAT_MS = 15_000;
/** A running job whose heartbeat is older than this has lost its process. */
export const HEARTBEAT_TIMEOUT_MS = 60_000;

export const INTERRUPTED =
  'The import stopped before it finished because the server running it stopped; nothing was changed. Upload the file again.';

export interface JobOwner {
  id: string;
  host: string;
  pid: number;
}

/** This process, as written in the jobs it runs. */
export const THIS_PROCESS: JobOwner = (() => {
  const host = os.hostname();
  const pid = process.pid;
  return { id: `${host}/${pid}/${randomUUID().slice(0, 8)}`, host, pid };
})();

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
  if (owner && owner.host === self.host && (owner.pid === self.pid || !isAlive(owner.pid))) {
    return true;
  }
  const lastSign = Date.parse(job.heartbeat_at ?? job.updated_at);
  return now - lastSign > timeoutMs;
}

/** Writes that `owner` runs these jobs now. */
export async function beat(db: Db, ids: string[], owner: JobOwner = THIS_PROCESS): Promise<void> {
  if (ids.length === 0) return;
  await db.kysely
    .updateTable('plan_imports')
    .set({ owner: owner.id, heartbeat_at: new Date().toISOString() })
    .where('id', 'in', ids)
    .execute();
}

/**
 * Marks as failed the running jobs whose owner is gone; returns their ids. Each update re-checks
 * the status, so a job that finished meanwhile is left alone.
 */
export async function recoverInterruptedJobs(
  db: Db,
  self: JobOwner = THIS_PROCESS,
  now = Date.now(),
  timeoutMs = HEARTBEAT_TIMEOUT_MS,
): Promise<string[]> {
  const candidates = await db.kysely
    .selectFrom('plan_imports')
    .select(['id', 'owner', 'heartbeat_at', 'updated_at'])
    .where('status', 'in', [...RUNNING_STATUSES])
    .execute();
  const dead = candidates.filter((job) => ownerIsGone(job, self, now, timeoutMs));
  const failed: string[] = [];
  for (const job of dead) {
    const done = await db.kysely
      .updateTable('plan_imports')
      .set({ status: 'failed', failure: INTERRUPTED, updated_at: new Date(now).toISOString() })
      .where('id', '=', job.id)
      .where('status', 'in', [...RUNNING_STATUSES])
      .where((eb) => (job.owner === null ? eb('owner', 'is', null) : eb('owner', '=', job.owner)))
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 1) failed.push(job.id);
  }
  return failed;
}

/**
 * Keeps this process's jobs alive and sweeps for dead ones: at start (`start()` resolves with the
 * jobs it failed) and every HEARTBEAT_MS. The timer does not keep the process alive.
 */
export function jobKeeper(
  db: Db,
  ownedJobs: () => string[],
  log: (error: unknown) => void,
  intervalMs = HEARTBEAT_MS,
) {
  let timer: NodeJS.Timeout | null = null;
  let tick: Promise<unknown> = Promise.resolve();
  const sweep = () => recoverInterruptedJobs(db);
  return {
    /** Starts the heartbeat; resolves with the jobs the first sweep failed (none if it failed). */
    async start(): Promise<string[]> {
      timer = setInterval(() => {
        tick = beat(db, ownedJobs()).then(sweep).catch(log);
      }, intervalMs);
      timer.unref();
      return sweep().catch((error: unknown) => {
        log(error);
        return [];
      });
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      await tick;
    },
  };
}
