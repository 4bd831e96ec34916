/**
 * The plan tree with its roll-up. Built from the items the reader may see only, so a computed
 * percentage never carries information from hidden items.
 *
 * A large plan is read a part at a time (`depth`, `parentId`): the roll-up of a shown item is
 * still computed over its whole visible subtree — from a narrow skeleton of the plan
 * (tree-query.ts) — so a partial tree shows the same numbers as the whole one, and each item
 * says how many visible children it has (`childCount`), loaded or not.
 */
import { z } from 'zod';
import { ROLLUP_RULES, type RollupResult, type RollupRule } from '../../../core/plans/rollup.js';
import { STATUS_PROGRESS, type PlanItemStatus } from '../../../core/plans/status.js';
import { planItemOut, planLevelOut, type PlanTreeNode } from '../../../core/schemas/plan.js';
import type { Actor } from '../../audit/context.js';
import type { PlanItemRow } from '../../db/schema.js';
import { presentPlanItem, type PeopleNames } from './presenter.js';
import type { SkeletonRow } from './tree-query.js';

const rollupOut = z.object({
  progress: z.number().nullable(),
  rule: z.enum(ROLLUP_RULES),
  overridden: z.boolean(),
  note: z.string().optional(),
  inputs: z.array(
    z.object({
      id: z.string(),
      progress: z.number().nullable(),
      weight: z.number(),
      counted: z.boolean(),
      excludedBecause: z.string().optional(),
    }),
  ),
});

// A recursive schema needs a name, so the OpenAPI document can refer to it from inside itself.
const treeNodeOut: z.ZodType<PlanTreeNode> = z
  .lazy(() =>
    planItemOut.extend({
      rollup: rollupOut,
      /** Visible children of the item, whether they are in `children` or not (yet). */
      childCount: z.number().int(),
      children: z.array(treeNodeOut),
    }),
  )
  .meta({ id: 'PlanTreeNode' }) as z.ZodType<PlanTreeNode>;

export const planTreeOut = z.object({
  planId: z.string(),
  /** The day the tree is read as of (statuses and progress then), or null for now. */
  asOf: z.string().nullable(),
  levels: z.array(planLevelOut),
  /** The item whose subtree `items` are (its children at the top), or null for the plan's top. */
  parentId: z.string().nullable(),
  /** The levels asked for (items below them have `childCount` but no `children`), or null: all. */
  depth: z.number().int().nullable(),
  /** How many items of the whole plan the reader may see. */
  visibleItems: z.number().int(),
  items: z.array(treeNodeOut),
});

/**
 * The visible plan as a forest with every item's roll-up, from skeleton rows: flat arrays indexed
 * by node number (a plan of 100,000 items makes no object per item beyond its row). The roll-up is
 * core/plans/rollup.ts's, computed bottom-up over the arrays (a test holds the two equal); the
 * `inputs` of an item are derived from its children when it is shown (`rollupOf`).
 */
export interface PlanShape {
  /** Items in the forest (rows whose parent is not among the rows are not in it). */
  size: number;
  ids: string[];
  index: Map<string, number>;
  /** Node numbers of the top-level items, in order. */
  roots: number[];
  /** Node numbers of each node's children, in order. */
  children: number[][];
  status: PlanItemStatus[];
  weight: number[];
  progress: (number | null)[];
  rule: RollupRule[];
  overridden: boolean[];
  note: (RollupResult['note'] | undefined)[];
}

const NO_CHILDREN: number[] = [];

function clamp(value: number): number {
  return Math.min(100, Math.max(0, value));
}
function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Nests the rows under their parents (rows whose parent is not among them are dropped, as the
 * containers rule wants), orders siblings by position and rolls the whole forest up. Linear in
 * the number of rows, apart from the sibling sorts.
 */
