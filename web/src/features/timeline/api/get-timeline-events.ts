/** GET /timeline-events — the significant events, filtered and in date order. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { TimelineEvent } from '../../../../../core/schemas/timeline.js';
import { fetchAllPages } from '../../../lib/api-client.js';
import { relatedTo, type TimelineFilters } from '../utils/filters.js';
import { queryKeys } from '@/lib/query-keys.js';

export interface TimelineResult {
  items: TimelineEvent[];
  total: number;
}

/** Reads every matching event (following pages past 200) in the chosen order. */
export function getTimelineEvents(
  filters: TimelineFilters,
  signal?: AbortSignal,
): Promise<TimelineResult> {
  return fetchAllPages<TimelineEvent>(
    '/timeline-events',
    {
      category: filters.categories,
      from: filters.fromYear,
      to: filters.toYear,
      q: filters.q.trim(),
      sort: 'date',
      order: filters.order,
    },
    signal,
  );
}

/** The filters the server applies; `related` is applied here (the API has no such filter). */
function serverFilters({ related: _related, ...rest }: TimelineFilters) {
  return rest;
}

export const timelineEventsQueryOptions = (filters: TimelineFilters) =>
  queryOptions({
    queryKey: queryKeys.timeline.list(serverFilters(filters)),
    queryFn: ({ signal }) => getTimelineEvents(filters, signal),
  });

/**
 * The events matching the filters. Keeps the previous results on screen while a new filter
 * loads, so the list does not flash.
 */
export function useTimelineEvents(filters: TimelineFilters) {
  const related = filters.related;
  return useQuery({
    ...timelineEventsQueryOptions(filters),
    placeholderData: keepPreviousData,
    select: (result: TimelineResult): TimelineResult => {
      if (!related) return result;
      const items = relatedTo(result.items, related);
      return { items, total: items.length };
    },
  });
}
