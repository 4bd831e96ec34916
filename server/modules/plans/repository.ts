/** SQL for plans and their items (structure only in this version). */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { planListFilters } from '../../../core/schemas/plan.js';
import { visibleTo } from '../../access/visibility.js';
import type { Actor } from '../../audit/context.js';
import type { Database } from '../../db/schema.js';
import { offsetOf, type Page } from '../../http/lists.js';
import { cappedCount, matchesText } from '../shared/paging.js';

export type PlanFilters = z.infer<typeof planListFilters>;
const SORT = { code: 'p.code', title: 'p.title_en', periodStart: 'p.period_start' } as const;

function filtered(db: Kysely<Database>, actor: Actor | null, f: PlanFilters) {
  return db
    .selectFrom('plans as p')
    .where(visibleTo(actor, 'p'))
    .$if(Boolean(f.q), (qb) => qb.where(matchesText(db, 'p', 'plans', f.q ?? '')))
    .$if(Boolean(f.status), (qb) => qb.where('p.status', '=', f.status ?? ''))
    .$if(Boolean(f.mechanismId), (qb) => qb.where('p.mechanism_id', '=', f.mechanismId ?? ''));
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

/**
 * Visible items of a plan in tree order (level by level, then position), with a capped total.
 * The order is the index `plan_items_order`, so a page stops after its rows.
 */
export function itemsOf(
  db: Kysely<Database>,
  actor: Actor | null,
  planId: string,
  page: Page,
  f: PlanItemFilters = {},
) {
  const base = db
    .selectFrom('plan_items as i')
    .where('i.plan_id', '=', planId)
    .where(visibleTo(actor, 'i'))
    .$if(Boolean(f.q), (qb) => qb.where(matchesText(db, 'i', 'plan_items', f.q ?? '')));
  return {
    rows: base
      .selectAll('i')
      .orderBy('i.depth')
      .orderBy('i.position')
      .orderBy('i.id')
      .limit(page.pageSize)
      .offset(offsetOf(page))
      .execute(),
    count: cappedCount(db, base, page),
  };
}
