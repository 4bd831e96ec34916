/** Filtering and flattening the plan tree for the tree-table. */
import {
  dueWithin,
  EMPTY_PLAN_ITEM_FILTERS,
  hasItemFilters,
  itemIsOverdue as coreItemIsOverdue,
  labelKey,
  matchesItemFilters,
  periodBounds,
  type PlanItemFilters,
} from '../../../../../core/plans/item-filters.js';
import { PLAN_ITEM_STATUSES, type PlanItemStatus } from '../../../../../core/plans/status.js';
import type { PlanTreeNode } from '../../../../../core/schemas/plan.js';

/** The tree-table's filters: one rule in core, shared with the export. */
export type PlanTreeFilters = PlanItemFilters;
export const EMPTY_PLAN_FILTERS = EMPTY_PLAN_ITEM_FILTERS;
export { dueWithin, labelKey };
export const hasFilters = hasItemFilters;

export function itemIsOverdue(item: PlanTreeNode, today: string): boolean {
  return coreItemIsOverdue(item, today);
}

/** Does the item itself (not its children) pass the filters? `text` gives its searchable words. */
export function matches(
  item: PlanTreeNode,
  filters: PlanTreeFilters,
  today: string,
  text: (item: PlanTreeNode) => string,
): boolean {
  return matchesItemFilters(item, filters, today, text);
}

/* ---- A large plan arrives a part at a time: the top levels, then children when opened ---- */

/** The item has visible children the client has not loaded yet (`childCount` says how many). */
export function needsChildren(item: PlanTreeNode): boolean {
  return (item.childCount ?? item.children.length) > item.children.length;
}

/** Some item of the tree still has children to load: the tree is not the whole plan. */
export function isPartial(items: readonly PlanTreeNode[]): boolean {
  return items.some((item) => needsChildren(item) || isPartial(item.children));
}

/**
 * The tree with the parts loaded so far hung under their parents (`parts`: parent id → its
 * children, as GET /plans/:id/tree?parentId= answers them). Parts load their own children later,
 * so merging goes on below them. Items that already carry children keep them.
 */
export function mergeParts(
  items: PlanTreeNode[],
  parts: ReadonlyMap<string, PlanTreeNode[]>,
): PlanTreeNode[] {
  if (parts.size === 0) return items;
  const merge = (nodes: PlanTreeNode[]): PlanTreeNode[] =>
    nodes.map((node) => {
      const loaded = needsChildren(node) ? parts.get(node.id) : undefined;
      // A part answered: its children are what the reader sees now (it may have changed since).
      if (loaded) return { ...node, childCount: loaded.length, children: merge(loaded) };
      return node.children.length === 0 ? node : { ...node, children: merge(node.children) };
    });
  return merge(items);
}

export interface TreeRow {
  item: PlanTreeNode;
  depth: number;
  /** The item has children that are shown (after filtering), or children still to load. */
  hasChildren: boolean;
  /** Its children are not loaded yet: opening the row loads them. */
  unloaded: boolean;
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
      const unloaded = !filtering && needsChildren(node);
      rows.push({
        item: node,
        depth,
        hasChildren: children.length > 0 || unloaded,
        unloaded,
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

/** The address of the export of exactly the filtered view (the server applies the same rule). */
export function exportHref(
  planId: string,
  format: 'csv' | 'xlsx',
  filters: PlanTreeFilters,
  /** The interface language: the export's headings, statuses and names follow it. */
  language?: string,
): string {
  const params = new URLSearchParams({ format });
  if (language) params.set('lang', language);
  if (filters.status.length > 0) params.set('status', filters.status.join(','));
  if (filters.owner) params.set('leadOrganisationId', filters.owner);
  if (filters.overdue) params.set('overdue', 'true');
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (periodBounds(filters.dueFrom)) params.set('dueFrom', filters.dueFrom);
  if (periodBounds(filters.dueTo)) params.set('dueTo', filters.dueTo);
  if (filters.labels.length > 0) params.set('label', filters.labels.join(','));
  return `/api/v1/plans/${encodeURIComponent(planId)}/export?${params.toString()}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function list(params: URLSearchParams, key: string): string[] {
  return params
    .getAll(key)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/**
 * The filters as the address keeps them (?status=ongoing,postponed&overdue=1&owner=…&dueFrom=
 * 2026-Q1&dueTo=2026-Q3&label=NATO:NATO_UNCLASSIFIED&q=…), so a filtered view can be shared and
 * survives a reload. Values that cannot be right are dropped rather than refused.
 */
export function filtersFromSearch(params: URLSearchParams): PlanTreeFilters {
  const statuses = new Set<string>(PLAN_ITEM_STATUSES);
  const owner = params.get('owner')?.trim() ?? '';
  return {
    status: [...new Set(list(params, 'status'))].filter((s): s is PlanItemStatus =>
      statuses.has(s),
    ),
    overdue: ['1', 'true', 'yes'].includes(params.get('overdue') ?? ''),
    q: params.get('q') ?? '',
    owner: UUID.test(owner) ? owner : null,
    dueFrom: (params.get('dueFrom') ?? '').slice(0, 10),
    dueTo: (params.get('dueTo') ?? '').slice(0, 10),
    labels: [...new Set(list(params, 'label'))].filter((l) => /^[A-Z_]+:[A-Z_]+$/.test(l)),
  };
}

/** Writes the filters into `params` (other keys, such as ?item=, are kept). */
export function filtersToSearch(
  filters: PlanTreeFilters,
  params: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string) => {
    if (value) next.set(key, value);
    else next.delete(key);
  };
  set('q', filters.q);
  set('status', filters.status.join(','));
  set('overdue', filters.overdue ? '1' : '');
  set('owner', filters.owner ?? '');
  set('dueFrom', filters.dueFrom.trim());
  set('dueTo', filters.dueTo.trim());
  set('label', filters.labels.join(','));
  return next;
}

/** The items beside `item` under the same parent (itself included), in order. */
export function siblingsOf(
  items: PlanTreeNode[],
  index: ReadonlyMap<string, PlanTreeNode>,
  item: PlanTreeNode,
): PlanTreeNode[] {
  const parent = item.parentId ? index.get(item.parentId) : undefined;
  return parent ? parent.children : items;
}

/** Every item at one depth (0: the top level), in tree order. */
export function itemsAtDepth(items: PlanTreeNode[], depth: number): PlanTreeNode[] {
  const found: PlanTreeNode[] = [];
  const walk = (nodes: PlanTreeNode[]) => {
    for (const node of nodes) {
      if (node.depth === depth) found.push(node);
      else if (node.depth < depth) walk(node.children);
    }
  };
  walk(items);
  return found;
}

/** How many items are below this one, at any depth. */
export function descendantCount(item: PlanTreeNode): number {
  return item.children.reduce((sum, child) => sum + 1 + descendantCount(child), 0);
}

/** An item marked as illustrative sample data (the field may be missing on older servers). */
export function isSample(item: { sampleData?: boolean }): boolean {
  return item.sampleData === true;
}
