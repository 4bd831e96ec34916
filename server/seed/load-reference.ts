/**
 * Loads a deployment's data set (by default the Serbia–NATO reference data set) in one
 * transaction: its marking scheme, its deployment settings, then its records. Records already
 * present (same seed key) are left as they are, so running it twice adds nothing.
 */
import { sql } from 'kysely';
import { uuidv7 } from '../../core/ids/uuidv7.js';
import { partialDateBounds } from '../../core/dates/partial-date.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Db, Trx } from '../db/database.js';
import { PUBLIC_LABEL, resolveLabel, searchText } from '../modules/shared/records.js';
import { replaceSources } from '../modules/shared/sources.js';
import { deploymentSettings, writeDeploymentSettings } from '../modules/markings/deployment.js';
import { seedSampleItems } from './load-sample-items.js';
import { fictionalDataSet } from './fictional/index.js';
import { referenceDataSet, type DataSet } from './reference/index.js';
import type { SeedDate, SeedLabel, SeedMarkingPolicy } from './reference/types.js';

/** The data sets a deployment may load (configuration: LIAISON_DATA_SET). */
export const DATA_SETS: Record<'reference' | 'fictional', DataSet> = {
  reference: referenceDataSet,
  fictional: fictionalDataSet,
};

const SEEDER = { actor: null, ip: null };

function recordColumns(now: string) {
  return {
    id: uuidv7(),
    version: 1,
    created_at: now,
    created_by: null,
    updated_at: now,
    updated_by: null,
    deleted_at: null,
  };
}

function labelOf(label: SeedLabel | undefined) {
  // The owner is the deployment's default owner, set before any record is written.
  return label ?? PUBLIC_LABEL;
}

/** The alliance's own scheme and the unmarked one belong to every deployment. */
const COMMON_POLICIES = ['NONE', 'NATO'];

/** Is a marking policy used by any labelled record or any user's clearance? */
async function policyInUse(trx: Trx, policy: string): Promise<boolean> {
  const clearance = await trx
    .selectFrom('user_clearances')
    .select('user_id')
    .where('policy_code', '=', policy)
    .limit(1)
    .executeTakeFirst();
  if (clearance) return true;
  const tables = await trx.introspection.getTables();
  for (const t of tables) {
    if (t.isView || !t.columns.some((c) => c.name === 'label_policy')) continue;
    const row =
      await sql`select 1 from ${sql.table(t.name)} where label_policy = ${policy} limit 1`.execute(
        trx,
      );
    if (row.rows.length > 0) return true;
  }
  return false;
}

/**
 * Makes the marking tables the data set's: adds its policies and levels that are missing, and
 * removes national schemes of another partner that nothing uses (a scheme in use stays). Returns
 * how many levels were added.
 */
async function seedMarkings(trx: Trx, policies: readonly SeedMarkingPolicy[]) {
  const own = new Set([...COMMON_POLICIES, ...policies.map((p) => p.code)]);
  const present = await trx.selectFrom('marking_policies').select('code').execute();
  for (const { code } of present) {
    if (own.has(code) || (await policyInUse(trx, code))) continue;
    await trx.deleteFrom('marking_levels').where('policy_code', '=', code).execute();
    await trx.deleteFrom('marking_policies').where('code', '=', code).execute();
  }
  let added = 0;
  for (const p of policies) {
    const known = await trx
      .selectFrom('marking_policies')
      .select('code')
      .where('code', '=', p.code)
      .executeTakeFirst();
    if (!known) {
      await trx
        .insertInto('marking_policies')
        .values({ code: p.code, name_en: p.name.en, name_sr: p.name.sr, position: p.position })
        .execute();
    }
    const levels = new Set(
      (
        await trx
          .selectFrom('marking_levels')
          .select('code')
          .where('policy_code', '=', p.code)
          .execute()
      ).map((l) => l.code),
    );
    for (const l of p.levels) {
      if (levels.has(l.code)) continue;
      await trx
        .insertInto('marking_levels')
        .values({
          policy_code: p.code,
          code: l.code,
          rank: l.rank,
          name_en: l.name.en,
          name_sr: l.name.sr,
          public: l.public ? 1 : 0,
        })
        .execute();
      added += 1;
    }
  }
  return added;
}

