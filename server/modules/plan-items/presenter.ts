/** Plan-item rows → API shape. */
import type { PlanItem } from '../../../core/schemas/plan.js';
import { abilitiesFor } from '../../access/policy.js';
import { NOTHING_WITHHELD } from '../../access/references.js';
import type { Actor } from '../../audit/context.js';
import type { PlanItemRow } from '../../db/schema.js';
import { presentLabel, text } from '../shared/records.js';
import { PLAN_ITEM } from './policy.js';

/** Display names of users by id (repository.responsibleNames); none known when not given. */
export type PeopleNames = ReadonlyMap<string, string>;
const NO_NAMES: PeopleNames = new Map();

/**
 * The responsible person: shown to signed-in readers, who all work with the deployment's people;
 * withheld (neither name nor id) from signed-out readers of public items, since an official's
 * name is not part of the public plan.
 */
function responsibleOf(row: PlanItemRow, actor: Actor | null, people: PeopleNames) {
  const id = row.responsible_user_id ?? null;
  if (!id) return { responsibleUser: null, responsibleUserWithheld: false };
  if (!actor) return { responsibleUser: null, responsibleUserWithheld: true };
  return {
    responsibleUser: { id, displayName: people.get(id) ?? '' },
    responsibleUserWithheld: false,
  };
}

/**
 * `hiddenOrganisations`: organisations the reader may not see (server/access/references.ts); the
 * item names neither their names nor their ids, only that they are withheld.
 */
export function presentPlanItem(
  row: PlanItemRow,
  actor: Actor | null,
  partnerOrganisationIds: string[] = [],
  hiddenOrganisations: ReadonlySet<string> = NOTHING_WITHHELD,
  people: PeopleNames = NO_NAMES,
): PlanItem {
  const leadWithheld =
    row.lead_organisation_id !== null && hiddenOrganisations.has(row.lead_organisation_id);
  const partners = partnerOrganisationIds.filter((id) => !hiddenOrganisations.has(id));
  const hasBudget =
    row.budget_amount !== null || row.budget_currency !== null || row.funding_source !== null;
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    label: presentLabel(row),
    abilities: abilitiesFor(actor, PLAN_ITEM, row),
    planId: row.plan_id,
    parentId: row.parent_id,
    depth: row.depth,
    position: row.position,
    code: row.code,
    title: text(row.title_en, row.title_sr),
    description: text(row.description_en, row.description_sr),
    status: row.status as PlanItem['status'],
    startOn: row.start_on,
    dueOn: row.due_on,
    leadOrganisationId: leadWithheld ? null : row.lead_organisation_id,
    leadOrganisationWithheld: leadWithheld,
    ...responsibleOf(row, actor, people),
    partnerOrganisationIds: partners,
    partnerOrganisationsWithheld: partners.length !== partnerOrganisationIds.length,
    weight: row.weight,
    manualProgress: row.manual_progress,
    budget: hasBudget
      ? {
          amount: row.budget_amount,
          currency: row.budget_currency,
          fundingSource: row.funding_source,
        }
      : null,
    sampleData: Boolean(row.sample_data),
  };
}
