/** The timeline's filters and their place in the address bar, so a filtered view can be shared. */
import {
  TIMELINE_CATEGORIES,
  type TimelineCategory,
} from '../../../../../core/domain/vocabularies.js';

export type SortOrder = 'asc' | 'desc';

export interface TimelineFilters {
  categories: TimelineCategory[];
  /** First year shown, 'YYYY'. */
  fromYear: string | null;
  /** Last year shown, 'YYYY'. */
  toYear: string | null;
  q: string;
  order: SortOrder;
  /** Only events related to this record (a mechanism, agreement or organisation id). */
  related: string | null;
}

export const EMPTY_FILTERS: TimelineFilters = {
  categories: [],
  fromYear: null,
  toYear: null,
  q: '',
  order: 'asc',
  related: null,
};

const YEAR = /^\d{4}$/;
const RECORD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isCategory(value: string): value is TimelineCategory {
  return (TIMELINE_CATEGORIES as readonly string[]).includes(value);
}

/** Reads filters from the query string; anything unknown or malformed is ignored, not an error. */
export function parseTimelineFilters(params: URLSearchParams): TimelineFilters {
  const categories = params
    .getAll('category')
    .flatMap((v) => v.split(','))
    .filter(isCategory);
  const fromYear = params.get('from');
  const toYear = params.get('to');
  return {
    // Keep the vocabulary's order so the same selection always gives the same address.
    categories: TIMELINE_CATEGORIES.filter((c) => categories.includes(c)),
    fromYear: fromYear && YEAR.test(fromYear) ? fromYear : null,
    toYear: toYear && YEAR.test(toYear) ? toYear : null,
    q: (params.get('q') ?? '').slice(0, 200),
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    related: RECORD_ID.test(params.get('related') ?? '') ? params.get('related') : null,
  };
}

/** Writes filters as a short query string: defaults are left out. */
export function timelineFiltersToParams(filters: TimelineFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.categories.length > 0) params.set('category', filters.categories.join(','));
  if (filters.fromYear) params.set('from', filters.fromYear);
  if (filters.toYear) params.set('to', filters.toYear);
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.order === 'desc') params.set('order', 'desc');
  if (filters.related) params.set('related', filters.related);
  return params;
}

export function hasActiveFilters(filters: TimelineFilters): boolean {
  return (
    filters.categories.length > 0 ||
    filters.fromYear !== null ||
    filters.toYear !== null ||
    filters.q.trim() !== '' ||
    filters.related !== null
  );
}

/** The events related to a record, in the order given. */
export function relatedTo<T extends { related: readonly { id: string }[] }>(
  events: readonly T[],
  recordId: string,
): T[] {
  return events.filter((event) => event.related.some((record) => record.id === recordId));
}
