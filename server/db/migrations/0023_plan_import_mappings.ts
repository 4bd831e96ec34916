/**
 * Column mappings an importer chose in the dry-run screen, remembered per plan (issue #10): the
 * next file with the same headings is read the same way.
 */
import type { Kysely } from 'kysely';
import { timestampType, type DialectName } from '../dialect.js';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('plan_import_mappings')
    .addColumn('plan_id', 'text', (c) => c.primaryKey().references('plans.id').onDelete('cascade'))
    /** JSON: { [folded file heading]: field name | 'ignore' }. */
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('updated_at', timestampType(dialect), (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('plan_import_mappings').execute();
}
