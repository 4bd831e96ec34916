/**
 * The commit of a checked import: the dry run's stored operations replayed in ONE transaction
 * under the plan's lock — the plan's fingerprint re-checked, items inserted in multi-row slices,
 * updates compare-and-set on their version, one audit entry per item and one for the import —
 * or nothing. The last statement marks the job committed only while this instance owns it.
 */
import type { ImportCounts, ItemValues, UpdateOp } from '../../../core/plans/import-validate.js';
import { authorize } from '../../access/policy.js';
import { planItemVisibleTo } from '../../access/visibility.js';
import type { AuditInput } from '../../audit/audit-log.js';
import type { ActionContext, Actor } from '../../audit/context.js';
import type { Trx } from '../../db/database.js';
import { lockPlan } from '../../db/dialect.js';
import type { PlanItemRow } from '../../db/schema.js';
import { errors } from '../../errors.js';
import { PLAN_ITEM } from '../plan-items/policy.js';
import { presentPlanItem } from '../plan-items/presenter.js';
import { partnersOf, setPartners } from '../plan-items/repository.js';
import type { Deps } from '../shared/deps.js';
import {
  newRecordColumns,
  resolveLabel,
  searchText,
  updateRecordColumns,
} from '../shared/records.js';
import { insertRows } from './bulk-insert.js';
import { opsFromText, planChanged, PLAN_IMPORT, type StoredOps } from './job-shared.js';
import * as repo from './repository.js';

/**
 * Rows per multi-row insert inside the commit's transaction (then setImmediate lets the process
 * answer other requests — reads go to SQLite's read connection meanwhile, server/db/dialect.ts).
 * 35 columns × 100 rows stays well under SQLite's 32,766 bound parameters and PostgreSQL's 65,535.
 */
const COMMIT_SLICE = 100;
/** Updates between two turns of the event loop (each is a few statements). */
const UPDATE_SLICE = 50;

/** What the commit borrows from the job runner (service.ts). */
export interface CommitRunner {
  breathe: (signal: AbortSignal) => Promise<void>;
  progressWriter: (jobId: string) => (done: number, total: number, force?: boolean) => void;
  finish: (
    id: string,
    changes: Parameters<typeof repo.updateJob>[2],
    trx?: Trx | null,
  ) => Promise<void>;
  requirePlan: (actor: Actor | null, planId: string) => Promise<unknown>;
}

