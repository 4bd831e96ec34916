/**
 * Plan imports as jobs. An upload creates a job row and answers at once; the dry run (read the
 * file, compare every row with the plan) runs in the background of the same process in slices of
 * a few hundred rows (setImmediate between them, so requests keep being served), writing its
 * progress and finally its report into the job row. The commit is a job too: it re-checks the
 * file against the plan as it is now, then writes everything in ONE transaction — items, their
 * partners, one audit entry per item and one for the import — or nothing.
 *
 * All job state lives in the table: any instance can answer "how far is it?" and run the commit,
 * since the parsed rows are kept in the job. A job whose process died (no progress for
 * STALLED_AFTER_MS) is reported as failed.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { ImportFileError, type ImportTable } from '../../../core/plans/import-table.js';
import {
  validateImport,
  type ImportCounts,
  type ItemValues,
  type RowOutcome,
} from '../../../core/plans/import-validate.js';
import { IMPORT_MAX_BYTES, type ImportStatus } from '../../../core/schemas/plan-import.js';
import { uuidv7 } from '../../../core/ids/uuidv7.js';
import { authorize, can } from '../../access/policy.js';
import type { AuditInput } from '../../audit/audit-log.js';
import type { ActionContext, Actor } from '../../audit/context.js';
import type { Trx } from '../../db/database.js';
import { lockPlan } from '../../db/dialect.js';
import type { PlanItemRow } from '../../db/schema.js';
import { AppError, errors } from '../../errors.js';
import { PLAN_ITEM } from '../plan-items/policy.js';
import { presentPlanItem } from '../plan-items/presenter.js';
import { setPartners } from '../plan-items/repository.js';
import type { Deps } from '../shared/deps.js';
import {
  newRecordColumns,
  resolveLabel,
  searchText,
  updateRecordColumns,
} from '../shared/records.js';
import { checkImportFile, formatOf, importLimitsOf, readImportFile } from './read-file.js';
import { beat } from './job-recovery.js';
import * as repo from './repository.js';

export const PLAN_IMPORT = 'plan_import';
/** A running job writes progress at least this often; silence for longer means it died. */
export const STALLED_AFTER_MS = 10 * 60 * 1000;
/** Rows checked between two turns of the event loop. */
const SLICE = 250;
/**
 * Rows written between two turns of the event loop inside the commit's transaction: each slice
 * is one multi-row insert (or this many updates), then setImmediate lets the process answer
 * other requests — reads go to SQLite's read connection meanwhile (server/db/dialect.ts).
 */
const COMMIT_SLICE = 50;

const RUNNING: ImportStatus[] = ['queued', 'validating', 'committing'];

function failureMessage(error: unknown): string | null {
  if (error instanceof ImportFileError || error instanceof AppError) return error.message;
  return null;
}

/** The answer to a commit whose dry run no longer describes the plan. */
function planChanged() {
  return errors.conflict(
    'The plan changed since the dry run (another import or an edit); nothing was imported. Upload the file again to run the dry run against the plan as it is now.',
    { reason: 'plan_changed' },
  );
}

/** A running job silent for longer than STALLED_AFTER_MS: its process died. */
function isStalled(job: { status: string; updated_at: string }) {
  return (
    RUNNING.includes(job.status as ImportStatus) &&
    Date.now() - Date.parse(job.updated_at) > STALLED_AFTER_MS
  );
}

