/**
 * The coordinator's workflow rules, per plan (issue #10):
 * - `status_via_reports`: an item's status under reporting changes only through an approved report
 *   (coordinators may override with a reason, audited). New IPAP/ITPP plans switch it on.
 * - `reporting_includes_units`: what an institution reports on includes items led by its units.
 * - `plan_items.responsible_user_id`: the person responsible for an item (a user of the lead
 *   organisation until the persons directory exists).
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .alterTable('plans')
    .addColumn('status_via_reports', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('plans')
    .addColumn('reporting_includes_units', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('plan_items')
    .addColumn('responsible_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('plan_items').dropColumn('responsible_user_id').execute();
  await db.schema.alterTable('plans').dropColumn('reporting_includes_units').execute();
  await db.schema.alterTable('plans').dropColumn('status_via_reports').execute();
}
