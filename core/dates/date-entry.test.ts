import { describe, expect, it } from 'vitest';
import {
  dayEntryPattern,
  entryPrecisionOf,
  formatDayEntry,
  formatEntryValue,
  formatQuarter,
  monthNames,
  parseDayEntry,
  parseYearEntry,
  quarterMonths,
  quarterName,
  weekdayAbbreviations,
} from './date-entry.js';

describe('parseDayEntry', () => {
  it.each([
    ['15.03.2026.', '2026-03-15'],
    ['15.03.2026', '2026-03-15'],
    ['5. 3. 2026.', '2026-03-05'],
    ['15/03/2026', '2026-03-15'],
    ['15-3-2026', '2026-03-15'],
    ['2026-03-15', '2026-03-15'],
    ['  15 March 2026 ', '2026-03-15'],
    ['15 Mar 2026', '2026-03-15'],
    ['15. mart 2026.', '2026-03-15'],
    ['15. marta 2026.', '2026-03-15'],
    ['15. март 2026.', '2026-03-15'],
    ['1. avgust 2026.', '2026-08-01'],
    ['29.02.2024.', '2024-02-29'],
  ])('reads %j as %s', (typed, day) => {
    expect(parseDayEntry(typed)).toEqual({ ok: true, value: day });
  });

  it('names a day that does not exist, with the days its month has', () => {
    expect(parseDayEntry('31.02.2026.')).toEqual({
      ok: false,
      reason: 'no_such_day',
      day: 31,
      month: 2,
      year: 2026,
      days: 28,
    });
    expect(parseDayEntry('29/02/2025')).toMatchObject({ reason: 'no_such_day', days: 28 });
    expect(parseDayEntry('31.04.2026.')).toMatchObject({ reason: 'no_such_day', days: 30 });
    expect(parseDayEntry('0.1.2026')).toMatchObject({ reason: 'no_such_day' });
  });

  it('reads the day first, so an American month-first date is refused, not misread', () => {
    expect(parseDayEntry('03/15/2026')).toEqual({ ok: false, reason: 'no_such_month', month: 15 });
  });

  it('refuses years outside 1900–2100 and text that is not a date', () => {
    expect(parseDayEntry('15.03.0202.')).toMatchObject({ reason: 'year_out_of_range', year: 202 });
    expect(parseDayEntry('')).toEqual({ ok: false, reason: 'empty' });
    for (const text of ['tomorrow', '15.03.26', '15 Foo 2026', '2026-03', '15..2026']) {
      expect(parseDayEntry(text)).toEqual({ ok: false, reason: 'format' });
    }
  });

  it('reads back every day it writes, in every language', () => {
    for (const locale of ['en', 'sr-Latn', 'sr-Cyrl'] as const) {
      for (const day of ['2026-01-01', '2024-02-29', '2026-12-31']) {
        expect(parseDayEntry(formatDayEntry(day, locale))).toEqual({ ok: true, value: day });
        expect(parseDayEntry(formatEntryValue(day, locale))).toEqual({ ok: true, value: day });
      }
    }
  });
});

describe('writing dates for a form', () => {
  it('writes days day first: dots in Serbian, slashes in English, never month first', () => {
    expect(formatDayEntry('2026-03-05', 'sr-Latn')).toBe('05.03.2026.');
    expect(formatDayEntry('2026-03-05', 'sr-Cyrl')).toBe('05.03.2026.');
    expect(formatDayEntry('2026-03-05', 'en')).toBe('05/03/2026');
    expect(dayEntryPattern('en')).toBe('dd/mm/yyyy');
    expect(dayEntryPattern('sr-Latn')).toBe('dd.mm.gggg.');
    expect(dayEntryPattern('sr-Cyrl')).toBe('дд.мм.гггг.');
  });

  it('names quarters in one script per language', () => {
    expect(formatQuarter(2027, 1, 'en')).toBe('Q1 2027');
    expect(formatQuarter(2027, 1, 'sr-Latn')).toBe('1. kvartal 2027.');
    expect(formatQuarter(2027, 1, 'sr-Cyrl')).toBe('1. квартал 2027.');
    expect(quarterName(4, 'sr-Cyrl')).toBe('4. квартал');
    expect(quarterMonths(2, 'en')).toBe('April–June');
    expect(quarterMonths(2, 'sr-Cyrl')).toBe('април–јун');
  });

  it('writes every value form as one phrase', () => {
    expect(formatEntryValue('2027-Q3', 'sr-Cyrl')).toBe('3. квартал 2027.');
    expect(formatEntryValue('2027', 'sr-Latn')).toBe('2027.');
    expect(formatEntryValue('2027-03', 'en')).toBe('March 2027');
    expect(formatEntryValue('2027-03', 'sr-Cyrl')).toBe('март 2027.');
    expect(formatEntryValue('2027-03-05', 'sr-Latn')).toBe('5. mart 2027.');
    expect(formatEntryValue('2027-03-05', 'en')).toBe('5 March 2027');
  });

  it('gives month and weekday names in the reader’s script', () => {
    expect(monthNames('sr-Cyrl')[6]).toBe('јул');
    expect(monthNames('en')[0]).toBe('January');
    expect(weekdayAbbreviations('sr-Cyrl')[0]).toBe('по');
    expect(weekdayAbbreviations('en')).toHaveLength(7);
  });
});

describe('entryPrecisionOf and parseYearEntry', () => {
  it('tell the five value forms apart', () => {
    expect(entryPrecisionOf('2026-03-15')).toBe('day');
    expect(entryPrecisionOf('2026-03')).toBe('month');
    expect(entryPrecisionOf('2026-Q2')).toBe('quarter');
    expect(entryPrecisionOf('2026')).toBe('year');
    expect(entryPrecisionOf('continuous')).toBe('continuous');
    expect(entryPrecisionOf('Q2 2026')).toBeNull();
  });

  it('read four-digit years, with or without the Serbian full stop', () => {
    expect(parseYearEntry('2027')).toBe(2027);
    expect(parseYearEntry(' 2027. ')).toBe(2027);
    expect(parseYearEntry('27')).toBeNull();
    expect(parseYearEntry('3000')).toBeNull();
  });
});
