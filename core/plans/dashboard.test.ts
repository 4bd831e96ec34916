import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  atRiskItems,
  chapterSummaries,
  institutionSummaries,
  overdueItems,
  percentagesOf,
  periodTrend,
  planProgress,
  statusBreakdown,
  type DashboardNode,
} from './dashboard.js';
import { rollUp, type RollupNode, type RollupRule } from './rollup.js';
import type { PlanItemStatus } from './status.js';

const RULES: RollupRule[] = ['average', 'average', 'from_status'];

interface Spec {
  id: string;
  status?: PlanItemStatus;
  dueOn?: string | null;
  lead?: string | null;
  weight?: number;
  manual?: number | null;
  children?: Spec[];
}

/** A tree as buildTree makes it: every node with the roll-up of its level's rule. */
function tree(specs: Spec[]): DashboardNode[] {
  const toRollup = (s: Spec): RollupNode => ({
    id: s.id,
    status: s.status ?? 'not_started',
    manualProgress: s.manual ?? null,
    weight: s.weight ?? 1,
    children: (s.children ?? []).map(toRollup),
  });
  const attach = (s: Spec, depth: number, result: ReturnType<typeof rollUp>): DashboardNode => ({
    id: s.id,
    code: s.id,
    title: { en: `Item ${s.id}`, sr: null },
    status: s.status ?? 'not_started',
    dueOn: s.dueOn ?? null,
    leadOrganisationId: s.lead ?? null,
    weight: s.weight ?? 1,
    rollup: { progress: result.progress, rule: result.rule },
    children: (s.children ?? []).map((c, i) => attach(c, depth + 1, result.children[i]!)),
  });
  return specs.map((s) => attach(s, 0, rollUp(toRollup(s), RULES)));
}

describe('percentages that add up', () => {
  it('gives shares with one decimal summing to exactly 100', () => {
    expect(percentagesOf([1, 1, 1])).toEqual([33.4, 33.3, 33.3]);
    expect(percentagesOf([2, 1])).toEqual([66.7, 33.3]);
    expect(percentagesOf([1, 0, 0])).toEqual([100, 0, 0]);
    expect(percentagesOf([0, 0])).toEqual([0, 0]);
    expect(percentagesOf([])).toEqual([]);
  });

  it('always sums to 100 and never moves a share by more than one unit', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 500 }), { minLength: 1, maxLength: 9 }), (counts) => {
        const total = counts.reduce((a, b) => a + b, 0);
        const shares = percentagesOf(counts);
        if (total === 0) return shares.every((s) => s === 0);
        const tenths = shares.map((s) => Math.round(s * 10));
        return (
          tenths.reduce((a, b) => a + b, 0) === 1000 &&
          counts.every((c, i) => Math.abs(tenths[i]! - (c * 1000) / total) < 1)
        );
      }),
    );
  });
});

describe('status counts per chapter and for the plan', () => {
  it('reports nothing for an empty plan without inventing progress', () => {
    expect(chapterSummaries([])).toEqual([]);
    expect(institutionSummaries([])).toEqual([]);
    expect(planProgress([])).toEqual({ progress: null, rule: 'weighted' });
    const empty = statusBreakdown([]);
    expect(empty.total).toBe(0);
    expect(Object.values(empty.percentages).every((p) => p === 0)).toBe(true);
  });

  it('counts leaf items only, cancelled ones as their own status, and rolls up without them', () => {
    const t = tree([
      {
        id: '1',
        children: [
          {
            id: '1.1',
            children: [
              { id: '1.1.1', status: 'implemented' },
              { id: '1.1.2', status: 'cancelled' },
              { id: '1.1.3', status: 'ongoing' },
            ],
          },
          { id: '1.2', status: 'not_started' }, // an objective with no activities counts itself
        ],
      },
      { id: '2', status: 'cancelled', children: [{ id: '2.1', status: 'cancelled' }] },
    ]);
    const [first, second] = chapterSummaries(t);
    expect(first!.breakdown.total).toBe(4);
    expect(first!.breakdown.counts).toMatchObject({
      implemented: 1,
      cancelled: 1,
      ongoing: 1,
      not_started: 1,
    });
    expect(first!.breakdown.percentages.implemented).toBe(25);
    // 1.1 averages implemented (100) and ongoing (50) — the cancelled one is out; 1 averages 75 and 0.
    expect(first!.progress).toBe(37.5);
    expect(second!.progress).toBeNull();
    // The cancelled chapter stays out of the plan's progress.
    expect(
      planProgress(
        t.map((n) => ({ status: n.status, weight: n.weight, progress: n.rollup.progress })),
      ).progress,
    ).toBe(37.5);
  });

  it('weights chapters by their weights and falls back to an average when all are zero', () => {
    const weighted = planProgress([
      { status: 'ongoing', weight: 3, progress: 100 },
      { status: 'ongoing', weight: 1, progress: 0 },
    ]);
    expect(weighted).toEqual({ progress: 75, rule: 'weighted' });
    expect(
      planProgress([
        { status: 'ongoing', weight: 0, progress: 100 },
        { status: 'ongoing', weight: 0, progress: 0 },
      ]).progress,
    ).toBe(50);
    expect(planProgress([{ status: 'ongoing', weight: 1, progress: null }]).progress).toBeNull();
  });
});

