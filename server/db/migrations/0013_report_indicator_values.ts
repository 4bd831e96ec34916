/**
 * A progress report carries the indicator values it reports; they become measurements only when
 * the coordinator approves the report (a returned or draft report records nothing).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('progress_reports')
    .addColumn('indicator_values', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('progress_reports').dropColumn('indicator_values').execute();
}
