/**
 * Partner as data. Clearances become rows of `user_clearances` (one per user and marking policy)
 * instead of one column per nation; the deployment's own settings (partner nation, default owner,
 * default label of new records) live in `deployment_settings`, seeded by the deployment's data set
 * and overridable from the environment (server/config.ts).
 *
 * - Every `users.clearance_<policy>` column is copied into `user_clearances` (policy code = the
 *   column's suffix in capitals, when that policy exists), then the columns are dropped (SQLite has
 *   DROP COLUMN since 3.35; the columns carry no index or constraint).
 * - National marking schemes are the deployment's data: its data set adds its own and removes the
 *   ones nothing uses (server/seed/load-reference.ts); the schemes migration 0001 shipped stay here.
 * - The `label_owner` column defaults of migrations 0001 and 0009 named a nation. Every writer sets
 *   the owner explicitly (server/modules/shared/records.ts); on PostgreSQL the defaults are dropped,
 *   on SQLite they stay unused (changing a column default there means rebuilding every table).
 */
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

/** A safe default before a data set says otherwise: NATO UNCLASSIFIED, releasable to NATO only. */
const GENERIC_DEFAULT_LABEL = {
  policy: 'NATO',
  level: 'NATO_UNCLASSIFIED',
  releasableTo: ['NATO'],
  owner: 'NATO',
};

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('user_clearances')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('policy_code', 'text', (c) =>
      c.notNull().references('marking_policies.code').onDelete('cascade'),
    )
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_clearances_pk', ['user_id', 'policy_code'])
    .execute();

  const tables = await db.introspection.getTables();
  const users = tables.find((t) => t.name === 'users');
  const policies = (
    await sql<{ code: string }>`select code from marking_policies`.execute(db)
  ).rows.map((r) => r.code);
  const clearanceColumns = (users?.columns ?? [])
    .map((c) => c.name)
    .filter((name) => name.startsWith('clearance_'));
  for (const column of clearanceColumns) {
    const policy = column.slice('clearance_'.length).toUpperCase();
    if (policies.includes(policy)) {
      await sql`insert into user_clearances (user_id, policy_code, rank)
        select id, ${policy}, ${sql.ref(column)} from users`.execute(db);
    }
    await db.schema.alterTable('users').dropColumn(column).execute();
  }

  await db.schema
    .createTable('deployment_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into deployment_settings (key, value, updated_at)
    values ('default_label', ${JSON.stringify(GENERIC_DEFAULT_LABEL)}, ${new Date().toISOString()})`.execute(
    db,
  );

  if (dialect === 'postgres') {
    for (const t of tables.filter((x) => !x.isView)) {
      if (t.columns.some((c) => c.name === 'label_owner')) {
        await sql`alter table ${sql.table(t.name)} alter column label_owner drop default`.execute(
          db,
        );
      }
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('deployment_settings').execute();
  // One clearance column per marked policy, as before: clearance_<code in lower case>.
  const policies = (
    await sql<{ code: string }>`select distinct policy_code as code from marking_levels
      where rank > 0 order by policy_code`.execute(db)
  ).rows.map((r) => r.code);
  for (const policy of policies) {
    const column = `clearance_${policy.toLowerCase()}`;
    await db.schema
      .alterTable('users')
      .addColumn(column, 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await sql`update users set ${sql.ref(column)} = coalesce((select rank from user_clearances c
      where c.user_id = users.id and c.policy_code = ${policy}), 0)`.execute(db);
  }
  await db.schema.dropTable('user_clearances').execute();
}
