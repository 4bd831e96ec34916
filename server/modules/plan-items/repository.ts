/** SQL for plan items: reads through the visibility filter, sibling order and codes. */
import {
  PostgresAdapter,
  sql,
  type ExpressionBuilder,
  type Kysely,
  type RawBuilder,
  type SqlBool,
} from 'kysely';
import { planItemVisibleTo, visibleTo } from '../../access/visibility.js';
import type { Actor } from '../../audit/context.js';
import type { Trx } from '../../db/database.js';
import type { Database } from '../../db/schema.js';

export type Reader = Kysely<Database> | Trx;

export function findPlanItem(db: Reader, actor: Actor | null, id: string) {
  return db
    .selectFrom('plan_items as i')
    .selectAll('i')
    .where('i.id', '=', id)
    .where(planItemVisibleTo(actor, 'i'))
    .executeTakeFirst();
}

/**
 * findPlanItem, the item's partner organisations and which of its organisations (lead, partners)
 * the actor may not read (server/access/references.ts: shown as withheld), in one query: one
 * statement instead of three, one round trip on PostgreSQL. Ids are aggregated into text (ids hold
 * no comma), in id order.
 */
export async function findPlanItemWithPartners(db: Reader, actor: Actor | null, id: string) {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const ids = (where: RawBuilder<SqlBool>) =>
    postgres
      ? sql<string | null>`(select string_agg(pp.organisation_id, ',' order by pp.organisation_id)
          from plan_item_partners pp where pp.plan_item_id = ${sql.ref('i.id')} and ${where})`
      : sql<string | null>`(select group_concat(pp.organisation_id, ',' order by pp.organisation_id)
          from plan_item_partners pp where pp.plan_item_id = ${sql.ref('i.id')} and ${where})`;
  const hidden = (column: RawBuilder<unknown>) =>
    sql<SqlBool>`not exists (select 1 from organisations ho where ho.id = ${column}
      and ${visibleTo(actor, 'ho')})`;
  const found = await db
    .selectFrom('plan_items as i')
    .selectAll('i')
    .select([
      ids(sql<SqlBool>`1 = 1`).as('partner_ids'),
      ids(hidden(sql.ref('pp.organisation_id'))).as('hidden_partner_ids'),
      sql<number>`case when ${sql.ref('i.lead_organisation_id')} is not null
        and ${hidden(sql.ref('i.lead_organisation_id'))} then 1 else 0 end`.as('lead_hidden'),
    ])
    .where('i.id', '=', id)
    .where(planItemVisibleTo(actor, 'i'))
    .executeTakeFirst();
  if (!found) return undefined;
  const { partner_ids, hidden_partner_ids, lead_hidden, ...row } = found;
  const withheld = new Set(hidden_partner_ids ? hidden_partner_ids.split(',') : []);
  if (Number(lead_hidden) === 1 && row.lead_organisation_id) withheld.add(row.lead_organisation_id);
  return {
    row,
    partners: partner_ids ? partner_ids.split(',') : [],
    hidden: withheld as ReadonlySet<string>,
  };
}

/** All visible live items of a plan, in tree order. */
export function planItems(db: Reader, actor: Actor | null, planId: string) {
  return db
    .selectFrom('plan_items as i')
    .selectAll('i')
    .where(planItemVisibleTo(actor, 'i', { planId }))
    .orderBy('i.depth')
    .orderBy('i.position')
    .execute();
}

/** Partner organisations per item, in id order (one query per 1,000 items). */
export async function partnersOf(db: Reader, itemIds: string[]) {
  const map = new Map<string, string[]>();
  if (itemIds.length === 0) return map;
  // In slices: a whole plan's ids would pass SQLite's limit of 32,766 bound parameters.
  const rows = [];
  for (let i = 0; i < itemIds.length; i += 1000) {
    rows.push(
      ...(await db
        .selectFrom('plan_item_partners')
        .selectAll()
        .where('plan_item_id', 'in', itemIds.slice(i, i + 1000))
        .orderBy('plan_item_id')
        .orderBy('organisation_id')
        .execute()),
    );
  }
  for (const r of rows)
    map.set(r.plan_item_id, [...(map.get(r.plan_item_id) ?? []), r.organisation_id]);
  return map;
}

