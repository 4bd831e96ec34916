/** SQL for plan imports: the job rows, the plan as an import sees it, and the bulk writes. */
import { createHash } from 'node:crypto';
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { HeadingMapping } from '../../../core/plans/import-headings.js';
import type { ItemValues, PlanSnapshot } from '../../../core/plans/import-validate.js';
import { can } from '../../access/policy.js';
import { planItemVisibleTo, visibleTo } from '../../access/visibility.js';
import type { Actor } from '../../audit/context.js';
import type { Trx } from '../../db/database.js';
import type { Database, PlanImportTable, PlanItemRow } from '../../db/schema.js';
import { PLAN_ITEM } from '../plan-items/policy.js';
import { partnersOf } from '../plan-items/repository.js';

type Reader = Kysely<Database> | Trx;
export type PlanImportRow = Selectable<PlanImportTable>;

export function findJob(db: Reader, id: string) {
  return db.selectFrom('plan_imports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A job's columns without the bulky ones (report and parsed rows). */
const SUMMARY_COLUMNS = [
  'id',
  'plan_id',
  'user_id',
  'file_name',
  'format',
  'status',
  'progress_done',
  'progress_total',
  'failure',
  'counts',
  'ignored_headings',
  'table_data',
  'fingerprint',
  'created_at',
  'updated_at',
] as const;

/** The job without its bulky columns (report and parsed rows). */
export function findJobSummary(db: Reader, id: string) {
  return db
    .selectFrom('plan_imports')
    .select(SUMMARY_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
}
export type PlanImportSummary = NonNullable<Awaited<ReturnType<typeof findJobSummary>>>;

export function recentJobs(db: Reader, planId: string, userId: string, limit = 10) {
  return db
    .selectFrom('plan_imports')
    .select(SUMMARY_COLUMNS)
    .where('plan_id', '=', planId)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Other jobs of the plan in the middle of a commit. */
export function committingJobs(db: Reader, planId: string, exceptId: string) {
  return db
    .selectFrom('plan_imports')
    .select(['id', 'status', 'updated_at'])
    .where('plan_id', '=', planId)
    .where('status', '=', 'committing')
    .where('id', '<>', exceptId)
    .execute();
}

export async function updateJob(
  db: Reader,
  id: string,
  changes: Omit<Updateable<PlanImportTable>, 'id' | 'plan_id' | 'user_id' | 'created_at'>,
  onlyIfStatus?: string,
): Promise<boolean> {
  const done = await db
    .updateTable('plan_imports')
    .set({ ...changes, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .$if(onlyIfStatus !== undefined, (qb) => qb.where('status', '=', onlyIfStatus ?? ''))
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

/** The plan if the actor may read it. */
export function findPlan(db: Reader, actor: Actor | null, planId: string) {
  return db
    .selectFrom('plans as p')
    .selectAll('p')
    .where('p.id', '=', planId)
    .where(visibleTo(actor, 'p'))
    .executeTakeFirst();
}

export function levelsOf(db: Reader, planId: string) {
  return db
    .selectFrom('plan_levels')
    .select(['depth', 'name_en', 'name_sr'])
    .where('plan_id', '=', planId)
    .orderBy('depth')
    .execute();
}

/** Organisations the actor may read, with the names a cell may use for them. */
export async function organisationsFor(db: Reader, actor: Actor | null) {
  const rows = await db
    .selectFrom('organisations as o')
    .select(['o.id', 'o.name_en', 'o.name_sr', 'o.abbreviation_en', 'o.abbreviation_sr'])
    .where('o.deleted_at', 'is', null)
    .where(visibleTo(actor, 'o'))
    .orderBy('o.name_en')
    .execute();
  return rows.map((o) => ({
    id: o.id,
    nameEn: o.name_en,
    nameSr: o.name_sr,
    abbreviation: o.abbreviation_en ?? o.abbreviation_sr,
    names: [o.abbreviation_en, o.abbreviation_sr, o.name_en, o.name_sr].filter((n): n is string =>
      Boolean(n),
    ),
    display: o.abbreviation_en ?? o.name_en ?? o.abbreviation_sr ?? o.name_sr ?? o.id,
  }));
}

/**
 * Structure of the plan (all live items, whoever may read them: codes and positions are facts of
 * the plan) and a fingerprint of it. Any create, change, move or delete of an item changes it.
 */
export async function planStructure(db: Reader, planId: string) {
  const rows = await db
    .selectFrom('plan_items')
    .select(['id', 'version', 'code', 'parent_id', 'depth'])
    .where('plan_id', '=', planId)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
  const hash = createHash('sha256');
  for (const r of rows) hash.update(`${r.id}:${r.version}:${r.code}:${r.parent_id ?? ''}\n`);
  const levels = await db
    .selectFrom('plan_levels')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('plan_id', '=', planId)
    .executeTakeFirstOrThrow();
  hash.update(`levels:${Number(levels.n)}`);
  return { rows, fingerprint: hash.digest('hex').slice(0, 32) };
}

/** Fingerprint only (the commit compares it with the dry run's). */
export async function planFingerprint(db: Reader, planId: string): Promise<string> {
  return (await planStructure(db, planId)).fingerprint;
}

export function valuesOf(row: PlanItemRow, partners: string[]): ItemValues {
  return {
    titleEn: row.title_en,
    titleSr: row.title_sr,
    descriptionEn: row.description_en,
    descriptionSr: row.description_sr,
    status: row.status,
    startOn: row.start_on,
    dueOn: row.due_on,
    leadOrganisationId: row.lead_organisation_id,
    partnerOrganisationIds: partners,
    weight: row.weight,
    budgetAmount: row.budget_amount,
    budgetCurrency: row.budget_currency,
    fundingSource: row.funding_source,
  };
}

/** The plan as the dry run compares a file with it. */
export async function loadSnapshot(
  db: Reader,
  actor: Actor,
  planId: string,
): Promise<{ snapshot: PlanSnapshot; fingerprint: string; rows: Map<string, PlanItemRow> }> {
  const structure = await planStructure(db, planId);
  const visibleRows = await db
    .selectFrom('plan_items as i')
    .selectAll('i')
    .where('i.plan_id', '=', planId)
    .where('i.deleted_at', 'is', null)
    // The plan given: its open containers are computed once, not walked up per row.
    .where(planItemVisibleTo(actor, 'i', { planId }))
    .execute();
  const visible = new Map(visibleRows.map((r) => [r.id, r]));
  const partners = new Map<string, string[]>();
  const ids = [...visible.keys()];
  for (let i = 0; i < ids.length; i += 5000) {
    for (const [k, v] of await partnersOf(db, ids.slice(i, i + 5000))) partners.set(k, v);
  }
  const levels = await levelsOf(db, planId);
  const organisations = await organisationsFor(db, actor);
  const period = await db
    .selectFrom('plans')
    .select(['period_start', 'period_end'])
    .where('id', '=', planId)
    .executeTakeFirst();
  const yearOf = (d: string | null | undefined) => (d ? Number(d.slice(0, 4)) : null);
  const empty: ItemValues = {
    titleEn: null,
    titleSr: null,
    descriptionEn: null,
    descriptionSr: null,
    status: 'not_started',
    startOn: null,
    dueOn: null,
    leadOrganisationId: null,
    partnerOrganisationIds: [],
    weight: 1,
    budgetAmount: null,
    budgetCurrency: null,
    fundingSource: null,
  };
  return {
    fingerprint: structure.fingerprint,
    rows: visible,
    snapshot: {
      levels: levels.map((l) => ({ depth: l.depth, nameEn: l.name_en, nameSr: l.name_sr })),
      organisations,
      year: yearOf(period?.period_start) ?? yearOf(period?.period_end),
      items: structure.rows.map((r) => {
        const row = visible.get(r.id);
        return {
          id: r.id,
          code: r.code,
          parentId: r.parent_id,
          depth: r.depth,
          version: r.version,
          visible: Boolean(row),
          canUpdate: row ? can(actor, 'update', PLAN_ITEM, row) : false,
          values: row ? valuesOf(row, partners.get(r.id) ?? []) : empty,
        };
      }),
    },
  };
}

/** The plan's remembered column mapping (folded heading → field), if any. */
export async function findMapping(db: Reader, planId: string) {
  const row = await db
    .selectFrom('plan_import_mappings')
    .select(['mapping', 'updated_at'])
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return row
    ? { mapping: JSON.parse(row.mapping) as HeadingMapping, updatedAt: row.updated_at }
    : null;
}

/** Writes the plan's mapping (one row per plan). */
export async function saveMapping(
  trx: Trx,
  planId: string,
  mapping: HeadingMapping,
  userId: string,
) {
  const now = new Date().toISOString();
  const values = { mapping: JSON.stringify(mapping), updated_at: now, updated_by: userId };
  await trx
    .insertInto('plan_import_mappings')
    .values({ plan_id: planId, ...values })
    .onConflict((oc) => oc.column('plan_id').doUpdateSet(values))
    .execute();
  return now;
}
