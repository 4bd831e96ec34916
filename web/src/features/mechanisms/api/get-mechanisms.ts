/** GET /mechanisms — every cooperation mechanism (PfP and those beneath it, KFOR, NATO PA…). */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Mechanism } from '../../../../../core/schemas/mechanism.js';
import { fetchAllPages } from '../../../lib/api-client.js';
import { queryKeys } from '@/lib/query-keys.js';

export async function getMechanisms(signal?: AbortSignal): Promise<Mechanism[]> {
  const { items } = await fetchAllPages<Mechanism>(
    '/mechanisms',
    { sort: 'startedOn', order: 'asc' },
    signal,
  );
  return items;
}

export const mechanismsQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.mechanisms.list(),
    queryFn: ({ signal }) => getMechanisms(signal),
  });

export function useMechanisms() {
  return useQuery(mechanismsQueryOptions());
}
