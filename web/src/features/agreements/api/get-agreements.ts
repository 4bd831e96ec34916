/** GET /agreements — the register of legal and political instruments, filtered on the server. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Agreement } from '../../../../../core/schemas/agreement.js';
import { fetchAllPages } from '../../../lib/api-client.js';
import type { AgreementFilters } from '../utils/filters.js';
import { queryKeys } from '@/lib/query-keys.js';

type ServerFilters = Pick<AgreementFilters, 'kind' | 'status' | 'q'>;

export async function getAgreements(filters: ServerFilters, signal?: AbortSignal) {
  return fetchAllPages<Agreement>(
    '/agreements',
    {
      kind: filters.kind,
      status: filters.status,
      q: filters.q.trim(),
      sort: 'signedOn',
      order: 'asc',
    },
    signal,
  );
}

export const agreementsQueryOptions = (filters: ServerFilters) =>
  queryOptions({
    queryKey: queryKeys.agreements.list({
      kind: filters.kind,
      status: filters.status,
      q: filters.q.trim(),
    }),
    queryFn: ({ signal }) => getAgreements(filters, signal),
  });

export function useAgreements(filters: ServerFilters) {
  return useQuery({ ...agreementsQueryOptions(filters), placeholderData: keepPreviousData });
}
