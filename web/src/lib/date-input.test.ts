import { describe, expect, it } from 'vitest';
import {
  draftFrom,
  endOfDayIso,
  evaluateDateDraft,
  startOfDayIso,
  todayInput,
  type DateDraft,
} from './date-input.js';

describe('dates typed in a date field', () => {
  it('become the first and last moment of that day where the reader is', () => {
    const start = new Date(startOfDayIso('2026-03-15') ?? '');
    const end = new Date(endOfDayIso('2026-03-15') ?? '');
    expect([start.getFullYear(), start.getMonth(), start.getDate(), start.getHours()]).toEqual([
      2026, 2, 15, 0,
    ]);
    expect([end.getDate(), end.getHours(), end.getMinutes(), end.getSeconds()]).toEqual([
      15, 23, 59, 59,
    ]);
    expect(end.getTime() - start.getTime()).toBe(24 * 3600 * 1000 - 1);
  });

  it.each(['', '2026-02-31', '15.03.2026', '2026-3-5', 'tomorrow'])(
    'are refused when they are not a real day: %j',
    (value) => {
      expect(startOfDayIso(value)).toBeNull();
      expect(endOfDayIso(value)).toBeNull();
    },
  );

  it('write today as the date field does', () => {
    expect(todayInput(new Date(2026, 0, 5, 13))).toBe('2026-01-05');
  });
});

describe('a partial-date field’s draft', () => {
  const draft = (patch: Partial<DateDraft>): DateDraft => ({
    precision: 'day',
    dayText: '',
    month: '',
    quarter: '',
    yearText: '',
    ...patch,
  });
  const value = (d: DateDraft) => evaluateDateDraft(d, undefined, undefined);

  it('holds a value in the API’s form at each precision', () => {
    expect(value(draft({ dayText: '15.03.2026.' })).value).toBe('2026-03-15');
    expect(value(draft({ precision: 'month', month: '3', yearText: '2026' })).value).toBe(
      '2026-03',
    );
    expect(value(draft({ precision: 'quarter', quarter: '2', yearText: '2026.' })).value).toBe(
      '2026-Q2',
    );
    expect(value(draft({ precision: 'year', yearText: '2026' })).value).toBe('2026');
    expect(value(draft({ precision: 'continuous' })).value).toBe('continuous');
  });

  it('is empty without a problem until something is typed', () => {
    expect(value(draft({}))).toEqual({ value: null, problem: null });
    expect(value(draft({ precision: 'quarter' }))).toEqual({ value: null, problem: null });
  });

  it('names what is missing or impossible', () => {
    expect(value(draft({ dayText: '31.02.2026.' })).problem).toEqual({
      key: 'noSuchDay',
      params: { month: 2, year: 2026, count: 28 },
    });
    expect(value(draft({ dayText: '15.3' })).problem).toEqual({ key: 'format' });
    expect(value(draft({ precision: 'quarter', yearText: '2026' })).problem).toEqual({
      key: 'quarterIncomplete',
    });
    expect(value(draft({ precision: 'year', yearText: '26' })).problem).toEqual({ key: 'year' });
    expect(value(draft({ precision: 'month', month: '1', yearText: '3026' })).problem?.key).toBe(
      'yearRange',
    );
  });

  it('keeps a day within the allowed days', () => {
    const d = draft({ dayText: '2026-03-15' });
    expect(evaluateDateDraft(d, '2026-03-16', undefined).problem).toEqual({
      key: 'beforeMin',
      params: { day: '2026-03-16' },
    });
    expect(evaluateDateDraft(d, undefined, '2026-03-14').problem?.key).toBe('afterMax');
    expect(evaluateDateDraft(d, '2026-03-15', '2026-03-15').value).toBe('2026-03-15');
  });

  it('shows a stored value in the reader’s form and reads it back unchanged', () => {
    for (const stored of ['2026-03-15', '2026-03', '2026-Q4', '2026', 'continuous']) {
      for (const locale of ['en', 'sr-Latn', 'sr-Cyrl'] as const) {
        expect(value(draftFrom(stored, 'day', locale)).value).toBe(stored);
      }
    }
    expect(draftFrom('2026-03-15', 'day', 'sr-Cyrl').dayText).toBe('15.03.2026.');
    expect(draftFrom(null, 'quarter', 'en').precision).toBe('quarter');
  });
});
