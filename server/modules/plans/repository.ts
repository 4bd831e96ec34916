/** SQL for plans and their items (structure only in this version). */
import { sql, type Insertable, type Kysely, type SqlBool, type Updateable } from 'kysely';
import type { z } from 'zod';
import type { planListFilters } from '../../../core/schemas/plan.js';
import { referenceVisibleTo } from '../../access/references.js';
import { labelVisibleTo, planItemVisibleTo, visibleTo } from '../../access/visibility.js';
import type { Actor } from '../../audit/context.js';
import type { Trx } from '../../db/database.js';
import type { Database, PlanApprovalStepRow, PlanTable } from '../../db/schema.js';
import { offsetOf, type Page } from '../../http/lists.js';
import { keptVisibleTotal } from '../plan-items/counts.js';
import { afterKey, type KeyShape, type KeyValues } from '../shared/keyset.js';
import { cappedCount, matchesText, SEARCH_TOTAL_CAP, type Count } from '../shared/paging.js';

export type PlanFilters = z.infer<typeof planListFilters>;
const SORT = { code: 'p.code', title: 'p.title_en', periodStart: 'p.period_start' } as const;

/** A filter on a mechanism the reader may not see answers as for an unknown id. */
function filtered(db: Kysely<Database>, actor: Actor | null, f: PlanFilters) {
  return db
    .selectFrom('plans as p')
    .where(visibleTo(actor, 'p'))
    .$if(Boolean(f.q), (qb) => qb.where(matchesText(db, 'p', 'plans', f.q ?? '')))
    .$if(Boolean(f.status), (qb) => qb.where('p.status', '=', f.status ?? ''))
    .$if(Boolean(f.mechanismId), (qb) =>
      qb
        .where('p.mechanism_id', '=', f.mechanismId ?? '')
        .where(referenceVisibleTo(actor, 'mechanisms', 'p.mechanism_id')),
    );
}

export function listPlans(
  db: Kysely<Database>,
  actor: Actor | null,
  f: PlanFilters,
  page: Page,
  sort: keyof typeof SORT,
  order: 'asc' | 'desc',
) {
  return {
    rows: filtered(db, actor, f)
      .selectAll('p')
      .orderBy(SORT[sort], order)
      .orderBy('p.id')
      .limit(page.pageSize)
      .offset(offsetOf(page))
      .execute(),
    count: cappedCount(db, filtered(db, actor, f), page),
  };
}

export function findPlan(db: Kysely<Database>, actor: Actor | null, id: string) {
  return db
    .selectFrom('plans as p')
    .selectAll('p')
    .where('p.id', '=', id)
    .where(visibleTo(actor, 'p'))
    .executeTakeFirst();
}

export async function levelsOf(db: Kysely<Database>, planIds: string[]) {
  const map = new Map<
    string,
    { depth: number; name: { en: string; sr: string }; rollupRule: string }[]
  >();
  if (planIds.length === 0) return map;
  const rows = await db
    .selectFrom('plan_levels')
    .selectAll()
    .where('plan_id', 'in', planIds)
    .orderBy('plan_id')
    .orderBy('depth')
    .execute();
  for (const r of rows) {
    map.set(r.plan_id, [
      ...(map.get(r.plan_id) ?? []),
      { depth: r.depth, name: { en: r.name_en, sr: r.name_sr }, rollupRule: r.rollup_rule },
    ]);
  }
  return map;
}

/** Filters of a plan's item list. */
export interface PlanItemFilters {
  /** Words that begin words of the title or description, in either script. */
  q?: string;
}

/** The sort key of a plan's item list: tree order (level by level, then position), then id. */
export const ITEM_KEY = ['i.depth', 'i.position', 'i.id'] as const;
export const ITEM_KEY_SHAPE: KeyShape = ['int', 'int', 'string'];

/** Where a page of items starts: a page number, or after a key (keyset paging). */
export interface ItemsPage extends Page {
  /** The key of the last row of the page before (a decoded cursor); `page` is then ignored. */
  after?: KeyValues | undefined;
}

/**
 * Visible items of a plan in tree order (level by level, then position, then id), one row more
 * than the page (so the caller knows whether a next page exists), with the total. The order is
 * the index `plan_items_order`, so a page stops after its rows; a page after a key starts its
 * walk there, at any depth. The total of the whole list comes from the kept counts
 * (plan-items/counts.ts); with a text filter it is counted through the access filter up to
 * SEARCH_TOTAL_CAP, and for a reader holding a grant on an item up to the lists' TOTAL_CAP.
 */
