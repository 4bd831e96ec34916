/** Activity rows → API shape. */
import type { Activity } from '../../../core/schemas/activity.js';
import { abilitiesFor } from '../../access/policy.js';
import { NOTHING_WITHHELD, shownId } from '../../access/references.js';
import type { Actor } from '../../audit/context.js';
import type { ActivityRow } from '../../db/schema.js';
import { presentLabel, text } from '../shared/records.js';

/** `hidden`: ids of mechanisms and organisations the reader may not see (named by neither). */
export function presentActivity(
  row: ActivityRow,
  actor: Actor | null,
  hidden: ReadonlySet<string> = NOTHING_WITHHELD,
): Activity {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    label: presentLabel(row),
    abilities: abilitiesFor(actor, 'activity', row),
    mechanismId: shownId(row.mechanism_id, hidden),
    kind: row.kind as Activity['kind'],
    status: row.status as Activity['status'],
    title: text(row.title_en, row.title_sr),
    description: text(row.description_en, row.description_sr),
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    venue: text(row.venue_en, row.venue_sr),
    hostSide: row.host_side,
    organiserId: shownId(row.organiser_id, hidden),
  };
}
