/**
 * Dates as a reader types and reads them in a form: "15.03.2026." in Serbian, "15/03/2026" in
 * English (day first, as the app's "15 March 2026" reads), with month and quarter names in the
 * reader's language and script. The values behind them stay in the API's forms ('YYYY-MM-DD',
 * 'YYYY-MM', 'YYYY-Qn', 'YYYY', 'continuous').
 */
import { toCyrillic, toLatin } from '../text/transliterate.js';
import type { DateLocale } from './partial-date.js';

// prettier-ignore
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'] as const;
// prettier-ignore
const MONTHS_SR = ['januar', 'februar', 'mart', 'april', 'maj', 'jun', 'jul', 'avgust',
  'septembar', 'oktobar', 'novembar', 'decembar'] as const;
/** Three-letter stems that name a month in either language ("mar" is March and mart alike). */
// prettier-ignore
const MONTH_STEMS: readonly (readonly string[])[] = [['jan'], ['feb'], ['mar'], ['apr'],
  ['may', 'maj'], ['jun'], ['jul'], ['aug', 'avg'], ['sep'], ['oct', 'okt'], ['nov'], ['dec']];

/** The earliest and latest years a form accepts: wide enough for history, narrow enough to catch typos. */
export const ENTRY_MIN_YEAR = 1900;
export const ENTRY_MAX_YEAR = 2100;

