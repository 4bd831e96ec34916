/**
 * Partner as data. Clearances become rows of `user_clearances` (one per user and marking policy)
 * instead of one column per nation; the deployment's own settings (partner nation, default owner,
 * default label of new records) live in `deployment_settings`, seeded by the deployment's data set
 * and overridable from the environment (server/config.ts).
 *
 * - Every `users.clearance_<policy>` column is copied into `user_clearances` (policy code = the
 *   column's suffix in capitals, when that policy exists), then the columns are dropped (SQLite has
 *   DROP COLUMN since 3.35; the columns carry no index or constraint).
 * - National marking schemes (every policy other than the unmarked one and NATO) that nothing uses
 *   yet are removed: they are the deployment's data and its data set brings them back. A scheme in
 *   use (a labelled record or a user's clearance) stays.
 * - The `label_owner` column defaults of migrations 0001 and 0009 named a nation. Every writer sets
 *   the owner explicitly (server/modules/shared/records.ts); on PostgreSQL the defaults are dropped,
 *   on SQLite they stay unused (changing a column default there means rebuilding every table).
 */
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

/** The alliance's own scheme and the unmarked one belong to every deployment. */
const COMMON_POLICIES = ['NONE', 'NATO'];

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

  // National schemes nothing uses yet are the deployment's data, not the schema's.
  const labelled = tables.filter(
    (t) => !t.isView && t.columns.some((c) => c.name === 'label_policy'),
  );
  for (const policy of policies.filter((p) => !COMMON_POLICIES.includes(p))) {
    let used = Boolean(
      (await sql`select 1 from user_clearances where policy_code = ${policy} limit 1`.execute(db))
        .rows.length,
    );
    for (const t of labelled) {
      if (used) break;
      used = Boolean(
        (
          await sql`select 1 from ${sql.table(t.name)} where label_policy = ${policy} limit 1`.execute(
            db,
          )
        ).rows.length,
      );
    }
    if (used) continue;
    await sql`delete from marking_levels where policy_code = ${policy}`.execute(db);
    await sql`delete from marking_policies where code = ${policy}`.execute(db);
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
  // The per-nation columns cannot be restored generically: only the NATO clearance comes back.
  await db.schema
    .alterTable('users')
    .addColumn('clearance_nato', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await sql`update users set clearance_nato = coalesce((select rank from user_clearances c
    where c.user_id = users.id and c.policy_code = 'NATO'), 1)`.execute(db);
  await db.schema.dropTable('user_clearances').execute();
}
