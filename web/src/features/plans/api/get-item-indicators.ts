/** GET /plan-items/:id/indicators — the item's indicators with their progress to target. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Indicator } from '../../../../../core/schemas/indicator.js';
import { api } from '../../../lib/api-client.js';

export const itemIndicatorsQueryOptions = (itemId: string) =>
  queryOptions({
    queryKey: ['plan-items', itemId, 'indicators'],
    queryFn: ({ signal }) =>
      api.get<{ items: Indicator[] }>(
        `/plan-items/${encodeURIComponent(itemId)}/indicators`,
        undefined,
        signal,
      ),
  });

export function useItemIndicators(itemId: string) {
  return useQuery(itemIndicatorsQueryOptions(itemId));
}
