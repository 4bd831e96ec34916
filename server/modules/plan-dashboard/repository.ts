/** SQL for the plan dashboard: every read joined to the visibility filter. */
import type { Kysely } from 'kysely';
import { visibleTo } from '../../access/visibility.js';
import type { Actor } from '../../audit/context.js';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

/** Lead organisations by id, only those whose record the actor may read. */
export function visibleOrganisations(db: Db, actor: Actor | null, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('organisations as o')
    .select(['o.id', 'o.name_en', 'o.name_sr', 'o.abbreviation_en', 'o.abbreviation_sr'])
    .where('o.id', 'in', ids)
    .where(visibleTo(actor, 'o'))
    .execute();
}

/** The plan's reporting periods. */
export function periodsOf(db: Db, planId: string) {
  return db
    .selectFrom('reporting_periods')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('starts_on')
    .orderBy('ends_on')
    .orderBy('id')
    .execute();
}

/**
 * Approved and returned reports on the plan's items, with their period's state — of every item:
 * the caller keeps those on items of the visible tree it has already read through
 * planItemVisibleTo, so the filter runs once per request and not once more per report.
 */
export function reportsOfPlan(db: Db, planId: string) {
  return db
    .selectFrom('progress_reports as r')
    .innerJoin('plan_items as i', 'i.id', 'r.plan_item_id')
    .innerJoin('reporting_periods as p', 'p.id', 'r.period_id')
    .select([
      'r.period_id',
      'r.plan_item_id',
      'r.item_status',
      'r.progress',
      'r.status',
      'p.status as period_status',
    ])
    .where('i.plan_id', '=', planId)
    .where('p.plan_id', '=', planId)
    .where('r.status', 'in', ['approved', 'returned'])
    .execute();
}
