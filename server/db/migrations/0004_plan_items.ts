/** Plan items become workable: status, dates, ownership, weight and progress, budget. */
import type { Kysely } from 'kysely';
import { floatType, type DialectName } from '../dialect.js';

const COLUMNS: [string, 'text' | 'float', unknown?][] = [
  ['status', 'text', 'not_started'],
  ['start_on', 'text'],
  ['due_on', 'text'],
  ['lead_organisation_id', 'text'],
  ['weight', 'float', 1],
  ['manual_progress', 'float'],
  ['budget_amount', 'float'],
  ['budget_currency', 'text'],
  ['funding_source', 'text'],
];

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  for (const [name, kind, fallback] of COLUMNS) {
    const type = kind === 'float' ? floatType(dialect) : 'text';
    await db.schema
      .alterTable('plan_items')
      .addColumn(name, type, (c) => (fallback === undefined ? c : c.notNull().defaultTo(fallback)))
      .execute();
  }
  await db.schema
    .createTable('plan_item_partners')
    .addColumn('plan_item_id', 'text', (c) =>
      c.notNull().references('plan_items.id').onDelete('cascade'),
    )
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addPrimaryKeyConstraint('plan_item_partners_pk', ['plan_item_id', 'organisation_id'])
    .execute();
  await db.schema
    .createIndex('plan_items_lead')
    .on('plan_items')
    .column('lead_organisation_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('plan_item_partners').execute();
  await db.schema.dropIndex('plan_items_lead').execute();
  for (const [name] of [...COLUMNS].reverse()) {
    await db.schema.alterTable('plan_items').dropColumn(name).execute();
  }
}