export async function setPartners(trx: Trx, itemId: string, organisationIds: string[]) {
  await trx.deleteFrom('plan_item_partners').where('plan_item_id', '=', itemId).execute();
  const unique = [...new Set(organisationIds)];
  if (unique.length) {
    await trx
      .insertInto('plan_item_partners')
      .values(unique.map((organisation_id) => ({ plan_item_id: itemId, organisation_id })))
      .execute();
  }
}

/**
 * `coalesce(parent_id, plan_id) = …` among live rows: the key of the unique index on live
 * positions (migration 0014), so the siblings of one parent are one index range. Filtering on
 * `plan_id` and `parent_id` instead let SQLite (no statistics) walk the whole plan by its live-code
 * index and sort it: ~200 ms per create in a 100,000-item plan. Ids are UUIDs, so a parent's id is
 * never a plan's: the top level (parent null) is told apart by `parent_id is null`.
 */
function liveUnder(planId: string, parentId: string | null) {
  return (eb: ExpressionBuilder<Database, 'plan_items'>) =>
    eb.and([
      eb(eb.fn.coalesce('parent_id', 'plan_id'), '=', parentId ?? planId),
      eb('deleted_at', 'is', null),
      eb('plan_id', '=', planId),
      parentId === null ? eb('parent_id', 'is', null) : eb('parent_id', '=', parentId),
    ]);
}

/**
 * Live siblings under a parent (all of them, whatever the reader may see: codes and positions
 * are facts of the plan, not of one reader's view), in order.
 */
export function siblings(trx: Trx, planId: string, parentId: string | null) {
  return trx
    .selectFrom('plan_items')
    .select(['id', 'position'])
    .where(liveUnder(planId, parentId))
    .orderBy('position')
    .orderBy('created_at')
    .execute();
}

/**
 * The position after the last live sibling under a parent (1 for the first child): one index
 * probe. Positions are 1..n (renumber keeps them so); the maximum rather than the count keeps a
 * new item clear of the unique index even if they were not.
 */
