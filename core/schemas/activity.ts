import { z } from 'zod';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES } from '../domain/vocabularies.js';
import {
  idSchema,
  localisedTextOut,
  multiValue,
  partialDateSchema,
  recordMetaOut,
} from './common.js';

export const activityOut = z.object({
  ...recordMetaOut,
  mechanismId: z.string().nullable(),
  kind: z.enum(ACTIVITY_KINDS),
  status: z.enum(ACTIVITY_STATUSES),
  title: localisedTextOut,
  description: localisedTextOut,
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  venue: localisedTextOut,
  hostSide: z.string().nullable(),
  organiserId: z.string().nullable(),
});
export type Activity = z.infer<typeof activityOut>;

export const activityListFilters = z.object({
  q: z.string().trim().max(200).optional(),
  kind: multiValue(z.enum(ACTIVITY_KINDS)).optional(),
  status: multiValue(z.enum(ACTIVITY_STATUSES)).optional(),
  mechanismId: idSchema.optional(),
  from: partialDateSchema.optional(),
  to: partialDateSchema.optional(),
});
