/**
 * Changing indicators: POST /plan-items/:id/indicators, PATCH and DELETE /indicators/:id with
 * If-Match (the indicator's version: "3"), POST /indicators/:id/measurements. Every change refreshes
 * what the item page and the drawer read about the item (indicators, history, changes).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  Indicator,
  IndicatorCreate,
  IndicatorUpdate,
  MeasurementCreate,
} from '@core/schemas/indicator.js';
import { api, apiRequest } from '@/lib/api-client.js';
import { itemIndicatorsQueryOptions } from '@/lib/item-indicators.js';
import { queryKeys } from '@/lib/query-keys.js';

const indicatorPath = (id: string) => `/indicators/${encodeURIComponent(id)}`;
/** The ETag the server gives an indicator. */
export const indicatorEtag = (version: number) => `"${version}"`;

function useRefresh(itemId: string) {
  const queryClient = useQueryClient();
  return {
    /** Puts the saved indicator in place at once, then reads everything about the item afresh. */
    put: (saved: Indicator | null, removedId?: string) => {
      const key = itemIndicatorsQueryOptions(itemId).queryKey;
      queryClient.setQueryData(key, (old) => {
        if (!old) return old;
        const items = old.items.filter((i) => i.id !== removedId);
        if (!saved) return { items };
        const at = items.findIndex((i) => i.id === saved.id);
        return {
          items: at === -1 ? [...items, saved] : items.map((i) => (i.id === saved.id ? saved : i)),
        };
      });
      return queryClient.invalidateQueries({ queryKey: queryKeys.planItems.item(itemId) });
    },
  };
}

export function useCreateIndicator(itemId: string) {
  const refresh = useRefresh(itemId);
  return useMutation({
    mutationFn: (input: IndicatorCreate) =>
      api.post<Indicator>(`/plan-items/${encodeURIComponent(itemId)}/indicators`, input),
    onSuccess: (saved) => refresh.put(saved),
  });
}

export function useUpdateIndicator(itemId: string) {
  const refresh = useRefresh(itemId);
  return useMutation({
    mutationFn: async (input: { id: string; version: number; changes: IndicatorUpdate }) =>
      (
        await api.patch<Indicator>(
          indicatorPath(input.id),
          input.changes,
          indicatorEtag(input.version),
        )
      ).data,
    onSuccess: (saved) => refresh.put(saved),
  });
}

export function useDeleteIndicator(itemId: string) {
  const refresh = useRefresh(itemId);
  return useMutation({
    mutationFn: (indicator: { id: string; version: number }) =>
      apiRequest<void>(indicatorPath(indicator.id), {
        method: 'DELETE',
        headers: { 'If-Match': indicatorEtag(indicator.version) },
      }),
    onSuccess: (_, indicator) => refresh.put(null, indicator.id),
  });
}

export function useRecordMeasurement(itemId: string) {
  const refresh = useRefresh(itemId);
  return useMutation({
    mutationFn: (input: { id: string; measurement: MeasurementCreate }) =>
      api.post<Indicator>(`${indicatorPath(input.id)}/measurements`, input.measurement),
    onSuccess: (saved) => refresh.put(saved),
  });
}
