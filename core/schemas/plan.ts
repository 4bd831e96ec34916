import { z } from 'zod';
import { PLAN_STATUSES } from '../domain/vocabularies.js';
import { idSchema, localisedTextOut, recordMetaOut } from './common.js';

export const planLevelOut = z.object({
  depth: z.number().int(),
  name: localisedTextOut,
  rollupRule: z.string(),
});

export const planOut = z.object({
  ...recordMetaOut,
  mechanismId: z.string().nullable(),
  code: z.string(),
  title: localisedTextOut,
  description: localisedTextOut,
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  status: z.enum(PLAN_STATUSES),
  sampleData: z.boolean(),
  levels: z.array(planLevelOut),
});
export type Plan = z.infer<typeof planOut>;

export const planItemOut = z.object({
  ...recordMetaOut,
  planId: z.string(),
  parentId: z.string().nullable(),
  depth: z.number().int(),
  position: z.number().int(),
  code: z.string(),
  title: localisedTextOut,
  description: localisedTextOut,
});
export type PlanItem = z.infer<typeof planItemOut>;

export const planListFilters = z.object({
  q: z.string().trim().max(200).optional(),
  status: z.enum(PLAN_STATUSES).optional(),
  mechanismId: idSchema.optional(),
});
