import { z } from 'zod';
import { PLAN_STATUSES } from '../domain/vocabularies.js';
import { APPROVAL_STEP_KINDS, MAX_APPROVAL_STEPS } from '../plans/approval-steps.js';
import { isValidDueDate } from '../plans/due.js';
import { ROLLUP_RULES } from '../plans/rollup.js';
import { PLAN_ITEM_STATUSES } from '../plans/status.js';
import { MAX_PLAN_LEVELS, PLAN_TEMPLATES } from '../plans/templates.js';
import {
  idSchema,
  isoDay,
  labelInput,
  localisedText,
  localisedTextOut,
  precisionDateOut,
  precisionDateSchema,
  recordMetaOut,
  requiredLocalisedText,
  dayOrMonth,
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

export const approvalStepOut = z.object({
  position: z.number().int(),
  kind: z.enum(APPROVAL_STEP_KINDS),
  label: localisedTextOut,
  date: precisionDateOut.nullable(),
  reference: z.string().nullable(),
  note: localisedTextOut,
});
export type ApprovalStep = z.infer<typeof approvalStepOut>;

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
  /** Adoption, approval and start of implementation, in the order the coordinator listed them. */
  approvalSteps: z.array(approvalStepOut),
  /** An item's status changes only through an approved report (coordinators override with a reason). */
  statusViaReports: z.boolean(),
  /** What an institution reports on includes the items its units lead. */
  reportingIncludesUnits: z.boolean(),
});
export type Plan = z.infer<typeof planOut>;

/** One level as a coordinator sets it: a name in both languages and its roll-up rule. */
export const planLevelInput = z
  .object({
    name: z
      .object({
        en: z.string().trim().min(1, 'give the level name in English').max(100),
        sr: z.string().trim().min(1, 'give the level name in Serbian').max(100),
      })
      .strict(),
    rollupRule: z.enum(ROLLUP_RULES),
  })
  .strict();
export type PlanLevelInput = z.infer<typeof planLevelInput>;

export const approvalStepInput = z
  .object({
    kind: z.enum(APPROVAL_STEP_KINDS),
    /** Name of an 'other' step, e.g. "Parliament informed". */
    label: localisedText(200).optional(),
    /** When it happened, as precisely as known; null while it is still to come. */
    date: precisionDateSchema.nullable(),
    /** A reference such as the government conclusion number. */
    reference: z
      .string()
      .trim()
      .max(300, 'must be at most 300 characters')
      .transform((v) => (v === '' ? null : v))
      .nullable()
      .optional(),
    note: localisedText(1000).optional(),
  })
  .strict()
  .refine((s) => s.kind !== 'other' || Boolean(s.label?.en || s.label?.sr), {
    message: 'name this step in English, Serbian or both',
    path: ['label'],
  });
export type ApprovalStepInput = z.infer<typeof approvalStepInput>;

const planCode = z
  .string()
  .trim()
  .min(1, 'give the plan a code such as IPAP-2015')
  .max(40, 'must be at most 40 characters')
  .regex(
    /^[\p{L}\p{N}][\p{L}\p{N}._/\- ]*$/u,
    'use letters, digits, spaces and . _ / - only, starting with a letter or digit',
  );

const planFields = {
  code: planCode,
  title: requiredLocalisedText(500),
  description: localisedText(8000).optional(),
  mechanismId: idSchema.nullable().optional(),
  periodStart: isoDay.nullable().optional(),
  periodEnd: isoDay.nullable().optional(),
  status: z.enum(PLAN_STATUSES).optional(),
  levels: z
    .array(planLevelInput)
    .min(1, 'a plan needs at least one level')
    .max(MAX_PLAN_LEVELS, `a plan has at most ${MAX_PLAN_LEVELS} levels`),
  approvalSteps: z
    .array(approvalStepInput)
    .max(MAX_APPROVAL_STEPS, `at most ${MAX_APPROVAL_STEPS} approval steps`),
  label: labelInput.optional(),
  /** Default for a new plan: on when its levels are the IPAP or ITPP preset. */
  statusViaReports: z.boolean().optional(),
  reportingIncludesUnits: z.boolean().optional(),
};

function periodInOrder(p: { periodStart?: string | null; periodEnd?: string | null }) {
  return !p.periodStart || !p.periodEnd || p.periodEnd >= p.periodStart;
}
const PERIOD_ORDER = { message: 'the period cannot end before it starts', path: ['periodEnd'] };

export const planCreate = z
  .object({
    ...planFields,
    /** Fills the levels from a preset when `levels` is not given. */
    template: z.enum(PLAN_TEMPLATES).optional(),
    levels: planFields.levels.optional(),
    approvalSteps: planFields.approvalSteps.optional(),
  })
  .strict()
  .refine(periodInOrder, PERIOD_ORDER)
  .refine((p) => Boolean(p.levels || p.template), {
    message: 'give the levels, or a template (ipap, itpp, national, custom) to take them from',
    path: ['levels'],
  });
export type PlanCreate = z.infer<typeof planCreate>;

export const planUpdate = z
  .object({
    ...planFields,
    code: planCode.optional(),
    title: requiredLocalisedText(500).optional(),
    /** The whole list: rename or re-rule levels, append at the end, remove empty ones at the end. */
    levels: planFields.levels.optional(),
    /** The whole list; it replaces the stored steps. */
    approvalSteps: planFields.approvalSteps.optional(),
  })
  .strict()
  .refine(periodInOrder, PERIOD_ORDER);
export type PlanUpdate = z.infer<typeof planUpdate>;

/** A user named as responsible for an item (a person of the lead organisation or below). */
export const responsibleUserOut = z.object({ id: z.string(), displayName: z.string() });
export type ResponsibleUser = z.infer<typeof responsibleUserOut>;

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
  /** Null when there is none, or when the reader may not see it (then leadOrganisationWithheld). */
  leadOrganisationId: z.string().nullable(),
  /** True when the item has a lead organisation the reader may not see: shown without name or id. */
  leadOrganisationWithheld: z.boolean().optional(),
  /** The person responsible; null when none is named or the reader may not know users. */
  responsibleUser: responsibleUserOut.nullable(),
  /** True when a responsible person is named but withheld from this reader (signed out). */
  responsibleUserWithheld: z.boolean().optional(),
  /** The partner organisations the reader may see. */
  partnerOrganisationIds: z.array(z.string()),
  /** True when some partner organisations are left out because the reader may not see them. */
  partnerOrganisationsWithheld: z.boolean().optional(),
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
  /** An active user of the lead organisation or of a unit below it. */
  responsibleUserId: idSchema.nullable().optional(),
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
    /**
     * Why a coordinator sets the status by hand in a plan whose statuses come from approved
     * reports; required then, kept in the audit entry.
     */
    statusOverrideReason: z.string().trim().max(1000, 'must be at most 1000 characters').optional(),
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
  /** Visible children of the item, whether they are in `children` or not (a partial tree). */
  childCount: number;
  children: PlanTreeNode[];
}

/** GET /plan-items/responsible-candidates: users who may be named responsible for an item. */
export const responsibleCandidatesQuery = z
  .object({
    organisationId: idSchema,
    q: z.string().trim().max(100).optional(),
  })
  .strict();
export const responsibleCandidatesOut = z.object({ items: z.array(responsibleUserOut) });
export type ResponsibleCandidates = z.infer<typeof responsibleCandidatesOut>;

export const planListFilters = z.object({
  q: z.string().trim().max(200).optional(),
  status: z.enum(PLAN_STATUSES).optional(),
  mechanismId: idSchema.optional(),
});
