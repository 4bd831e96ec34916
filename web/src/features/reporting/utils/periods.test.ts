import { describe, expect, it } from 'vitest';
import type { DueItem } from '../api/reporting.js';
import { countStates, periodAfter, periodContaining, suggestTitle } from './periods.js';

const words = {
  quarter: (q: number, y: number) => `Q${q} ${y}`,
  half: (h: number, y: number) => `H${h} ${y}`,
  year: (y: number) => `${y}`,
  range: (a: string, b: string) => `${a} – ${b}`,
};

describe('reporting periods', () => {
  it('finds the calendar quarter, half-year and year around a day', () => {
    expect(periodContaining('quarter', '2026-11-29')).toEqual({
      startsOn: '2026-10-01',
      endsOn: '2026-12-31',
    });
    expect(periodContaining('quarter', '2028-02-10')).toEqual({
      startsOn: '2028-01-01',
      endsOn: '2028-03-31',
    });
    expect(periodContaining('half_year', '2026-07-01')).toEqual({
      startsOn: '2026-07-01',
      endsOn: '2026-12-31',
    });
    expect(periodContaining('year', '2026-05-05')).toEqual({
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
    });
  });

  it('moves to the period after the last one, across a year end', () => {
    expect(periodAfter('quarter', '2026-12-31')).toEqual({
      startsOn: '2027-01-01',
      endsOn: '2027-03-31',
    });
    expect(periodAfter('half_year', '2026-06-30')).toEqual({
      startsOn: '2026-07-01',
      endsOn: '2026-12-31',
    });
  });

  it('names whole calendar periods and falls back to the dates otherwise', () => {
    expect(suggestTitle('quarter', '2026-10-01', '2026-12-31', words)).toBe('Q4 2026');
    expect(suggestTitle('half_year', '2026-01-01', '2026-06-30', words)).toBe('H1 2026');
    expect(suggestTitle('year', '2027-01-01', '2027-12-31', words)).toBe('2027');
    expect(suggestTitle('quarter', '2026-10-15', '2026-12-31', words)).toBe(
      '2026-10-15 – 2026-12-31',
    );
    expect(suggestTitle('cycle', '2026-01-01', '2026-12-31', words)).toBe(
      '2026-01-01 – 2026-12-31',
    );
    expect(suggestTitle('quarter', '2026-10', '', words)).toBe('');
  });

  it('counts reports by state', () => {
    const item = (status: string | null) =>
      ({ report: status === null ? null : { status } }) as unknown as DueItem;
    expect(
      countStates([
        item(null),
        item('draft'),
        item('submitted'),
        item('submitted'),
        item('approved'),
      ]),
    ).toEqual({ due: 5, not_started: 1, draft: 1, submitted: 2, returned: 0, approved: 1 });
  });
});