function inScript(text: string, locale: DateLocale): string {
  return locale === 'sr-Cyrl' ? toCyrillic(text) : text;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** How many days a month has (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The twelve month names, nominative, in the reader's language and script. */
export function monthNames(locale: DateLocale): string[] {
  return (locale === 'en' ? MONTHS_EN : MONTHS_SR).map((name) => inScript(name, locale));
}

/** One month's name (1–12), nominative, in the reader's language and script. */
export function monthName(month: number, locale: DateLocale): string {
  return monthNames(locale)[month - 1] ?? String(month);
}

/** Weekday abbreviations from Monday, as a calendar heads its columns. */
export function weekdayAbbreviations(locale: DateLocale): string[] {
  const names =
    locale === 'en'
      ? ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su']
      : ['po', 'ut', 'sr', 'če', 'pe', 'su', 'ne'];
  return names.map((name) => inScript(name, locale));
}

/** A quarter's short name: "Q1" in English, "1. kvartal" / "1. квартал" in Serbian. */
export function quarterName(quarter: number, locale: DateLocale): string {
  return locale === 'en' ? `Q${quarter}` : inScript(`${quarter}. kvartal`, locale);
}

/** The months a quarter spans, "January–March" / "januar–mart". */
export function quarterMonths(quarter: number, locale: DateLocale): string {
  const names = monthNames(locale);
  return `${names[(quarter - 1) * 3]}\u2013${names[quarter * 3 - 1]}`;
}

/** A quarter of a year as one phrase in one script: "Q1 2027", "1. kvartal 2027.", "1. квартал 2027.". */
export function formatQuarter(year: number, quarter: number, locale: DateLocale): string {
  return locale === 'en' ? `Q${quarter} ${year}` : `${quarterName(quarter, locale)} ${year}.`;
}

/** A year as the reader writes it: "2027" in English, "2027." in Serbian. */
export function formatYear(year: number, locale: DateLocale): string {
  return locale === 'en' ? String(year) : `${year}.`;
}

/** What a day field shows while empty, so the reader knows the order: "dd.mm.gggg." in Serbian. */
export function dayEntryPattern(locale: DateLocale): string {
  if (locale === 'en') return 'dd/mm/yyyy';
  return inScript('dd.mm.gggg.', locale);
}

/** A 'YYYY-MM-DD' day as the reader types it: "15.03.2026." or "15/03/2026"; other text as it is. */
export function formatDayEntry(iso: string, locale: DateLocale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  return locale === 'en' ? `${day}/${month}/${year}` : `${day}.${month}.${year}.`;
}

/** Why typed text is not a day. */
export type DayEntryProblem =
  | { reason: 'empty' }
  | { reason: 'format' }
  | { reason: 'year_out_of_range'; year: number }
  | { reason: 'no_such_month'; month: number }
  | { reason: 'no_such_day'; day: number; month: number; year: number; days: number };

export type DayEntryResult = { ok: true; value: string } | ({ ok: false } & DayEntryProblem);

function monthFromWord(word: string): number | null {
  const stem = word.slice(0, 3);
  const index = MONTH_STEMS.findIndex((stems) => stems.includes(stem));
  return index < 0 ? null : index + 1;
}

function checkDay(year: number, month: number, day: number): DayEntryResult {
  if (year < ENTRY_MIN_YEAR || year > ENTRY_MAX_YEAR) {
    return { ok: false, reason: 'year_out_of_range', year };
  }
  if (month < 1 || month > 12) return { ok: false, reason: 'no_such_month', month };
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return { ok: false, reason: 'no_such_day', day, month, year, days };
  return { ok: true, value: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

/**
 * Reads a day typed in any of the forms readers use: "15.03.2026.", "15. 3. 2026", "15/03/2026",
 * "15-3-2026", "2026-03-15", "15 March 2026", "15. mart 2026." or "15. март 2026.". The day always
 * comes first (as in Serbian and British usage), so "03/15/2026" is refused as month 15, not
 * silently read as 3 March.
 */
export function parseDayEntry(text: string): DayEntryResult {
  const typed = toLatin(text).trim().toLowerCase().replace(/\s+/g, ' ');
  if (typed === '') return { ok: false, reason: 'empty' };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  if (iso) return checkDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = /^(\d{1,2}) ?[./-] ?(\d{1,2}) ?[./-] ?(\d{4}) ?\.?$/.exec(typed);
  if (numeric) return checkDay(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const named = /^(\d{1,2})\.? ([a-zčćžšđ]+)\.?,? (\d{4})\.?$/.exec(typed);
  if (named) {
    const month = monthFromWord(named[2] as string);
    if (month !== null) return checkDay(Number(named[3]), month, Number(named[1]));
  }
  return { ok: false, reason: 'format' };
}

/** Reads a typed year ("2027" or "2027."); null unless it is four digits within range. */
export function parseYearEntry(text: string): number | null {
  const match = /^(\d{4})\.?$/.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  return year >= ENTRY_MIN_YEAR && year <= ENTRY_MAX_YEAR ? year : null;
}

/** The precisions a date field can offer, from the most to the least exact. */
export const ENTRY_PRECISIONS = ['day', 'month', 'quarter', 'year', 'continuous'] as const;
export type EntryPrecision = (typeof ENTRY_PRECISIONS)[number];

/** The precision a stored value is written at; null when it is none of the API's forms. */
export function entryPrecisionOf(value: string): EntryPrecision | null {
  if (value === 'continuous') return 'continuous';
  if (/^\d{4}-Q[1-4]$/.test(value)) return 'quarter';
  if (/^\d{4}$/.test(value)) return 'year';
  if (/^\d{4}-\d{2}$/.test(value)) return 'month';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'day';
  return null;
}

/** A value in the API's form as one phrase in the reader's language (a quarter, a year, a month, a day). */
export function formatEntryValue(value: string, locale: DateLocale): string {
  const precision = entryPrecisionOf(value);
  const year = Number(value.slice(0, 4));
  switch (precision) {
    case 'quarter':
      return formatQuarter(year, Number(value.slice(6)), locale);
    case 'year':
      return formatYear(year, locale);
    case 'month': {
      const text = `${monthName(Number(value.slice(5, 7)), locale)} ${year}`;
      return locale === 'en' ? text : `${text}.`;
    }
    case 'day': {
      const month = monthName(Number(value.slice(5, 7)), locale);
      const day = Number(value.slice(8, 10));
      return locale === 'en' ? `${day} ${month} ${year}` : `${day}. ${month} ${year}.`;
    }
    default:
      return value;
  }
}
