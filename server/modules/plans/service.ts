/**
 * Plan set-up: create a plan from a level preset, change its fields, levels and approval steps,
 * delete (only an empty plan) and restore. Each mutation is one transaction with its audit entry.
 */
import type { Kysely } from 'kysely';
import { levelsOfTemplate, statusViaReportsByDefault } from '../../../core/plans/templates.js';
import type {
  ApprovalStepInput,
  Plan,
  PlanCreate,
  PlanLevelInput,
  PlanUpdate,
} from '../../../core/schemas/plan.js';
import { authorize } from '../../access/policy.js';
import type { ActionContext, Actor } from '../../audit/context.js';
import type { Trx } from '../../db/database.js';
import { lockPlan } from '../../db/dialect.js';
import type { Database, PlanRow } from '../../db/schema.js';
import { errors } from '../../errors.js';
import { assertVersion } from '../../http/etag.js';
import type { Deps } from '../shared/deps.js';
import {
  mergeText,
  newRecordColumns,
  resolveLabel,
  searchText,
  text,
  updateRecordColumns,
} from '../shared/records.js';
import { PLAN } from './policy.js';
import { presentPlan } from './presenter.js';
import { hiddenAmong } from '../../access/references.js';
import * as repo from './repository.js';

const NOT_FOUND = 'The plan';

/** The plan as the actor sees it, with its levels and approval steps, or undefined. */
export async function loadPlan(db: Kysely<Database> | Trx, actor: Actor | null, id: string) {
  const row = await repo.findPlan(db, actor, id);
  return row && withParts(db, row, actor);
}

async function withParts(db: Kysely<Database> | Trx, row: PlanRow, actor: Actor | null) {
  const [levels, steps] = await Promise.all([
    repo.levelsOf(db, [row.id]),
    repo.approvalStepsOf(db, [row.id]),
  ]);
  const parts = [levels.get(row.id) ?? [], steps.get(row.id) ?? []] as const;
  const hidden = await hiddenAmong(db, actor, 'mechanisms', [row.mechanism_id]);
  return {
    row,
    body: presentPlan(row, actor, ...parts, hidden),
    /** The record as audited: the API shape without anyone's abilities. */
    snapshot: presentPlan(row, null, ...parts),
  };
}

function stepColumns(s: ApprovalStepInput) {
  const other = s.kind === 'other';
  return {
    kind: s.kind,
    label_en: other ? (s.label?.en ?? null) : null,
    label_sr: other ? (s.label?.sr ?? null) : null,
    on_date: s.date?.date ?? null,
    end_date: s.date?.end ?? null,
    precision: s.date?.precision ?? null,
    reference: s.reference ?? null,
    note_en: s.note?.en ?? null,
    note_sr: s.note?.sr ?? null,
  };
}

/**
 * Plan codes are unique across the deployment (they name plans in files, imports and documents).
 * A code held by a plan the writer may not read is refused with one sentence that says nothing
 * more — not whether that plan is deleted (docs/SECURITY.md, "Inference channels").
 */
async function checkCode(trx: Trx, actor: Actor | null, code: string, id: string | null) {
  const holder = await repo.planWithCode(trx, actor, code, id);
  if (!holder) return;
  throw errors.conflict(
    Number(holder.readable) !== 1
      ? `The code ${code} is taken. Choose another code.`
      : holder.deleted_at
        ? `A deleted plan still holds the code ${code}. Restore that plan, or choose another code.`
        : `Another plan already has the code ${code}. Choose another code.`,
    { field: 'code' },
  );
}

async function checkMechanism(trx: Trx, actor: Actor | null, id: string | null | undefined) {
  if (id && !(await repo.mechanismVisible(trx, actor, id))) {
    throw errors.unprocessable('The mechanism does not exist.', { field: 'mechanismId' });
  }
}

/**
 * Levels change by position: a level keeps its items when renamed or given another rule, new
 * levels are appended below, and levels can be dropped from the bottom only while no live item
 * sits on them (the items would lose their level).
 */
async function checkLevels(
  trx: Trx,
  actor: Actor | null,
  planId: string,
  before: Plan['levels'],
  after: PlanLevelInput[],
) {
  if (after.length >= before.length) return;
  // Only the items the writer sees stand in the way (docs/SECURITY.md, "Inference channels").
  const inTheWay = await repo.visibleItemsFrom(trx, actor, planId, after.length);
  if (inTheWay === 0) return;
  const names = before
    .slice(after.length)
    .map((l) => l.name.en)
    .join(', ');
  throw errors.unprocessable(
    `${inTheWay} ${inTheWay === 1 ? 'item sits' : 'items sit'} on the levels you removed (${names}). Delete or move ${inTheWay === 1 ? 'it' : 'them'} first, or keep the levels.`,
    { field: 'levels', items: inTheWay },
  );
}

