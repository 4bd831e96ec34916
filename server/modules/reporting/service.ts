/**
 * Reporting periods: a coordinator opens a period; the institutions leading each item report on
 * it (draft → submitted); the coordinator approves (the item takes the reported status) or returns
 * it with a comment; a locked period cannot change any more.
 */
import type { Kysely } from 'kysely';
import {
  dueWithin,
  next,
  periodNotBegun,
  progressSource,
  refusal,
  type ProgressSource,
  type ReportStatus,
} from '../../../core/plans/report-workflow.js';
import type { PeriodCreate, ReportDraft } from '../../../core/schemas/reporting.js';
import type { PlanItemStatus } from '../../../core/plans/status.js';
import { uuidv7 } from '../../../core/ids/uuidv7.js';
import { allow, authorize, can, isAdministrator, isCoordinator } from '../../access/policy.js';
import { PLAN_ITEM_GRANTS, planItemVisibleTo, visibleTo } from '../../access/visibility.js';
import type { Actor, ActionContext } from '../../audit/context.js';
import type { Trx } from '../../db/database.js';
import { lockPlan, type DialectName } from '../../db/dialect.js';
import type { Database, PlanItemRow } from '../../db/schema.js';
import { hiddenOrganisations } from '../../access/references.js';
import { errors } from '../../errors.js';
import { assertVersion } from '../../http/etag.js';
import { PLAN_ITEM } from '../plan-items/policy.js';
import { findPlanItem } from '../plan-items/repository.js';
import type { Deps } from '../shared/deps.js';
import { updateRecordColumns } from '../shared/records.js';
import { presentPeriod, presentReport } from './presenter.js';

export { presentPeriod, presentReport };

export const REPORTING = 'reporting_period';
for (const action of ['create', 'update'] as const) {
  allow(action, REPORTING, isAdministrator);
  allow(action, REPORTING, isCoordinator);
}

type Reader = Kysely<Database> | Trx;

/** Timestamps compare as instants (PostgreSQL and SQLite may write them differently). */
const instant = (value: string | Date) => new Date(value).toISOString();

/**
 * The organisations below these (their units, at any depth), without these; live ones only.
 * One query per level of the organisation tree.
 */
export async function unitsBelow(db: Reader, organisationIds: readonly string[]) {
  const found = new Set<string>(organisationIds);
  const units: string[] = [];
  let frontier = [...organisationIds];
  for (let depth = 0; frontier.length > 0 && depth < 50; depth += 1) {
    const rows = await db
      .selectFrom('organisations')
      .select('id')
      .where('parent_id', 'in', frontier)
      .where('deleted_at', 'is', null)
      .execute();
    frontier = rows.map((r) => r.id).filter((id) => !found.has(id));
    for (const id of frontier) {
      found.add(id);
      units.push(id);
    }
  }
  return units;
}

/**
 * The organisations whose items the actor reports on in a plan: null for coordinators and
 * administrators (every item); otherwise the actor's organisations and — when the plan's
 * `reporting_includes_units` is 1 — every unit below them.
 */
async function reportingOrganisations(
  db: Reader,
  actor: Actor | null,
  planId: string,
): Promise<string[] | null> {
  if (can(actor, 'update', REPORTING)) return null;
  const own = actor?.organisationIds ?? [];
  if (own.length === 0) return [];
  const plan = await db
    .selectFrom('plans')
    .select('reporting_includes_units')
    .where('id', '=', planId)
    .executeTakeFirst();
  if (!plan || Number(plan.reporting_includes_units) !== 1) return [...own];
  return [...own, ...(await unitsBelow(db, own))];
}

function findReport(db: Reader, periodId: string, itemId: string) {
  return db
    .selectFrom('progress_reports')
    .selectAll()
    .where('period_id', '=', periodId)
    .where('plan_item_id', '=', itemId)
    .executeTakeFirst();
}

