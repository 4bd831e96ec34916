import { z } from 'zod';
import { ORGANISATION_KINDS, SIDES } from '../domain/vocabularies.js';
import {
  idSchema,
  labelInput,
  localisedText,
  localisedTextOut,
  multiValue,
  recordMetaOut,
  requiredLocalisedText,
} from './common.js';

export const organisationOut = z.object({
  ...recordMetaOut,
  parentId: z.string().nullable(),
  kind: z.enum(ORGANISATION_KINDS),
  side: z.enum(SIDES),
  nation: z.string(),
  name: localisedTextOut,
  abbreviation: localisedTextOut,
  description: localisedTextOut,
  website: z.string().nullable(),
});
export type Organisation = z.infer<typeof organisationOut>;

export const organisationCreate = z
  .object({
    parentId: idSchema.nullable().optional(),
    kind: z.enum(ORGANISATION_KINDS),
    side: z.enum(SIDES),
    nation: z.string().regex(/^([A-Z]{2}|NATO)$/, 'must be a two-letter country code or NATO'),
    name: requiredLocalisedText(300),
    abbreviation: localisedText(40).optional(),
    description: localisedText(4000).optional(),
    website: z
      .url({ protocol: /^https?$/, message: 'must be an http(s) address' })
      .nullable()
      .optional(),
    label: labelInput.optional(),
  })
  .strict();
export type OrganisationCreate = z.infer<typeof organisationCreate>;

export const organisationUpdate = organisationCreate.partial().strict();
export type OrganisationUpdate = z.infer<typeof organisationUpdate>;

export const organisationListFilters = z.object({
  q: z.string().trim().max(200).optional(),
  kind: multiValue(z.enum(ORGANISATION_KINDS)).optional(),
  side: z.enum(SIDES).optional(),
  nation: z.string().max(10).optional(),
  parentId: idSchema.optional(),
});
