/**
 * The coordinator's workflow rules, per plan (issue #10):
 * - `status_via_reports`: an item's status under reporting changes only through an approved report
 *   (coordinators may override with a reason, audited). New IPAP/ITPP plans switch it on.
 * - `reporting_includes_units`: what an institution reports on includes items led by its units.
 * - `plan_items.responsible_user_id`: the person responsible for an item (a user of the lead
 *   organisation until the persons directory exists).
 */
import { sql, type Kysely } from 'kysely';
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
  await backfillStatusViaReports(db);
}

/**
 * The English level names of the IPAP and ITPP presets as they were when this migration was
 * written (core/plans/templates.ts, statusViaReportsByDefault): a migration does not follow later
 * changes of the presets.
 */
const GATED_SHAPES = [
  ['Chapter', 'Objective', 'Activity'],
  ['Strategic objective', 'Partnership goal', 'Activity'],
].map((names) => names.join('\u0000'));

/**
 * Plans that already exist take the rule new plans get: on where the levels are the IPAP or ITPP
 * preset, off elsewhere. Plans are few (tens), so one pass in code.
 */
async function backfillStatusViaReports(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ plan_id: string; depth: number; name_en: string | null }>`
    select plan_id, depth, name_en from plan_levels order by plan_id, depth`.execute(db);
  const levels = new Map<string, string[]>();
  for (const r of rows) levels.set(r.plan_id, [...(levels.get(r.plan_id) ?? []), r.name_en ?? '']);
  const on = [...levels]
    .filter(([, names]) => GATED_SHAPES.includes(names.join('\u0000')))
    .map(([id]) => id);
  for (let i = 0; i < on.length; i += 500) {
    await sql`update plans set status_via_reports = 1 where id in (${sql.join(on.slice(i, i + 500))})`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('plan_items').dropColumn('responsible_user_id').execute();
  await db.schema.alterTable('plans').dropColumn('reporting_includes_units').execute();
  await db.schema.alterTable('plans').dropColumn('status_via_reports').execute();
}
