/** Activity rows → API shape. */
import type { Activity } from '../../../core/schemas/activity.js';
import { abilitiesFor } from '../../access/policy.js';
import type { Actor } from '../../audit/context.js';
import type { ActivityRow } from '../../db/schema.js';
import { presentLabel, text } from '../shared/records.js';

export function presentActivity(row: ActivityRow, actor: Actor | null): Activity {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    label: presentLabel(row),
    abilities: abilitiesFor(actor, 'activity', row),
    mechanismId: row.mechanism_id,
    kind: row.kind as Activity['kind'],
    status: row.status as Activity['status'],
    title: text(row.title_en, row.title_sr),
    description: text(row.description_en, row.description_sr),
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    venue: text(row.venue_en, row.venue_sr),
    hostSide: row.host_side,
    organiserId: row.organiser_id,
  };
}
