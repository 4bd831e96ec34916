/**
 * What a plan item holds goes with it. The answer to deleting an item must not depend on items the
 * writer may not see (docs/SECURITY.md, "Inference channels"): the delete is refused only while
 * the writer sees an item below it; items below that are hidden from the writer are deleted along
 * with it (`deleted_with`, migration 0016), each audited, and come back when it is restored.
 */
import { planItemVisibleTo } from '../../access/visibility.js';
import type { ActionContext } from '../../audit/context.js';
import type { Trx } from '../../db/database.js';
import { errors } from '../../errors.js';
import type { Deps } from '../shared/deps.js';
import { updateRecordColumns } from '../shared/records.js';
import { PLAN_ITEM } from './policy.js';
import { presentPlanItem } from './presenter.js';
import * as repo from './repository.js';

/** Live items below `id` at any depth, whoever may see them, top-down. */
async function liveDescendants(trx: Trx, id: string) {
  const found = [];
  let parents = [id];
  while (parents.length > 0) {
    const rows = await trx
      .selectFrom('plan_items')
      .selectAll()
      .where('parent_id', 'in', parents)
      .where('deleted_at', 'is', null)
      .execute();
    found.push(...rows);
    parents = rows.map((r) => r.id);
  }
  return found;
}

/**
 * Before `id` is deleted: refuses while the writer sees an item directly below it (the same answer
 * whatever else is there), else deletes every live item below it along with it.
 */
export async function deleteContents(
  trx: Trx,
  ctx: ActionContext,
  audit: Deps['audit'],
  id: string,
) {
  const seen = await trx
    .selectFrom('plan_items as c')
    .select('c.id')
    .where('c.parent_id', '=', id)
    .where(planItemVisibleTo(ctx.actor, 'c'))
    .limit(1)
    .executeTakeFirst();
  if (seen) throw errors.conflict('This item still has items below it. Move or delete them first.');
  const now = new Date().toISOString();
  for (const row of await liveDescendants(trx, id)) {
    await trx
      .updateTable('plan_items')
      .set({ ...updateRecordColumns(ctx, row.version), deleted_at: now, deleted_with: id })
      .where('id', '=', row.id)
      .execute();
    await audit.record(trx, ctx, {
      action: `${PLAN_ITEM}.delete`,
      entityType: PLAN_ITEM,
      entityId: row.id,
      before: presentPlanItem(row, null),
      after: { deletedWith: id },
    });
  }
}

/** After `id` is restored: brings back what its delete took along, numbered below it again. */
export async function restoreContents(
  trx: Trx,
  ctx: ActionContext,
  audit: Deps['audit'],
  id: string,
) {
  const rows = await trx
    .selectFrom('plan_items')
    .selectAll()
    .where('deleted_with', '=', id)
    .where('deleted_at', 'is not', null)
    .execute();
  if (rows.length === 0) return;
  // Back first on places no live item can hold (negative, in their old order), then numbered
  // below the item again.
  rows.sort((a, b) => a.position - b.position || a.created_at.localeCompare(b.created_at));
  for (const [index, row] of rows.entries()) {
    await trx
      .updateTable('plan_items')
      .set({
        ...updateRecordColumns(ctx, row.version),
        deleted_at: null,
        deleted_with: null,
        position: index - rows.length,
        code: `~${row.id}`,
      })
      .where('id', '=', row.id)
      .execute();
  }
  const item = await trx
    .selectFrom('plan_items')
    .select(['plan_id', 'code', 'depth'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  await repo.renumber(trx, {
    planId: item.plan_id,
    parentId: id,
    parentCode: item.code,
    parentDepth: item.depth,
    by: ctx.actor?.id ?? null,
  });
  const restored = await trx
    .selectFrom('plan_items')
    .selectAll()
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  for (const row of restored) {
    await audit.record(trx, ctx, {
      action: `${PLAN_ITEM}.restore`,
      entityType: PLAN_ITEM,
      entityId: row.id,
      after: { ...presentPlanItem(row, null), restoredWith: id },
    });
  }
}