export async function nextPosition(trx: Trx, planId: string, parentId: string | null) {
  const row = await trx
    .selectFrom('plan_items')
    .select((eb) => eb.fn.max<number | null>('position').as('last'))
    .where(liveUnder(planId, parentId))
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

/** Where an item stood and stands after a renumbering (codes are what the audit shows). */
export interface Renumbered {
  id: string;
  version: number;
  before: { code: string; position: number; depth: number };
  after: { code: string; position: number; depth: number };
}

/**
 * A code no live item can have ("~" + id): what a row carries for a moment inside a transaction
 * while codes move around, so the unique index on live codes never sees two rows share one.
 */
export const transientCode = (id: string) => `~${id}`;

/**
 * Positions from here down are phase one of a renumbering (below any other transient place: 0 for
 * an item being moved, -n..-1 for items coming back with a restored parent).
 */
const TRANSIENT_POSITION = -1_000_000_000;

interface NumberedRow {
  id: string;
  version: number;
  position: number;
  code: string;
  depth: number;
}

function childrenOf(trx: Trx, planId: string, parentId: string | null) {
  return trx
    .selectFrom('plan_items')
    .select(['id', 'version', 'position', 'code', 'depth'])
    .where('plan_id', '=', planId)
    .where('deleted_at', 'is', null)
    .$if(parentId === null, (qb) => qb.where('parent_id', 'is', null))
    .$if(parentId !== null, (qb) => qb.where('parent_id', '=', parentId ?? ''))
    .orderBy('position')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/**
 * Numbers the children of `parentId` 1..n — in `order` (ids) when given, else in their current
 * order — and rewrites the codes (and depths) of their subtrees ("2.3.1"). Only rows whose code,
 * position or depth change are written, in two phases: first each to a transient position (TRANSIENT_POSITION and below)
 * and code, then to its final place, so the partial unique indexes on live codes and positions
 * (migration 0014) never see a collision mid-way, on SQLite or PostgreSQL. Every written row
 * moves to its next version with `updated_at/by` — except `exclude`, the row the caller is
 * already versioning (the item being moved or restored). Returns what changed, for the audit.
 *
 * The caller holds the plan's lock (lockPlan): the rows read here cannot change under it.
 */
export async function renumber(
  trx: Trx,
  o: {
    planId: string;
    parentId: string | null;
    parentCode: string | null;
    parentDepth: number;
    order?: string[];
    exclude?: string;
    by: string | null;
  },
): Promise<Renumbered[]> {
  const changes: Renumbered[] = [];
  const collect = async (
    parentId: string | null,
    parentCode: string | null,
    depth: number,
    order?: string[],
  ) => {
    let rows: NumberedRow[];
    if (order) {
      const found = order.length
        ? await trx
            .selectFrom('plan_items')
            .select(['id', 'version', 'position', 'code', 'depth'])
            .where('id', 'in', order)
            .execute()
        : [];
      const byId = new Map(found.map((r) => [r.id, r]));
      rows = order.map((id) => byId.get(id)!);
    } else rows = await childrenOf(trx, o.planId, parentId);
    for (const [index, row] of rows.entries()) {
      const position = index + 1;
      const code = parentCode ? `${parentCode}.${position}` : String(position);
      if (row.position !== position || row.code !== code || row.depth !== depth) {
        changes.push({
          id: row.id,
          version: row.version,
          before: { code: row.code, position: row.position, depth: row.depth },
          after: { code, position, depth },
        });
      }
      // A subtree whose root keeps its code and depth keeps them all (they follow the root).
      if (row.code !== code || row.depth !== depth) await collect(row.id, code, depth + 1);
    }
  };
  await collect(o.parentId, o.parentCode, o.parentDepth + 1, o.order);
  if (changes.length === 0) return changes;
  const now = new Date().toISOString();
  for (const [index, change] of changes.entries()) {
    await trx
      .updateTable('plan_items')
      .set({ position: TRANSIENT_POSITION - index, code: transientCode(change.id) })
      .where('id', '=', change.id)
      .execute();
  }
  for (const change of changes) {
    const bump = change.id !== o.exclude;
    await trx
      .updateTable('plan_items')
      .set({
        ...change.after,
        ...(bump ? { version: change.version + 1, updated_at: now, updated_by: o.by } : {}),
      })
      .where('id', '=', change.id)
      .execute();
    if (bump) change.version += 1;
  }
  return changes;
}

/**
 * Display names of the users named responsible on these rows (one query per 500 distinct users,
 * so a whole tree of 100,000 items costs what its few hundred responsible people cost).
 */
export async function responsibleNames(
  db: Reader,
  rows: readonly { responsible_user_id?: string | null }[],
): Promise<Map<string, string>> {
  const ids = [
    ...new Set(rows.map((r) => r.responsible_user_id).filter((id): id is string => !!id)),
  ];
  const names = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const found = await db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const u of found) names.set(u.id, u.display_name);
  }
  return names;
}

/**
 * Active users of an organisation or of any unit below it (live organisations only), by name:
 * the people who may be named responsible for an item it leads.
 */
export async function responsibleCandidates(
  db: Reader,
  organisationId: string,
  options: { q?: string; userId?: string; limit: number },
) {
  const below = sql`with recursive unit(id, n) as (
      select id, 0 from organisations where id = ${organisationId} and deleted_at is null
      union all
      select o.id, unit.n + 1 from organisations o join unit on o.parent_id = unit.id
      where o.deleted_at is null and unit.n < 20
    ) select id from unit`;
  const pattern = options.q ? `%${options.q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%` : null;
  return db
    .selectFrom('users as u')
    .select(['u.id', 'u.display_name'])
    .where('u.disabled', '=', 0)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_organisations as uo')
          .select('uo.user_id')
          .whereRef('uo.user_id', '=', 'u.id')
          .where(sql<SqlBool>`uo.organisation_id in (${below})`),
      ),
    )
    .$if(options.userId !== undefined, (qb) => qb.where('u.id', '=', options.userId!))
    .$if(pattern !== null, (qb) =>
      qb.where(
        sql<SqlBool>`(lower(u.display_name) like ${pattern} escape '\\' or lower(u.email) like ${pattern} escape '\\')`,
      ),
    )
    .orderBy('u.display_name')
    .orderBy('u.id')
    .limit(options.limit)
    .execute();
}