export function planImportService({ db, audit, config }: Deps) {
  const running = new Set<Promise<void>>();
  /** Ids of the jobs this process runs: the job keeper (job-recovery.ts) beats for them. */
  const owned = new Set<string>();
  const readLimits = importLimitsOf(config);

  /** Runs `work` after the answer is sent; a failure ends the job as failed, never the process. */
  function background(jobId: string, work: () => Promise<void>, log: (e: unknown) => void) {
    const task = (async () => {
      await yieldToLoop();
      owned.add(jobId);
      try {
        await beat(db, [jobId]);
        await work();
      } catch (error) {
        const known = failureMessage(error);
        if (!known) log(error);
        await repo
          .updateJob(db.kysely, jobId, {
            status: 'failed',
            failure:
              known ??
              'The import stopped because of an error on our side; nothing was changed. The error has been logged.',
          })
          .catch(log);
      } finally {
        owned.delete(jobId);
      }
    })();
    running.add(task);
    void task.finally(() => running.delete(task));
  }

  /** Progress writes, at most one per 200 ms, so a fast job is not slowed by its own reports. */
  function progressWriter(jobId: string) {
    let last = 0;
    return async (done: number, total: number, force = false) => {
      const now = Date.now();
      if (!force && now - last < 200) return;
      last = now;
      await repo.updateJob(db.kysely, jobId, { progress_done: done, progress_total: total });
    };
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

  async function dryRun(
    jobId: string,
    actor: Actor,
    planId: string,
    bytes: Uint8Array,
    format: 'csv' | 'xlsx',
  ) {
    await repo.updateJob(db.kysely, jobId, { status: 'validating' });
    const table = await readImportFile(bytes, format, readLimits);
    const rows = table.rows.length;
    const progress = progressWriter(jobId);
    await progress(0, rows, true);
    const { snapshot, fingerprint } = await repo.loadSnapshot(db.kysely, actor, planId);
    const result = await validateImport(table, snapshot, {
      chunk: SLICE,
      pause: async (done, total) => {
        await yieldToLoop();
        await progress(Math.floor((done / total) * rows), rows);
      },
    });
    await repo.updateJob(db.kysely, jobId, {
      status: 'validated',
      progress_done: rows,
      progress_total: rows,
      counts: JSON.stringify(result.counts),
      ignored_headings: JSON.stringify(table.ignoredHeadings),
      report: JSON.stringify(result.outcomes),
      table_data: JSON.stringify(table),
      fingerprint,
    });
  }

  async function write(
    ctx: ActionContext & { actor: Actor },
    jobId: string,
    planId: string,
    fingerprint: string,
    table: ImportTable,
  ) {
    const actor = ctx.actor;
    const progress = progressWriter(jobId);
    const { snapshot, rows, fingerprint: now } = await repo.loadSnapshot(db.kysely, actor, planId);
    if (now !== fingerprint) throw planChanged();
    const result = await validateImport(table, snapshot, {
      chunk: SLICE,
      pause: async (done, total) => {
        await yieldToLoop();
        await progress(Math.floor((done / total) * 0.3 * table.rows.length), table.rows.length);
      },
    });
    if (result.counts.errors > 0) {
      await repo.updateJob(db.kysely, jobId, {
        counts: JSON.stringify(result.counts),
        report: JSON.stringify(result.outcomes),
      });
      throw errors.conflict(
        `The plan changed since the dry run and ${result.counts.errors} rows no longer pass the checks; nothing was imported. See the report, fix the file and upload it again.`,
      );
    }
    const steps = result.creates.length + result.updates.length;
    const base = Math.floor(0.3 * table.rows.length);
    const share = table.rows.length - base;
    // A second connection can report progress while the transaction holds its own (PostgreSQL's
    // pool); SQLite has the one connection the transaction is using, so it reports at the end.
    const reportDuringWrite = db.dialect === 'postgres';
    await db.write(async (trx) => {
      // Under the plan's lock nobody else writes its items until this commits: the plan checked
      // here is the plan written to.
      await lockPlan(trx, db.dialect, planId);
      if ((await repo.planFingerprint(trx, planId)) !== fingerprint) throw planChanged();
      let done = 0;
      const step = async () => {
        done += 1;
        if (done % COMMIT_SLICE !== 0) return;
        // SQLite's driver never leaves the microtask queue between statements: give the event
        // loop a turn so the process keeps answering while the transaction runs.
        await yieldToLoop();
        if (reportDuringWrite) {
          await progress(base + Math.floor((done / steps) * share), table.rows.length);
        }
      };
      const label = await resolveLabel(trx, undefined, actor);
      const entries: AuditInput[] = [];
      const idOfRow = new Map<number, string>();
      const creates = [...result.creates].sort((a, b) => a.depth - b.depth);
      for (let i = 0; i < creates.length; i += COMMIT_SLICE) {
        const batch = creates.slice(i, i + COMMIT_SLICE).map((op) => {
          const cols = newRecordColumns(ctx);
          idOfRow.set(op.row, cols.id);
          const v = op.values;
          const parentId =
            op.parent === null
              ? null
              : 'itemId' in op.parent
                ? op.parent.itemId
                : idOfRow.get(op.parent.row)!;
          const row = {
            ...cols,
            ...label,
            plan_id: planId,
            parent_id: parentId,
            depth: op.depth,
            position: Number(op.code.split('.').pop()),
            code: op.code,
            title_en: v.titleEn,
            title_sr: v.titleSr,
            description_en: v.descriptionEn,
            description_sr: v.descriptionSr,
            status: v.status,
            start_on: v.startOn,
            due_on: v.dueOn,
            lead_organisation_id: v.leadOrganisationId,
            weight: v.weight,
            manual_progress: null,
            budget_amount: v.budgetAmount,
            budget_currency: v.budgetCurrency,
            funding_source: v.fundingSource,
            search_text: searchText(
              { en: v.titleEn, sr: v.titleSr },
              { en: v.descriptionEn, sr: v.descriptionSr },
            ),
          };
          return { row, partners: v.partnerOrganisationIds };
        });
        await trx
          .insertInto('plan_items')
          .values(batch.map((b) => b.row))
          .execute();
        const partners = batch.flatMap((b) =>
          [...new Set(b.partners)].map((organisation_id) => ({
            plan_item_id: b.row.id,
            organisation_id,
          })),
        );
        if (partners.length) await trx.insertInto('plan_item_partners').values(partners).execute();
        for (const b of batch) {
          entries.push({
            action: 'plan_item.create',
            entityType: PLAN_ITEM,
            entityId: b.row.id,
            after: presentPlanItem({ ...b.row, sample_data: 0 } as PlanItemRow, actor, b.partners),
          });
          await step();
        }
      }
      for (const op of result.updates) {
        entries.push(
          await applyUpdate(trx, ctx, op.itemId, op.version, op.patch, rows.get(op.itemId)!),
        );
        await step();
      }
      const counts: ImportCounts = result.counts;
      entries.push({
        action: 'plan_import.commit',
        entityType: PLAN_IMPORT,
        entityId: jobId,
        after: {
          planId,
          created: counts.create,
          updated: counts.update,
          unchanged: counts.unchanged,
        },
      });
      // One entry per item and one for the import, in this transaction.
      await audit.recordMany(trx, ctx, entries, () => yieldToLoop());
      await repo.updateJob(trx, jobId, {
        status: 'committed',
        progress_done: table.rows.length,
        progress_total: table.rows.length,
        counts: JSON.stringify(result.counts),
        report: JSON.stringify(result.outcomes),
        table_data: null,
      });
    });
  }

  async function applyUpdate(
    trx: Trx,
    ctx: ActionContext & { actor: Actor },
    id: string,
    version: number,
    patch: Partial<ItemValues>,
    before: PlanItemRow,
  ): Promise<AuditInput> {
    const beforePartners = (
      await trx
        .selectFrom('plan_item_partners')
        .select('organisation_id')
        .where('plan_item_id', '=', id)
        .execute()
    ).map((p) => p.organisation_id);
    const set: Partial<PlanItemRow> = {};
    const map: Record<Exclude<keyof ItemValues, 'partnerOrganisationIds'>, keyof PlanItemRow> = {
      titleEn: 'title_en',
      titleSr: 'title_sr',
      descriptionEn: 'description_en',
      descriptionSr: 'description_sr',
      status: 'status',
      startOn: 'start_on',
      dueOn: 'due_on',
      leadOrganisationId: 'lead_organisation_id',
      weight: 'weight',
      budgetAmount: 'budget_amount',
      budgetCurrency: 'budget_currency',
      fundingSource: 'funding_source',
    };
    for (const [field, column] of Object.entries(map) as [keyof typeof map, keyof PlanItemRow][]) {
      if (patch[field] !== undefined) (set as Record<string, unknown>)[column] = patch[field];
    }
    const after = { ...before, ...set, ...updateRecordColumns(ctx, version) } as PlanItemRow;
    after.search_text = searchText(
      { en: after.title_en, sr: after.title_sr },
      { en: after.description_en, sr: after.description_sr },
    );
    const done = await trx
      .updateTable('plan_items')
      .set({ ...set, ...updateRecordColumns(ctx, version), search_text: after.search_text })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw errors.stale(version + 1);
    const partners = patch.partnerOrganisationIds ?? beforePartners;
    if (patch.partnerOrganisationIds) await setPartners(trx, id, patch.partnerOrganisationIds);
    return {
      action: 'plan_item.update',
      entityType: PLAN_ITEM,
      entityId: id,
      before: presentPlanItem(before, ctx.actor, beforePartners),
      after: presentPlanItem(after, ctx.actor, partners),
    };
  }

  return {
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

    /** Accepts a file and starts its dry run; answers with the queued job. */
    async start(
      ctx: ActionContext,
      planId: string,
      fileName: string,
      bytes: Uint8Array,
      log: (e: unknown) => void,
    ) {
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
      background(id, () => dryRun(id, actor, planId, bytes, format), log);
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

    /** Starts the commit of a checked import (all or nothing). */
    async commit(ctx: ActionContext, id: string, log: (e: unknown) => void) {
      const job = await visibleJob(ctx.actor, id);
      authorize(ctx.actor, 'create', PLAN_ITEM);
      const actor = ctx.actor;
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
          { status: 'committing', progress_done: 0, progress_total: counts.rows },
          'validated',
        );
        if (!moved) throw errors.conflict('This import is already being committed.');
      });
      background(
        id,
        async () => {
          const full = await repo.findJob(db.kysely, id);
          const table = JSON.parse(full!.table_data!) as ImportTable;
          await write({ ...ctx, actor }, id, job.plan_id, job.fingerprint!, table);
        },
        log,
      );
      return (await repo.findJobSummary(db.kysely, id))!;
    },

    /** Ids of the jobs this process is running now. */
    ownedJobs: () => [...owned],

    /** Waits for the jobs this process runs (on shutdown). */
    async drain() {
      while (running.size) await Promise.allSettled([...running]);
    },

    isStalled,
  };
}
