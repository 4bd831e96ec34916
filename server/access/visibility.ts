/**
 * The one visibility filter: the read rule of core/access/read-rule.ts in SQL. Every read of a
 * labelled table adds `visibleTo(actor, alias)`, so lists, details, counts, totals, filters and
 * exports all answer the same question the same way; a property test holds SQL and rule together.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { MAX_PLAN_LEVELS } from '../../core/plans/templates.js';
import type { Actor } from '../audit/context.js';

export interface VisibilityOptions {
  /** Columns of the same row naming records whose grant also covers this one (core read rule). */
  grantedThrough?: readonly string[];
}

/** What a releasability code may look like (core/schemas/common.ts nationCode and the like). */
const RELEASE_CODE = /^[A-Z]{2,10}$/;

/**
 * The LIKE pattern finding one code in a label's releasable-to list (a JSON array of codes),
 * written into the SQL as a literal: SQLite evaluates LIKE against a bound pattern about five
 * times slower than against a constant one, and the rule runs it for the record, its plan and each
 * item above it — most of the cost of a one-record read. Only codes of capitals are inlined (they
 * cannot break out of the literal, and Kysely doubles quotes anyway); anything else stays a
 * parameter.
 */
function releasePattern(code: string) {
  const pattern = `%"${code}"%`;
  return RELEASE_CODE.test(code) ? sql.lit(pattern) : sql`${pattern}`;
}

/** SQL predicate on the label alone: may the actor read a record labelled like this one? */
export function labelVisibleTo(
  actor: Actor | null,
  alias: string,
  options: VisibilityOptions = {},
): RawBuilder<SqlBool> {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  const releasedToPublic = sql<SqlBool>`${col('label_releasable_to')} like ${releasePattern('PUBLIC')}`;
  // `rank <= 0`, not `rank = 0` (ranks start at 0): an equality on a constant invites SQLite to
  // build an automatic index on label_rank inside the container walk's recursive step — rebuilt
  // at every step, it turned a signed-out list of 10,000 items into 10 s instead of the parent
  // index's milliseconds.
  const unmarked = sql<SqlBool>`${col('label_rank')} <= 0`;
  if (!actor) return sql<SqlBool>`(${unmarked} and ${releasedToPublic})`;

  // Generated from the actor's clearances (marking policies are data): rank 0 is readable in
  // every policy; above it, the record's policy must be one the actor holds a clearance in.
  const cleared = sql<SqlBool>`(${sql.join(
    [
      unmarked,
      ...Object.entries(actor.clearances)
        .filter(([, rank]) => rank > 0)
        .map(
          ([policy, rank]) =>
            sql`(${col('label_policy')} = ${policy} and ${col('label_rank')} <= ${rank})`,
        ),
    ],
    sql` or `,
  )})`;
  const releasedToNation = sql<SqlBool>`${col('label_releasable_to')} like ${releasePattern(actor.nation)}`;
  const inOriginator =
    actor.organisationIds.length > 0
      ? sql<SqlBool>`${col('label_originator_id')} in (${sql.join(actor.organisationIds)})`
      : sql<SqlBool>`1 = 0`;
  const coveredIds = sql.join([col('id'), ...(options.grantedThrough ?? []).map(col)]);
  const granted = sql<SqlBool>`exists (select 1 from access_grants g where g.user_id = ${actor.id}
    and g.entity_id in (${coveredIds}) and (g.expires_at is null or g.expires_at > ${new Date().toISOString()}))`;
  return sql<SqlBool>`(${cleared}
    and (${releasedToPublic} or ${releasedToNation} or ${inOriginator})
    and (${releasedToPublic} or ${col('label_originator_id')} is null or ${inOriginator} or ${granted}))`;
}

