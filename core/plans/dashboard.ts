/**
 * The plan dashboard as pure functions over the tree the reader may see: status counts and
 * percentages per chapter, per lead institution and for the whole plan, the overdue and at-risk
 * lists, and the plan's progress period by period from approved reports. Progress always comes
 * from the roll-up (rollup.ts); nothing here averages on its own.
 *
 * What is counted: leaf items — items without (visible) children, normally the plan's last level
 * (activities). An objective with no activities under it is the unit of work and counts too.
 */
import { isOverdue, lastDayDue } from './due.js';
import { rollUp, type RollupNode, type RollupRule } from './rollup.js';
import { PLAN_ITEM_STATUSES, type PlanItemStatus } from './status.js';

/** The part of a plan-tree node the dashboard reads (PlanTreeNode satisfies it). */
export interface DashboardNode {
  id: string;
  code: string;
  title: { en: string | null; sr: string | null };
  status: PlanItemStatus;
  dueOn: string | null;
  leadOrganisationId: string | null;
  weight: number;
  rollup: { progress: number | null; rule: RollupRule };
  children: DashboardNode[];
}

/** Statuses after which an item can no longer be overdue (the tree's rule, web utils/status.ts). */
export function isFinishedStatus(status: PlanItemStatus): boolean {
  return status === 'implemented' || status === 'cancelled';
}

/** Statuses an institution reports when an activity is in trouble. */
export const STALLED_STATUSES: readonly PlanItemStatus[] = ['postponed', 'not_implemented'];

/** Days ahead within which an unfinished item counts as at risk. */
export const AT_RISK_HORIZON_DAYS = 30;

export const AT_RISK_REASONS = ['due_soon', 'stalled', 'report_returned'] as const;
export type AtRiskReason = (typeof AT_RISK_REASONS)[number];

/** A status bucket of a period: the reported status, or no approved report yet. */
export const PERIOD_BUCKETS = [...PLAN_ITEM_STATUSES, 'not_reported'] as const;
export type PeriodBucket = (typeof PERIOD_BUCKETS)[number];

export interface Breakdown<K extends string> {
  total: number;
  counts: Record<K, number>;
  /** Shares of `total` in per cent with one decimal; they add up to exactly 100 (or all 0). */
  percentages: Record<K, number>;
}

/**
 * Percentages with `decimals` places that add up to exactly 100 (largest remainder: the
 * shares rounded down, then the units left over go to the largest remainders, ties to the first).
 */
