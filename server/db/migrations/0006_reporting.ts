/** Reporting periods and the per-item progress reports submitted, returned and approved in them. */
import type { Kysely } from 'kysely';
import { floatType, timestampType, type DialectName } from '../dialect.js';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const ts = timestampType(dialect);
  await db.schema
    .createTable('reporting_periods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text')
    .addColumn('opened_at', ts, (c) => c.notNull())
    .addColumn('locked_at', ts)
    .execute();
  await db.schema
    .createIndex('reporting_periods_plan')
    .on('reporting_periods')
    .columns(['plan_id', 'starts_on'])
    .execute();
  await db.schema
    .createTable('progress_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('period_id', 'text', (c) => c.notNull().references('reporting_periods.id'))
    .addColumn('plan_item_id', 'text', (c) => c.notNull().references('plan_items.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('item_status', 'text', (c) => c.notNull())
    .addColumn('progress', floatType(dialect))
    .addColumn('narrative', 'text')
    .addColumn('evidence', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('submitted_by', 'text')
    .addColumn('submitted_at', ts)
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', ts)
    .addColumn('review_comment', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('progress_reports_period_item', ['period_id', 'plan_item_id'])
    .execute();
  await db.schema
    .createIndex('progress_reports_item')
    .on('progress_reports')
    .column('plan_item_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('progress_reports').execute();
  await db.schema.dropTable('reporting_periods').execute();
}
