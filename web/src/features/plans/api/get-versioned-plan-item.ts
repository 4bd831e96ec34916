/** GET /plan-items/:id with its ETag — the record a form edits and later saves with If-Match. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PlanItem } from '../../../../../core/schemas/plan.js';
import { api } from '../../../lib/api-client.js';

export const versionedPlanItemQueryKey = (id: string) => ['plan-items', id, 'versioned'] as const;

export const versionedPlanItemQueryOptions = (id: string) =>
  queryOptions({
    queryKey: versionedPlanItemQueryKey(id),
    queryFn: ({ signal }) =>
      api.getVersioned<PlanItem>(`/plan-items/${encodeURIComponent(id)}`, signal),
    // A form must start from the record as it is now, never from a cached copy.
    staleTime: 0,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });

export function useVersionedPlanItem(id: string | null) {
  return useQuery({ ...versionedPlanItemQueryOptions(id ?? ''), enabled: id !== null });
}
