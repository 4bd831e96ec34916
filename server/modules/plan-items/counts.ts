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
 * closed to the reader. When every item above the plan's deepest level is live and readable, no
 * parent is closed and the request reads a handful of kept rows; otherwise the closed parents are
 * found by the open containers' walk.
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

/** What the label table says of a plan: its items per depth, deleted or not, and label. */
export interface PlanLabelCounts {
  /** Live items per label (the whole list, containers aside). */
  live: KeptLabelCount[];
  /** The deepest level any item (live or deleted) sits on; -1 for a plan without items. */
  deepest: number;
  /** Some item above the deepest level — one that may hold others — is deleted. */
  deletedAbove: boolean;
  /** Labels of the live items above the deepest level (the containers). */
  containers: KeptLabelCount[];
}

export async function planLabelCounts(db: Handle, planId: string): Promise<PlanLabelCounts> {
  const rows = await db
    .selectFrom('plan_item_label_counts as c')
    .select([
      'c.depth',
      'c.deleted',
      'c.label_policy',
      'c.label_rank',
      'c.label_releasable_to',
      'c.label_originator',
      'c.n',
    ])
    .where('c.plan_id', '=', planId)
    .execute();
  const present = rows.filter((r) => Number(r.n) !== 0);
  const deepest = present.reduce((d, r) => Math.max(d, Number(r.depth)), -1);
  const above = present.filter((r) => Number(r.depth) < deepest);
  const live = present.filter((r) => Number(r.deleted) === 0);
  return {
    live: byLabel(live),
    deepest,
    deletedAbove: above.some((r) => Number(r.deleted) !== 0),
    containers: byLabel(above.filter((r) => Number(r.deleted) === 0)),
  };
}

/**
 * Live items per label whose parent is closed to the actor: a parent that is hidden, deleted, or
 * below a hidden or deleted item — every item that may hold others (above the plan's deepest
 * level) and is not among the containers open to the actor (`openContainers`, walked).
 */
export async function closedCountsByLabel(
  db: Handle,
  actor: Actor | null,
  planId: string,
  deepest: number,
): Promise<KeptLabelCount[]> {
  if (deepest <= 0) return [];
  // The deepest level as a literal: both planners then walk the index of the plan's upper
  // levels (PostgreSQL, not knowing the bound, scanned the whole table).
  const { rows } = await sql<CountRow>`select c.label_policy, c.label_rank,
       c.label_releasable_to, c.label_originator, sum(c.n) as n
     from plan_item_counts c
     where c.plan_id = ${planId} and c.parent_key in (
       select r.id from plan_items r
       where r.plan_id = ${planId} and r.depth < ${sql.lit(deepest)}
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
  const readable = (g: KeptLabelCount) =>
    mayRead(reader, {
      // Item grants were ruled out above: no item's own id is granted; the plan's grant covers
      // all of its items, as in the SQL filter.
      id: '',
      policy: g.policy,
      rank: g.rank,
      releasableTo: g.releasableTo,
      originatorId: g.originatorId,
      grantedThrough: [planId],
    });
  const plan = await planLabelCounts(db, planId);
  // Every item above the deepest level live and readable: every one is an open container (its
  // parents are such items too), so no parent is closed and the tree need not be walked.
  const allOpen = !plan.deletedAbove && plan.containers.every(readable);
  const closed = allOpen ? [] : await closedCountsByLabel(db, actor, planId, plan.deepest);
  let total = 0;
  for (const g of plan.live) if (readable(g)) total += g.n;
  for (const g of closed) if (readable(g)) total -= g.n;
  return total;
}