/** SQL predicate: the record is live (not deleted) and the actor may read it. */
export function visibleTo(
  actor: Actor | null,
  alias: string,
  options: VisibilityOptions = {},
): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.ref(`${alias}.deleted_at`)} is null and ${labelVisibleTo(actor, alias, options)})`;
}

/** For plan items: a grant on the item's plan counts as a grant on the item. */
export const PLAN_ITEM_GRANTS: VisibilityOptions = { grantedThrough: ['plan_id'] };

/* ---- Containers: a plan item is visible only if its plan and every item above it are ---- */

/**
 * A plan item has at most MAX_PLAN_LEVELS - 1 items above it; the walk up stops well beyond that
 * (items left deeper than their plan's levels by a level removal stay reachable), as a guard
 * against a loop in the tree, which fails closed.
 */
export const ANCESTOR_WALK_LIMIT = 4 * MAX_PLAN_LEVELS;

export interface ContainerOptions {
  /**
   * The plan the query is already restricted to (`alias.plan_id = planId`): the plan's own check
   * is then one uncorrelated lookup for the whole query instead of one per row.
   */
  planId?: string;
  /**
   * A read of the past (`?asOf=`): items and their parents are checked on their labels alone,
   * whether deleted since or not; the plan must still be live and visible.
   */
  history?: boolean;
  /**
   * The item itself is checked on its label alone (live or deleted) while its plan and parents
   * must be live and visible: what a restore may bring back.
   */
  ownLabelOnly?: boolean;
}

/** SQL predicate: the plan `planRef` names is live and visible to the actor. */
export function planVisibleTo(
  actor: Actor | null,
  planRef: RawBuilder<unknown> | string,
): RawBuilder<SqlBool> {
  const ref = typeof planRef === 'string' ? sql`${planRef}` : planRef;
  return sql<SqlBool>`exists (select 1 from plans cp where cp.id = ${ref} and ${visibleTo(actor, 'cp')})`;
}

/**
 * SQL predicate: every item above `alias` (following parent_id) is visible to the actor, each on
 * its own label with the plan's grant counting, and live unless reading history. One correlated
 * walk up the tree (a primary-key lookup per level) with the label rule written once; a chain
 * longer than ANCESTOR_WALK_LIMIT (a loop) fails closed. `case … end = 0` rather than
 * `not (…)`: the rule can be NULL for a row (an originator compared with no organisations), and a
 * NULL must count as hidden.
 */
function ancestorsVisibleTo(
  actor: Actor | null,
  alias: string,
  history: boolean,
): RawBuilder<SqlBool> {
  const parentId = sql.ref(`${alias}.parent_id`);
  const seen = history
    ? labelVisibleTo(actor, 'ca', PLAN_ITEM_GRANTS)
    : planItemLabelLive(actor, 'ca');
  return sql<SqlBool>`(${parentId} is null or not exists (
    with recursive up(id, n) as (
        select ${parentId}, 1
      union all
        select cu.parent_id, up.n + 1 from plan_items cu join up on cu.id = up.id
        where cu.parent_id is not null and up.n <= ${ANCESTOR_WALK_LIMIT}
    )
    select 1 from up join plan_items ca on ca.id = up.id
    where up.n > ${ANCESTOR_WALK_LIMIT} or (case when ${seen} then 1 else 0 end) = 0))`;
}

function planItemLabelLive(actor: Actor | null, alias: string): RawBuilder<SqlBool> {
  return visibleTo(actor, alias, PLAN_ITEM_GRANTS);
}

/**
 * `visibleTo` for a plan_items alias, containers included: the item is live and readable (a grant
 * on the plan covers its items), its plan is live and readable, and so is every item above it.
 * Every read of plan items — and of what hangs on them: indicators, measurements, reports,
 * comments — goes through this one predicate (core/access/read-rule.ts `mayReadWithin`).
 */
export function planItemVisibleTo(
  actor: Actor | null,
  alias: string,
  options: ContainerOptions = {},
): RawBuilder<SqlBool> {
  const history = options.history ?? false;
  const own =
    history || options.ownLabelOnly
      ? labelVisibleTo(actor, alias, PLAN_ITEM_GRANTS)
      : planItemLabelLive(actor, alias);
  if (options.planId === undefined) {
    const plan = planVisibleTo(actor, sql.ref(`${alias}.plan_id`));
    return sql<SqlBool>`(${own} and ${plan} and ${ancestorsVisibleTo(actor, alias, history)})`;
  }
  const planId = options.planId;
  const plan = sql<SqlBool>`(${sql.ref(`${alias}.plan_id`)} = ${planId} and ${planVisibleTo(actor, planId)})`;
  return sql<SqlBool>`(${own} and ${plan} and (${sql.ref(`${alias}.parent_id`)} is null
    or ${sql.ref(`${alias}.parent_id`)} in (${openContainers(actor, planId, history)})))`;
}

/**
 * The items of one plan that are open to the actor as containers: visible themselves and every
 * item above them visible, walked down from the top level. Uncorrelated, so a list of a whole plan
 * computes it once and probes it per row; the walk stops above the plan's deepest level, so the
 * leaves (most of a plan) are never visited.
 */
export function openContainers(actor: Actor | null, planId: string, history = false) {
  const seen = (a: string) =>
    history ? labelVisibleTo(actor, a, PLAN_ITEM_GRANTS) : planItemLabelLive(actor, a);
  const deepest = sql`(select max(md.depth) from plan_items md where md.plan_id = ${planId})`;
  return sql`with recursive open_items(id, depth) as (
      select r.id, r.depth from plan_items r
      where r.plan_id = ${planId} and r.parent_id is null and r.depth < ${deepest} and ${seen('r')}
    union all
      select c.id, c.depth from plan_items c join open_items o on c.parent_id = o.id
      where o.depth + 1 < ${deepest} and ${seen('c')}
    ) select id from open_items`;
}
