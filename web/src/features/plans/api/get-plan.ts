/** GET /plans/:id — one plan with its levels. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Plan } from '../../../../../core/schemas/plan.js';
import { api } from '../../../lib/api-client.js';

export const planQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['plans', 'detail', id],
    queryFn: ({ signal }) => api.get<Plan>(`/plans/${encodeURIComponent(id)}`, undefined, signal),
  });

export function usePlan(id: string) {
  return useQuery(planQueryOptions(id));
}
