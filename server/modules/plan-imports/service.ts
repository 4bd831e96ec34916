/**
 * Plan imports as jobs, run by whichever instance of the server claims them (job-recovery.ts).
 * An upload creates a job row holding the file and answers at once; a commit request moves a
 * checked job to `committing`. Every instance polls the queue (and the instance that took the
 * request is woken at once), claims a job with SKIP LOCKED, and runs it:
 *   - the dry run reads the file in a worker thread, compares every row with the plan in slices
 *     (setImmediate between them, so requests keep being served) and stores the report and the
 *     checked operations;
 *   - the commit replays those operations — the dry run's checks are not repeated: under the
 *     plan's lock it verifies that the plan is still the one the dry run saw (its fingerprint),
 *     that the organisations named are still there and readable, and that the importer may still
 *     create and change these items — and writes everything in ONE transaction: items (multi-row
 *     inserts of COMMIT_SLICE rows), their partners, one audit entry per item and one for the
 *     import, or nothing. Its last statement marks the job committed only if this instance still
 *     owns it.
 * All job state lives in the table: any instance answers "how far is it?", and a job whose
 * instance died is taken over and run again from its start (nothing of it was written).
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { ImportFileError } from '../../../core/plans/import-table.js';
import type { ImportCounts, RowOutcome } from '../../../core/plans/import-validate.js';
import { IMPORT_MAX_BYTES, type ImportStatus } from '../../../core/schemas/plan-import.js';
import { uuidv7 } from '../../../core/ids/uuidv7.js';
import { authorize, can } from '../../access/policy.js';
import type { ActionContext, Actor } from '../../audit/context.js';
import { accessOf, actorOf } from '../../auth/sessions.js';
import type { Trx } from '../../db/database.js';
import { lockPlan } from '../../db/dialect.js';
import { AppError, errors } from '../../errors.js';
import { PLAN_ITEM } from '../plan-items/policy.js';
import type { Deps } from '../shared/deps.js';
import { commitWriter } from './commit-write.js';
import { dryRunner } from './dry-run.js';
import { importChoices } from './import-choices.js';
import { JobTakenOver, planChanged, PLAN_IMPORT } from './job-shared.js';
import { checkImportFile, formatOf, importLimitsOf } from './read-file.js';
import {
  claimJob,
  jobKeeper,
  newOwner,
  retireOwner,
  type ClaimedJob,
  type JobOwner,
} from './job-recovery.js';
import * as repo from './repository.js';

export { PLAN_IMPORT };

/** A running job writes progress at least this often; silence for longer means it died. */
export const STALLED_AFTER_MS = 10 * 60 * 1000;
/** How often an instance looks for jobs nobody runs (the one that took a request is woken at once). */
export const POLL_MS = 1_000;
/** Jobs one instance runs at once (each dry run may hold an import worker). */
const MAX_RUNNING = 2;

const RUNNING: ImportStatus[] = ['queued', 'validating', 'committing'];

function failureMessage(error: unknown): string | null {
  if (error instanceof ImportFileError || error instanceof AppError) return error.message;
  return null;
}

/** A running job silent for longer than STALLED_AFTER_MS: its process died. */
function isStalled(job: { status: string; updated_at: string }) {
  return (
    RUNNING.includes(job.status as ImportStatus) &&
    Date.now() - Date.parse(job.updated_at) > STALLED_AFTER_MS
  );
}

export interface ImportServiceOptions {
  /** This instance as written in the jobs it runs (default: a new identity). */
  owner?: JobOwner;
  pollMs?: number;
  log?: (error: unknown) => void;
}

