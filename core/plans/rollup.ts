/**
 * Progress roll-up over a plan tree. Each level of a plan has a rule — manual, average, weighted
 * or from status — and every computed number comes with the rule and the inputs that made it, so
 * the interface can show why a chapter stands at 62 %.
 */
import { STATUS_PROGRESS, type PlanItemStatus } from './status.js';

export const ROLLUP_RULES = ['manual', 'average', 'weighted', 'from_status'] as const;
export type RollupRule = (typeof ROLLUP_RULES)[number];

export interface RollupNode {
  id: string;
  status: PlanItemStatus;
  /** Progress typed by a person (0–100): the value under the manual rule, an override otherwise. */
  manualProgress: number | null;
  /** Weight under the weighted rule (≥ 0). */
  weight: number;
  children: RollupNode[];
}

export interface RollupInput {
  id: string;
  progress: number | null;
  weight: number;
  /** Whether this child entered the computation, and if not, why. */
  counted: boolean;
  excludedBecause?: 'cancelled' | 'no_progress';
}

export interface RollupResult {
  id: string;
  progress: number | null;
  /** The rule that produced `progress` (an override reports 'manual'). */
  rule: RollupRule;
  /** True when a manual value replaced what the level's rule would have computed. */
  overridden: boolean;
  /** Plain-language reason when the rule could not be applied as such. */
  note?: 'no_children' | 'all_weights_zero' | 'nothing_to_count' | 'no_manual_value';
  inputs: RollupInput[];
  children: RollupResult[];
}

function clamp(value: number): number {
  return Math.min(100, Math.max(0, value));
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Computes progress for a node and all below it. `rulesByDepth[d]` is the rule of level d; levels
 * beyond the list use 'average' for items with children and 'from_status' for leaves.
 */
export function rollUp(
  node: RollupNode,
  rulesByDepth: readonly RollupRule[],
  depth = 0,
): RollupResult {
  const children = node.children.map((c) => rollUp(c, rulesByDepth, depth + 1));
  const rule: RollupRule =
    rulesByDepth[depth] ?? (node.children.length ? 'average' : 'from_status');
  const inputs: RollupInput[] = children.map((c, i) => {
    const child = node.children[i]!;
    if (child.status === 'cancelled')
      return {
        id: c.id,
        progress: c.progress,
        weight: child.weight,
        counted: false,
        excludedBecause: 'cancelled',
      };
    if (c.progress === null)
      return {
        id: c.id,
        progress: null,
        weight: child.weight,
        counted: false,
        excludedBecause: 'no_progress',
      };
    return { id: c.id, progress: c.progress, weight: child.weight, counted: true };
  });
  const base = { id: node.id, inputs, children };

  if (node.status === 'cancelled') {
    return { ...base, progress: null, rule, overridden: false };
  }
  if (node.manualProgress !== null) {
    return {
      ...base,
      progress: clamp(node.manualProgress),
      rule: 'manual',
      overridden: rule !== 'manual',
    };
  }
  if (rule === 'manual')
    return { ...base, progress: null, rule, overridden: false, note: 'no_manual_value' };
  if (rule === 'from_status')
    return { ...base, progress: STATUS_PROGRESS[node.status], rule, overridden: false };

  if (node.children.length === 0) {
    // A leaf at a level that rolls up from children has nothing to roll: its status speaks.
    return {
      ...base,
      progress: STATUS_PROGRESS[node.status],
      rule: 'from_status',
      overridden: false,
      note: 'no_children',
    };
  }
  const counted = inputs.filter((i) => i.counted) as (RollupInput & { progress: number })[];
  if (counted.length === 0)
    return { ...base, progress: null, rule, overridden: false, note: 'nothing_to_count' };
  const average = () => round(counted.reduce((sum, i) => sum + i.progress, 0) / counted.length);
  if (rule === 'average') return { ...base, progress: average(), rule, overridden: false };

  const totalWeight = counted.reduce((sum, i) => sum + Math.max(0, i.weight), 0);
  if (totalWeight === 0) {
    // Nobody weighted anything: every child counts the same rather than the level showing nothing.
    return { ...base, progress: average(), rule, overridden: false, note: 'all_weights_zero' };
  }
  const weighted =
    counted.reduce((sum, i) => sum + Math.max(0, i.weight) * i.progress, 0) / totalWeight;
  return { ...base, progress: round(weighted), rule, overridden: false };
}
