/**
 * The plan tree with its roll-up. Built from the items the reader may see only, so a computed
 * percentage never carries information from hidden items.
 */
import { z } from 'zod';
import {
  rollUp,
  ROLLUP_RULES,
  type RollupNode,
  type RollupResult,
  type RollupRule,
} from '../../../core/plans/rollup.js';
import {
  planItemOut,
  planLevelOut,
  type PlanItem,
  type PlanTreeNode,
} from '../../../core/schemas/plan.js';
import type { Actor } from '../../audit/context.js';
import type { PlanItemRow } from '../../db/schema.js';
import { presentPlanItem } from './presenter.js';

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
  .lazy(() => planItemOut.extend({ rollup: rollupOut, children: z.array(treeNodeOut) }))
  .meta({ id: 'PlanTreeNode' }) as z.ZodType<PlanTreeNode>;

export const planTreeOut = z.object({
  planId: z.string(),
  /** The day the tree is read as of (statuses and progress then), or null for now. */
  asOf: z.string().nullable(),
  levels: z.array(planLevelOut),
  items: z.array(treeNodeOut),
});

/** Nests visible items under their visible parents and attaches each one's roll-up. */
export function buildTree(
  rows: PlanItemRow[],
  actor: Actor | null,
  partners: Map<string, string[]>,
  rules: RollupRule[],
  /** Organisations the reader may not see: items show them as withheld (presenter). */
  hiddenOrganisations?: ReadonlySet<string>,
): PlanTreeNode[] {
  const byParent = new Map<string | null, PlanItemRow[]>();
  for (const row of rows) {
    const siblings = byParent.get(row.parent_id);
    if (siblings) siblings.push(row);
    else byParent.set(row.parent_id, [row]);
  }
  const toNode = (row: PlanItemRow): RollupNode & { row: PlanItemRow } => ({
    id: row.id,
    status: row.status as PlanItem['status'],
    manualProgress: row.manual_progress,
    weight: row.weight,
    row,
    children: (byParent.get(row.id) ?? []).sort((a, b) => a.position - b.position).map(toNode),
  });
  const present = (
    node: RollupNode & { row: PlanItemRow },
    result: RollupResult,
  ): PlanTreeNode => ({
    ...presentPlanItem(node.row, actor, partners.get(node.id) ?? [], hiddenOrganisations),
    rollup: {
      progress: result.progress,
      rule: result.rule,
      overridden: result.overridden,
      note: result.note,
      inputs: result.inputs,
    },
    children: node.children.map((child, i) =>
      present(child as RollupNode & { row: PlanItemRow }, result.children[i]!),
    ),
  });
  return (byParent.get(null) ?? [])
    .sort((a, b) => a.position - b.position)
    .map((row) => {
      const node = toNode(row);
      return present(node, rollUp(node, rules));
    });
}