/** The data set's settings, unless this deployment already has a partner nation. */
async function seedSettings(trx: Trx, audit: AuditLog, data: DataSet) {
  if ((await deploymentSettings(trx)).partnerNation !== null) return;
  const d = data.deployment;
  await writeDeploymentSettings(trx, audit, SEEDER, {
    partnerNation: d.partnerNation,
    defaultOwner: d.defaultOwner,
    defaultLabel: { ...d.defaultLabel, owner: d.defaultOwner },
  });
}

/**
 * Only the deployment's marking scheme and settings, no records: what a deployment is before
 * anyone enters data (tests that build all their own records start here).
 */
export async function seedDeploymentSettings(db: Db, audit: AuditLog, data: DataSet) {
  await db.write(async (trx) => {
    await seedMarkings(trx, data.markingPolicies);
    await seedSettings(trx, audit, data);
  });
}

/** True when the reference data set has been loaded before. */
export async function hasReferenceData(db: Db): Promise<boolean> {
  const row = await db.kysely
    .selectFrom('mechanisms')
    .select('id')
    .where('seed_key', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  return Boolean(row);
}

async function existingKeys(
  trx: Trx,
  table: 'organisations' | 'mechanisms' | 'agreements' | 'timeline_events' | 'plans',
) {
  const rows = await trx
    .selectFrom(table)
    .select(['id', 'seed_key'])
    .where('seed_key', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.seed_key as string, r.id]));
}

function dateParts(d: SeedDate | undefined) {
  return d ? { on: d.date, precision: d.precision } : { on: null, precision: null };
}

/**
 * Approval steps of the seeded plans that have none yet (a data directory from before steps
 * existed gets them; steps a coordinator has set are never touched). Returns how many were added.
 */
async function seedApprovalSteps(trx: Trx, data: DataSet, planIds: Map<string, string>) {
  let added = 0;
  for (const p of data.plans) {
    const planId = planIds.get(p.key);
    if (!planId || p.approvalSteps.length === 0) continue;
    const existing = await trx
      .selectFrom('plan_approval_steps')
      .select('position')
      .where('plan_id', '=', planId)
      .limit(1)
      .executeTakeFirst();
    if (existing) continue;
    await trx
      .insertInto('plan_approval_steps')
      .values(
        p.approvalSteps.map((step, i) => ({
          plan_id: planId,
          position: i + 1,
          kind: step.kind,
          label_en: null,
          label_sr: null,
          on_date: step.date.date,
          end_date: step.date.end ?? null,
          precision: step.date.precision,
          reference: null,
          note_en: step.note?.en ?? null,
          note_sr: step.note?.sr ?? null,
        })),
      )
      .execute();
    added += p.approvalSteps.length;
  }
  return added;
}

