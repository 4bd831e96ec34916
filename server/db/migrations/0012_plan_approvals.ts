/**
 * Approval steps of a plan: government adoption, NAC approval, start of implementation or another
 * named step, each with a partial date and its precision, a reference (a conclusion number) and a
 * note. The steps belong to the plan: they are replaced as a list and go with it.
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('plan_approval_steps')
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text')
    .addColumn('label_sr', 'text')
    // 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; null while the step is still to come.
    .addColumn('on_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('precision', 'text')
    .addColumn('reference', 'text')
    .addColumn('note_en', 'text')
    .addColumn('note_sr', 'text')
    .addPrimaryKeyConstraint('plan_approval_steps_pk', ['plan_id', 'position'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('plan_approval_steps').execute();
}
