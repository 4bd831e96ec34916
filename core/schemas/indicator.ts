import { z } from 'zod';
import { localisedTextOut, partialDateSchema, requiredLocalisedText } from './common.js';

export const INDICATOR_KINDS = ['quantitative', 'qualitative'] as const;

const year = z.number().int().min(1990).max(2100);
/** A baseline or target: a number for quantitative indicators, words for qualitative ones. */
const point = z
  .object({
    value: z.union([z.number(), z.string().trim().max(500)]).nullable(),
    year: year.nullable().optional(),
  })
  .strict();

export const indicatorFields = {
  kind: z.enum(INDICATOR_KINDS),
  name: requiredLocalisedText(500),
  unit: z.string().trim().max(50).nullable().optional(),
  baseline: point.nullable().optional(),
  target: point.nullable().optional(),
  sourceOfVerification: z.string().trim().max(1000).nullable().optional(),
};
export const indicatorCreate = z.object(indicatorFields).strict();
export type IndicatorCreate = z.infer<typeof indicatorCreate>;
export const indicatorUpdate = z.object(indicatorFields).partial().strict();
export type IndicatorUpdate = z.infer<typeof indicatorUpdate>;

export const measurementCreate = z
  .object({
    measuredOn: partialDateSchema,
    value: z.union([z.number(), z.string().trim().min(1).max(2000)]),
    note: z.string().trim().max(2000).nullable().optional(),
  })
  .strict();
export type MeasurementCreate = z.infer<typeof measurementCreate>;

const pointOut = z.object({
  value: z.union([z.number(), z.string()]).nullable(),
  year: z.number().nullable(),
});
export const measurementOut = z.object({
  id: z.string(),
  measuredOn: z.string(),
  value: z.union([z.number(), z.string()]).nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export const indicatorOut = z.object({
  id: z.string(),
  version: z.number().int(),
  planItemId: z.string(),
  kind: z.enum(INDICATOR_KINDS),
  name: localisedTextOut,
  unit: z.string().nullable(),
  baseline: pointOut,
  target: pointOut,
  sourceOfVerification: z.string().nullable(),
  measurements: z.array(measurementOut),
  /** Percentage of the way from baseline to target, from the latest measurement (quantitative only). */
  progressToTarget: z.number().nullable(),
});
export type Indicator = z.infer<typeof indicatorOut>;
