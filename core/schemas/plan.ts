import { z } from 'zod';
import { PLAN_STATUSES } from '../domain/vocabularies.js';
import { isValidDueDate } from '../plans/due.js';
import type { ROLLUP_RULES } from '../plans/rollup.js';
import { PLAN_ITEM_STATUSES } from '../plans/status.js';
import {
  idSchema,
  labelInput,
  localisedText,
  localisedTextOut,
  recordMetaOut,
  requiredLocalisedText,
} from './common.js';

export const FUNDING_SOURCES = [
  'national_budget',
  'nato_trust_fund',
  'ally_bilateral',
  'eu_ipa',
  'other',
] as const;

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
  status: z.enum(PLAN_ITEM_STATUSES),
  startOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  leadOrganisationId: z.string().nullable(),
  partnerOrganisationIds: z.array(z.string()),
  weight: z.number(),
  manualProgress: z.number().nullable(),
  budget: z
    .object({
      amount: z.number().nullable(),
      currency: z.string().nullable(),
      fundingSource: z.string().nullable(),
    })
    .nullable(),
  /** An illustrative item: the plan's real annex is not public (the UI marks it "Sample"). */
  sampleData: z.boolean(),
});
export type PlanItem = z.infer<typeof planItemOut>;

const dayOrMonth = z
  .string()
  .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'must be a date written YYYY-MM-DD or YYYY-MM');
const dueDate = z
  .string()
  .refine(isValidDueDate, 'must be YYYY-MM-DD, YYYY-MM, a quarter such as 2026-Q3, or continuous');

const planItemFields = {
  title: requiredLocalisedText(500),
  description: localisedText(8000).optional(),
  status: z.enum(PLAN_ITEM_STATUSES).optional(),
  startOn: dayOrMonth.nullable().optional(),
  dueOn: dueDate.nullable().optional(),
  leadOrganisationId: idSchema.nullable().optional(),
  partnerOrganisationIds: z.array(idSchema).max(30).optional(),
  weight: z.number().min(0, 'a weight cannot be negative').max(1000).optional(),
  manualProgress: z
    .number()
    .min(0)
    .max(100, 'progress is a percentage, 0–100')
    .nullable()
    .optional(),
  budget: z
    .object({
      amount: z.number().min(0, 'a budget cannot be negative').nullable(),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/, 'must be a currency code such as EUR or RSD')
        .nullable(),
      fundingSource: z.enum(FUNDING_SOURCES).nullable(),
    })
    .strict()
    .nullable()
    .optional(),
  label: labelInput.optional(),
};

export const planItemCreate = z
  .object({ planId: idSchema, parentId: idSchema.nullable().optional(), ...planItemFields })
  .strict();
export type PlanItemCreate = z.infer<typeof planItemCreate>;

export const planItemUpdate = z
  .object({
    ...planItemFields,
    title: requiredLocalisedText(500).optional(),
    /** Move under another parent (null: top level). */
    parentId: idSchema.nullable().optional(),
    /** 1-based place among its siblings; codes follow. */
    position: z.number().int().min(1).optional(),
  })
  .strict();
export type PlanItemUpdate = z.infer<typeof planItemUpdate>;

export interface PlanTreeNode extends PlanItem {
  rollup: {
    progress: number | null;
    rule: (typeof ROLLUP_RULES)[number];
    overridden: boolean;
    note?: string;
    inputs: {
      id: string;
      progress: number | null;
      weight: number;
      counted: boolean;
      excludedBecause?: string;
    }[];
  };
  children: PlanTreeNode[];
}

export const planListFilters = z.object({
  q: z.string().trim().max(200).optional(),
  status: z.enum(PLAN_STATUSES).optional(),
  mechanismId: idSchema.optional(),
});
