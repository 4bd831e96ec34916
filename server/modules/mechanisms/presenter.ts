/** Mechanism rows → API shape. */
import type { Mechanism } from '../../../core/schemas/mechanism.js';
import { abilitiesFor } from '../../access/policy.js';
import { NOTHING_WITHHELD, shownId } from '../../access/references.js';
import type { Actor } from '../../audit/context.js';
import type { MechanismRow } from '../../db/schema.js';
import { precisionDate, presentLabel, text } from '../shared/records.js';

export function presentMechanism(
  row: MechanismRow,
  actor: Actor | null,
  leadOrganisationIds: string[],
  /** Mechanisms the reader may not see: a parent among them is named by neither name nor id. */
  hidden: ReadonlySet<string> = NOTHING_WITHHELD,
): Mechanism {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    label: presentLabel(row),
    abilities: abilitiesFor(actor, 'mechanism', row),
    parentId: shownId(row.parent_id, hidden),
    kind: row.kind as Mechanism['kind'],
    name: text(row.name_en, row.name_sr),
    abbreviation: text(row.abbreviation_en, row.abbreviation_sr),
    description: text(row.description_en, row.description_sr),
    policyBasis: text(row.policy_basis_en, row.policy_basis_sr),
    startedOn: precisionDate(row.started_on, row.started_precision),
    leadOrganisationIds,
  };
}
