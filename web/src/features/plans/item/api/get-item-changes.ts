/** GET /plan-items/:id/changes — every recorded change of the item's status and progress. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PlanItemStatus } from '../../../../../../core/plans/status.js';
import { api } from '../../../../lib/api-client.js';

export interface ItemChange {
  at: string;
  /** Display name of who changed it; null for the system (seed, migration). */
  by: string | null;
  status: PlanItemStatus;
  manualProgress: number | null;
  deleted: boolean;
}

export const itemChangesQueryOptions = (itemId: string) =>
  queryOptions({
    // Under ['plan-items', id] so that anything invalidating the item refreshes its history too.
    queryKey: ['plan-items', itemId, 'changes'],
    queryFn: ({ signal }) =>
      api.get<{ items: ItemChange[] }>(
        `/plan-items/${encodeURIComponent(itemId)}/changes`,
        undefined,
        signal,
      ),
  });

export function useItemChanges(itemId: string) {
  return useQuery(itemChangesQueryOptions(itemId));
}
