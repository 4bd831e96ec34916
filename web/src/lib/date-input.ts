/**
 * Dates typed in an <input type="date"> (YYYY-MM-DD, the reader's own calendar day) as the
 * instants the API compares with: the first or the last moment of that day in the reader's time zone.
 */

import {
  ENTRY_MAX_YEAR,
  ENTRY_MIN_YEAR,
  entryPrecisionOf,
  formatDayEntry,
  parseDayEntry,
  parseYearEntry,
  type EntryPrecision,
} from '../../../core/dates/date-entry.js';
import type { DateLocale } from '../../../core/dates/partial-date.js';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function localDay(value: string, end: boolean): Date | null {
  const match = DAY.exec(value.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const date = end
    ? new Date(year, month, day, 23, 59, 59, 999)
    : new Date(year, month, day, 0, 0, 0, 0);
  // 2026-02-31 would roll over into March: refuse it rather than guess.
  if (date.getFullYear() !== year || date.getMonth() !== month || date.getDate() !== day)
    return null;
  return date;
}

/** The first moment of a typed day as an ISO instant; null when the text is not a real date. */
export function startOfDayIso(value: string): string | null {
  return localDay(value, false)?.toISOString() ?? null;
}

/** The last moment of a typed day as an ISO instant; null when the text is not a real date. */
export function endOfDayIso(value: string): string | null {
  return localDay(value, true)?.toISOString() ?? null;
}

/** Today in the reader's calendar, as <input type="date"> writes it. */
export function todayInput(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** What a partial-date field holds while the reader types: the parts, not yet a value. */
export interface DateDraft {
  precision: EntryPrecision;
  dayText: string;
  month: string;
  quarter: string;
  yearText: string;
}

/** The parts of a stored value, for the field to show. */
export function draftFrom(
  value: string | null,
  fallback: EntryPrecision,
  locale: DateLocale,
): DateDraft {
  const precision = (value && entryPrecisionOf(value)) || fallback;
  const year = value && /^\d{4}/.test(value) ? value.slice(0, 4) : '';
  return {
    precision,
    dayText: precision === 'day' && value ? formatDayEntry(value, locale) : '',
    month: precision === 'month' && value ? String(Number(value.slice(5, 7))) : '',
    quarter: precision === 'quarter' && value ? value.slice(6) : '',
    yearText: year,
  };
}

/** Why a draft does not hold a value: a message key under common.dateInput.errors and its parameters. */
export type DateProblem = { key: string; params?: Record<string, string | number> };

/** The value a draft holds, or the problem that keeps it from holding one (null when empty). */
export function evaluateDateDraft(
  draft: DateDraft,
  minDay: string | undefined,
  maxDay: string | undefined,
): { value: string | null; problem: DateProblem | null } {
  const year = parseYearEntry(draft.yearText);
  const yearProblem: DateProblem | null =
    draft.yearText.trim() === ''
      ? null
      : /^\d{4}\.?$/.test(draft.yearText.trim())
        ? { key: 'yearRange', params: { min: ENTRY_MIN_YEAR, max: ENTRY_MAX_YEAR } }
        : { key: 'year' };
  switch (draft.precision) {
    case 'continuous':
      return { value: 'continuous', problem: null };
    case 'year':
      return year !== null
        ? { value: String(year), problem: null }
        : { value: null, problem: yearProblem };
    case 'month':
    case 'quarter': {
      const part = draft.precision === 'month' ? draft.month : draft.quarter;
      if (!part && draft.yearText.trim() === '') return { value: null, problem: null };
      if (draft.yearText.trim() !== '' && year === null)
        return { value: null, problem: yearProblem };
      if (!part || year === null) {
        return { value: null, problem: { key: `${draft.precision}Incomplete` } };
      }
      const value =
        draft.precision === 'month' ? `${year}-${part.padStart(2, '0')}` : `${year}-Q${part}`;
      return { value, problem: null };
    }
    case 'day': {
      const result = parseDayEntry(draft.dayText);
      if (result.ok) {
        if (minDay && result.value < minDay) {
          return { value: null, problem: { key: 'beforeMin', params: { day: minDay } } };
        }
        if (maxDay && result.value > maxDay) {
          return { value: null, problem: { key: 'afterMax', params: { day: maxDay } } };
        }
        return { value: result.value, problem: null };
      }
      switch (result.reason) {
        case 'empty':
          return { value: null, problem: null };
        case 'year_out_of_range':
          return {
            value: null,
            problem: { key: 'yearRange', params: { min: ENTRY_MIN_YEAR, max: ENTRY_MAX_YEAR } },
          };
        case 'no_such_month':
          return { value: null, problem: { key: 'noSuchMonth', params: { month: result.month } } };
        case 'no_such_day':
          return {
            value: null,
            problem: {
              key: 'noSuchDay',
              params: { month: result.month, year: result.year, count: result.days },
            },
          };
        default:
          return { value: null, problem: { key: 'format' } };
      }
    }
  }
}
