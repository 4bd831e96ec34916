/**
 * Import jobs as a queue any instance can take from: the uploaded file itself is kept in the job
 * (`upload`, until its dry run is done) so the instance that runs the dry run need not be the one
 * that took the upload; the checked operations (`ops`) are kept for the commit, so it replays them
 * instead of checking every row again; `attempts` counts how often an instance took the job (a job
 * taken over too often is failed, not retried forever); `commit_ip` is where the commit was asked
 * from (the audit entries the commit writes name it, whichever instance writes them). The partial
 * index serves the claim query (running jobs only).
 */
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .alterTable('plan_imports')
    .addColumn('upload', dialect === 'postgres' ? 'bytea' : 'blob')
    .execute();
  await db.schema.alterTable('plan_imports').addColumn('ops', 'text').execute();
  await db.schema
    .alterTable('plan_imports')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('plan_imports').addColumn('commit_ip', 'text').execute();
  await sql`create index plan_imports_running on plan_imports (created_at, id)
    where status in ('queued', 'validating', 'committing')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index plan_imports_running`.execute(db);
  for (const column of ['commit_ip', 'attempts', 'ops', 'upload']) {
    await db.schema.alterTable('plan_imports').dropColumn(column).execute();
  }
}
