/** Foundation schema: marking schemes, the partnership's reference records, audit log, identity. */
import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import { timestampType, type DialectName } from '../dialect.js';

type Builder = CreateTableBuilder<string, string>;

/** Adds the columns every domain record carries (see RecordColumns in schema.ts). */
function recordColumns(t: Builder, dialect: DialectName): Builder {
  const ts = timestampType(dialect);
  return (
    t
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('updated_at', ts, (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .addColumn('deleted_at', ts)
      .addColumn('label_policy', 'text', (c) => c.notNull().defaultTo('NONE'))
      .addColumn('label_level', 'text', (c) => c.notNull().defaultTo('PUBLIC'))
      .addColumn('label_rank', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('label_owner', 'text', (c) => c.notNull().defaultTo('RS'))
      .addColumn('label_releasable_to', 'text', (c) => c.notNull().defaultTo('["PUBLIC"]'))
      .addColumn('label_originator_id', 'text')
      // Folded text of every searchable field in both scripts (see core/text/search-fold.ts).
      .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
  );
}

function bilingual(t: Builder, ...names: string[]): Builder {
  for (const name of names) t = t.addColumn(`${name}_en`, 'text').addColumn(`${name}_sr`, 'text');
  return t;
}

/** Creates the foundation tables. */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const ts = timestampType(dialect);
  // Flags are 0/1 integers on both databases so rows read back identically.
  const bool = 'integer';

  await db.schema
    .createTable('marking_policies')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_sr', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('marking_levels')
    .addColumn('policy_code', 'text', (c) => c.notNull().references('marking_policies.code'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_sr', 'text', (c) => c.notNull())
    .addColumn('public', bool, (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('marking_levels_pk', ['policy_code', 'code'])
    .execute();

  await recordColumns(db.schema.createTable('organisations'), dialect)
    .addColumn('parent_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('nation', 'text', (c) => c.notNull())
    .$call((t) => bilingual(t, 'name', 'abbreviation', 'description'))
    .addColumn('website', 'text')
    .addColumn('seed_key', 'text', (c) => c.unique())
    .execute();
  await db.schema
    .createIndex('organisations_parent')
    .on('organisations')
    .column('parent_id')
    .execute();

  await recordColumns(db.schema.createTable('persons'), dialect)
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .$call((t) => bilingual(t, 'position'))
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .execute();

  await recordColumns(db.schema.createTable('mechanisms'), dialect)
    .addColumn('parent_id', 'text', (c) => c.references('mechanisms.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .$call((t) => bilingual(t, 'name', 'abbreviation', 'description', 'policy_basis'))
    .addColumn('started_on', 'text')
    .addColumn('started_precision', 'text')
    .addColumn('seed_key', 'text', (c) => c.unique())
    .execute();
  await db.schema
    .createTable('mechanism_organisations')
    .addColumn('mechanism_id', 'text', (c) =>
      c.notNull().references('mechanisms.id').onDelete('cascade'),
    )
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mechanism_organisations_pk', [
      'mechanism_id',
      'organisation_id',
      'role',
    ])
    .execute();

  await recordColumns(db.schema.createTable('agreements'), dialect)
    .addColumn('kind', 'text', (c) => c.notNull())
    .$call((t) =>
      bilingual(t, 'title', 'short_title', 'parties', 'signed_at', 'description', 'conflict_note'),
    )
    .addColumn('signed_on', 'text')
    .addColumn('signed_precision', 'text')
    .addColumn('ratified_on', 'text')
    .addColumn('ratified_precision', 'text')
    .addColumn('in_force_from', 'text')
    .addColumn('in_force_precision', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('mechanism_id', 'text', (c) => c.references('mechanisms.id'))
    .addColumn('seed_key', 'text', (c) => c.unique())
    .execute();
  await db.schema
    .createTable('agreement_relations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('from_agreement_id', 'text', (c) => c.notNull().references('agreements.id'))
    .addColumn('to_agreement_id', 'text', (c) => c.notNull().references('agreements.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .$call((t) => bilingual(t, 'note'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addUniqueConstraint('agreement_relations_unique', [
      'from_agreement_id',
      'to_agreement_id',
      'kind',
    ])
    .execute();

  await db.schema
    .createTable('sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('citation', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .execute();
  await db.schema
    .createIndex('sources_entity')
    .on('sources')
    .columns(['entity_type', 'entity_id'])
    .execute();

  await recordColumns(db.schema.createTable('plans'), dialect)
    .addColumn('mechanism_id', 'text', (c) => c.references('mechanisms.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .$call((t) => bilingual(t, 'title', 'description'))
    .addColumn('period_start', 'text')
    .addColumn('period_end', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sample_data', bool, (c) => c.notNull().defaultTo(0))
    .addColumn('seed_key', 'text', (c) => c.unique())
    .execute();
  await db.schema
    .createTable('plan_levels')
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_sr', 'text', (c) => c.notNull())
    .addColumn('rollup_rule', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_levels_pk', ['plan_id', 'depth'])
    .execute();
  await recordColumns(db.schema.createTable('plan_items'), dialect)
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('parent_id', 'text', (c) => c.references('plan_items.id'))
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .$call((t) => bilingual(t, 'title', 'description'))
    .execute();
  await db.schema
    .createIndex('plan_items_plan_code')
    .on('plan_items')
    .columns(['plan_id', 'code'])
    .execute();
  await db.schema.createIndex('plan_items_parent').on('plan_items').column('parent_id').execute();

  await recordColumns(db.schema.createTable('activities'), dialect)
    .addColumn('mechanism_id', 'text', (c) => c.references('mechanisms.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .$call((t) => bilingual(t, 'title', 'description', 'venue'))
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text')
    .addColumn('host_side', 'text')
    .addColumn('organiser_id', 'text', (c) => c.references('organisations.id'))
    .execute();
  await db.schema.createIndex('activities_starts').on('activities').column('starts_on').execute();

  await recordColumns(db.schema.createTable('timeline_events'), dialect)
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text')
    .addColumn('precision', 'text', (c) => c.notNull())
    .addColumn('sort_from', 'text', (c) => c.notNull())
    .addColumn('sort_to', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .$call((t) => bilingual(t, 'title', 'description', 'conflict_note'))
    .addColumn('seed_key', 'text', (c) => c.unique())
    .execute();
  await db.schema
    .createIndex('timeline_events_sort')
    .on('timeline_events')
    .columns(['sort_from', 'id'])
    .execute();

  await db.schema
    .createTable('record_links')
    .addColumn('from_type', 'text', (c) => c.notNull())
    .addColumn('from_id', 'text', (c) => c.notNull())
    .addColumn('to_type', 'text', (c) => c.notNull())
    .addColumn('to_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('record_links_pk', ['from_type', 'from_id', 'to_type', 'to_id'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('occurred_at', ts, (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('ip', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('before_state', 'text')
    .addColumn('after_state', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_log_entity')
    .on('audit_log')
    .columns(['entity_type', 'entity_id'])
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('nation', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('must_change_password', bool, (c) => c.notNull().defaultTo(0))
    .addColumn('disabled', bool, (c) => c.notNull().defaultTo(0))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('last_seen_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await seedMarkingSchemes(db);
}

/** The NATO and Serbian marking schemes ship as data; a deployment may add its own. */
async function seedMarkingSchemes(db: Kysely<unknown>): Promise<void> {
  await sql`insert into marking_policies (code, name_en, name_sr, position) values
    ('NONE', 'No marking', 'Без ознаке', 0),
    ('NATO', 'NATO', 'НАТО', 1),
    ('RS', 'Republic of Serbia', 'Република Србија', 2)`.execute(db);
  const levels: [string, string, number, string, string, boolean][] = [
    ['NONE', 'PUBLIC', 0, 'Public', 'Јавно', true],
    ['NATO', 'PUBLIC', 0, 'PUBLIC', 'ЈАВНО', true],
    ['NATO', 'NATO_UNCLASSIFIED', 1, 'NATO UNCLASSIFIED', 'NATO UNCLASSIFIED', false],
    ['NATO', 'NATO_RESTRICTED', 2, 'NATO RESTRICTED', 'NATO RESTRICTED', false],
    ['NATO', 'NATO_CONFIDENTIAL', 3, 'NATO CONFIDENTIAL', 'NATO CONFIDENTIAL', false],
    ['NATO', 'NATO_SECRET', 4, 'NATO SECRET', 'NATO SECRET', false],
    ['NATO', 'COSMIC_TOP_SECRET', 5, 'COSMIC TOP SECRET', 'COSMIC TOP SECRET', false],
    ['RS', 'UNMARKED', 1, 'Unmarked (official use)', 'Без ознаке (службена употреба)', false],
    ['RS', 'INTERNO', 2, 'INTERNO', 'ИНТЕРНО', false],
    ['RS', 'POVERLJIVO', 3, 'POVERLJIVO', 'ПОВЕРЉИВО', false],
    ['RS', 'STROGO_POVERLJIVO', 4, 'STROGO POVERLJIVO', 'СТРОГО ПОВЕРЉИВО', false],
    ['RS', 'DRZAVNA_TAJNA', 5, 'DRŽAVNA TAJNA', 'ДРЖАВНА ТАЈНА', false],
  ];
  for (const [policy, code, rank, en, sr, isPublic] of levels) {
    await sql`insert into marking_levels (policy_code, code, rank, name_en, name_sr, public)
      values (${policy}, ${code}, ${rank}, ${en}, ${sr}, ${isPublic ? 1 : 0})`.execute(db);
  }
}

/** Drops everything the foundation created, in dependency order. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'sessions',
    'users',
    'audit_log',
    'record_links',
    'timeline_events',
    'activities',
    'plan_items',
    'plan_levels',
    'plans',
    'sources',
    'agreement_relations',
    'agreements',
    'mechanism_organisations',
    'mechanisms',
    'persons',
    'organisations',
    'marking_levels',
    'marking_policies',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
