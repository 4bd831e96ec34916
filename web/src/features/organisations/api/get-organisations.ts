/** GET /organisations — ministries, units, parliament bodies and NATO bodies, as one list. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Organisation } from '../../../../../core/schemas/organisation.js';
import { fetchAllPages } from '../../../lib/api-client.js';
import { queryKeys } from '@/lib/query-keys.js';

export async function getOrganisations(signal?: AbortSignal): Promise<Organisation[]> {
  const { items } = await fetchAllPages<Organisation>('/organisations', { sort: 'name' }, signal);
  return items;
}

export const organisationsQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.organisations.list(),
    queryFn: ({ signal }) => getOrganisations(signal),
  });

export function useOrganisations() {
  return useQuery(organisationsQueryOptions());
}
