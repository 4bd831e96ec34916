/**
 * GET /plans/:id/tree — the plan's items with their roll-up (progress, rule, inputs).
 *
 * A small plan is read whole, as it always was. A large one (more than WHOLE_TREE_LIMIT visible
 * items) opens with its top level only; each row says how many children it has (`childCount`)
 * and they are read when the row is opened (`usePlanTreeParts`). Roll-ups are the server's, over
 * every visible item, whatever part is loaded.
 */
import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import type { PlanTreeNode } from '../../../../../core/schemas/plan.js';
import { api, isApiError } from '../../../lib/api-client.js';
import { isPartial } from '../utils/tree.js';

export interface PlanTree {
  planId: string;
  /** The day the tree is read as of, or null for today. */
  asOf: string | null;
  levels: { depth: number; name: { en: string | null; sr: string | null }; rollupRule: string }[];
  /** The item whose subtree `items` is, or null for the top of the plan. */
  parentId?: string | null;
  /** The levels read (null: all of them). */
  depth?: number | null;
  /** Items of the whole plan the reader may see. */
  visibleItems?: number;
  items: PlanTreeNode[];
}

/** Up to this many visible items a plan is read whole (filters, shortcuts and all as before). */
export const WHOLE_TREE_LIMIT = 2000;
/** Levels a large plan opens with. */
export const OPEN_DEPTH = 1;

/** ['plans', 'tree', id] is the prefix every change invalidates; the as-of day follows it. */
export const planTreeQueryKey = (id: string, asOf?: string | null) =>
  asOf ? (['plans', 'tree', id, asOf] as const) : (['plans', 'tree', id] as const);

function treeUrl(id: string, params: Record<string, string | number | null | undefined>) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== null && value !== undefined) search.set(key, String(value));
  const query = search.toString();
  return `/plans/${encodeURIComponent(id)}/tree${query ? `?${query}` : ''}`;
}

export const planTreeQueryOptions = (id: string, asOf?: string | null) =>
  queryOptions({
    queryKey: planTreeQueryKey(id, asOf),
    queryFn: async ({ signal }) => {
      const top = await api.get<PlanTree>(
        treeUrl(id, { asOf, depth: OPEN_DEPTH }),
        undefined,
        signal,
      );
      // A small plan (or an older server, which answers the whole tree anyway) is read whole.
      if (!isPartial(top.items) || (top.visibleItems ?? 0) > WHOLE_TREE_LIMIT) return top;
      return api.get<PlanTree>(treeUrl(id, { asOf }), undefined, signal);
    },
  });

/** The plan's tree today, or as it stood at the end of `asOf` (YYYY-MM-DD). */
export function usePlanTree(id: string, asOf?: string | null) {
  return useQuery(planTreeQueryOptions(id, asOf));
}

/**
 * The whole tree, read only when asked for (`enabled`): filtering a large plan needs every item.
 * Under the same key prefix, so a change refreshes it with the rest.
 */
export function useWholePlanTree(id: string, asOf: string | null | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...planTreeQueryKey(id, asOf), 'whole'] as const,
    queryFn: ({ signal }) => api.get<PlanTree>(treeUrl(id, { asOf }), undefined, signal),
    enabled,
    staleTime: 60_000,
  });
}

/**
 * The children of each opened row of a large plan, one request per row (its children, each with
 * its own `childCount`). A row gone or hidden since (404) simply has no children to show.
 */
export function usePlanTreeParts(id: string, asOf: string | null | undefined, parents: string[]) {
  return useQueries({
    queries: parents.map((parentId) => ({
      queryKey: [...planTreeQueryKey(id, asOf), 'part', parentId] as const,
      queryFn: async ({ signal }: { signal: AbortSignal }) => {
        try {
          return await api.get<PlanTree>(
            treeUrl(id, { asOf, parentId, depth: 1 }),
            undefined,
            signal,
          );
        } catch (error) {
          if (isApiError(error) && error.status === 404) return null;
          throw error;
        }
      },
    })),
    combine: (results) => {
      const parts = new Map<string, PlanTreeNode[]>();
      const loading = new Set<string>();
      const failed = new Set<string>();
      results.forEach((result, i) => {
        const parentId = parents[i]!;
        if (result.data) parts.set(parentId, result.data.items);
        else if (result.data === null) parts.set(parentId, []);
        if (result.isPending || result.isFetching) loading.add(parentId);
        if (result.isError) failed.add(parentId);
      });
      return { parts, loading, failed };
    },
  });
}

/**
 * The items above `itemId`, top-down (GET /plan-items/:id, one per level): what a large plan must
 * open to show an item named in the address (?item=, as the dashboard links) that is not loaded.
 */
export function usePlanItemAncestors(planId: string, itemId: string | null) {
  return useQuery({
    queryKey: ['plans', 'tree', planId, 'ancestors', itemId] as const,
    enabled: itemId !== null,
    queryFn: async ({ signal }) => {
      const get = (id: string) =>
        api.get<{ parentId: string | null }>(
          `/plan-items/${encodeURIComponent(id)}`,
          undefined,
          signal,
        );
      const ancestors: string[] = [];
      let current = await get(itemId!);
      // A plan has at most a handful of levels; the bound only guards against a loop.
      while (current.parentId && ancestors.length < 20) {
        ancestors.unshift(current.parentId);
        current = await get(current.parentId);
      }
      return ancestors;
    },
  });
}