/** A period of a plan the actor may see. */
async function visiblePeriod(db: Reader, actor: Actor | null, periodId: string) {
  const period = await db
    .selectFrom('reporting_periods as r')
    .innerJoin('plans as p', 'p.id', 'r.plan_id')
    .selectAll('r')
    .where('r.id', '=', periodId)
    .where(visibleTo(actor, 'p'))
    .executeTakeFirst();
  if (!period) throw errors.notFound('The reporting period');
  return period;
}

/**
 * Report writes of one plan take turns with each other and with the plan's item writers (an
 * approval writes the item): the plan's lock (lockPlan) is taken first, found from the period or
 * the report without the visibility filter — the answer only decides what to wait for.
 */
async function lockPlanOf(
  trx: Trx,
  dialect: DialectName,
  of: { periodId: string } | { reportId: string },
) {
  const row =
    'periodId' in of
      ? await trx
          .selectFrom('reporting_periods')
          .select('plan_id')
          .where('id', '=', of.periodId)
          .executeTakeFirst()
      : await trx
          .selectFrom('progress_reports as r')
          .innerJoin('reporting_periods as p', 'p.id', 'r.period_id')
          .select('p.plan_id')
          .where('r.id', '=', of.reportId)
          .executeTakeFirst();
  if (row) await lockPlan(trx, dialect, row.plan_id);
}

/**
 * Where each item's progress comes from (see progressSource): its latest approved report that
 * gave a progress value, and when (and by whom) its current value was set, from the item's
 * change history — the oldest change of the latest run of changes that kept the current value.
 */
async function progressSources(
  db: Reader,
  items: readonly Pick<PlanItemRow, 'id' | 'manual_progress'>[],
): Promise<Map<string, ProgressSource>> {
  const result = new Map<string, ProgressSource>();
  const withProgress = items.filter((i) => i.manual_progress !== null);
  if (withProgress.length === 0) return result;
  const ids = withProgress.map((i) => i.id);
  const approved = await db
    .selectFrom('progress_reports as r')
    .innerJoin('reporting_periods as p', 'p.id', 'r.period_id')
    .select(['r.plan_item_id', 'r.progress', 'r.reviewed_at', 'p.title'])
    .where('r.plan_item_id', 'in', ids)
    .where('r.status', '=', 'approved')
    .where('r.progress', 'is not', null)
    .orderBy('r.reviewed_at')
    .execute();
  const latest = new Map<string, { progress: number; periodTitle: string; approvedAt: string }>();
  for (const r of approved)
    if (r.reviewed_at !== null && r.progress !== null)
      latest.set(r.plan_item_id, {
        progress: r.progress,
        periodTitle: r.title,
        approvedAt: instant(r.reviewed_at),
      });
  const changes = await db
    .selectFrom('plan_item_changes as c')
    .leftJoin('users as u', 'u.id', 'c.changed_by')
    .select(['c.plan_item_id', 'c.changed_at', 'c.manual_progress', 'u.display_name'])
    .where('c.plan_item_id', 'in', ids)
    .orderBy('c.changed_at')
    .orderBy('c.id')
    .execute();
  const byItem = new Map<string, typeof changes>();
  for (const c of changes) {
    const list = byItem.get(c.plan_item_id) ?? [];
    list.push(c);
    byItem.set(c.plan_item_id, list);
  }
  for (const item of withProgress) {
    const list = byItem.get(item.id) ?? [];
    let setAt: { at: string; by: string | null } | null = null;
    for (let k = list.length - 1; k >= 0 && list[k]!.manual_progress === item.manual_progress; k--)
      setAt = { at: instant(list[k]!.changed_at), by: list[k]!.display_name ?? null };
    result.set(item.id, progressSource(item.manual_progress, latest.get(item.id) ?? null, setAt));
  }
  return result;
}