export function planImportService(
  deps: Deps,
  { owner = newOwner(), pollMs = POLL_MS, log = () => undefined }: ImportServiceOptions = {},
) {
  const { db, audit, config } = deps;
  const running = new Set<Promise<void>>();
  /** The jobs this instance runs now, each with the switch that stops it when it is taken over. */
  const owned = new Map<string, AbortController>();
  const readLimits = importLimitsOf(config);
  let stopped = true;
  let timer: NodeJS.Timeout | null = null;
  let pumping: Promise<void> | null = null;
  let again = false;
  const keeper = jobKeeper(
    db,
    () => [...owned.keys()],
    log,
    undefined,
    owner,
    (ids) => {
      for (const id of ids) owned.get(id)?.abort();
    },
  );

  /** Claims jobs while this instance has room for them. */
  function pump(): Promise<void> {
    if (pumping) {
      again = true;
      return pumping;
    }
    pumping = (async () => {
      do {
        again = false;
        while (!stopped && owned.size < MAX_RUNNING) {
          const job = await claimJob(db, owner);
          if (!job) break;
          run(job);
        }
      } while (again && !stopped);
    })()
      .catch(log)
      .finally(() => {
        pumping = null;
      });
    return pumping;
  }

  /** Wakes this instance's claimer (after a request queued a job). */
  function kick() {
    if (!stopped) void pump();
  }

  /** Runs a claimed job; a failure ends it as failed (if this instance still owns it), never the process. */
  function run(job: ClaimedJob) {
    const abort = new AbortController();
    owned.set(job.id, abort);
    const task = (async () => {
      await yieldToLoop();
      try {
        const row = await repo.findJobSummary(db.kysely, job.id);
        if (!row) return;
        const actor = await actorOfUser(row.user_id);
        if (row.status === 'committing') {
          await write(abort.signal, job.id, actor, row.plan_id, row.fingerprint!);
        } else {
          await dryRun(abort.signal, job.id, actor, row.plan_id, row.format as 'csv' | 'xlsx');
        }
      } catch (error) {
        if (error instanceof JobTakenOver || abort.signal.aborted) return;
        const known = failureMessage(error);
        if (!known) log(error);
        await finish(job.id, {
          status: 'failed',
          failure:
            known ??
            'The import stopped because of an error on our side; nothing was changed. The error has been logged.',
          upload: null,
          ops: null,
        }).catch(log);
      } finally {
        owned.delete(job.id);
        kick();
      }
    })();
    running.add(task);
    void task.finally(() => running.delete(task));
  }

  /** The person who started the job, as they are now (clearances and roles may have changed). */
  async function actorOfUser(userId: string): Promise<Actor> {
    const user = await db.kysely
      .selectFrom('users')
      .select(['id', 'email', 'display_name', 'role', 'nation', 'disabled'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!user || user.disabled) {
      throw errors.forbidden(
        'The account that started this import is disabled; nothing was changed.',
      );
    }
    return actorOf(user, await accessOf(db.kysely, userId));
  }

  /** Ends a job this instance owns (a job taken over meanwhile is left to its new owner). */
  async function finish(
    id: string,
    changes: Parameters<typeof repo.updateJob>[2],
    trx: Trx | null = null,
  ): Promise<void> {
    const done = await (trx ?? db.kysely)
      .updateTable('plan_imports')
      .set({ ...changes, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('owner', '=', owner.id)
      .where('status', 'in', RUNNING)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new JobTakenOver();
  }

  /**
   * Progress writes, at most one per 200 ms, so a fast job is not slowed by its own reports; and
   * never waited for (at most one in flight): on PostgreSQL they go through a second connection
   * while the commit's transaction runs, and must not hold it up. A write that lands after the job
   * ended changes nothing (it only touches a running job).
   */
  function progressWriter(jobId: string) {
    let last = 0;
    let inFlight = false;
    return (done: number, total: number, force = false) => {
      const now = Date.now();
      if (inFlight || (!force && now - last < 200)) return;
      last = now;
      inFlight = true;
      void db.kysely
        .updateTable('plan_imports')
        .set({ progress_done: done, progress_total: total, updated_at: new Date().toISOString() })
        .where('id', '=', jobId)
        .where('status', 'in', RUNNING)
        .execute()
        .catch(log)
        .finally(() => {
          inFlight = false;
        });
    };
  }

  /** Yields to the event loop; stops the job when another instance took it over. */
  async function breathe(signal: AbortSignal) {
    await yieldToLoop();
    if (signal.aborted) throw new JobTakenOver();
  }

  async function requirePlan(actor: Actor | null, planId: string) {
    const plan = await repo.findPlan(db.kysely, actor, planId);
    if (!plan) throw errors.notFound('The plan');
    return plan;
  }

  /**
   * The job, if the actor started it and may still read the plan. Nobody else — administrators
   * included — reads it: its report holds the titles of items as the uploader sees them.
   */
  async function visibleJob(actor: Actor | null, id: string) {
    const job = await repo.findJobSummary(db.kysely, id);
    if (!actor || !job || job.user_id !== actor.id) {
      throw errors.notFound('The import');
    }
    await requirePlan(actor, job.plan_id).catch(() => {
      throw errors.notFound('The import');
    });
    return job;
  }

  const dryRun = dryRunner(deps, { breathe, progressWriter, finish, requirePlan });
  const write = commitWriter({ db, audit }, { breathe, progressWriter, finish, requirePlan });
  const choices = importChoices(deps, { visibleJob, kick });

  return {
    /** This instance in the jobs it runs. */
    owner,

    /** Starts taking jobs: the sweep for dead owners, the heartbeat, and the poll of the queue. */
    async startRunner() {
      stopped = false;
      const swept = await keeper.start();
      timer = setInterval(() => void pump(), pollMs);
      timer.unref();
      kick();
      return swept;
    },

    /** May the actor import into this plan? (404 when the plan is not theirs to read.) */
    async abilities(actor: Actor | null, planId: string) {
      await requirePlan(actor, planId);
      return { import: can(actor, 'create', PLAN_ITEM) };
    },

    async recent(actor: Actor | null, planId: string) {
      await requirePlan(actor, planId);
      if (!actor) return [];
      return repo.recentJobs(db.kysely, planId, actor.id);
    },

    /** Accepts a file and queues its dry run; answers with the queued job. */
    async start(ctx: ActionContext, planId: string, fileName: string, bytes: Uint8Array) {
      await requirePlan(ctx.actor, planId);
      authorize(ctx.actor, 'create', PLAN_ITEM);
      const actor = ctx.actor;
      if (bytes.length === 0) {
        throw errors.badRequest('The file is empty.', { field: 'content' });
      }
      if (bytes.length > IMPORT_MAX_BYTES) {
        throw new AppError(413, 'payload_too_large', 'The file is larger than 20 MB; split it.');
      }
      let format: 'csv' | 'xlsx';
      try {
        format = formatOf(bytes, fileName);
      } catch (error) {
        throw errors.unprocessable((error as Error).message, { field: 'content' });
      }
      try {
        // Caps checked before any parsing (the ZIP directory of an XLSX, then its parts inflated
        // with the output counted): a bomb is refused now.
        await checkImportFile(bytes, format, readLimits);
      } catch (error) {
        throw new AppError(413, 'payload_too_large', (error as Error).message);
      }
      const id = uuidv7();
      const now = new Date().toISOString();
      await db.write(async (trx) => {
        await trx
          .insertInto('plan_imports')
          .values({
            id,
            plan_id: planId,
            user_id: actor.id,
            file_name: fileName,
            format,
            status: 'queued',
            progress_done: 0,
            progress_total: 0,
            failure: null,
            counts: null,
            ignored_headings: '[]',
            report: null,
            table_data: null,
            fingerprint: null,
            upload: bytes,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await audit.record(trx, ctx, {
          action: 'plan_import.upload',
          entityType: PLAN_IMPORT,
          entityId: id,
          after: { planId, fileName, format, bytes: bytes.length },
        });
      });
      kick();
      return (await repo.findJobSummary(db.kysely, id))!;
    },

    async get(actor: Actor | null, id: string) {
      const job = await visibleJob(actor, id);
      return job;
    },

    /** The stored row outcomes of a job (parsed on demand: the report can be large). */
    async outcomes(id: string): Promise<RowOutcome[]> {
      const row = await db.kysely
        .selectFrom('plan_imports')
        .select('report')
        .where('id', '=', id)
        .executeTakeFirst();
      return row?.report ? (JSON.parse(row.report) as RowOutcome[]) : [];
    },

    /** Queues the commit of a checked import (all or nothing); any instance may run it. */
    async commit(ctx: ActionContext, id: string) {
      const job = await visibleJob(ctx.actor, id);
      authorize(ctx.actor, 'create', PLAN_ITEM);
      if (job.status !== 'validated') {
        throw errors.conflict(
          job.status === 'committed'
            ? 'This import has already been committed.'
            : job.status === 'failed'
              ? 'This import failed; upload the file again.'
              : 'This import is still being processed; wait until its check is done.',
          { status: job.status },
        );
      }
      const counts = job.counts ? (JSON.parse(job.counts) as ImportCounts) : null;
      if (!counts || counts.errors > 0) {
        throw errors.conflict(
          `${counts?.errors ?? 0} rows have errors; fix them in the file and upload it again. Nothing is imported while any row has an error.`,
          { errors: counts?.errors ?? 0 },
        );
      }
      if (counts.create + counts.update === 0) {
        throw errors.conflict('Nothing to import: every row matches the plan already.');
      }
      // Commits into one plan take turns (the plan's lock): of two dry runs of the same plan, the
      // first to commit wins; the other finds it committing, or the plan changed, and gets 409.
      await db.write(async (trx) => {
        await lockPlan(trx, db.dialect, job.plan_id);
        const others = await repo.committingJobs(trx, job.plan_id, id);
        if (others.some((j) => !isStalled(j))) throw planChanged();
        if ((await repo.planFingerprint(trx, job.plan_id)) !== job.fingerprint) {
          throw planChanged();
        }
        const moved = await repo.updateJob(
          trx,
          id,
          {
            status: 'committing',
            progress_done: 0,
            progress_total: counts.rows,
            owner: null,
            heartbeat_at: null,
            attempts: 0,
            commit_ip: ctx.ip,
          },
          'validated',
        );
        if (!moved) throw errors.conflict('This import is already being committed.');
      });
      kick();
      return (await repo.findJobSummary(db.kysely, id))!;
    },

    /** Maps columns of the file to fields (remembered for the plan) and checks the file again. */
    remap: choices.remap,
    /** Creates an institution a row names, then checks the file again. */
    createOrganisation: choices.createOrganisation,
    /** The plan's remembered mapping. */
    mapping: choices.mapping,

    /** Ids of the jobs this instance is running now. */
    ownedJobs: () => [...owned.keys()],

    /** Stops taking jobs and waits for the ones this instance runs (on shutdown). */
    async drain() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      await pumping;
      while (running.size) await Promise.allSettled([...running]);
      await keeper.stop();
      retireOwner(owner);
    },

    isStalled,
  };
}
