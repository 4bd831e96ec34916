/** GET /plans — the action plans (IPAP 2015, IPAP 2019–2021, …) with their levels. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Plan } from '../../../../../core/schemas/plan.js';
import { fetchAllPages } from '../../../lib/api-client.js';

export async function getPlans(signal?: AbortSignal) {
  return fetchAllPages<Plan>('/plans', { sort: 'periodStart', order: 'asc' }, signal);
}

export const plansQueryOptions = () =>
  queryOptions({
    queryKey: ['plans', 'list'],
    queryFn: ({ signal }) => getPlans(signal),
  });

export function usePlans() {
  return useQuery(plansQueryOptions());
}
