import { z } from 'zod';
import { idSchema, localisedTextOut, recordMetaOut } from './common.js';

export const personOut = z.object({
  ...recordMetaOut,
  organisationId: z.string().nullable(),
  givenName: z.string(),
  familyName: z.string(),
  position: localisedTextOut,
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type Person = z.infer<typeof personOut>;

export const personListFilters = z.object({
  q: z.string().trim().max(200).optional(),
  organisationId: idSchema.optional(),
});
