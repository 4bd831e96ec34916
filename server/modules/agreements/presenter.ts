/** Agreement rows → API shapes. */
import type { Agreement, AgreementDetail } from '../../../core/schemas/agreement.js';
import { abilitiesFor } from '../../access/policy.js';
import type { Actor } from '../../audit/context.js';
import type { AgreementRow } from '../../db/schema.js';
import { precisionDate, presentLabel, text } from '../shared/records.js';
import { AGREEMENT } from './policy.js';
import type { relationsOf } from './repository.js';

export function presentAgreement(row: AgreementRow, actor: Actor | null): Agreement {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    label: presentLabel(row),
    abilities: abilitiesFor(actor, AGREEMENT, row),
    kind: row.kind as Agreement['kind'],
    status: row.status as Agreement['status'],
    title: text(row.title_en, row.title_sr),
    shortTitle: text(row.short_title_en, row.short_title_sr),
    parties: text(row.parties_en, row.parties_sr),
    signedOn: precisionDate(row.signed_on, row.signed_precision),
    signedAt: text(row.signed_at_en, row.signed_at_sr),
    ratifiedOn: precisionDate(row.ratified_on, row.ratified_precision),
    inForceFrom: precisionDate(row.in_force_from, row.in_force_precision),
    description: text(row.description_en, row.description_sr),
    conflictNote: text(row.conflict_note_en, row.conflict_note_sr),
    mechanismId: row.mechanism_id,
  };
}

export function presentAgreementDetail(
  row: AgreementRow,
  actor: Actor | null,
  sources: AgreementDetail['sources'],
  relations: Awaited<ReturnType<typeof relationsOf>>,
): AgreementDetail {
  return {
    ...presentAgreement(row, actor),
    sources,
    relations: relations.map((r) => ({
      id: r.id,
      kind: r.kind as AgreementDetail['relations'][number]['kind'],
      direction: r.direction,
      otherId: r.other_id,
      otherTitle: text(r.short_title_en ?? r.title_en, r.short_title_sr ?? r.title_sr),
      note: text(r.note_en, r.note_sr),
    })),
  };
}
