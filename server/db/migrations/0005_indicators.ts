/** Indicators of plan items and their measurements over time. */
import type { Kysely } from 'kysely';
import { floatType, timestampType, type DialectName } from '../dialect.js';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const float = floatType(dialect);
  const ts = timestampType(dialect);
  await db.schema
    .createTable('indicators')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('plan_item_id', 'text', (c) =>
      c.notNull().references('plan_items.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('name_sr', 'text')
    .addColumn('unit', 'text')
    .addColumn('baseline_value', float)
    .addColumn('baseline_text', 'text')
    .addColumn('baseline_year', 'integer')
    .addColumn('target_value', float)
    .addColumn('target_text', 'text')
    .addColumn('target_year', 'integer')
    .addColumn('source_of_verification', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('deleted_at', ts)
    .execute();
  await db.schema.createIndex('indicators_item').on('indicators').column('plan_item_id').execute();
  await db.schema
    .createTable('measurements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('indicator_id', 'text', (c) =>
      c.notNull().references('indicators.id').onDelete('cascade'),
    )
    .addColumn('measured_on', 'text', (c) => c.notNull())
    .addColumn('value', float)
    .addColumn('value_text', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema
    .createIndex('measurements_indicator')
    .on('measurements')
    .columns(['indicator_id', 'measured_on'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('measurements').execute();
  await db.schema.dropTable('indicators').execute();
}
