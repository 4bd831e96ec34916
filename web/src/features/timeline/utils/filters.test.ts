import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTERS,
  parseTimelineFilters,
  relatedTo,
  timelineFiltersToParams,
} from './filters.js';

describe('timeline filters in the address bar', () => {
  it('reads categories, years, text and order from the query string', () => {
    const filters = parseTimelineFilters(
      new URLSearchParams('category=ipap,parp&from=2006&to=2015&q=NAC&order=desc'),
    );
    expect(filters).toEqual({
      categories: ['parp', 'ipap'],
      fromYear: '2006',
      toYear: '2015',
      q: 'NAC',
      order: 'desc',
      related: null,
    });
  });

  it('ignores unknown categories and malformed years instead of failing', () => {
    const filters = parseTimelineFilters(
      new URLSearchParams('category=ipap,bogus&from=20&order=x'),
    );
    expect(filters).toEqual({ ...EMPTY_FILTERS, categories: ['ipap'] });
  });

  it('leaves defaults out so the shared address stays short, and round-trips', () => {
    expect(timelineFiltersToParams(EMPTY_FILTERS).toString()).toBe('');
    const params = timelineFiltersToParams({
      categories: ['kfor'],
      fromYear: '1999',
      toYear: null,
      q: ' patrol ',
      order: 'asc',
      related: null,
    });
    expect(params.toString()).toBe('category=kfor&from=1999&q=patrol');
    expect(parseTimelineFilters(params).q).toBe('patrol');
  });

  it('keeps a related-record filter only when it looks like a record id', () => {
    const id = '0192d7a0-7c1e-7000-8000-000000000000';
    expect(parseTimelineFilters(new URLSearchParams(`related=${id}`)).related).toBe(id);
    expect(parseTimelineFilters(new URLSearchParams('related=../etc')).related).toBeNull();
    expect(relatedTo([{ related: [{ id }] }, { related: [] }], id)).toHaveLength(1);
  });
});
