/**
 * Kept totals of plan items (migration 0018_plan_item_counts): the number of a plan's items a
 * reader sees, without re-counting the plan's rows through the access filter on every page.
 *
 * The tables hold how many live items each plan has per label, and per parent and label; the
 * database keeps them in the writing transaction (triggers), so every write path is covered. A
 * reader sees an item when they may read its label and its parent is open to them as a container
 * (live, readable, and so is every item above it: `openContainers`, the same walk the list's
 * access filter uses). So the total is, summed over the labels the pure read rule
 * (core/access/read-rule.ts `mayRead`) lets the reader read — the plan's grant counting for its
 * items as in the SQL filter — the plan's live items of that label less those under the parents
 * closed to the reader (usually none: a handful of rows in all).
 *
 * One thing labels alone cannot say: a grant on one item (need-to-know for that item only, and
 * through it a container opened). A reader holding a grant on an item of the plan gets `null`
 * here, and the list counts through the access filter instead (capped).
 */
import { sql, type Kysely } from 'kysely';
import { mayRead, type Reader } from '../../../core/access/read-rule.js';
import { openContainers } from '../../access/visibility.js';
import type { Actor } from '../../audit/context.js';
import type { Trx } from '../../db/database.js';
import type { Database } from '../../db/schema.js';

type Handle = Kysely<Database> | Trx;

/** The ids the actor holds an unexpired grant on (as the SQL filter reads access_grants). */
async function grantsOf(db: Handle, actor: Actor): Promise<Set<string>> {
  const rows = await db
    .selectFrom('access_grants as g')
    .select('g.entity_id')
    .where('g.user_id', '=', actor.id)
    .where((eb) =>
      eb.or([eb('g.expires_at', 'is', null), eb('g.expires_at', '>', new Date().toISOString())]),
    )
    .execute();
  return new Set(rows.map((r) => r.entity_id));
}

/** Does any of `ids` name an item of the plan (live or not)? */
async function anyItemOf(db: Handle, planId: string, ids: Set<string>): Promise<boolean> {
  const others = [...ids].filter((id) => id !== planId);
  if (others.length === 0) return false;
  const row = await db
    .selectFrom('plan_items')
    .select('id')
    .where('plan_id', '=', planId)
    .where('id', 'in', others)
    .limit(1)
    .executeTakeFirst();
  return Boolean(row);
}

export interface KeptLabelCount {
  policy: string;
  rank: number;
  releasableTo: string[];
  originatorId: string | null;
  n: number;
}

interface CountRow {
  label_policy: string;
  label_rank: number | string;
  label_releasable_to: string;
  label_originator: string;
  n: number | string;
}

function byLabel(rows: CountRow[]): KeptLabelCount[] {
  return rows
    .map((r) => ({
      policy: r.label_policy,
      rank: Number(r.label_rank),
      releasableTo: parseReleasable(r.label_releasable_to),
      originatorId: r.label_originator === '' ? null : r.label_originator,
      n: Number(r.n),
    }))
    .filter((r) => r.n !== 0);
}

/** Live items of the plan per label (the whole list, containers aside). */
export async function liveCountsByLabel(db: Handle, planId: string): Promise<KeptLabelCount[]> {
  const rows = await db
    .selectFrom('plan_item_label_counts as c')
    .select([
      'c.label_policy',
      'c.label_rank',
      'c.label_releasable_to',
      'c.label_originator',
      'c.n',
    ])
    .where('c.plan_id', '=', planId)
    .execute();
  return byLabel(rows);
}

/**
 * Live items per label whose parent is closed to the actor: a parent that is hidden, deleted, or
 * below a hidden or deleted item — every item that may hold others (above the plan's deepest
 * level) and is not among the containers open to the actor. Usually none.
 */
export async function closedCountsByLabel(
  db: Handle,
  actor: Actor | null,
  planId: string,
): Promise<KeptLabelCount[]> {
  // The deepest level first, as a number: with it as a literal both planners walk the index of
  // the plan's upper levels (PostgreSQL, not knowing the bound, scanned the whole table).
  const deepest = await db
    .selectFrom('plan_items')
    .select((eb) => eb.fn.max('depth').as('d'))
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  const d = deepest?.d;
  if (d === null || d === undefined) return [];
  const { rows } = await sql<CountRow>`select c.label_policy, c.label_rank,
       c.label_releasable_to, c.label_originator, sum(c.n) as n
     from plan_item_counts c
     where c.plan_id = ${planId} and c.parent_key in (
       select r.id from plan_items r
       where r.plan_id = ${planId} and r.depth < ${sql.lit(Number(d))}
         and r.id not in (${openContainers(actor, planId)}))
     group by c.label_policy, c.label_rank, c.label_releasable_to, c.label_originator`.execute(db);
  return byLabel(rows);
}

function parseReleasable(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    // A malformed label releases to no one (fails closed, as the SQL LIKE would match nothing).
    return [];
  }
}

/**
 * The number of the plan's live items the actor sees (labels, need-to-know, containers), from
 * the kept counts; `null` when the actor holds a grant on an item of the plan (count through the
 * access filter instead). The caller has checked that the plan is live and visible.
 */
export async function keptVisibleTotal(
  db: Handle,
  actor: Actor | null,
  planId: string,
): Promise<number | null> {
  let reader: Reader | null = null;
  if (actor) {
    const grants = await grantsOf(db, actor);
    if (await anyItemOf(db, planId, grants)) return null;
    reader = {
      nation: actor.nation,
      clearances: actor.clearances,
      organisationIds: actor.organisationIds,
      grantedIds: grants,
    };
  }
  const [live, closed] = await Promise.all([
    liveCountsByLabel(db, planId),
    closedCountsByLabel(db, actor, planId),
  ]);
  let total = 0;
  for (const [groups, sign] of [
    [live, 1],
    [closed, -1],
  ] as const) {
    for (const g of groups) {
      const record = {
        // Item grants were ruled out above: no item's own id is granted; the plan's grant
        // covers all of its items, as in the SQL filter.
        id: '',
        policy: g.policy,
        rank: g.rank,
        releasableTo: g.releasableTo,
        originatorId: g.originatorId,
        grantedThrough: [planId],
      };
      if (mayRead(reader, record)) total += sign * g.n;
    }
  }
  return total;
}
