/** GET /plans/:id/dashboard — counts, lists and the trend over what the reader may see. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PlanDashboard } from '../../../../../../core/schemas/plan-dashboard.js';
import { api } from '../../../../lib/api-client.js';

export type { PlanDashboard };

export const planDashboardQueryKey = (id: string) => ['plans', 'dashboard', id] as const;

export const planDashboardQueryOptions = (id: string) =>
  queryOptions({
    queryKey: planDashboardQueryKey(id),
    queryFn: ({ signal }) =>
      api.get<PlanDashboard>(`/plans/${encodeURIComponent(id)}/dashboard`, undefined, signal),
  });

export function usePlanDashboard(id: string) {
  return useQuery(planDashboardQueryOptions(id));
}
