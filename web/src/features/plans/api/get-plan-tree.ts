/** GET /plans/:id/tree — every item of a plan with its roll-up (progress, rule, inputs). */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PlanTreeNode } from '../../../../../core/schemas/plan.js';
import { api } from '../../../lib/api-client.js';

export interface PlanTree {
  planId: string;
  levels: { depth: number; name: { en: string | null; sr: string | null }; rollupRule: string }[];
  items: PlanTreeNode[];
}

export const planTreeQueryKey = (id: string) => ['plans', 'tree', id] as const;

export const planTreeQueryOptions = (id: string) =>
  queryOptions({
    queryKey: planTreeQueryKey(id),
    queryFn: ({ signal }) =>
      api.get<PlanTree>(`/plans/${encodeURIComponent(id)}/tree`, undefined, signal),
  });

export function usePlanTree(id: string) {
  return useQuery(planTreeQueryOptions(id));
}
