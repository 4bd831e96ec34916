/** Timeline rows → API shape. */
import type { TimelineEvent } from '../../../core/schemas/timeline.js';
import { abilitiesFor } from '../../access/policy.js';
import type { Actor } from '../../audit/context.js';
import type { TimelineEventRow } from '../../db/schema.js';
import { presentLabel, text } from '../shared/records.js';
import { TIMELINE_EVENT } from './policy.js';
import type { RelatedRecord } from './repository.js';

export function presentTimelineEvent(
  row: TimelineEventRow,
  actor: Actor | null,
  sources: { citation: string; url: string | null }[],
  related: RelatedRecord[],
): TimelineEvent {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    label: presentLabel(row),
    abilities: abilitiesFor(actor, TIMELINE_EVENT, row),
    when: {
      date: row.starts_on,
      end: row.ends_on,
      precision: row.precision as TimelineEvent['when']['precision'],
    },
    category: row.category as TimelineEvent['category'],
    title: text(row.title_en, row.title_sr),
    description: text(row.description_en, row.description_sr),
    conflictNote: text(row.conflict_note_en, row.conflict_note_sr),
    sources,
    related,
  };
}
