import { z } from 'zod';
import { MECHANISM_KINDS } from '../domain/vocabularies.js';
import {
  idSchema,
  localisedTextOut,
  multiValue,
  precisionDateOut,
  recordMetaOut,
  sourceOut,
} from './common.js';

export const mechanismOut = z.object({
  ...recordMetaOut,
  parentId: z.string().nullable(),
  kind: z.enum(MECHANISM_KINDS),
  name: localisedTextOut,
  abbreviation: localisedTextOut,
  description: localisedTextOut,
  policyBasis: localisedTextOut,
  startedOn: precisionDateOut.nullable(),
  leadOrganisationIds: z.array(z.string()),
});
export type Mechanism = z.infer<typeof mechanismOut>;

export const mechanismDetailOut = mechanismOut.extend({ sources: z.array(sourceOut) });
export type MechanismDetail = z.infer<typeof mechanismDetailOut>;

export const mechanismListFilters = z.object({
  q: z.string().trim().max(200).optional(),
  kind: multiValue(z.enum(MECHANISM_KINDS)).optional(),
  parentId: idSchema.optional(),
});
