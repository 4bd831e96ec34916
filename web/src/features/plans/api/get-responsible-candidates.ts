/**
 * GET /plan-items/responsible-candidates — the active users of an organisation and its units, who
 * may be named responsible for an item it leads (for those who may write such items).
 */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ResponsibleCandidates } from '../../../../../core/schemas/plan.js';
import { api } from '../../../lib/api-client.js';

export async function getResponsibleCandidates(
  organisationId: string,
  q: string,
  signal?: AbortSignal,
): Promise<ResponsibleCandidates> {
  return api.get<ResponsibleCandidates>(
    '/plan-items/responsible-candidates',
    { organisationId, ...(q.trim() ? { q: q.trim() } : {}) },
    signal,
  );
}

export const responsibleCandidatesQueryOptions = (organisationId: string, q: string) =>
  queryOptions({
    queryKey: ['plans', 'responsible-candidates', organisationId, q.trim()],
    queryFn: ({ signal }) => getResponsibleCandidates(organisationId, q, signal),
    staleTime: 60_000,
  });

export function useResponsibleCandidates(organisationId: string | null, q: string) {
  return useQuery({
    ...responsibleCandidatesQueryOptions(organisationId ?? '', q),
    enabled: organisationId !== null,
    placeholderData: keepPreviousData,
  });
}
