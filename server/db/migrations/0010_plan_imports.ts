/**
 * Plan imports run as jobs: the upload is checked (dry run) and later committed in the background,
 * and any app instance can answer "how far is it?" because the job, its progress, the parsed rows
 * and the report live in this table, not in one process's memory.
 */
import type { Kysely } from 'kysely';
import { timestampType, type DialectName } from '../dialect.js';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const ts = timestampType(dialect);
  await db.schema
    .createTable('plan_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('progress_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failure', 'text')
    .addColumn('counts', 'text')
    .addColumn('ignored_headings', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('report', 'text')
    .addColumn('table_data', 'text')
    .addColumn('fingerprint', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('plan_imports_plan_user')
    .on('plan_imports')
    .columns(['plan_id', 'user_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('plan_imports').execute();
}