export function planShape(rows: readonly SkeletonRow[], rules: readonly RollupRule[]): PlanShape {
  const n = rows.length;
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set(rows[i]!.id, i);
  const children: number[][] = new Array<number[]>(n).fill(NO_CHILDREN);
  const rootsAll: number[] = [];
  for (let i = 0; i < n; i++) {
    const parent = rows[i]!.parent_id;
    if (parent === null) rootsAll.push(i);
    else {
      const p = index.get(parent);
      if (p === undefined) continue;
      if (children[p] === NO_CHILDREN) children[p] = [i];
      else children[p]!.push(i);
    }
  }
  const byPosition = (a: number, b: number) => rows[a]!.position - rows[b]!.position;
  rootsAll.sort(byPosition);
  for (const list of children) if (list.length > 1) list.sort(byPosition);

  // Top-down order from the roots (what hangs from no root is left out), with each node's depth.
  const order: number[] = [...rootsAll];
  const depth = new Uint8Array(n);
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    for (const c of children[i]!) {
      depth[c] = Math.min(255, depth[i]! + 1);
      order.push(c);
    }
  }

  // Renumber the forest compactly (node number = place in `order`).
  const size = order.length;
  const place = new Int32Array(n).fill(-1);
  for (let k = 0; k < size; k++) place[order[k]!] = k;
  const shape: PlanShape = {
    size,
    ids: new Array<string>(size),
    index: new Map(),
    roots: rootsAll.map((i) => place[i]!),
    children: new Array<number[]>(size),
    status: new Array<PlanItemStatus>(size),
    weight: new Array<number>(size),
    progress: new Array<number | null>(size),
    rule: new Array<RollupRule>(size),
    overridden: new Array<boolean>(size),
    note: new Array<RollupResult['note'] | undefined>(size),
  };
  for (let k = 0; k < size; k++) {
    const row = rows[order[k]!]!;
    shape.ids[k] = row.id;
    shape.index.set(row.id, k);
    const list = children[order[k]!]!;
    shape.children[k] = list === NO_CHILDREN ? NO_CHILDREN : list.map((c) => place[c]!);
    shape.status[k] = row.status as PlanItemStatus;
    shape.weight[k] = row.weight;
  }

  // Bottom-up: every child is after its parent in `order`, so walking backwards sees children first.
  for (let k = size - 1; k >= 0; k--) {
    const row = rows[order[k]!]!;
    const kids = shape.children[k]!;
    const status = shape.status[k]!;
    const rule: RollupRule = rules[depth[order[k]!]!] ?? (kids.length ? 'average' : 'from_status');
    let progress: number | null;
    let used: RollupRule = rule;
    let overridden = false;
    let note: RollupResult['note'] | undefined;
    if (status === 'cancelled') progress = null;
    else if (row.manual_progress !== null) {
      progress = clamp(row.manual_progress);
      used = 'manual';
      overridden = rule !== 'manual';
    } else if (rule === 'manual') {
      progress = null;
      note = 'no_manual_value';
    } else if (rule === 'from_status') progress = STATUS_PROGRESS[status];
    else if (kids.length === 0) {
      progress = STATUS_PROGRESS[status];
      used = 'from_status';
      note = 'no_children';
    } else {
      // The counted children in order, summed in order (the same floating-point sums as rollUp).
      let count = 0;
      let sum = 0;
      let totalWeight = 0;
      let weightedSum = 0;
      for (const c of kids) {
        const p = shape.progress[c]!;
        if (shape.status[c] === 'cancelled' || p === null) continue;
        const w = Math.max(0, shape.weight[c]!);
        count += 1;
        sum += p;
        totalWeight += w;
        weightedSum += w * p;
      }
      if (count === 0) {
        progress = null;
        note = 'nothing_to_count';
      } else if (rule === 'average') progress = round(sum / count);
      else if (totalWeight === 0) {
        progress = round(sum / count);
        note = 'all_weights_zero';
      } else progress = round(weightedSum / totalWeight);
    }
    shape.progress[k] = progress;
    shape.rule[k] = used;
    shape.overridden[k] = overridden;
    shape.note[k] = note;
  }
  return shape;
}

/** An item's roll-up as the API shows it: the result and the inputs (its children) that made it. */
export function rollupOf(shape: PlanShape, k: number): PlanTreeNode['rollup'] {
  const note = shape.note[k];
  return {
    progress: shape.progress[k]!,
    rule: shape.rule[k]!,
    overridden: shape.overridden[k]!,
    ...(note === undefined ? {} : { note }),
    inputs: shape.children[k]!.map((c) => {
      const id = shape.ids[c]!;
      const progress = shape.progress[c]!;
      const weight = shape.weight[c]!;
      if (shape.status[c] === 'cancelled')
        return { id, progress, weight, counted: false, excludedBecause: 'cancelled' };
      if (progress === null)
        return { id, progress: null, weight, counted: false, excludedBecause: 'no_progress' };
      return { id, progress, weight, counted: true };
    }),
  };
}

/** What part of the tree to answer: the subtree under `parentId` (null: the top), `depth` levels. */
export interface TreePart {
  parentId: string | null;
  depth: number | null;
}

function startOf(shape: PlanShape, part: TreePart): number[] | undefined {
  if (part.parentId === null) return shape.roots;
  const k = shape.index.get(part.parentId);
  return k === undefined ? undefined : shape.children[k];
}

/** The ids of the items a part shows, in tree order; undefined when `parentId` is not visible. */
export function partIds(shape: PlanShape, part: TreePart): string[] | undefined {
  const start = startOf(shape, part);
  if (!start) return undefined;
  const ids: string[] = [];
  const walk = (nodes: number[], level: number) => {
    for (const k of nodes) {
      ids.push(shape.ids[k]!);
      if (part.depth === null || level < part.depth) walk(shape.children[k]!, level + 1);
    }
  };
  walk(start, 1);
  return ids;
}

/**
 * The tree of a part: full rows of the shown items presented, each with its roll-up (over its
 * whole visible subtree) and child count; an item whose row is missing (hidden or deleted since
 * the skeleton was read) is left out with what is below it.
 */
export function presentPart(
  shape: PlanShape,
  part: TreePart,
  rows: readonly PlanItemRow[],
  actor: Actor | null,
  partners: Map<string, string[]>,
  /** Organisations the reader may not see: items show them as withheld (presenter). */
  hiddenOrganisations?: ReadonlySet<string>,
  /** Names of the responsible users (repository.responsibleNames). */
  people?: PeopleNames,
): PlanTreeNode[] {
  const rowById = new Map(rows.map((r) => [r.id, r]));
  const present = (nodes: number[], level: number): PlanTreeNode[] =>
    nodes.flatMap((k) => {
      const row = rowById.get(shape.ids[k]!);
      if (!row) return [];
      const kids = shape.children[k]!;
      return [
        {
          ...presentPlanItem(row, actor, partners.get(row.id) ?? [], hiddenOrganisations, people),
          rollup: rollupOf(shape, k),
          childCount: kids.length,
          children: part.depth === null || level < part.depth ? present(kids, level + 1) : [],
        },
      ];
    });
  const start = startOf(shape, part);
  return start ? present(start, 1) : [];
}

/** Nests visible items under their visible parents and attaches each one's roll-up. */
export function buildTree(
  rows: PlanItemRow[],
  actor: Actor | null,
  partners: Map<string, string[]>,
  rules: RollupRule[],
  /** Organisations the reader may not see: items show them as withheld (presenter). */
  hiddenOrganisations?: ReadonlySet<string>,
): PlanTreeNode[] {
  return presentPart(
    planShape(rows, rules),
    { parentId: null, depth: null },
    rows,
    actor,
    partners,
    hiddenOrganisations,
  );
}
