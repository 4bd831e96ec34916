/** SQL for plans and their items (structure only in this version). */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { planListFilters } from '../../../core/schemas/plan.js';
import { visibleTo } from '../../access/visibility.js';
import type { Actor } from '../../audit/context.js';
import type { Database } from '../../db/schema.js';
import { offsetOf, type Page } from '../../http/lists.js';
import { containsFolded } from '../shared/paging.js';

export type PlanFilters = z.infer<typeof planListFilters>;
const SORT = { code: 'p.code', title: 'p.title_en', periodStart: 'p.period_start' } as const;

function filtered(db: Kysely<Database>, actor: Actor | null, f: PlanFilters) {
  return db
    .selectFrom('plans as p')
    .where(visibleTo(actor, 'p'))
    .$if(Boolean(f.q), (qb) => qb.where(containsFolded('p.search_text', f.q ?? '')))
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
    count: filtered(db, actor, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
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

/** Visible items of a plan in tree order (depth-first by code). */
export function itemsOf(db: Kysely<Database>, actor: Actor | null, planId: string, page: Page) {
  const base = db
    .selectFrom('plan_items as i')
    .where('i.plan_id', '=', planId)
    .where(visibleTo(actor, 'i'));
  return {
    rows: base
      .selectAll('i')
      .orderBy('i.depth')
      .orderBy('i.position')
      .orderBy('i.id')
      .limit(page.pageSize)
      .offset(offsetOf(page))
      .execute(),
    count: base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  };
}
