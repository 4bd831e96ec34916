/**
 * Soft delete and restore for any labelled table: a delete hides the record from every read and
 * can be undone; both are version-checked and audited by the calling service.
 */
import type { RawBuilder, SqlBool } from 'kysely';
import type { ActionContext, Actor } from '../../audit/context.js';
import type { Trx } from '../../db/database.js';
import type { RecordColumns } from '../../db/schema.js';
import { labelVisibleTo } from '../../access/visibility.js';
import { errors } from '../../errors.js';
import { authorize } from '../../access/policy.js';
import { assertVersion } from '../../http/etag.js';
import type { Deps } from './deps.js';
import { updateRecordColumns } from './records.js';

export type LabelledTable = 'organisations' | 'agreements' | 'timeline_events' | 'plan_items';

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

/** Which deleted rows the actor could see if they were live (containers included, if any). */
export type DeletedFilter = (actor: Actor | null, alias: string) => RawBuilder<SqlBool>;

/** Finds a deleted record the actor could see if it were live; 404 otherwise. */
export async function findDeleted(
  trx: Trx,
  table: LabelledTable,
  ctx: ActionContext,
  id: string,
  what: string,
  visible: DeletedFilter = labelVisibleTo,
) {
  const row = await trx
    .selectFrom(`${table as AnyTable} as r`)
    .select(['r.id', 'r.version'])
    .where('r.id', '=', id)
    .where('r.deleted_at', 'is not', null)
    .where(visible(ctx.actor, 'r'))
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

export interface Loaded<Body> {
  row: { id: string; version: number };
  body: Body;
}

export interface SoftDeletableOptions<Body> {
  table: LabelledTable;
  /** Policy entity name, also the audit entity type and action prefix. */
  entity: string;
  /** Noun for messages, e.g. 'agreement'. */
  noun: string;
  /** The record as the actor sees it (with its API shape), or undefined. */
  load: (trx: Trx, ctx: ActionContext, id: string) => Promise<Loaded<Body> | undefined>;
  /** Deleted rows the actor may restore; default: the label alone (records without containers). */
  deletedVisibleTo?: DeletedFilter;
  /** Refuses the delete when the record is still needed (throws), or takes along what it holds. */
  beforeDelete?: (trx: Trx, id: string, ctx: ActionContext) => Promise<void>;
  /** Brings back, after the record itself, what its delete took along (e.g. an item's contents). */
  afterRestore?: (trx: Trx, ctx: ActionContext, id: string) => Promise<void>;
  /** Taken first in a delete's or restore's transaction (e.g. the plan's lock for its items). */
  lock?: (trx: Trx, id: string) => Promise<void>;
  /** Runs while the record is still deleted, before it comes back (e.g. make room for it). */
  beforeRestore?: (trx: Trx, id: string, ctx: ActionContext) => Promise<void>;
  /** Keeps derived state true after a delete or restore (e.g. sibling codes). */
  afterChange?: (trx: Trx, id: string, ctx: ActionContext) => Promise<void>;
}

/** Delete (version-checked, audited, undoable) and restore for one resource. */
export function softDeletable<Body>(
  { db, audit }: Pick<Deps, 'db' | 'audit'>,
  o: SoftDeletableOptions<Body>,
) {
  const notFound = () => errors.notFound(`The ${o.noun}`);
  return {
    async remove(ctx: ActionContext, id: string, expected: number | '*'): Promise<void> {
      await db.write(async (trx) => {
        await o.lock?.(trx, id);
        const before = await o.load(trx, ctx, id);
        if (!before) throw notFound();
        authorize(ctx.actor, 'delete', o.entity, before.row);
        assertVersion(expected, before.row.version);
        await o.beforeDelete?.(trx, id, ctx);
        await softDelete(trx, o.table, ctx, id, before.row.version);
        await o.afterChange?.(trx, id, ctx);
        await audit.record(trx, ctx, {
          action: `${o.entity}.delete`,
          entityType: o.entity,
          entityId: id,
          before: before.body,
        });
      });
    },

    async restore(ctx: ActionContext, id: string): Promise<Loaded<Body>> {
      return db.write(async (trx) => {
        await o.lock?.(trx, id);
        const deleted = await findDeleted(trx, o.table, ctx, id, o.noun, o.deletedVisibleTo);
        authorize(ctx.actor, 'delete', o.entity, deleted);
        await o.beforeRestore?.(trx, id, ctx);
        await undelete(trx, o.table, ctx, id, deleted.version);
        await o.afterChange?.(trx, id, ctx);
        await o.afterRestore?.(trx, ctx, id);
        const restored = await o.load(trx, ctx, id);
        if (!restored) throw notFound();
        await audit.record(trx, ctx, {
          action: `${o.entity}.restore`,
          entityType: o.entity,
          entityId: id,
          after: restored.body,
        });
        return restored;
      });
    },
  };
}
