import { z } from 'zod';
import {
  AGREEMENT_KINDS,
  AGREEMENT_RELATION_KINDS,
  AGREEMENT_STATUSES,
} from '../domain/vocabularies.js';
import {
  idSchema,
  labelInput,
  localisedText,
  localisedTextOut,
  multiValue,
  partialDateSchema,
  precisionDateOut,
  precisionDateSchema,
  recordMetaOut,
  requiredLocalisedText,
  sourceOut,
  sourceSchema,
} from './common.js';

export const agreementOut = z.object({
  ...recordMetaOut,
  kind: z.enum(AGREEMENT_KINDS),
  status: z.enum(AGREEMENT_STATUSES),
  title: localisedTextOut,
  shortTitle: localisedTextOut,
  parties: localisedTextOut,
  signedOn: precisionDateOut.nullable(),
  signedAt: localisedTextOut,
  ratifiedOn: precisionDateOut.nullable(),
  inForceFrom: precisionDateOut.nullable(),
  description: localisedTextOut,
  conflictNote: localisedTextOut,
  mechanismId: z.string().nullable(),
});
export type Agreement = z.infer<typeof agreementOut>;

export const agreementRelationOut = z.object({
  id: z.string(),
  kind: z.enum(AGREEMENT_RELATION_KINDS),
  /** 'outgoing': this agreement <kind> other; 'incoming': other <kind> this agreement. */
  direction: z.enum(['outgoing', 'incoming']),
  otherId: z.string(),
  otherTitle: localisedTextOut,
  note: localisedTextOut,
});

export const agreementDetailOut = agreementOut.extend({
  sources: z.array(sourceOut),
  relations: z.array(agreementRelationOut),
});
export type AgreementDetail = z.infer<typeof agreementDetailOut>;

const agreementFields = {
  kind: z.enum(AGREEMENT_KINDS),
  status: z.enum(AGREEMENT_STATUSES),
  title: requiredLocalisedText(500),
  shortTitle: localisedText(120).optional(),
  parties: localisedText(1000).optional(),
  signedOn: precisionDateSchema.nullable().optional(),
  signedAt: localisedText(200).optional(),
  ratifiedOn: precisionDateSchema.nullable().optional(),
  inForceFrom: precisionDateSchema.nullable().optional(),
  description: localisedText(8000).optional(),
  conflictNote: localisedText(2000).optional(),
  mechanismId: idSchema.nullable().optional(),
  sources: z.array(sourceSchema).max(30).optional(),
  label: labelInput.optional(),
};

export const agreementCreate = z.object(agreementFields).strict();
export type AgreementCreate = z.infer<typeof agreementCreate>;
export const agreementUpdate = z.object(agreementFields).partial().strict();
export type AgreementUpdate = z.infer<typeof agreementUpdate>;

export const agreementListFilters = z.object({
  q: z.string().trim().max(200).optional(),
  kind: multiValue(z.enum(AGREEMENT_KINDS)).optional(),
  status: multiValue(z.enum(AGREEMENT_STATUSES)).optional(),
  mechanismId: idSchema.optional(),
  signedFrom: partialDateSchema.optional(),
  signedTo: partialDateSchema.optional(),
});
