/** SQL for plan items: reads through the visibility filter, sibling order and codes. */
import type { Kysely } from 'kysely';
import { planItemVisibleTo } from '../../access/visibility.js';
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

/** All visible live items of a plan, in tree order. */
export function planItems(db: Reader, actor: Actor | null, planId: string) {
  return db
    .selectFrom('plan_items as i')
    .selectAll('i')
    .where('i.plan_id', '=', planId)
    .where(planItemVisibleTo(actor, 'i'))
    .orderBy('i.depth')
    .orderBy('i.position')
    .execute();
}

/** Partner organisations per item (one query per 1,000 items). */
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
 * Live siblings under a parent (all of them, whatever the reader may see: codes and positions
 * are facts of the plan, not of one reader's view), in order.
 */
export function siblings(trx: Trx, planId: string, parentId: string | null) {
  return trx
    .selectFrom('plan_items')
    .select(['id', 'position'])
    .where('plan_id', '=', planId)
    .where('deleted_at', 'is', null)
    .$if(parentId === null, (qb) => qb.where('parent_id', 'is', null))
    .$if(parentId !== null, (qb) => qb.where('parent_id', '=', parentId ?? ''))
    .orderBy('position')
    .orderBy('created_at')
    .execute();
}

/**
 * Renumbers the children of `parentId` 1..n in their current order (after a move or delete) and
 * rewrites the codes of that whole subtree ("2.3.1").
 */
export async function renumber(
  trx: Trx,
  planId: string,
  parentId: string | null,
  parentCode: string | null,
  parentDepth: number,
) {
  const children = await siblings(trx, planId, parentId);
  for (const [index, child] of children.entries()) {
    const code = parentCode ? `${parentCode}.${index + 1}` : String(index + 1);
    await trx
      .updateTable('plan_items')
      .set({ position: index + 1, code, depth: parentDepth + 1 })
      .where('id', '=', child.id)
      .execute();
    await renumber(trx, planId, child.id, code, parentDepth + 1);
  }
}

export async function hasLiveChildren(trx: Trx, id: string) {
  const child = await trx
    .selectFrom('plan_items')
    .select('id')
    .where('parent_id', '=', id)
    .where('deleted_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return Boolean(child);
}
