/**
 * GET /plan-items/:id/indicators — an item's indicators with their progress to target. Shared: the
 * plan's item drawer, the item page (indicators feature) and the report drawer all read it, and
 * features do not import each other.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Indicator } from '@core/schemas/indicator.js';
import { api } from '@/lib/api-client.js';
import { queryKeys } from '@/lib/query-keys.js';

export const itemIndicatorsQueryOptions = (itemId: string) =>
  queryOptions({
    queryKey: queryKeys.planItems.indicators(itemId),
    queryFn: ({ signal }) =>
      api.get<{ items: Indicator[] }>(
        `/plan-items/${encodeURIComponent(itemId)}/indicators`,
        undefined,
        signal,
      ),
  });

/** The item's indicators (one cached query however many screens show them). */
export function useItemIndicators(itemId: string) {
  return useQuery(itemIndicatorsQueryOptions(itemId));
}
