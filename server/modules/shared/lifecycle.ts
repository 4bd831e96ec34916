/**
 * Soft delete and restore for any labelled table: a delete hides the record from every read and
 * can be undone; both are version-checked and audited by the calling service.
 */
import type { ActionContext } from '../../audit/context.js';
import type { Trx } from '../../db/database.js';
import type { RecordColumns } from '../../db/schema.js';
import { labelVisibleTo } from '../../access/visibility.js';
import { errors } from '../../errors.js';
import { updateRecordColumns } from './records.js';

export type LabelledTable = 'organisations' | 'agreements' | 'timeline_events';

// Kysely cannot type a query over a union of tables; these helpers touch only RecordColumns.
type AnyTable = 'organisations';

/** Marks a record deleted if it is still at `version`; throws 412 if it moved on. */
export async function softDelete(
  trx: Trx,
  table: LabelledTable,
  ctx: ActionContext,
  id: string,
  version: number,
) {
  const done = await trx
    .updateTable(table as AnyTable)
    .set({ ...updateRecordColumns(ctx, version), deleted_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) throw errors.stale(version + 1);
}

/** Finds a deleted record the actor could see if it were live; 404 otherwise. */
export async function findDeleted(
  trx: Trx,
  table: LabelledTable,
  ctx: ActionContext,
  id: string,
  what: string,
) {
  const row = await trx
    .selectFrom(`${table as AnyTable} as r`)
    .select(['r.id', 'r.version'])
    .where('r.id', '=', id)
    .where('r.deleted_at', 'is not', null)
    .where(labelVisibleTo(ctx.actor, 'r'))
    .executeTakeFirst();
  if (!row) throw errors.notFound(`A deleted ${what} with this id`);
  return row as Pick<RecordColumns, 'id' | 'version'>;
}

/** Brings a deleted record back. */
export async function undelete(
  trx: Trx,
  table: LabelledTable,
  ctx: ActionContext,
  id: string,
  version: number,
) {
  const done = await trx
    .updateTable(table as AnyTable)
    .set({ ...updateRecordColumns(ctx, version), deleted_at: null })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) throw errors.stale(version + 1);
}