describe('per lead institution', () => {
  it('groups leaf items by lead, largest first, with the items without a lead last', () => {
    const t = tree([
      {
        id: '1',
        lead: 'mod', // a chapter's lead does not count: only leaves do
        children: [
          { id: '1.1', lead: 'mfa', status: 'implemented' },
          { id: '1.2', lead: null, status: 'ongoing' },
          { id: '1.3', lead: 'mod', status: 'ongoing' },
          { id: '1.4', lead: 'mod', status: 'postponed' },
        ],
      },
    ]);
    const groups = institutionSummaries(t);
    expect(groups.map((g) => [g.organisationId, g.breakdown.total])).toEqual([
      ['mod', 2],
      ['mfa', 1],
      [null, 1],
    ]);
    expect(groups[0]!.breakdown.percentages).toMatchObject({ ongoing: 50, postponed: 50 });
  });
});

describe('overdue and at risk', () => {
  const today = '2026-05-10';

  it('applies the tree’s overdue rule to every due precision', () => {
    const t = tree([
      {
        id: '1',
        children: [
          { id: 'day', dueOn: '2026-05-09', status: 'ongoing' },
          { id: 'day-today', dueOn: '2026-05-10', status: 'ongoing' },
          { id: 'month', dueOn: '2026-04', status: 'not_started' },
          { id: 'month-now', dueOn: '2026-05', status: 'not_started' },
          { id: 'quarter', dueOn: '2026-Q1', status: 'partially_implemented' },
          { id: 'quarter-now', dueOn: '2026-Q2', status: 'not_started' },
          { id: 'continuous', dueOn: 'continuous', status: 'ongoing' },
          { id: 'done', dueOn: '2025-01-01', status: 'implemented' },
          { id: 'cancelled', dueOn: '2025-01-01', status: 'cancelled' },
          { id: 'undated', status: 'not_started' },
        ],
      },
    ]);
    const overdue = overdueItems(t, today);
    expect(overdue.map((o) => [o.node.id, o.lastDay, o.daysOverdue])).toEqual([
      ['quarter', '2026-03-31', 40],
      ['month', '2026-04-30', 10],
      ['day', '2026-05-09', 1],
    ]);
  });

  it('flags items due within 30 days, stalled ones and returned reports, never overdue or finished ones', () => {
    const t = tree([
      {
        id: '1',
        children: [
          { id: 'soon', dueOn: '2026-06-09', status: 'ongoing' }, // 30 days ahead
          { id: 'later', dueOn: '2026-06-10', status: 'ongoing' }, // 31 days: fine
          { id: 'today', dueOn: '2026-05-10', status: 'not_started' },
          { id: 'quarter', dueOn: '2026-Q2', status: 'ongoing' }, // ends 30 June: 51 days
          { id: 'stalled', dueOn: '2027-01', status: 'postponed' },
          { id: 'continuous', dueOn: 'continuous', status: 'not_implemented' },
          { id: 'returned', dueOn: null, status: 'ongoing' },
          { id: 'overdue', dueOn: '2026-05-01', status: 'postponed' },
          { id: 'done', dueOn: '2026-05-20', status: 'implemented' },
        ],
      },
    ]);
    const risk = atRiskItems(t, today, new Set(['returned', 'done']));
    expect(risk.map((r) => [r.node.id, r.daysLeft, r.reasons])).toEqual([
      ['today', 0, ['due_soon']],
      ['soon', 30, ['due_soon']],
      ['stalled', 266, ['stalled']],
      ['continuous', null, ['stalled']],
      ['returned', null, ['report_returned']],
    ]);
  });
});

describe('progress across periods', () => {
  const t = tree([
    {
      id: '1',
      children: [
        { id: '1.1', status: 'implemented', lead: 'a' },
        { id: '1.2', status: 'ongoing', lead: 'a' },
      ],
    },
    { id: '2', children: [{ id: '2.1', status: 'not_started' }] },
  ]);
  const periods = [
    { id: 'q2', startsOn: '2026-04-01', endsOn: '2026-06-30' },
    { id: 'q1', startsOn: '2026-01-01', endsOn: '2026-03-31' },
  ];

  it('carries each item’s latest approved report forward and keeps unreported items out of the progress', () => {
    const trend = periodTrend(t, RULES, periods, [
      { periodId: 'q1', itemId: '1.1', itemStatus: 'ongoing', progress: 40 },
      { periodId: 'q2', itemId: '1.1', itemStatus: 'implemented', progress: null },
      { periodId: 'q2', itemId: '2.1', itemStatus: 'postponed', progress: null },
      { periodId: 'q2', itemId: 'hidden-or-gone', itemStatus: 'implemented', progress: 100 },
    ]);
    expect(trend.map((p) => p.period.id)).toEqual(['q1', 'q2']);
    const [q1, q2] = trend;
    expect(q1).toMatchObject({ reported: 1, approvedInPeriod: 1, progress: 40 });
    expect(q1!.breakdown.counts).toMatchObject({ ongoing: 1, not_reported: 2 });
    expect(q1!.breakdown.percentages).toMatchObject({ ongoing: 33.3, not_reported: 66.7 });
    // Q2: chapter 1 = 100 (1.1 implemented; 1.2 not reported), chapter 2 = 0 (postponed).
    expect(q2).toMatchObject({ reported: 2, approvedInPeriod: 2, progress: 50 });
    expect(q2!.breakdown.counts).toMatchObject({
      implemented: 1,
      postponed: 1,
      not_reported: 1,
    });
  });

  it('says nothing about progress before anything is reported, and nothing at all without periods', () => {
    const [only] = periodTrend(t, RULES, [periods[1]!], []);
    expect(only).toMatchObject({ reported: 0, approvedInPeriod: 0, progress: null });
    expect(only!.breakdown.counts.not_reported).toBe(3);
    expect(periodTrend(t, RULES, [], [])).toEqual([]);
  });
});