export function planService({ db, audit }: Deps) {
  async function requireVisible(trx: Trx, ctx: ActionContext, id: string) {
    const found = await loadPlan(trx, ctx.actor, id);
    if (!found) throw errors.notFound(NOT_FOUND);
    return found;
  }

  return {
    async create(ctx: ActionContext, input: PlanCreate) {
      authorize(ctx.actor, 'create', PLAN);
      return db.write(async (trx) => {
        await checkCode(trx, ctx.actor, input.code, null);
        await checkMechanism(trx, ctx.actor, input.mechanismId);
        const title = text(input.title.en ?? null, input.title.sr ?? null);
        const description = text(input.description?.en ?? null, input.description?.sr ?? null);
        const levels = input.levels ?? levelsOfTemplate(input.template ?? 'custom');
        const row = await repo.insertPlan(trx, {
          ...newRecordColumns(ctx),
          ...(await resolveLabel(trx, input.label, ctx.actor)),
          mechanism_id: input.mechanismId ?? null,
          code: input.code,
          title_en: title.en,
          title_sr: title.sr,
          description_en: description.en,
          description_sr: description.sr,
          period_start: input.periodStart ?? null,
          period_end: input.periodEnd ?? null,
          status: input.status ?? 'drafting',
          sample_data: 0,
          seed_key: null,
          search_text: searchText(input.code, title, description),
          status_via_reports: Number(input.statusViaReports ?? statusViaReportsByDefault(levels)),
          reporting_includes_units: Number(input.reportingIncludesUnits ?? true),
        });
        await repo.replaceLevels(trx, row.id, levels);
        await repo.replaceApprovalSteps(trx, row.id, (input.approvalSteps ?? []).map(stepColumns));
        const created = await loadPlan(trx, ctx.actor, row.id);
        if (!created) throw errors.unreadableLabel();
        await audit.record(trx, ctx, {
          action: 'plan.create',
          entityType: PLAN,
          entityId: row.id,
          after: created.snapshot,
        });
        return created;
      });
    },

    async update(ctx: ActionContext, id: string, expected: number | '*', input: PlanUpdate) {
      return db.write(async (trx) => {
        const before = await requireVisible(trx, ctx, id);
        authorize(ctx.actor, 'update', PLAN, before.row);
        assertVersion(expected, before.row.version);
        const old = before.row;
        if (input.code !== undefined && input.code !== old.code)
          await checkCode(trx, ctx.actor, input.code, id);
        if (input.mechanismId !== undefined)
          await checkMechanism(trx, ctx.actor, input.mechanismId);
        const periodStart = input.periodStart === undefined ? old.period_start : input.periodStart;
        const periodEnd = input.periodEnd === undefined ? old.period_end : input.periodEnd;
        if (periodStart && periodEnd && periodEnd < periodStart) {
          throw errors.unprocessable('The period cannot end before it starts.', {
            field: input.periodEnd === undefined ? 'periodStart' : 'periodEnd',
          });
        }
        const title = mergeText(text(old.title_en, old.title_sr), input.title);
        const description = mergeText(
          text(old.description_en, old.description_sr),
          input.description,
        );
        const code = input.code ?? old.code;
        const row = await repo.updatePlan(trx, id, old.version, {
          ...updateRecordColumns(ctx, old.version),
          ...(input.label ? await resolveLabel(trx, input.label, ctx.actor) : {}),
          mechanism_id: input.mechanismId === undefined ? old.mechanism_id : input.mechanismId,
          code,
          title_en: title.en,
          title_sr: title.sr,
          description_en: description.en,
          description_sr: description.sr,
          period_start: periodStart,
          period_end: periodEnd,
          status: input.status ?? old.status,
          search_text: searchText(code, title, description),
          status_via_reports:
            input.statusViaReports === undefined
              ? old.status_via_reports
              : Number(input.statusViaReports),
          reporting_includes_units:
            input.reportingIncludesUnits === undefined
              ? old.reporting_includes_units
              : Number(input.reportingIncludesUnits),
        });
        if (!row) throw errors.stale(old.version + 1);
        if (input.levels) {
          await checkLevels(trx, ctx.actor, id, before.body.levels, input.levels);
          await repo.replaceLevels(trx, id, input.levels);
        }
        if (input.approvalSteps) {
          await repo.replaceApprovalSteps(trx, id, input.approvalSteps.map(stepColumns));
        }
        const after = await loadPlan(trx, ctx.actor, id);
        if (!after) throw errors.unreadableLabel();
        await audit.record(trx, ctx, {
          action: 'plan.update',
          entityType: PLAN,
          entityId: id,
          before: before.snapshot,
          after: after.snapshot,
        });
        return after;
      });
    },

    /**
     * Soft delete, refused while the plan has items the writer sees. Items hidden from the writer
     * do not stand in the way (their count would reveal them); a deleted plan hides every item in
     * it (containers), and restoring the plan brings them back as they were.
     */
    async remove(ctx: ActionContext, id: string, expected: number | '*') {
      await db.write(async (trx) => {
        // No item is added while the plan is counted (item writers take the same lock).
        await lockPlan(trx, db.dialect, id);
        const before = await requireVisible(trx, ctx, id);
        authorize(ctx.actor, 'delete', PLAN, before.row);
        assertVersion(expected, before.row.version);
        const items = await repo.visibleItemsFrom(trx, ctx.actor, id, 0);
        if (items > 0) {
          throw errors.conflict(
            `This plan still has ${items} ${items === 1 ? 'item' : 'items'}. Delete them first; only an empty plan can be deleted.`,
            { items },
          );
        }
        const done = await repo.softDeletePlan(
          trx,
          id,
          before.row.version,
          updateRecordColumns(ctx, before.row.version),
        );
        if (!done) throw errors.stale(before.row.version + 1);
        await audit.record(trx, ctx, {
          action: 'plan.delete',
          entityType: PLAN,
          entityId: id,
          before: before.snapshot,
        });
      });
    },

    async restore(ctx: ActionContext, id: string) {
      return db.write(async (trx) => {
        const deleted = await repo.findDeletedPlan(trx, ctx.actor, id);
        if (!deleted) throw errors.notFound('A deleted plan with this id');
        authorize(ctx.actor, 'delete', PLAN, deleted);
        const done = await repo.undeletePlan(
          trx,
          id,
          deleted.version,
          updateRecordColumns(ctx, deleted.version),
        );
        if (!done) throw errors.stale(deleted.version + 1);
        const restored = await requireVisible(trx, ctx, id);
        await audit.record(trx, ctx, {
          action: 'plan.restore',
          entityType: PLAN,
          entityId: id,
          after: restored.snapshot,
        });
        return restored;
      });
    },
  };
}
