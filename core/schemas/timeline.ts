import { z } from 'zod';
import { DATE_PRECISIONS, TIMELINE_CATEGORIES } from '../domain/vocabularies.js';
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

export const relatedRecordOut = z.object({
  type: z.enum(['mechanism', 'agreement', 'organisation']),
  id: z.string(),
  title: localisedTextOut,
});

export const timelineEventOut = z.object({
  ...recordMetaOut,
  when: precisionDateOut,
  category: z.enum(TIMELINE_CATEGORIES),
  title: localisedTextOut,
  description: localisedTextOut,
  conflictNote: localisedTextOut,
  sources: z.array(sourceOut),
  related: z.array(relatedRecordOut),
});
export type TimelineEvent = z.infer<typeof timelineEventOut>;

const timelineFields = {
  when: precisionDateSchema,
  category: z.enum(TIMELINE_CATEGORIES),
  title: requiredLocalisedText(300),
  description: localisedText(4000).optional(),
  conflictNote: localisedText(2000).optional(),
  sources: z.array(sourceSchema).min(1, 'cite at least one source').max(30),
  label: labelInput.optional(),
};

export const timelineEventCreate = z.object(timelineFields).strict();
export type TimelineEventCreate = z.infer<typeof timelineEventCreate>;
export const timelineEventUpdate = z.object(timelineFields).partial().strict();
export type TimelineEventUpdate = z.infer<typeof timelineEventUpdate>;

export const timelineListFilters = z.object({
  q: z.string().trim().max(200).optional(),
  category: multiValue(z.enum(TIMELINE_CATEGORIES)).optional(),
  precision: multiValue(z.enum(DATE_PRECISIONS)).optional(),
  /** Events that may fall on or after this date. */
  from: partialDateSchema.optional(),
  /** Events that may fall on or before this date. */
  to: partialDateSchema.optional(),
  /** Events linked to this mechanism, agreement or organisation. */
  relatedTo: idSchema.optional(),
});
