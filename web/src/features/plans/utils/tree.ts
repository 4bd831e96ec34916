/** Filtering and flattening the plan tree for the tree-table. */
import { isOverdue } from '../../../../../core/plans/due.js';
import type { PlanItemStatus } from '../../../../../core/plans/status.js';
import type { PlanTreeNode } from '../../../../../core/schemas/plan.js';
import { isFinished } from './status.js';

export interface PlanTreeFilters {
  status: PlanItemStatus[];
  overdue: boolean;
  q: string;
}

export const EMPTY_PLAN_FILTERS: PlanTreeFilters = { status: [], overdue: false, q: '' };

export function hasFilters(filters: PlanTreeFilters): boolean {
  return filters.status.length > 0 || filters.overdue || filters.q.trim() !== '';
}

export function itemIsOverdue(item: PlanTreeNode, today: string): boolean {
  return item.dueOn !== null && isOverdue(item.dueOn, isFinished(item.status), today);
}

/** Does the item itself (not its children) pass the filters? `text` gives its searchable words. */
export function matches(
  item: PlanTreeNode,
  filters: PlanTreeFilters,
  today: string,
  text: (item: PlanTreeNode) => string,
): boolean {
  if (filters.status.length > 0 && !filters.status.includes(item.status)) return false;
  if (filters.overdue && !itemIsOverdue(item, today)) return false;
  const q = filters.q.trim().toLocaleLowerCase();
  if (q && !`${item.code} ${text(item)}`.toLocaleLowerCase().includes(q)) return false;
  return true;
}

export interface TreeRow {
  item: PlanTreeNode;
  depth: number;
  /** The item has children that are shown (after filtering). */
  hasChildren: boolean;
  /** The item is shown only because something below it matches. */
  context: boolean;
}

/**
 * The rows to show, depth first. With filters, an item stays when it or something below it
 * matches; its ancestors are kept (marked as context) so the tree keeps its shape, and everything
 * is opened. Without filters, children show only under expanded items.
 */
export function visibleRows(
  items: PlanTreeNode[],
  filters: PlanTreeFilters,
  expanded: ReadonlySet<string>,
  today: string,
  text: (item: PlanTreeNode) => string,
): TreeRow[] {
  const filtering = hasFilters(filters);
  const rows: TreeRow[] = [];
  const keep = new Map<string, boolean>();
  const mark = (node: PlanTreeNode): boolean => {
    const below = node.children.map(mark).some(Boolean);
    const self = matches(node, filters, today, text);
    keep.set(node.id, self || below);
    return self || below;
  };
  if (filtering) items.forEach(mark);
  const walk = (nodes: PlanTreeNode[], depth: number) => {
    for (const node of nodes) {
      if (filtering && !keep.get(node.id)) continue;
      const children = filtering ? node.children.filter((c) => keep.get(c.id)) : node.children;
      rows.push({
        item: node,
        depth,
        hasChildren: children.length > 0,
        context: filtering && !matches(node, filters, today, text),
      });
      if (children.length > 0 && (filtering || expanded.has(node.id))) walk(children, depth + 1);
    }
  };
  walk(items, 0);
  return rows;
}

/** Every item in the tree, by id. */
export function indexTree(items: PlanTreeNode[]): Map<string, PlanTreeNode> {
  const index = new Map<string, PlanTreeNode>();
  const walk = (nodes: PlanTreeNode[]) => {
    for (const node of nodes) {
      index.set(node.id, node);
      walk(node.children);
    }
  };
  walk(items);
  return index;
}

/** The address of the export with the filters on screen (the text filter has no server match). */
export function exportHref(
  planId: string,
  format: 'csv' | 'xlsx',
  filters: PlanTreeFilters,
): string {
  const params = new URLSearchParams({ format });
  if (filters.status.length > 0) params.set('status', filters.status.join(','));
  if (filters.overdue) params.set('overdue', 'true');
  return `/api/v1/plans/${encodeURIComponent(planId)}/export?${params.toString()}`;
}
