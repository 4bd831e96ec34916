/**
 * The choices an importer makes in the dry-run screen: a column the reader did not know mapped to
 * a field (remembered for the plan, table plan_import_mappings, and applied to the next file), and
 * an institution a row names created on the spot (through the organisations service, so with the
 * importer's own rights and its own audit entry). Either one puts the job back in the queue: the
 * dry run runs again over the same file, which is kept until the commit.
 */
import type { HeadingMapping } from '../../../core/plans/import-headings.js';
import type { ActionContext, Actor } from '../../audit/context.js';
import type { Trx } from '../../db/database.js';
import { lockPlan } from '../../db/dialect.js';
import { errors } from '../../errors.js';
import { deploymentSettings } from '../markings/deployment.js';
import { organisationService } from '../organisations/service.js';
import { PLAN_ITEM } from '../plan-items/policy.js';
import { authorize } from '../../access/policy.js';
import type { Deps } from '../shared/deps.js';
import * as repo from './repository.js';

export const PLAN_IMPORT_MAPPING = 'plan_import_mapping';

interface ChoiceRunner {
  visibleJob: (actor: Actor | null, id: string) => Promise<repo.PlanImportSummary>;
  kick: () => void;
}

/** What the dry run stored about the file's layout (table_data). */
export interface StoredLayout {
  headings: { key: string; text: string; letter: string; column: string | null }[];
  decisions: unknown[];
  unknownOrganisations: string[];
}

export function layoutOf(job: { table_data: string | null }): StoredLayout {
  const empty: StoredLayout = { headings: [], decisions: [], unknownOrganisations: [] };
  if (!job.table_data) return empty;
  try {
    const parsed = JSON.parse(job.table_data) as Partial<StoredLayout> | unknown[];
    return Array.isArray(parsed) ? empty : { ...empty, ...parsed };
  } catch {
    return empty;
  }
}

/** Text with Cyrillic letters or Serbian Latin diacritics is a Serbian name. */
const isSerbian = (text: string) =>
  /[\u0400-\u04ff čćžšđ]/iu.test(text) && !/^[\x20-\x7e]+$/.test(text);
/** "МО", "GŠ VS", "MoD": a short name in capitals is an abbreviation. */
const isAbbreviation = (text: string) =>
  text.length <= 12 &&
  /^[\p{Lu}][\p{L}&.\s-]*$/u.test(text) &&
  (text.match(/\p{Lu}/gu) ?? []).length >= 2;

export function importChoices(deps: Deps, { visibleJob, kick }: ChoiceRunner) {
  const { db, audit } = deps;
  const organisations = organisationService(deps);

  /** The job back to the queue for a second dry run (only a checked job, once). */
  async function requeue(trx: Trx, jobId: string) {
    const moved = await repo.updateJob(
      trx,
      jobId,
      {
        status: 'queued',
        progress_done: 0,
        progress_total: 0,
        counts: null,
        report: null,
        ops: null,
        failure: null,
        owner: null,
        heartbeat_at: null,
        attempts: 0,
      },
      'validated',
    );
    if (!moved) throw errors.conflict('This import is being checked or committed; wait for it.');
  }

  async function checkedJob(ctx: ActionContext, id: string) {
    const job = await visibleJob(ctx.actor, id);
    authorize(ctx.actor, 'create', PLAN_ITEM);
    if (job.status !== 'validated') {
      throw errors.conflict(
        'Columns can be mapped and institutions created only while the dry run waits for your decision.',
        { status: job.status },
      );
    }
    const kept = await db.kysely
      .selectFrom('plan_imports')
      .select((eb) => eb.fn('length', ['upload']).as('size'))
      .where('id', '=', id)
      .executeTakeFirst();
    if (!kept || kept.size === null) {
      throw errors.conflict('The uploaded file is no longer kept; upload it again.');
    }
    return job;
  }

  return {
    async mapping(actor: Actor | null, planId: string) {
      const plan = await repo.findPlan(db.kysely, actor, planId);
      if (!plan) throw errors.notFound('The plan');
      const found = await repo.findMapping(db.kysely, planId);
      return { planId, mapping: found?.mapping ?? {}, updatedAt: found?.updatedAt ?? null };
    },

    async remap(ctx: ActionContext, id: string, chosen: HeadingMapping) {
      const job = await checkedJob(ctx, id);
      const known = new Set(layoutOf(job).headings.map((h) => h.key));
      const unknown = Object.keys(chosen).filter((key) => !known.has(key));
      if (unknown.length) {
        throw errors.badRequest(`The file has no column headed "${unknown[0]}".`, {
          field: 'mapping',
        });
      }
      await db.write(async (trx) => {
        // Read-merge-write of the plan's one mapping: under the plan's lock, so two importers
        // mapping columns at once on PostgreSQL both keep their choices.
        await lockPlan(trx, db.dialect, job.plan_id);
        const before = (await repo.findMapping(trx, job.plan_id))?.mapping ?? {};
        const after = { ...before, ...chosen };
        await repo.saveMapping(trx, job.plan_id, after, ctx.actor!.id);
        await audit.record(trx, ctx, {
          action: 'plan_import.mapping',
          entityType: PLAN_IMPORT_MAPPING,
          entityId: job.plan_id,
          before: { mapping: before },
          after: { mapping: after, importId: id },
        });
        await requeue(trx, id);
      });
      kick();
      return (await repo.findJobSummary(db.kysely, id))!;
    },

    async createOrganisation(
      ctx: ActionContext,
      id: string,
      input: { name: string; abbreviation?: string | null },
    ) {
      const job = await checkedJob(ctx, id);
      // Only a name the file holds: this is not a second way to create any organisation.
      if (!layoutOf(job).unknownOrganisations.includes(input.name)) {
        throw errors.badRequest(
          `No row of this file names an unknown institution "${input.name}".`,
          {
            field: 'name',
          },
        );
      }
      const serbian = isSerbian(input.name);
      const abbreviation = input.abbreviation ?? (isAbbreviation(input.name) ? input.name : null);
      const { partnerNation } = await deploymentSettings(db.kysely);
      const created = await organisations.create(ctx, {
        kind: 'other',
        side: 'partner',
        nation: partnerNation && /^([A-Z]{2}|NATO)$/.test(partnerNation) ? partnerNation : 'NATO',
        name: serbian ? { en: null, sr: input.name } : { en: input.name, sr: null },
        ...(abbreviation
          ? {
              abbreviation: serbian
                ? { en: null, sr: abbreviation }
                : { en: abbreviation, sr: null },
            }
          : {}),
      });
      await db.write((trx) => requeue(trx, id));
      kick();
      return { job: (await repo.findJobSummary(db.kysely, id))!, organisation: created };
    },
  };
}
