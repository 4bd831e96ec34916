/** GET /plans/:id/tree — every item of a plan with its roll-up (progress, rule, inputs). */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PlanTreeNode } from '../../../../../core/schemas/plan.js';
import { api } from '../../../lib/api-client.js';

export interface PlanTree {
  planId: string;
  /** The day the tree is read as of, or null for today. */
  asOf: string | null;
  levels: { depth: number; name: { en: string | null; sr: string | null }; rollupRule: string }[];
  items: PlanTreeNode[];
}

/** ['plans', 'tree', id] is the prefix every change invalidates; the as-of day follows it. */
export const planTreeQueryKey = (id: string, asOf?: string | null) =>
  asOf ? (['plans', 'tree', id, asOf] as const) : (['plans', 'tree', id] as const);

export const planTreeQueryOptions = (id: string, asOf?: string | null) =>
  queryOptions({
    queryKey: planTreeQueryKey(id, asOf),
    queryFn: ({ signal }) =>
      api.get<PlanTree>(
        `/plans/${encodeURIComponent(id)}/tree${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`,
        undefined,
        signal,
      ),
  });

/** The plan's tree today, or as it stood at the end of `asOf` (YYYY-MM-DD). */
export function usePlanTree(id: string, asOf?: string | null) {
  return useQuery(planTreeQueryOptions(id, asOf));
}
