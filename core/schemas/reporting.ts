import { z } from 'zod';
import { idSchema, isoDay, localisedTextOut } from './common.js';
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
export type Period = z.infer<typeof periodOut>;

/** Body of "submit": `early` says the caller saw that the period has not begun yet. */
export const reportSubmit = z
  .object({
    early: z
      .boolean()
      .optional()
      .describe('true: submit although the period has not begun (the caller was warned)'),
  })
  .strict();

/** Body of "approve": an optional comment for the institution, kept with the report. */
export const reportApprove = reportSubmit
  .extend({
    comment: z.string().trim().max(4000).optional(),
  })
  .strict();

/** Body of "return": the comment is required (say what must change). */
export const reportReturn = z
  .object({ comment: z.string().trim().min(1, 'say what must change').max(4000) })
  .strict();

export const progressSourceOut = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('report'), periodTitle: z.string(), approvedAt: z.string() }),
  z.object({ kind: z.literal('hand'), by: z.string().nullable(), at: z.string().nullable() }),
  z.object({ kind: z.literal('none') }),
]);

export const dueItemOut = z.object({
  planItemId: z.string(),
  code: z.string(),
  title: localisedTextOut,
  status: z.enum(PLAN_ITEM_STATUSES).describe('The item’s current status'),
  dueOn: z.string().nullable(),
  dueInPeriod: z
    .boolean()
    .describe('The item is due within the period (its deadline falls in it, or it is continuous)'),
  leadOrganisationId: z.string().nullable(),
  progress: z.number().nullable().describe('The item’s progress now, per cent'),
  progressSource: progressSourceOut.describe(
    'Where the progress comes from: an approved report, or entered by hand (the later wins)',
  ),
  report: reportOut.nullable(),
  submittedBy: z
    .string()
    .nullable()
    .describe('Display name of who submitted the report, if it was submitted'),
});
export type DueItem = z.infer<typeof dueItemOut>;

export const reportsDueOut = z.object({ period: periodOut, items: z.array(dueItemOut) });
export type ReportsDue = z.infer<typeof reportsDueOut>;

export const reportHistoryOut = z.object({
  items: z.array(
    reportOut.extend({
      period: z.object({ title: z.string(), startsOn: z.string(), endsOn: z.string() }),
      submittedBy: z.string().nullable().describe('Display name of who submitted'),
      reviewedBy: z
        .string()
        .nullable()
        .describe('Display name of the coordinator who approved or returned it'),
    }),
  ),
  progress: z.number().nullable().describe('The item’s progress now, per cent'),
  progressSource: progressSourceOut.describe(
    'Where the progress comes from: an approved report, or entered by hand (the later wins)',
  ),
});
export type ReportHistory = z.infer<typeof reportHistoryOut>;
