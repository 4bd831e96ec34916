/** Identity: clearances per marking policy, organisation memberships, explicit grants, API tokens. */
import type { Kysely } from 'kysely';
import { timestampType, type DialectName } from '../dialect.js';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const ts = timestampType(dialect);
  // Ranks in the marking tables; 1 = NATO UNCLASSIFIED / unmarked national, the deployment ceiling.
  await db.schema
    .alterTable('users')
    .addColumn('clearance_nato', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('users')
    .addColumn('clearance_rs', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('user_organisations')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addPrimaryKeyConstraint('user_organisations_pk', ['user_id', 'organisation_id'])
    .execute();

  await db.schema
    .createTable('access_grants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('granted_by', 'text')
    .addColumn('granted_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts)
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('access_grants_user_entity')
    .on('access_grants')
    .columns(['user_id', 'entity_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('access_grants').execute();
  await db.schema.dropTable('user_organisations').execute();
  await db.schema.alterTable('users').dropColumn('clearance_rs').execute();
  await db.schema.alterTable('users').dropColumn('clearance_nato').execute();
}