export function itemsOf(
  db: Kysely<Database>,
  actor: Actor | null,
  planId: string,
  page: ItemsPage,
  f: PlanItemFilters = {},
) {
  const base = db
    .selectFrom('plan_items as i')
    .where(planItemVisibleTo(actor, 'i', { planId }))
    .$if(Boolean(f.q), (qb) => qb.where(matchesText(db, 'i', 'plan_items', f.q ?? '')));
  const after = page.after;
  const counted = after ? { page: 1, pageSize: page.pageSize } : page;
  return {
    rows: base
      .selectAll('i')
      .$if(after !== undefined, (qb) => qb.where(afterKey(ITEM_KEY, after ?? [])))
      .orderBy('i.depth')
      .orderBy('i.position')
      .orderBy('i.id')
      .limit(page.pageSize + 1)
      .$if(after === undefined, (qb) => qb.offset(offsetOf(page)))
      .execute(),
    count: (async (): Promise<Count> => {
      if (f.q) return cappedCount(db, base, counted, SEARCH_TOTAL_CAP);
      const kept = await keptVisibleTotal(db, actor, planId);
      return kept === null ? cappedCount(db, base, counted) : { n: kept };
    })(),
  };
}

/* ---- Writes: plans, their levels and approval steps (server/modules/plans/service.ts) ---- */

type Reader = Kysely<Database> | Trx;

/** Approval steps of the plans, each plan's in the order the coordinator listed them. */
export async function approvalStepsOf(db: Reader, planIds: string[]) {
  const map = new Map<string, PlanApprovalStepRow[]>();
  if (planIds.length === 0) return map;
  const rows = await db
    .selectFrom('plan_approval_steps')
    .selectAll()
    .where('plan_id', 'in', planIds)
    .orderBy('plan_id')
    .orderBy('position')
    .execute();
  for (const r of rows) map.set(r.plan_id, [...(map.get(r.plan_id) ?? []), r]);
  return map;
}

/**
 * The plan (live or deleted, visible or not) that holds a code, other than `exceptId`, and whether
 * the actor could read it (were it live).
 */
export function planWithCode(trx: Trx, actor: Actor | null, code: string, exceptId: string | null) {
  return trx
    .selectFrom('plans as p')
    .select(['p.id', 'p.deleted_at'])
    .select(sql<number>`case when ${labelVisibleTo(actor, 'p')} then 1 else 0 end`.as('readable'))
    .where(sql<SqlBool>`lower(p.code) = lower(${code})`)
    .$if(exceptId !== null, (qb) => qb.where('p.id', '!=', exceptId ?? ''))
    .executeTakeFirst();
}

export function insertPlan(trx: Trx, values: Insertable<PlanTable>) {
  return trx.insertInto('plans').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Updates the plan if it is still at `version`; undefined when someone else moved it on. */
export function updatePlan(trx: Trx, id: string, version: number, values: Updateable<PlanTable>) {
  return trx
    .updateTable('plans')
    .set(values)
    .where('id', '=', id)
    .where('version', '=', version)
    .where('deleted_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export async function replaceLevels(
  trx: Trx,
  planId: string,
  levels: { name: { en: string; sr: string }; rollupRule: string }[],
) {
  await trx.deleteFrom('plan_levels').where('plan_id', '=', planId).execute();
  await trx
    .insertInto('plan_levels')
    .values(
      levels.map((l, depth) => ({
        plan_id: planId,
        depth,
        name_en: l.name.en,
        name_sr: l.name.sr,
        rollup_rule: l.rollupRule,
      })),
    )
    .execute();
}

export async function replaceApprovalSteps(
  trx: Trx,
  planId: string,
  steps: Omit<PlanApprovalStepRow, 'plan_id' | 'position'>[],
) {
  await trx.deleteFrom('plan_approval_steps').where('plan_id', '=', planId).execute();
  if (steps.length === 0) return;
  await trx
    .insertInto('plan_approval_steps')
    .values(steps.map((s, i) => ({ ...s, plan_id: planId, position: i + 1 })))
    .execute();
}

/**
 * Items of the plan at `depth` or deeper that the actor sees (containers included). Refusals count
 * only these: a count that included hidden items would tell the writer they exist.
 */
export async function visibleItemsFrom(
  trx: Trx,
  actor: Actor | null,
  planId: string,
  depth: number,
) {
  const row = await trx
    .selectFrom('plan_items as i')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('i.depth', '>=', depth)
    .where(planItemVisibleTo(actor, 'i', { planId }))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks the plan deleted if it is still at `version`; false when it moved on. */
export async function softDeletePlan(
  trx: Trx,
  id: string,
  version: number,
  values: Updateable<PlanTable>,
) {
  const done = await trx
    .updateTable('plans')
    .set({ ...values, deleted_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

/** A deleted plan the actor could read if it were live. */
export function findDeletedPlan(trx: Trx, actor: Actor | null, id: string) {
  return trx
    .selectFrom('plans as p')
    .selectAll('p')
    .where('p.id', '=', id)
    .where('p.deleted_at', 'is not', null)
    .where(labelVisibleTo(actor, 'p'))
    .executeTakeFirst();
}

export async function undeletePlan(
  trx: Trx,
  id: string,
  version: number,
  values: Updateable<PlanTable>,
) {
  const done = await trx
    .updateTable('plans')
    .set({ ...values, deleted_at: null })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

/** Is the mechanism there for this reader? */
export async function mechanismVisible(trx: Trx, actor: Actor | null, id: string) {
  const row = await trx
    .selectFrom('mechanisms as m')
    .select('m.id')
    .where('m.id', '=', id)
    .where(visibleTo(actor, 'm'))
    .executeTakeFirst();
  return Boolean(row);
}