export function reportingService({ db, audit }: Deps) {
  /** The item, visible and changeable by the actor (lead institution's editor or coordinator). */
  async function itemForReport(
    trx: Trx,
    actor: Actor | null,
    itemId: string,
    planId: string,
  ): Promise<PlanItemRow> {
    const item = await findPlanItem(trx, actor, itemId);
    if (!item || item.plan_id !== planId) throw errors.notFound('The plan item');
    // An editor reports on the items of their organisation and, when the plan says so, of its
    // units; everyone else as the item's own rules say (coordinators and administrators).
    if (actor?.role === 'editor' && item.lead_organisation_id) {
      const scope = await reportingOrganisations(trx, actor, planId);
      if (scope?.includes(item.lead_organisation_id)) return item;
    }
    authorize(actor, 'update', PLAN_ITEM, item);
    return item;
  }

  /** The values must be for quantitative indicators of this item, each at most once. */
  async function checkIndicatorValues(
    trx: Trx,
    itemId: string,
    values: { indicatorId: string; value: number }[],
  ) {
    if (values.length === 0) return;
    const ids = values.map((v) => v.indicatorId);
    if (new Set(ids).size !== ids.length)
      throw errors.unprocessable('An indicator is given two values; give each one once.', {
        field: 'indicatorValues',
      });
    const found = await trx
      .selectFrom('indicators')
      .select(['id', 'kind'])
      .where('plan_item_id', '=', itemId)
      .where('id', 'in', ids)
      .execute();
    const kinds = new Map(found.map((f) => [f.id, f.kind]));
    for (const id of ids) {
      if (!kinds.has(id))
        throw errors.unprocessable(
          'One of the indicator values is for an indicator of another item.',
          {
            field: 'indicatorValues',
          },
        );
      if (kinds.get(id) !== 'quantitative')
        throw errors.unprocessable(
          'Only quantitative indicators take a value in a report; describe qualitative ones in the narrative.',
          { field: 'indicatorValues' },
        );
    }
  }

  /** On approval, each reported indicator value becomes a measurement dated the period's end. */
  async function recordIndicatorValues(
    trx: Trx,
    ctx: ActionContext,
    report: { id: string; indicator_values: string },
    periodEnd: string,
  ) {
    const values = JSON.parse(report.indicator_values) as { indicatorId: string; value: number }[];
    const now = new Date().toISOString();
    for (const { indicatorId, value } of values) {
      const id = uuidv7();
      await trx
        .insertInto('measurements')
        .values({
          id,
          indicator_id: indicatorId,
          measured_on: periodEnd,
          value,
          value_text: null,
          note: null,
          created_at: now,
          created_by: ctx.actor?.id ?? null,
        })
        .execute();
      await audit.record(trx, ctx, {
        action: 'indicator.measure',
        entityType: 'indicator',
        entityId: indicatorId,
        after: { measurementId: id, measuredOn: periodEnd, value, fromReport: report.id },
      });
    }
  }

  async function transition(
    ctx: ActionContext,
    reportId: string,
    action: 'submit' | 'approve' | 'return',
    expected: number | '*',
    options: { comment?: string; early?: boolean } = {},
  ) {
    // A blank comment is no comment.
    const comment = options.comment?.trim() ? options.comment.trim() : null;
    return db.write(async (trx) => {
      await lockPlanOf(trx, db.dialect, { reportId });
      const report = await trx
        .selectFrom('progress_reports')
        .selectAll()
        .where('id', '=', reportId)
        .executeTakeFirst();
      if (!report) throw errors.notFound('The report');
      // A report is seen with its item (and so the item's plan and parents): a report on an item
      // the actor may not see answers exactly like a report id that does not exist.
      let item = await findPlanItem(trx, ctx.actor, report.plan_item_id);
      if (!item) throw errors.notFound('The report');
      const period = await visiblePeriod(trx, ctx.actor, report.period_id);
      // The lead institution submits; coordinators review.
      if (action === 'submit') {
        item = await itemForReport(trx, ctx.actor, report.plan_item_id, period.plan_id);
      } else {
        authorize(ctx.actor, 'update', REPORTING);
      }
      assertVersion(expected, report.version);
      const why = refusal(action, report.status as ReportStatus, period.status === 'locked');
      if (why) throw errors.conflict(why);
      const now = new Date().toISOString();
      // Submitting or approving a report for a period that has not begun is possible, but only
      // when the caller says it was warned (the web asks first); returning one never records it.
      if (
        action !== 'return' &&
        periodNotBegun(period.starts_on, now.slice(0, 10)) &&
        !options.early
      )
        throw errors.conflict(
          `The period “${period.title}” has not begun yet (it starts on ${period.starts_on}); confirm to ${action} this report anyway.`,
          { reason: 'period_not_begun', startsOn: period.starts_on },
        );
      const status = next(action);
      await trx
        .updateTable('progress_reports')
        .set({
          status,
          version: report.version + 1,
          updated_at: now,
          ...(action === 'submit'
            ? { submitted_by: ctx.actor?.id ?? null, submitted_at: now }
            : {
                reviewed_by: ctx.actor?.id ?? null,
                reviewed_at: now,
                review_comment: comment,
              }),
        })
        .where('id', '=', reportId)
        .execute();
      if (action === 'approve') {
        await recordIndicatorValues(trx, ctx, report, period.ends_on);
        // The approved report becomes the item's status (and progress, when reported).
        const target = item;
        await trx
          .updateTable('plan_items')
          .set({
            ...updateRecordColumns(ctx, target.version),
            // The same instant as the report's review: the item's change history pairs the
            // progress it set with this approval (core/plans/report-workflow.ts, progressSource).
            updated_at: now,
            status: report.item_status,
            ...(report.progress === null ? {} : { manual_progress: report.progress }),
          })
          .where('id', '=', target.id)
          .execute();
        await audit.record(trx, ctx, {
          action: 'plan_item.update',
          entityType: PLAN_ITEM,
          entityId: target.id,
          before: { status: target.status, manualProgress: target.manual_progress },
          after: {
            status: report.item_status,
            manualProgress: report.progress ?? target.manual_progress,
            fromReport: report.id,
            reviewComment: comment,
          },
        });
      }
      const after = await trx
        .selectFrom('progress_reports')
        .selectAll()
        .where('id', '=', reportId)
        .executeTakeFirstOrThrow();
      await audit.record(trx, ctx, {
        action: `report.${action}`,
        entityType: 'progress_report',
        entityId: reportId,
        after: presentReport(after),
      });
      return after;
    });
  }

  return {
    async openPeriod(ctx: ActionContext, planId: string, input: PeriodCreate) {
      authorize(ctx.actor, 'create', REPORTING);
      return db.write(async (trx) => {
        const plan = await trx
          .selectFrom('plans as p')
          .select('p.id')
          .where('p.id', '=', planId)
          .where(visibleTo(ctx.actor, 'p'))
          .executeTakeFirst();
        if (!plan) throw errors.notFound('The plan');
        const row = await trx
          .insertInto('reporting_periods')
          .values({
            id: uuidv7(),
            version: 1,
            plan_id: planId,
            kind: input.kind,
            starts_on: input.startsOn,
            ends_on: input.endsOn,
            title: input.title,
            status: 'open',
            opened_by: ctx.actor?.id ?? null,
            opened_at: new Date().toISOString(),
            locked_at: null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.record(trx, ctx, {
          action: 'period.open',
          entityType: REPORTING,
          entityId: row.id,
          after: presentPeriod(row),
        });
        return row;
      });
    },

    async lockPeriod(ctx: ActionContext, periodId: string, expected: number | '*') {
      authorize(ctx.actor, 'update', REPORTING);
      return db.write(async (trx) => {
        await lockPlanOf(trx, db.dialect, { periodId });
        const period = await visiblePeriod(trx, ctx.actor, periodId);
        assertVersion(expected, period.version);
        if (period.status === 'locked')
          throw errors.conflict('This reporting period is already locked.');
        const row = await trx
          .updateTable('reporting_periods')
          .set({
            status: 'locked',
            locked_at: new Date().toISOString(),
            version: period.version + 1,
          })
          .where('id', '=', periodId)
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.record(trx, ctx, {
          action: 'period.lock',
          entityType: REPORTING,
          entityId: periodId,
          before: presentPeriod(period),
          after: presentPeriod(row),
        });
        return row;
      });
    },

    /** Saves the report of one item in a period as a draft (creating it on first save). */
    async saveDraft(
      ctx: ActionContext,
      periodId: string,
      itemId: string,
      expected: number | '*' | null,
      input: ReportDraft,
    ) {
      return db.write(async (trx) => {
        await lockPlanOf(trx, db.dialect, { periodId });
        const period = await visiblePeriod(trx, ctx.actor, periodId);
        await itemForReport(trx, ctx.actor, itemId, period.plan_id);
        const existing = await findReport(trx, periodId, itemId);
        const why = refusal(
          'edit',
          (existing?.status as ReportStatus | undefined) ?? null,
          period.status === 'locked',
        );
        if (why) throw errors.conflict(why);
        await checkIndicatorValues(trx, itemId, input.indicatorValues ?? []);
        const now = new Date().toISOString();
        const values = {
          indicator_values: JSON.stringify(input.indicatorValues ?? []),
          item_status: input.itemStatus,
          progress: input.progress ?? null,
          narrative: input.narrative ?? null,
          evidence: JSON.stringify(input.evidence ?? []),
          updated_at: now,
        };
        if (existing) {
          if (expected === null) throw errors.preconditionRequired();
          assertVersion(expected, existing.version);
          await trx
            .updateTable('progress_reports')
            .set({ ...values, version: existing.version + 1 })
            .where('id', '=', existing.id)
            .execute();
        } else {
          await trx
            .insertInto('progress_reports')
            .values({
              id: uuidv7(),
              version: 1,
              period_id: periodId,
              plan_item_id: itemId,
              status: 'draft',
              ...values,
              created_at: now,
              submitted_by: null,
              submitted_at: null,
              reviewed_by: null,
              reviewed_at: null,
              review_comment: null,
            })
            .execute();
        }
        const saved = (await findReport(trx, periodId, itemId))!;
        await audit.record(trx, ctx, {
          action: existing ? 'report.update' : 'report.create',
          entityType: 'progress_report',
          entityId: saved.id,
          before: existing ? presentReport(existing) : undefined,
          after: presentReport(saved),
        });
        return { row: saved, created: !existing };
      });
    },

    submit: (
      ctx: ActionContext,
      reportId: string,
      expected: number | '*',
      options: { early?: boolean } = {},
    ) => transition(ctx, reportId, 'submit', expected, options),
    approve: (
      ctx: ActionContext,
      reportId: string,
      expected: number | '*',
      options: { comment?: string; early?: boolean } = {},
    ) => transition(ctx, reportId, 'approve', expected, options),
    returnForChanges: (
      ctx: ActionContext,
      reportId: string,
      expected: number | '*',
      comment: string,
    ) => transition(ctx, reportId, 'return', expected, { comment }),

    /**
     * Items the actor reports on in a period: live, visible items without children whose lead
     * organisation is the actor's or (per plan) one of its units — coordinators see all — with
     * their report if any, whether each is due within the period, and where its progress comes
     * from.
     */
    async due(actor: Actor | null, periodId: string) {
      const period = await visiblePeriod(db.kysely, actor, periodId);
      const scope = await reportingOrganisations(db.kysely, actor, period.plan_id);
      const items = await db.kysely
        .selectFrom('plan_items as i')
        .selectAll('i')
        .where(planItemVisibleTo(actor, 'i', { planId: period.plan_id }))
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('plan_items as c')
                .select('c.id')
                .whereRef('c.parent_id', '=', 'i.id')
                // Children the actor sees (the item is, so theirs are the containers): an item
                // whose children are all hidden is a leaf for this reader, as in the tree.
                .where(visibleTo(actor, 'c', PLAN_ITEM_GRANTS)),
            ),
          ),
        )
        .$if(scope !== null, (qb) =>
          qb.where('i.lead_organisation_id', 'in', scope?.length ? scope : ['-']),
        )
        .orderBy('i.depth')
        .orderBy('i.position')
        .execute();
      const reports = items.length
        ? await db.kysely
            .selectFrom('progress_reports as r')
            .leftJoin('users as s', 's.id', 'r.submitted_by')
            .selectAll('r')
            .select('s.display_name as submitted_by_name')
            .where('period_id', '=', periodId)
            .where(
              'plan_item_id',
              'in',
              items.map((i) => i.id),
            )
            .execute()
        : [];
      // A lead organisation the reader may not see is named by neither name nor id.
      const hiddenLeads = await hiddenOrganisations(
        db.kysely,
        actor,
        items.map((i) => i.lead_organisation_id),
      );
      const sources = await progressSources(db.kysely, items);
      return {
        period,
        items: items.map((i) => {
          const report = reports.find((r) => r.plan_item_id === i.id);
          return {
            planItemId: i.id,
            code: i.code,
            title: { en: i.title_en, sr: i.title_sr },
            status: i.status as PlanItemStatus,
            dueOn: i.due_on,
            dueInPeriod: dueWithin(i.due_on, period.starts_on, period.ends_on),
            progress: i.manual_progress,
            progressSource: sources.get(i.id) ?? { kind: 'none' as const },
            leadOrganisationId:
              i.lead_organisation_id !== null && hiddenLeads.has(i.lead_organisation_id)
                ? null
                : i.lead_organisation_id,
            report: report ? presentReport(report) : null,
            submittedBy: report?.submitted_by_name ?? null,
          };
        }),
      };
    },

    /**
     * The item's reports across periods, oldest first (status and progress history), with the
     * item's progress now and where it comes from.
     */
    async history(actor: Actor | null, itemId: string) {
      const item = await findPlanItem(db.kysely, actor, itemId);
      if (!item) throw errors.notFound('The plan item');
      const rows = await db.kysely
        .selectFrom('progress_reports as r')
        .innerJoin('reporting_periods as p', 'p.id', 'r.period_id')
        .leftJoin('users as s', 's.id', 'r.submitted_by')
        .leftJoin('users as v', 'v.id', 'r.reviewed_by')
        .selectAll('r')
        .select([
          'p.title as period_title',
          'p.starts_on',
          'p.ends_on',
          's.display_name as submitted_by_name',
          'v.display_name as reviewed_by_name',
        ])
        .where('r.plan_item_id', '=', itemId)
        .orderBy('p.starts_on')
        .execute();
      const sources = await progressSources(db.kysely, [item]);
      return {
        items: rows.map((r) => ({
          ...presentReport(r),
          period: { title: r.period_title, startsOn: r.starts_on, endsOn: r.ends_on },
          submittedBy: r.submitted_by_name ?? null,
          reviewedBy: r.reviewed_by_name ?? null,
        })),
        progress: item.manual_progress,
        progressSource: sources.get(item.id) ?? { kind: 'none' as const },
      };
    },

    periods: async (actor: Actor | null, planId: string) => {
      const plan = await db.kysely
        .selectFrom('plans as p')
        .select('p.id')
        .where('p.id', '=', planId)
        .where(visibleTo(actor, 'p'))
        .executeTakeFirst();
      if (!plan) throw errors.notFound('The plan');
      return db.kysely
        .selectFrom('reporting_periods')
        .selectAll()
        .where('plan_id', '=', planId)
        .orderBy('starts_on', 'desc')
        .execute();
    },
  };
}
