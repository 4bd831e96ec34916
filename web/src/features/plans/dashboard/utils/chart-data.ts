/** Turns the dashboard's breakdowns into chart rows and series, colours as the status badges. */
import type { PeriodBucket } from '../../../../../../core/plans/dashboard.js';
import type { PlanItemStatus } from '../../../../../../core/plans/status.js';
import { ITEM_STATUS_COLORS } from '../../utils/status.js';

export interface Breakdown<K extends string> {
  total: number;
  counts: Record<K, number>;
  percentages: Record<K, number>;
}

/** The chart colour of a status: the badge's colour, one shade stronger for small areas. */
export function bucketColor(bucket: PeriodBucket): string {
  if (bucket === 'not_reported') return 'gray.3';
  if (bucket === 'not_started') return 'gray.5';
  return `${ITEM_STATUS_COLORS[bucket]}.6`;
}

/** The buckets, in vocabulary order, that occur at least once in any of the breakdowns. */
export function bucketsInUse<K extends string>(
  order: readonly K[],
  breakdowns: readonly Breakdown<K>[],
): K[] {
  return order.filter((k) => breakdowns.some((b) => b.counts[k] > 0));
}

/** One chart row per group: its name and the count of each bucket. */
export function countRows<K extends string>(
  groups: readonly { name: string; breakdown: Breakdown<K> }[],
  buckets: readonly K[],
): Record<string, string | number>[] {
  return groups.map((g) => ({
    name: g.name,
    ...Object.fromEntries(buckets.map((k) => [k, g.breakdown.counts[k]])),
  }));
}

export type StatusBreakdown = Breakdown<PlanItemStatus>;
