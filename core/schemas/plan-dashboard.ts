/** The plan dashboard's response (GET /plans/:id/dashboard); see core/plans/dashboard.ts. */
import { z } from 'zod';
import {
  AT_RISK_HORIZON_DAYS,
  AT_RISK_REASONS,
  PERIOD_BUCKETS,
  STALLED_STATUSES,
} from '../plans/dashboard.js';
import { ROLLUP_RULES } from '../plans/rollup.js';
import { PLAN_ITEM_STATUSES } from '../plans/status.js';
import { PERIOD_KINDS } from './reporting.js';
import { localisedTextOut } from './common.js';

function breakdownOut<K extends readonly [string, ...string[]]>(keys: K) {
  const count = z.number().int().min(0);
  return z.object({
    total: count,
    counts: z.record(z.enum(keys), count),
    percentages: z.record(z.enum(keys), z.number()),
  });
}

export const statusBreakdownOut = breakdownOut(PLAN_ITEM_STATUSES);
export const periodBreakdownOut = breakdownOut(PERIOD_BUCKETS);

const organisationRef = z.object({
  /** Null when the organisation is withheld: the reader may not see it (nor its id). */
  id: z.string().nullable(),
  /** True for the one group of every lead organisation the reader may not see. */
  withheld: z.boolean().optional(),
  /** Null when the organisation's own record is hidden from the reader. */
  name: localisedTextOut.nullable(),
  abbreviation: localisedTextOut.nullable(),
});

const listedItem = z.object({
  id: z.string(),
  code: z.string(),
  title: localisedTextOut,
  status: z.enum(PLAN_ITEM_STATUSES),
  dueOn: z.string().nullable(),
  lastDayDue: z.string().nullable(),
  lead: organisationRef.nullable(),
});

export const planDashboardOut = z.object({
  planId: z.string(),
  /** The day the overdue and at-risk lists were computed for (server's date, UTC). */
  today: z.string(),
  counted: z.object({
    /** Status counts are over leaf items: items without children the reader can see. */
    unit: z.literal('leaf_items'),
    /** The plan's last level (usually "Activity"); null when the plan has no levels. */
    level: z.object({ depth: z.number().int(), name: localisedTextOut }).nullable(),
    note: z.string(),
  }),
  overall: z.object({
    progress: z.number().nullable(),
    rule: z.enum(ROLLUP_RULES),
    breakdown: statusBreakdownOut,
  }),
  chapters: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      title: localisedTextOut,
      progress: z.number().nullable(),
      rule: z.enum(ROLLUP_RULES),
      breakdown: statusBreakdownOut,
    }),
  ),
  institutions: z.array(
    z.object({
      /** Null: leaf items without a lead institution. */
      organisation: organisationRef.nullable(),
      breakdown: statusBreakdownOut,
    }),
  ),
  overdue: z.object({
    definition: z.string(),
    /** How many items are overdue; `items` holds the first DASHBOARD_LIST_LIMIT of them. */
    total: z.number().int(),
    items: z.array(listedItem.extend({ daysOverdue: z.number().int() })),
  }),
  atRisk: z.object({
    definition: z.string(),
    horizonDays: z.number().int(),
    stalledStatuses: z.array(z.enum(PLAN_ITEM_STATUSES)),
    total: z.number().int(),
    items: z.array(
      listedItem.extend({
        daysLeft: z.number().int().nullable(),
        reasons: z.array(z.enum(AT_RISK_REASONS)),
      }),
    ),
  }),
  periods: z.object({
    definition: z.string(),
    items: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        kind: z.enum(PERIOD_KINDS),
        startsOn: z.string(),
        endsOn: z.string(),
        status: z.enum(['open', 'locked']),
        reported: z.number().int(),
        approvedInPeriod: z.number().int(),
        progress: z.number().nullable(),
        breakdown: periodBreakdownOut,
      }),
    ),
  }),
});
export type PlanDashboard = z.infer<typeof planDashboardOut>;

/** The overdue and at-risk lists carry at most this many items (the most urgent first). */
export const DASHBOARD_LIST_LIMIT = 100;

/** Kept in one place so the response, the docs and the UI say the same. */
export const DASHBOARD_DEFINITIONS = {
  counted:
    'Status counts and percentages are over leaf items (activities): items without children that you can see. Cancelled items are counted under their own status; percentages are shares of all counted items and add up to 100.',
  overdue:
    'Overdue: the last day due (a month or quarter ends on its last day) has passed and the item is neither implemented nor cancelled. Continuous items are never overdue.',
  atRisk: `At risk: not implemented or cancelled, not yet overdue, and either due within the next ${AT_RISK_HORIZON_DAYS} days, or reported ${STALLED_STATUSES.map((s) => s.replace('_', ' ')).join(' or ')}, or with a report returned for changes in a period that is still open.`,
  periods:
    'Per reporting period, each leaf item takes the status and progress of its latest approved report up to that period; items without one are "not reported" and stay out of the progress, which is the plan’s roll-up over the reported items.',
} as const;
