/** Organisation rows → API shape, with the actor's abilities. */
import type { Organisation } from '../../../core/schemas/organisation.js';
import { abilitiesFor } from '../../access/policy.js';
import { NOTHING_WITHHELD, shownId } from '../../access/references.js';
import type { Actor } from '../../audit/context.js';
import type { OrganisationRow } from '../../db/schema.js';
import { presentLabel, text } from '../shared/records.js';
import { ORGANISATION } from './policy.js';

/** `hidden`: organisations the reader may not see; a parent among them is named by neither. */
export function presentOrganisation(
  row: OrganisationRow,
  actor: Actor | null,
  hidden: ReadonlySet<string> = NOTHING_WITHHELD,
): Organisation {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    label: presentLabel(row),
    abilities: abilitiesFor(actor, ORGANISATION, row),
    parentId: shownId(row.parent_id, hidden),
    kind: row.kind as Organisation['kind'],
    side: row.side as Organisation['side'],
    nation: row.nation,
    name: text(row.name_en, row.name_sr),
    abbreviation: text(row.abbreviation_en, row.abbreviation_sr),
    description: text(row.description_en, row.description_sr),
    website: row.website,
  };
}
