/**
 * Which process runs an import job and when it last said so: start-up and a periodic sweep mark
 * jobs whose owner is gone as failed, instead of leaving them "committing" forever.
 */
import type { Kysely } from 'kysely';
import { timestampType, type DialectName } from '../dialect.js';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema.alterTable('plan_imports').addColumn('owner', 'text').execute();
  await db.schema
    .alterTable('plan_imports')
    .addColumn('heartbeat_at', timestampType(dialect))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('plan_imports').dropColumn('heartbeat_at').execute();
  await db.schema.alterTable('plan_imports').dropColumn('owner').execute();
}
