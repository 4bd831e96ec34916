/**
 * Narrow reads for the plan tree and the dashboard. The roll-up of any item depends on every
 * visible item below it, so a tree read of one level still needs the whole visible plan — but
 * only the few columns the roll-up and the dashboard use, not the whole row. Full rows are then
 * read for the items actually shown. Every read goes through planItemVisibleTo.
 */
import { planItemVisibleTo } from '../../access/visibility.js';
import type { Actor } from '../../audit/context.js';
import type { PlanItemRow } from '../../db/schema.js';
import type { Reader } from './repository.js';

/** What the roll-up needs of an item (and the tree's shape). */
export interface SkeletonRow {
  id: string;
  parent_id: string | null;
  position: number;
  status: string;
  manual_progress: number | null;
  weight: number;
}

/** What the dashboard needs besides: due date, lead and code (titles only for listed items). */
export interface DashboardRow extends SkeletonRow {
  code: string;
  due_on: string | null;
  lead_organisation_id: string | null;
}

const SKELETON = [
  'i.id',
  'i.parent_id',
  'i.position',
  'i.status',
  'i.manual_progress',
  'i.weight',
] as const;

/**
 * The visible live items of a plan, skeleton columns only, in no particular order (the tree
 * orders siblings itself; an ORDER BY here costs the database more than the sort does).
 */
export function visibleSkeleton(
  db: Reader,
  actor: Actor | null,
  planId: string,
): Promise<SkeletonRow[]> {
  return db
    .selectFrom('plan_items as i')
    .select(SKELETON)
    .where(planItemVisibleTo(actor, 'i', { planId }))
    .execute();
}

/** The visible live items of a plan with the columns the dashboard aggregates. */
export function visibleDashboardRows(
  db: Reader,
  actor: Actor | null,
  planId: string,
): Promise<DashboardRow[]> {
  return db
    .selectFrom('plan_items as i')
    .select([...SKELETON, 'i.code', 'i.due_on', 'i.lead_organisation_id'])
    .where(planItemVisibleTo(actor, 'i', { planId }))
    .execute();
}

/** Every visible live item of a plan, whole rows, in no particular order. */
export function visibleRows(
  db: Reader,
  actor: Actor | null,
  planId: string,
): Promise<PlanItemRow[]> {
  return db
    .selectFrom('plan_items as i')
    .selectAll('i')
    .where(planItemVisibleTo(actor, 'i', { planId }))
    .execute();
}

/**
 * Whole rows of these items of the plan, still through the visibility filter (an item hidden or
 * deleted since the skeleton was read drops out). In slices: SQLite allows 32,766 parameters.
 */
export async function visibleRowsById(
  db: Reader,
  actor: Actor | null,
  planId: string,
  ids: readonly string[],
): Promise<PlanItemRow[]> {
  const rows: PlanItemRow[] = [];
  for (let i = 0; i < ids.length; i += 1000) {
    rows.push(
      ...(await db
        .selectFrom('plan_items as i')
        .selectAll('i')
        .where('i.id', 'in', ids.slice(i, i + 1000))
        .where(planItemVisibleTo(actor, 'i', { planId }))
        .execute()),
    );
  }
  return rows;
}

/** Titles of a few items (for the dashboard's lists), through the visibility filter. */
export async function visibleTitles(
  db: Reader,
  actor: Actor | null,
  planId: string,
  ids: readonly string[],
): Promise<Map<string, { en: string | null; sr: string | null }>> {
  const titles = new Map<string, { en: string | null; sr: string | null }>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db
      .selectFrom('plan_items as i')
      .select(['i.id', 'i.title_en', 'i.title_sr'])
      .where('i.id', 'in', ids.slice(i, i + 1000))
      .where(planItemVisibleTo(actor, 'i', { planId }))
      .execute();
    for (const r of rows) titles.set(r.id, { en: r.title_en, sr: r.title_sr });
  }
  return titles;
}
