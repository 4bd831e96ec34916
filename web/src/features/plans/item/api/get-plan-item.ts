/** GET /plan-items/:id — one plan item (the full page reads it on its own, without the tree). */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PlanItem } from '../../../../../../core/schemas/plan.js';
import { api } from '../../../../lib/api-client.js';

export const planItemQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['plan-items', id, 'detail'],
    queryFn: ({ signal }) =>
      api.get<PlanItem>(`/plan-items/${encodeURIComponent(id)}`, undefined, signal),
  });

export function usePlanItem(id: string) {
  return useQuery(planItemQueryOptions(id));
}
