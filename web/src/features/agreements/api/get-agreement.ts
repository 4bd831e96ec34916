/** GET /agreements/:id — one instrument with its sources and its relations to others. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AgreementDetail } from '../../../../../core/schemas/agreement.js';
import { api } from '../../../lib/api-client.js';
import { queryKeys } from '@/lib/query-keys.js';

export const agreementQueryOptions = (id: string) =>
  queryOptions({
    queryKey: queryKeys.agreements.detail(id),
    queryFn: ({ signal }) =>
      api.get<AgreementDetail>(`/agreements/${encodeURIComponent(id)}`, undefined, signal),
  });

export function useAgreement(id: string) {
  return useQuery(agreementQueryOptions(id));
}
