/**
 * A plan "as of" a past day: the items that existed at the end of that day (UTC), each with the
 * status and manual progress it had then, taken from the history the database keeps
 * (plan_item_changes, written by the trigger of migration 0008). Titles, dates, owners and codes
 * are today's: the history records what is reported on — status and progress — not every edit.
 */
import { sql } from 'kysely';
import { planItemVisibleTo } from '../../access/visibility.js';
import type { Actor } from '../../audit/context.js';
import type { PlanItemRow } from '../../db/schema.js';
import type { Reader } from './repository.js';

/** The first instant after the day `asOf` (YYYY-MM-DD), as an ISO timestamp. */
export function endOfDay(asOf: string): string {
  const next = new Date(`${asOf}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}

interface StateThen {
  plan_item_id: string;
  status: string;
  manual_progress: number | null;
  deleted: number;
}

/** The actor's visible items of a plan as they stood at the end of `asOf`, in tree order. */
export async function planItemsAsOf(
  db: Reader,
  actor: Actor | null,
  planId: string,
  asOf: string,
): Promise<PlanItemRow[]> {
  const before = endOfDay(asOf);
  const rows = await db
    .selectFrom('plan_items as i')
    .selectAll('i')
    .where('i.created_at', '<', before)
    // Labels as today, deleted or not (the history says what was live then); the plan and the
    // items above must be readable too (containers).
    .where(planItemVisibleTo(actor, 'i', { planId, history: true }))
    .orderBy('i.depth')
    .orderBy('i.position')
    .execute();
  const states = await sql<StateThen>`
    select plan_item_id, status, manual_progress, deleted from (
      select c.plan_item_id, c.status, c.manual_progress, c.deleted,
             row_number() over (partition by c.plan_item_id
                                order by c.changed_at desc, c.id desc) as n
      from plan_item_changes c
      where c.plan_id = ${planId} and c.changed_at < ${before}
    ) latest
    where n = 1`.execute(db);
  const then = new Map(states.rows.map((s) => [s.plan_item_id, s]));
  return rows.flatMap((row) => {
    const state = then.get(row.id);
    if (!state || Number(state.deleted) === 1) return [];
    return [{ ...row, status: state.status, manual_progress: state.manual_progress }];
  });
}
