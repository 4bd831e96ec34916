import { describe, expect, it } from 'vitest';
import type { DueItem } from '../api/reporting.js';
import {
  countStates,
  periodAfter,
  periodContaining,
  periodName,
  proposePeriod,
  suggestTitle,
} from './periods.js';

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

  it('counts reports by state, and as due only the items due within the period', () => {
    const item = (status: string | null, dueInPeriod = true) =>
      ({ report: status === null ? null : { status }, dueInPeriod }) as unknown as DueItem;
    expect(
      countStates([
        item(null),
        item('draft', false),
        item('submitted'),
        item('submitted', false),
        item('approved'),
      ]),
    ).toEqual({
      all: 5,
      dueInPeriod: 3,
      none: 1,
      draft: 1,
      submitted: 2,
      returned: 0,
      approved: 1,
    });
  });

  it('proposes a period inside the plan: never Q4 2026 for a 2027 plan', () => {
    const plan2027 = { periodStart: '2027-01-01', periodEnd: '2027-12-31' };
    expect(proposePeriod('quarter', [], '2026-12-07', plan2027)).toEqual({
      startsOn: '2027-01-01',
      endsOn: '2027-03-31',
    });
    // Q1 already open: the first quarter of the plan not opened yet.
    expect(proposePeriod('quarter', [{ startsOn: '2027-01-01' }], '2026-12-07', plan2027)).toEqual({
      startsOn: '2027-04-01',
      endsOn: '2027-06-30',
    });
    // Today inside the plan: the current quarter.
    expect(proposePeriod('quarter', [], '2027-05-10', plan2027)).toEqual({
      startsOn: '2027-04-01',
      endsOn: '2027-06-30',
    });
    // The current quarter open already: the earliest quarter of the plan still missing.
    expect(proposePeriod('quarter', [{ startsOn: '2027-04-01' }], '2027-05-10', plan2027)).toEqual({
      startsOn: '2027-01-01',
      endsOn: '2027-03-31',
    });
    // A plan without a period: the current quarter.
    expect(proposePeriod('year', [], '2026-12-07', null)).toEqual({
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
    });
    // Every quarter of the plan open: the one after the newest.
    const all = ['2027-01-01', '2027-04-01', '2027-07-01', '2027-10-01'].map((startsOn) => ({
      startsOn,
    }));
    expect(proposePeriod('quarter', all, '2027-05-10', plan2027)).toEqual({
      startsOn: '2028-01-01',
      endsOn: '2028-03-31',
    });
  });
});

describe('period names in the reader’s language', () => {
  const sr = {
    quarter: (q: number, y: number) => `${q}. квартал ${y}.`,
    half: (h: number, y: number) => `${h}. полугодиште ${y}.`,
    year: (y: number) => `${y}.`,
    range: (a: string, b: string) => `${a} – ${b}`,
  };
  const q1 = { kind: 'quarter' as const, startsOn: '2027-01-01', endsOn: '2027-03-31' };
  it('writes a standard name as the reader does, whatever language it was saved in', () => {
    expect(periodName({ ...q1, title: 'Q1 2027' }, sr, [words])).toBe('1. квартал 2027.');
    expect(periodName({ ...q1, title: '1. квартал 2027.' }, words, [sr])).toBe('Q1 2027');
  });
  it('keeps a name someone chose, and the name of a period that is not a whole quarter', () => {
    expect(periodName({ ...q1, title: 'First review' }, sr, [words])).toBe('First review');
    expect(
      periodName(
        { kind: 'quarter', startsOn: '2027-01-15', endsOn: '2027-03-31', title: 'Q1 2027' },
        sr,
        [words],
      ),
    ).toBe('Q1 2027');
  });
});
