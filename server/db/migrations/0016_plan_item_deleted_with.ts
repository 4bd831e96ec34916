/**
 * Containers take their contents along: deleting a plan item whose remaining items below are all
 * hidden from the person deleting deletes those too (so the answer never depends on records the
 * writer may not see, and no live item is left under a deleted one). `deleted_with` names the
 * item whose delete took a row along; restoring that item brings exactly those rows back.
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema.alterTable('plan_items').addColumn('deleted_with', 'text').execute();
  await db.schema
    .createIndex('plan_items_deleted_with')
    .on('plan_items')
    .column('deleted_with')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('plan_items_deleted_with').execute();
  await db.schema.alterTable('plan_items').dropColumn('deleted_with').execute();
}