/** The commit step of the job runner: `write(signal, jobId, actor, planId, fingerprint)`. */
export function commitWriter({ db, audit }: Pick<Deps, 'db' | 'audit'>, runner: CommitRunner) {
  const { breathe, progressWriter, finish, requirePlan } = runner;

  /**
   * The checks that stand in for a second dry run, outside the transaction: the importer may still
   * create items (and change the ones updated, below), and every organisation the operations name
   * is still live and readable by them. The plan itself is checked by its fingerprint, under its
   * lock, in the transaction.
   */
  async function checkStillAllowed(actor: Actor, ops: StoredOps) {
    if (ops.creates.length) authorize(actor, 'create', PLAN_ITEM);
    const named = new Set<string>();
    const name = (v: Partial<ItemValues>) => {
      if (v.leadOrganisationId) named.add(v.leadOrganisationId);
      for (const id of v.partnerOrganisationIds ?? []) named.add(id);
    };
    for (const op of ops.creates) name(op.values);
    for (const op of ops.updates) name(op.patch);
    if (named.size === 0) return;
    const readable = new Set((await repo.organisationsFor(db.kysely, actor)).map((o) => o.id));
    if ([...named].some((id) => !readable.has(id))) {
      throw errors.conflict(
        'An organisation the file names was deleted or is no longer visible to you since the dry run; nothing was imported. Upload the file again.',
        { reason: 'plan_changed' },
      );
    }
  }

  async function write(
    signal: AbortSignal,
    jobId: string,
    actor: Actor,
    planId: string,
    fingerprint: string,
  ) {
    const job = await db.kysely
      .selectFrom('plan_imports')
      .select(['ops', 'counts', 'commit_ip'])
      .where('id', '=', jobId)
      .executeTakeFirstOrThrow();
    if (job.ops === null || !job.counts) throw planChanged();
    const ops = await opsFromText(job.ops, () => breathe(signal));
    const counts = JSON.parse(job.counts) as ImportCounts;
    const ctx: ActionContext & { actor: Actor } = { actor, ip: job.commit_ip };
    await requirePlan(actor, planId);
    await checkStillAllowed(actor, ops);
    const total = counts.rows;
    const progress = progressWriter(jobId);
    const steps = ops.creates.length + ops.updates.length;
    // A second connection can report progress while the transaction holds its own (PostgreSQL's
    // pool); SQLite has the one write connection the transaction is using, so it reports at the end.
    const reportDuringWrite = db.dialect === 'postgres';
    let done = 0;
    const advance = async (n: number) => {
      done += n;
      await breathe(signal);
      if (reportDuringWrite) progress(Math.floor((done / steps) * total), total);
    };
    await db.write(async (trx) => {
      // Under the plan's lock nobody else writes its items until this commits: the plan checked
      // here is the plan written to, and it is the plan the dry run saw.
      await lockPlan(trx, db.dialect, planId);
      if ((await repo.planFingerprint(trx, planId)) !== fingerprint) throw planChanged();
      const before = await updatedRows(trx, actor, planId, ops.updates);
      const label = await resolveLabel(trx, undefined, actor);
      // Audit entries are gathered and appended at the end: the chain's lock (one writer at a time
      // across all instances) is then held only for the append and the COMMIT, not the whole import.
      const gathered: AuditInput[] = [];
      const appendAudit = async (entries: AuditInput[]) => {
        for (const entry of entries) gathered.push(entry);
      };
      const idOfRow = new Map<number, string>();
      const creates = [...ops.creates].sort((a, b) => a.depth - b.depth);
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
        await insertRows(
          trx,
          db.dialect,
          'plan_items',
          batch.map((b) => b.row),
        );
        const partners = batch.flatMap((b) =>
          [...new Set(b.partners)].map((organisation_id) => ({
            plan_item_id: b.row.id,
            organisation_id,
          })),
        );
        for (let p = 0; p < partners.length; p += 5000) {
          await insertRows(trx, db.dialect, 'plan_item_partners', partners.slice(p, p + 5000));
        }
        await appendAudit(
          batch.map((b) => ({
            action: 'plan_item.create',
            entityType: PLAN_ITEM,
            entityId: b.row.id,
            after: presentPlanItem({ ...b.row, sample_data: 0 } as PlanItemRow, actor, b.partners),
          })),
        );
        await advance(batch.length);
      }
      for (let i = 0; i < ops.updates.length; i += UPDATE_SLICE) {
        const entries: AuditInput[] = [];
        const slice = ops.updates.slice(i, i + UPDATE_SLICE);
        for (const op of slice) {
          const row = before.rows.get(op.itemId)!;
          entries.push(await applyUpdate(trx, ctx, op, row, before.partners.get(op.itemId) ?? []));
        }
        await appendAudit(entries);
        await advance(slice.length);
      }
      // One entry per item (above) and one for the import, in this transaction.
      await appendAudit([
        {
          action: 'plan_import.commit',
          entityType: PLAN_IMPORT,
          entityId: jobId,
          after: {
            planId,
            created: counts.create,
            updated: counts.update,
            unchanged: counts.unchanged,
          },
        },
      ]);
      await audit.recordMany(trx, ctx, gathered, () => breathe(signal));
      // Last: only the owner of the job may mark it committed; an instance that lost it (it froze
      // and another took over) rolls back here instead of importing twice.
      await finish(
        jobId,
        {
          status: 'committed',
          progress_done: total,
          progress_total: total,
          ops: null,
          upload: null,
        },
        trx,
      );
    });
  }

  /**
   * The items the import updates, read under the plan's lock: each must still be readable and
   * changeable by the importer at the version the dry run saw (the fingerprint says the versions
   * hold; labels and roles are the importer's own and may have moved).
   */
  async function updatedRows(trx: Trx, actor: Actor, planId: string, updates: UpdateOp[]) {
    const rows = new Map<string, PlanItemRow>();
    const ids = updates.map((u) => u.itemId);
    for (let i = 0; i < ids.length; i += 1000) {
      const found = await trx
        .selectFrom('plan_items as i')
        .selectAll('i')
        .where('i.id', 'in', ids.slice(i, i + 1000))
        .where('i.plan_id', '=', planId)
        .where('i.deleted_at', 'is', null)
        .where(planItemVisibleTo(actor, 'i', { planId }))
        .execute();
      for (const r of found) rows.set(r.id, r);
    }
    for (const op of updates) {
      const row = rows.get(op.itemId);
      if (!row || row.version !== op.version) throw planChanged();
      authorize(actor, 'update', PLAN_ITEM, row);
    }
    const partners = new Map<string, string[]>();
    for (let i = 0; i < ids.length; i += 1000) {
      for (const [k, v] of await partnersOf(trx, ids.slice(i, i + 1000))) partners.set(k, v);
    }
    return { rows, partners };
  }

  async function applyUpdate(
    trx: Trx,
    ctx: ActionContext & { actor: Actor },
    op: UpdateOp,
    before: PlanItemRow,
    beforePartners: string[],
  ): Promise<AuditInput> {
    const { itemId: id, version, patch } = op;
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

  return write;
}
