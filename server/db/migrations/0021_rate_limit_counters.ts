/**
 * Rate-limit counters shared by every instance (LIAISON_RATE_LIMIT_STORE=postgres): one row per
 * counted key, its hits in the current fixed window and when that window ends. On PostgreSQL the
 * table is UNLOGGED: counters are not worth a WAL record each, and losing them in a crash only
 * restarts the windows. SQLite gets the same table so both databases keep one schema (a SQLite
 * deployment is one process and counts in memory).
 */
import { sql, type Kysely } from 'kysely';
import { timestampType, type DialectName } from '../dialect.js';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  let table = db.schema.createTable('rate_limit_counters');
  if (dialect === 'postgres') table = table.modifyFront(sql`unlogged`);
  await table
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('window_ends_at', timestampType(dialect), (c) => c.notNull())
    .execute();
  // The sweep of expired windows.
  await db.schema
    .createIndex('rate_limit_counters_window_ends_at')
    .on('rate_limit_counters')
    .column('window_ends_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_limit_counters').execute();
}