/** Inserts whatever part of the reference data set is missing; returns counts of added records. */
export async function seedReferenceData(
  db: Db,
  audit: AuditLog,
  data: DataSet = referenceDataSet,
): Promise<Record<string, number>> {
  return db.write(async (trx) => {
    const now = new Date().toISOString();
    const counts = {
      'marking levels': await seedMarkings(trx, data.markingPolicies),
      organisations: 0,
      mechanisms: 0,
      agreements: 0,
      'agreement relations': 0,
      'timeline events': 0,
      plans: 0,
      'sample plan items': 0,
      'plan approval steps': 0,
    };

    await seedSettings(trx, audit, data);

    const orgIds = await existingKeys(trx, 'organisations');
    // Parents come before children in the data; insert in order so parent ids resolve.
    for (const o of data.organisations) {
      if (orgIds.has(o.key)) continue;
      const cols = recordColumns(now);
      await trx
        .insertInto('organisations')
        .values({
          ...cols,
          ...(await resolveLabel(trx, labelOf(o.label))),
          parent_id: o.parent ? (orgIds.get(o.parent) ?? null) : null,
          kind: o.kind,
          side: o.side,
          nation: o.nation,
          name_en: o.name.en,
          name_sr: o.name.sr,
          abbreviation_en: o.abbreviation?.en ?? null,
          abbreviation_sr: o.abbreviation?.sr ?? null,
          description_en: o.description?.en ?? null,
          description_sr: o.description?.sr ?? null,
          website: o.website ?? null,
          seed_key: o.key,
          search_text: searchText(o.name, o.abbreviation, o.description),
        })
        .execute();
      orgIds.set(o.key, cols.id);
      counts.organisations += 1;
    }

    const mechanismIds = await existingKeys(trx, 'mechanisms');
    for (const m of data.mechanisms) {
      if (mechanismIds.has(m.key)) continue;
      const cols = recordColumns(now);
      const started = dateParts(m.startedOn);
      await trx
        .insertInto('mechanisms')
        .values({
          ...cols,
          ...(await resolveLabel(trx, labelOf(m.label))),
          parent_id: m.parent ? (mechanismIds.get(m.parent) ?? null) : null,
          kind: m.kind,
          name_en: m.name.en,
          name_sr: m.name.sr,
          abbreviation_en: m.abbreviation?.en ?? null,
          abbreviation_sr: m.abbreviation?.sr ?? null,
          description_en: m.description.en,
          description_sr: m.description.sr,
          policy_basis_en: m.policyBasis?.en ?? null,
          policy_basis_sr: m.policyBasis?.sr ?? null,
          started_on: started.on,
          started_precision: started.precision,
          seed_key: m.key,
          search_text: searchText(m.name, m.abbreviation, m.description, m.policyBasis),
        })
        .execute();
      for (const lead of m.leadOrganisations) {
        const organisationId = orgIds.get(lead);
        if (organisationId) {
          await trx
            .insertInto('mechanism_organisations')
            .values({ mechanism_id: cols.id, organisation_id: organisationId, role: 'lead' })
            .execute();
        }
      }
      await replaceSources(trx, 'mechanism', cols.id, m.sources);
      mechanismIds.set(m.key, cols.id);
      counts.mechanisms += 1;
    }

    const agreementIds = await existingKeys(trx, 'agreements');
    const newAgreements = new Set<string>();
    for (const a of data.agreements) {
      if (agreementIds.has(a.key)) continue;
      const cols = recordColumns(now);
      const signed = dateParts(a.signedOn);
      const ratified = dateParts(a.ratifiedOn);
      const inForce = dateParts(a.inForceFrom);
      await trx
        .insertInto('agreements')
        .values({
          ...cols,
          ...(await resolveLabel(trx, labelOf(a.label))),
          kind: a.kind,
          status: a.status,
          title_en: a.title.en,
          title_sr: a.title.sr,
          short_title_en: a.shortTitle?.en ?? null,
          short_title_sr: a.shortTitle?.sr ?? null,
          parties_en: a.parties.en,
          parties_sr: a.parties.sr,
          signed_on: signed.on,
          signed_precision: signed.precision,
          signed_at_en: a.signedAt?.en ?? null,
          signed_at_sr: a.signedAt?.sr ?? null,
          ratified_on: ratified.on,
          ratified_precision: ratified.precision,
          in_force_from: inForce.on,
          in_force_precision: inForce.precision,
          description_en: a.description.en,
          description_sr: a.description.sr,
          conflict_note_en: a.conflictNote?.en ?? null,
          conflict_note_sr: a.conflictNote?.sr ?? null,
          mechanism_id: a.mechanism ? (mechanismIds.get(a.mechanism) ?? null) : null,
          seed_key: a.key,
          search_text: searchText(a.title, a.shortTitle, a.parties, a.signedAt, a.description),
        })
        .execute();
      await replaceSources(trx, 'agreement', cols.id, a.sources);
      agreementIds.set(a.key, cols.id);
      newAgreements.add(a.key);
      counts.agreements += 1;
    }
    for (const r of data.agreementRelations) {
      if (!newAgreements.has(r.from) && !newAgreements.has(r.to)) continue;
      const from = agreementIds.get(r.from);
      const to = agreementIds.get(r.to);
      if (!from || !to) continue;
      await trx
        .insertInto('agreement_relations')
        .values({
          id: uuidv7(),
          from_agreement_id: from,
          to_agreement_id: to,
          kind: r.kind,
          note_en: r.note?.en ?? null,
          note_sr: r.note?.sr ?? null,
          created_at: now,
          created_by: null,
        })
        .execute();
      counts['agreement relations'] += 1;
    }

    const eventIds = await existingKeys(trx, 'timeline_events');
    const typeOf = (key: string) =>
      mechanismIds.has(key)
        ? { type: 'mechanism', id: mechanismIds.get(key)! }
        : agreementIds.has(key)
          ? { type: 'agreement', id: agreementIds.get(key)! }
          : orgIds.has(key)
            ? { type: 'organisation', id: orgIds.get(key)! }
            : null;
    for (const e of data.timelineEvents) {
      if (eventIds.has(e.key)) continue;
      const cols = recordColumns(now);
      const end = e.when.precision === 'range' ? (e.when.end ?? null) : null;
      await trx
        .insertInto('timeline_events')
        .values({
          ...cols,
          ...(await resolveLabel(trx, labelOf(e.label))),
          starts_on: e.when.date,
          ends_on: end,
          precision: e.when.precision,
          sort_from: partialDateBounds(e.when.date).from,
          sort_to: partialDateBounds(end ?? e.when.date).to,
          category: e.category,
          title_en: e.title.en,
          title_sr: e.title.sr,
          description_en: e.description?.en ?? null,
          description_sr: e.description?.sr ?? null,
          conflict_note_en: e.conflictNote?.en ?? null,
          conflict_note_sr: e.conflictNote?.sr ?? null,
          seed_key: e.key,
          search_text: searchText(e.title, e.description, e.conflictNote),
        })
        .execute();
      await replaceSources(trx, 'timeline_event', cols.id, e.sources);
      for (const key of e.related ?? []) {
        const target = typeOf(key);
        if (target) {
          await trx
            .insertInto('record_links')
            .values({
              from_type: 'timeline_event',
              from_id: cols.id,
              to_type: target.type,
              to_id: target.id,
            })
            .execute();
        }
      }
      counts['timeline events'] += 1;
    }

    const planIds = await existingKeys(trx, 'plans');
    counts['plan approval steps'] += await seedApprovalSteps(trx, data, planIds);
    for (const p of data.plans) {
      if (planIds.has(p.key)) continue;
      const cols = recordColumns(now);
      await trx
        .insertInto('plans')
        .values({
          ...cols,
          ...(await resolveLabel(trx, PUBLIC_LABEL)),
          mechanism_id: mechanismIds.get(p.mechanism) ?? null,
          code: p.code,
          title_en: p.title.en,
          title_sr: p.title.sr,
          description_en: p.description.en,
          description_sr: p.description.sr,
          period_start: p.periodStart,
          period_end: p.periodEnd,
          status: p.status,
          sample_data: 0,
          seed_key: p.key,
          search_text: searchText(p.title, p.description),
        })
        .execute();
      await trx
        .insertInto('plan_levels')
        .values(
          p.levels.map((l, depth) => ({
            plan_id: cols.id,
            depth,
            name_en: l.name.en,
            name_sr: l.name.sr,
            rollup_rule: l.rollupRule,
          })),
        )
        .execute();
      let position = 0;
      for (const chapter of p.chapters) {
        position += 1;
        // A chapter is part of the plan from its adoption, so the "as of" view shows it then.
        const adopted = `${p.periodStart}T12:00:00.000Z`;
        const chapterColumns = { ...recordColumns(now), created_at: adopted, updated_at: adopted };
        const samples = data.sampleItems[p.key]?.[position - 1] ?? [];
        await trx
          .insertInto('plan_items')
          .values({
            ...chapterColumns,
            ...(await resolveLabel(trx, PUBLIC_LABEL)),
            plan_id: cols.id,
            parent_id: null,
            depth: 0,
            position,
            code: String(position),
            title_en: chapter.en,
            title_sr: chapter.sr,
            description_en: null,
            description_sr: null,
            search_text: searchText(chapter),
            // A chapter with (sample) work under it is being carried out.
            ...(samples.length > 0 ? { status: 'ongoing' } : {}),
          })
          .execute();
        counts['sample plan items'] += await seedSampleItems(
          trx,
          { planId: cols.id, chapterId: chapterColumns.id, chapterCode: String(position) },
          samples,
          orgIds,
        );
      }
      counts.plans += 1;
      counts['plan approval steps'] += await seedApprovalSteps(
        trx,
        data,
        new Map([[p.key, cols.id]]),
      );
    }

    await audit.record(trx, SEEDER, { action: 'seed.reference', after: counts });
    return counts;
  });
}
