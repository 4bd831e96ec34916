/**
 * Plan items remember how their status and progress changed, so a plan can be read "as of" a past
 * date. The database writes the history itself (a trigger on plan_items), so every writer — the
 * item API, report approval, bulk import, the seeders — is covered without remembering to.
 * Also: a flag for illustrative items shipped where a plan's real annex is not public.
 */
import { sql, type Kysely } from 'kysely';
import { floatType, timestampType, type DialectName } from '../dialect.js';

/** The condition under which an update of plan_items is a change worth remembering. */
const CHANGED = `old.status is distinct from new.status
  or old.manual_progress is distinct from new.manual_progress
  or (old.deleted_at is null) <> (new.deleted_at is null)`;

/** The columns written, and the values taken from the new row. */
const COLUMNS = 'plan_item_id, plan_id, changed_at, changed_by, status, manual_progress, deleted';
const VALUES = (at: string, by: string) =>
  `new.id, new.plan_id, ${at}, ${by}, new.status, new.manual_progress,
   case when new.deleted_at is null then 0 else 1 end`;

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .alterTable('plan_items')
    .addColumn('sample_data', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  const id =
    dialect === 'postgres'
      ? sql`bigint generated always as identity primary key`
      : sql`integer primary key autoincrement`;
  await db.schema
    .createTable('plan_item_changes')
    .addColumn('id', id as never)
    .addColumn('plan_item_id', 'text', (c) =>
      c.notNull().references('plan_items.id').onDelete('cascade'),
    )
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('changed_at', timestampType(dialect), (c) => c.notNull())
    .addColumn('changed_by', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('manual_progress', floatType(dialect))
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('plan_item_changes_item')
    .on('plan_item_changes')
    .columns(['plan_item_id', 'changed_at'])
    .execute();
  await db.schema
    .createIndex('plan_item_changes_plan')
    .on('plan_item_changes')
    .columns(['plan_id', 'changed_at'])
    .execute();

  // What existed before this migration is remembered as it stands, from its creation on.
  await sql
    .raw(
      `insert into plan_item_changes (${COLUMNS})
       select id, plan_id, created_at, created_by, status, manual_progress,
              case when deleted_at is null then 0 else 1 end
       from plan_items`,
    )
    .execute(db);

  const deletionAt = `case when (old.deleted_at is null) <> (new.deleted_at is null)
    then coalesce(new.deleted_at, new.updated_at) else new.updated_at end`;
  if (dialect === 'postgres') {
    await sql
      .raw(
        `create function plan_item_changes_log() returns trigger language plpgsql as $$
         begin
           if tg_op = 'INSERT' then
             insert into plan_item_changes (${COLUMNS})
             values (${VALUES('new.created_at', 'new.created_by')});
           elsif ${CHANGED} then
             insert into plan_item_changes (${COLUMNS})
             values (${VALUES(deletionAt, 'new.updated_by')});
           end if;
           return null;
         end $$`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger plan_item_changes_log after insert or update on plan_items
         for each row execute function plan_item_changes_log()`,
      )
      .execute(db);
    return;
  }
  await sql
    .raw(
      `create trigger plan_item_changes_insert after insert on plan_items begin
         insert into plan_item_changes (${COLUMNS})
         values (${VALUES('new.created_at', 'new.created_by')});
       end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger plan_item_changes_update after update of status, manual_progress, deleted_at
       on plan_items when ${CHANGED.replaceAll('is distinct from', 'is not')} begin
         insert into plan_item_changes (${COLUMNS})
         values (${VALUES(deletionAt, 'new.updated_by')});
       end`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') {
    await sql`drop trigger plan_item_changes_log on plan_items`.execute(db);
    await sql`drop function plan_item_changes_log()`.execute(db);
  } else {
    await sql`drop trigger plan_item_changes_insert`.execute(db);
    await sql`drop trigger plan_item_changes_update`.execute(db);
  }
  await db.schema.dropTable('plan_item_changes').execute();
  await db.schema.alterTable('plan_items').dropColumn('sample_data').execute();
}
