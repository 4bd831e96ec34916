import { z } from 'zod';
import { idSchema, isoDay } from './common.js';
import { PLAN_ITEM_STATUSES } from '../plans/status.js';
import { REPORT_STATUSES } from '../plans/report-workflow.js';

export const PERIOD_KINDS = ['quarter', 'half_year', 'year', 'cycle'] as const;
const day = isoDay;

export const periodCreate = z
  .object({
    kind: z.enum(PERIOD_KINDS),
    startsOn: day,
    endsOn: day,
    title: z.string().trim().min(1, 'give the period a name, e.g. "Q1 2026"').max(200),
  })
  .strict()
  .refine((p) => p.endsOn >= p.startsOn, {
    message: 'the period cannot end before it starts',
    path: ['endsOn'],
  });
export type PeriodCreate = z.infer<typeof periodCreate>;

export const periodOut = z.object({
  id: z.string(),
  version: z.number().int(),
  planId: z.string(),
  kind: z.enum(PERIOD_KINDS),
  startsOn: z.string(),
  endsOn: z.string(),
  title: z.string(),
  status: z.enum(['open', 'locked']),
  openedAt: z.string(),
  lockedAt: z.string().nullable(),
});

const evidence = z
  .object({
    title: z.string().trim().min(1).max(300),
    url: z
      .url({ protocol: /^https?$/ })
      .nullable()
      .optional(),
  })
  .strict();

const indicatorValue = z
  .object({
    indicatorId: idSchema,
    value: z.number({ message: 'an indicator value must be a number' }),
  })
  .strict();

export const reportDraft = z
  .object({
    itemStatus: z.enum(PLAN_ITEM_STATUSES),
    progress: z.number().min(0).max(100, 'progress is a percentage, 0–100').nullable().optional(),
    narrative: z.string().trim().max(20_000).nullable().optional(),
    evidence: z.array(evidence).max(30).optional(),
    /** Values of the item's quantitative indicators; recorded when the report is approved. */
    indicatorValues: z.array(indicatorValue).max(50).optional(),
  })
  .strict();
export type ReportDraft = z.infer<typeof reportDraft>;

export const reportOut = z.object({
  id: z.string(),
  version: z.number().int(),
  periodId: z.string(),
  planItemId: z.string(),
  status: z.enum(REPORT_STATUSES),
  itemStatus: z.enum(PLAN_ITEM_STATUSES),
  progress: z.number().nullable(),
  narrative: z.string().nullable(),
  evidence: z.array(z.object({ title: z.string(), url: z.string().nullable().optional() })),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  indicatorValues: z.array(z.object({ indicatorId: z.string(), value: z.number() })),
});
export type Report = z.infer<typeof reportOut>;