export function percentagesOf(counts: readonly number[], decimals = 1): number[] {
  const total = counts.reduce((sum, c) => sum + c, 0);
  if (total === 0) return counts.map(() => 0);
  const scale = 10 ** decimals;
  const units = 100 * scale;
  const exact = counts.map((c) => (c * units) / total);
  const floors = exact.map((x) => Math.floor(x));
  let left = units - floors.reduce((sum, f) => sum + f, 0);
  const order = exact
    .map((x, i) => ({ i, rest: x - floors[i]! }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = floors[i]! + 1;
    left -= 1;
  }
  return floors.map((f) => f / scale);
}

/** Counts and percentages of `values` over the closed list of `keys`. */
export function breakdownOf<K extends string>(
  keys: readonly K[],
  values: readonly K[],
): Breakdown<K> {
  const tally = new Map<K, number>(keys.map((k) => [k, 0]));
  for (const v of values) tally.set(v, (tally.get(v) ?? 0) + 1);
  const counts = keys.map((k) => tally.get(k) ?? 0);
  const shares = percentagesOf(counts);
  return {
    total: values.length,
    counts: Object.fromEntries(keys.map((k, i) => [k, counts[i]])) as Record<K, number>,
    percentages: Object.fromEntries(keys.map((k, i) => [k, shares[i]])) as Record<K, number>,
  };
}

export const statusBreakdown = (statuses: readonly PlanItemStatus[]) =>
  breakdownOf(PLAN_ITEM_STATUSES, statuses);

/** Every node of the forest, parents before children. */
export function flattenTree<N extends { children: N[] }>(nodes: readonly N[]): N[] {
  // Depth-first without copying arrays per level (a 100,000-item plan is flattened several times).
  const out: N[] = [];
  const walk = (list: readonly N[]) => {
    for (const n of list) {
      out.push(n);
      walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

/** The leaves under (or equal to) a node. */
export function leavesOf<N extends { children: N[] }>(node: N): N[] {
  const out: N[] = [];
  const walk = (n: N) => {
    if (n.children.length === 0) out.push(n);
    else for (const c of n.children) walk(c);
  };
  walk(node);
  return out;
}

/**
 * The plan's progress from its top-level items: their rolled-up progress weighted by their
 * weights (all weights zero: a plain average; cancelled or unknown ones do not count) —
 * computed by the roll-up itself, one level above the chapters.
 */
export function planProgress(
  top: readonly { status: PlanItemStatus; weight: number; progress: number | null }[],
): { progress: number | null; rule: RollupRule } {
  const root: RollupNode = {
    id: 'plan',
    status: 'ongoing',
    manualProgress: null,
    weight: 1,
    // Each chapter enters with the progress it already rolled up to (a manual value one level down).
    children: top.map((t, i) => ({
      id: String(i),
      status: t.status,
      manualProgress: t.progress,
      weight: t.weight,
      children: [],
    })),
  };
  if (root.children.length === 0) return { progress: null, rule: 'weighted' };
  const result = rollUp(root, ['weighted', 'manual']);
  return { progress: result.progress, rule: result.rule };
}

export interface ChapterSummary<N> {
  node: N;
  progress: number | null;
  rule: RollupRule;
  breakdown: Breakdown<PlanItemStatus>;
}

/** Per top-level item (chapter, area): its roll-up and the statuses of the leaves under it. */
export function chapterSummaries<N extends DashboardNode>(tree: readonly N[]): ChapterSummary<N>[] {
  return tree.map((node) => ({
    node,
    progress: node.rollup.progress,
    rule: node.rollup.rule,
    breakdown: statusBreakdown(leavesOf<DashboardNode>(node).map((l) => l.status)),
  }));
}

export interface InstitutionSummary {
  /** The lead organisation; null for leaf items without a lead. */
  organisationId: string | null;
  breakdown: Breakdown<PlanItemStatus>;
}

/**
 * Per lead institution: the statuses of the leaf items it leads. Largest first; "no lead" last,
 * ties by id so the order is stable.
 */
export function institutionSummaries(tree: readonly DashboardNode[]): InstitutionSummary[] {
  const byLead = new Map<string | null, PlanItemStatus[]>();
  for (const leaf of tree.flatMap((n) => leavesOf(n))) {
    const statuses = byLead.get(leaf.leadOrganisationId);
    if (statuses) statuses.push(leaf.status);
    else byLead.set(leaf.leadOrganisationId, [leaf.status]);
  }
  return [...byLead.entries()]
    .map(([organisationId, statuses]) => ({
      organisationId,
      breakdown: statusBreakdown(statuses),
    }))
    .sort(
      (a, b) =>
        Number(a.organisationId === null) - Number(b.organisationId === null) ||
        b.breakdown.total - a.breakdown.total ||
        String(a.organisationId).localeCompare(String(b.organisationId)),
    );
}

/** Whole days from `from` to `to` (both 'YYYY-MM-DD'); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export interface OverdueEntry<N> {
  node: N;
  /** The last day the item was due on (a month or quarter ends on its last day). */
  lastDay: string;
  daysOverdue: number;
}

/**
 * Items of any level past their due date and not finished (the tree's overdue rule,
 * core/plans/due.ts), longest overdue first.
 */
export function overdueItems<N extends DashboardNode>(
  tree: readonly N[],
  today: string,
): OverdueEntry<N>[] {
  return (flattenTree<DashboardNode>(tree) as N[])
    .filter((n) => n.dueOn !== null && isOverdue(n.dueOn, isFinishedStatus(n.status), today))
    .map((node) => {
      const lastDay = lastDayDue(node.dueOn!)!;
      return { node, lastDay, daysOverdue: daysBetween(lastDay, today) };
    })
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.node.code.localeCompare(b.node.code));
}

export interface AtRiskEntry<N> {
  node: N;
  lastDay: string | null;
  /** Days until the last day due (0 = due today); null for continuous or undated items. */
  daysLeft: number | null;
  reasons: AtRiskReason[];
}

/**
 * At risk: not finished, not yet overdue (overdue items are on their own list), and
 * - due_soon: due within the next `horizonDays` days, or
 * - stalled: its institution reports it postponed or not implemented, or
 * - report_returned: its report in a period still open was returned for changes.
 * Soonest due first; undated items last.
 */
export function atRiskItems<N extends DashboardNode>(
  tree: readonly N[],
  today: string,
  returnedItemIds: ReadonlySet<string>,
  horizonDays = AT_RISK_HORIZON_DAYS,
): AtRiskEntry<N>[] {
  const horizon = addDays(today, horizonDays);
  const entries: AtRiskEntry<N>[] = [];
  for (const node of flattenTree<DashboardNode>(tree) as N[]) {
    if (isFinishedStatus(node.status)) continue;
    const lastDay = node.dueOn ? lastDayDue(node.dueOn) : null;
    if (lastDay !== null && lastDay < today) continue; // overdue
    const reasons: AtRiskReason[] = [];
    if (lastDay !== null && lastDay <= horizon) reasons.push('due_soon');
    if (STALLED_STATUSES.includes(node.status)) reasons.push('stalled');
    if (returnedItemIds.has(node.id)) reasons.push('report_returned');
    if (reasons.length)
      entries.push({
        node,
        lastDay,
        daysLeft: lastDay === null ? null : daysBetween(today, lastDay),
        reasons,
      });
  }
  return entries.sort(
    (a, b) =>
      (a.daysLeft ?? Number.MAX_SAFE_INTEGER) - (b.daysLeft ?? Number.MAX_SAFE_INTEGER) ||
      a.node.code.localeCompare(b.node.code),
  );
}

export interface PeriodInput {
  id: string;
  startsOn: string;
  endsOn: string;
}

export interface ApprovedReport {
  periodId: string;
  itemId: string;
  itemStatus: PlanItemStatus;
  progress: number | null;
}

export interface PeriodTrend<P> {
  period: P;
  breakdown: Breakdown<PeriodBucket>;
  /** Leaf items with an approved report in this period or an earlier one. */
  reported: number;
  /** Leaf items whose report was approved in this very period. */
  approvedInPeriod: number;
  /** The plan's roll-up over the reported leaf items; null when nothing is reported yet. */
  progress: number | null;
}

/**
 * The plan period by period, oldest first, as approved reports describe it: each leaf item takes
 * the status (and progress, when reported) of its latest approved report up to that period;
 * items never reported yet are "not reported" and stay out of the progress. Progress is the
 * plan's roll-up with the levels' rules over those reported values; a manual value typed on a
 * chapter or objective today is not history, so it does not enter earlier periods.
 */
export function periodTrend<P extends PeriodInput>(
  tree: readonly DashboardNode[],
  rulesByDepth: readonly RollupRule[],
  periods: readonly P[],
  reports: readonly ApprovedReport[],
): PeriodTrend<P>[] {
  const ordered = [...periods].sort(
    (a, b) =>
      a.startsOn.localeCompare(b.startsOn) ||
      a.endsOn.localeCompare(b.endsOn) ||
      a.id.localeCompare(b.id),
  );
  const byPeriod = new Map<string, ApprovedReport[]>();
  for (const r of reports) {
    const list = byPeriod.get(r.periodId);
    if (list) list.push(r);
    else byPeriod.set(r.periodId, [r]);
  }
  const leaves = tree.flatMap((n) => leavesOf(n));
  const leafIds = new Set(leaves.map((l) => l.id));
  const latest = new Map<string, ApprovedReport>();

  return ordered.map((period) => {
    let approvedInPeriod = 0;
    for (const r of byPeriod.get(period.id) ?? []) {
      if (!leafIds.has(r.itemId)) continue;
      latest.set(r.itemId, r);
      approvedInPeriod += 1;
    }
    const toNode = (n: DashboardNode): RollupNode => {
      if (n.children.length === 0) {
        const r = latest.get(n.id);
        // Not reported yet: out of the computation, the way a cancelled item is.
        return r
          ? {
              id: n.id,
              status: r.itemStatus,
              manualProgress: r.progress,
              weight: n.weight,
              children: [],
            }
          : { id: n.id, status: 'cancelled', manualProgress: null, weight: n.weight, children: [] };
      }
      return {
        id: n.id,
        status: n.status,
        manualProgress: null,
        weight: n.weight,
        children: n.children.map(toNode),
      };
    };
    const top = tree.map((n) => {
      const node = toNode(n);
      return {
        status: node.status,
        weight: n.weight,
        progress: rollUp(node, rulesByDepth).progress,
      };
    });
    return {
      period,
      breakdown: breakdownOf(
        PERIOD_BUCKETS,
        leaves.map((l) => latest.get(l.id)?.itemStatus ?? 'not_reported'),
      ),
      reported: leaves.filter((l) => latest.has(l.id)).length,
      approvedInPeriod,
      progress: planProgress(top).progress,
    };
  });
}
