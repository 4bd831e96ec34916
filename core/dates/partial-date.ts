/**
 * Dates known only as precisely as the sources allow: a year ("2011"), a month ("2003-03") or a
 * day ("2015-01-15"). They are kept as ISO-style strings so they sort and compare as text, and
 * are formatted here with our own month tables, because the ICU data behind Intl differs between
 * Node and browsers (and has changed Serbian month forms between releases).
 */
import type { DatePrecision } from '../domain/vocabularies.js';
import { toCyrillic } from '../text/transliterate.js';

/** A date written 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'. */
export type PartialDate = string;

export interface PartialDateParts {
  year: number;
  month?: number;
  day?: number;
}

/** A date together with how exactly it is known, as stored on records. */
export interface PrecisionDate {
  date: PartialDate;
  end?: PartialDate | null;
  precision: DatePrecision;
}

export type DateLocale = 'en' | 'sr-Latn' | 'sr-Cyrl';

/** How precisely a partial date is written. */
export type Granularity = 'year' | 'month' | 'day';

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

// prettier-ignore
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'] as const;
/** Nominative forms: Serbian official style writes "15. januar 2015." without a case change. */
// prettier-ignore
const MONTHS_SR = ['januar', 'februar', 'mart', 'april', 'maj', 'jun', 'jul', 'avgust',
  'septembar', 'oktobar', 'novembar', 'decembar'] as const;

/** An en dash: the typographic mark for ranges in both English and Serbian. */
const DASH = '\u2013';

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Splits a partial date into numbers, or gives null unless it names a real year, month or day. */
export function parsePartialDate(s: string): PartialDateParts | null {
  const match = PATTERN.exec(s);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2] === undefined) return { year };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  if (match[3] === undefined) return { year, month };
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** True when the text is a real date written YYYY, YYYY-MM or YYYY-MM-DD. */
export function isValidPartialDate(s: string): boolean {
  return parsePartialDate(s) !== null;
}

/** How precisely a real partial date is written ('year', 'month' or 'day'); null if not one. */
export function partialDateGranularity(s: string): Granularity | null {
  const parts = parsePartialDate(s);
  return parts ? granularityOf(parts) : null;
}

function parseOrThrow(date: PartialDate): PartialDateParts {
  const parts = parsePartialDate(date);
  // Sorting and filtering on a made-up date would silently give wrong answers, so refuse.
  if (!parts) throw new RangeError(`not a valid partial date: ${JSON.stringify(date)}`);
  return parts;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** The first day the date could mean, as YYYY-MM-DD, so dates of mixed precision sort together. */
export function partialDateSortKey(date: PartialDate): string {
  const { year, month = 1, day = 1 } = parseOrThrow(date);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The first and last day the date could mean, for filtering by period. */
export function partialDateBounds(date: PartialDate): { from: string; to: string } {
  const { year, month, day } = parseOrThrow(date);
  const lastMonth = month ?? 12;
  const lastDay = day ?? daysInMonth(year, lastMonth);
  return {
    from: partialDateSortKey(date),
    to: `${pad(year, 4)}-${pad(lastMonth)}-${pad(lastDay)}`,
  };
}

function granularityOf(parts: PartialDateParts): Granularity {
  if (parts.day !== undefined) return 'day';
  return parts.month !== undefined ? 'month' : 'year';
}

/** Drops the parts finer than the stated precision; a date never shows more than it holds. */
function truncate(parts: PartialDateParts, precision: Granularity): PartialDateParts {
  if (precision === 'year') return { year: parts.year };
  if (precision === 'month' && parts.month !== undefined) {
    return { year: parts.year, month: parts.month };
  }
  return parts;
}

function sameDate(a: PartialDateParts, b: PartialDateParts): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/** The words of one date; a part left undefined is not shown. */
function tokens(parts: Partial<PartialDateParts>, serbian: boolean): string[] {
  const out: string[] = [];
  const months = serbian ? MONTHS_SR : MONTHS_EN;
  if (parts.day !== undefined) out.push(serbian ? `${parts.day}.` : String(parts.day));
  if (parts.month !== undefined) out.push(months[parts.month - 1] as string);
  // Serbian writes years as ordinal numbers, with a full stop.
  if (parts.year !== undefined) out.push(serbian ? `${parts.year}.` : String(parts.year));
  return out;
}

function formatSingle(parts: PartialDateParts, serbian: boolean): string {
  return tokens(parts, serbian).join(' ');
}

/**
 * A range prints what the two ends share only once ("20–22 March 2003"). The dash is closed up
 * when the start has shrunk to one word of the same kind as the end ("2011–2013", "March–April
 * 2003") and spaced otherwise, so it cannot be misread as joining just two words ("31 March –
 * 2 April 2015", "2011 – March 2013").
 */
function formatRange(start: PartialDateParts, end: PartialDateParts, serbian: boolean): string {
  if (sameDate(start, end)) return formatSingle(start, serbian);
  const omitYear = start.year === end.year && start.month !== undefined && end.month !== undefined;
  const omitMonth =
    omitYear && start.month === end.month && start.day !== undefined && end.day !== undefined;
  const shown: Partial<PartialDateParts> = {
    day: start.day,
    month: omitMonth ? undefined : start.month,
    year: omitYear ? undefined : start.year,
  };
  const startTokens = tokens(shown, serbian);
  const endText = formatSingle(end, serbian);
  if (startTokens.length === 1 && granularityOf(start) === granularityOf(end)) {
    // "20–22. mart 2003.": the ordinal full stop is written once, after the range.
    const startText = serbian ? (startTokens[0] as string).replace(/\.$/, '') : startTokens[0];
    return `${startText}${DASH}${endText}`;
  }
  return `${startTokens.join(' ')} ${DASH} ${endText}`;
}

/** Writes a date as precisely as it is known, e.g. "20–22 March 2003" or "c. April 2002". */
export function formatPartialDate(value: PrecisionDate, locale: DateLocale): string {
  const start = parsePartialDate(value.date);
  // Display should never crash a page: show bad data as it was stored.
  if (!start) return value.date;
  const end = value.end ? parsePartialDate(value.end) : null;
  const serbian = locale !== 'en';
  let text: string;
  switch (value.precision) {
    case 'day':
    case 'month':
    case 'year':
      text = formatSingle(truncate(start, value.precision), serbian);
      break;
    case 'range':
      text = end ? formatRange(start, end, serbian) : formatSingle(start, serbian);
      break;
    case 'approximate': {
      const body = end ? formatRange(start, end, serbian) : formatSingle(start, serbian);
      const yearsOnly = granularityOf(start) === 'year' && (!end || granularityOf(end) === 'year');
      // "oko 2014." reads naturally; "oko" before a month or day would need the genitive.
      text = serbian ? `${yearsOnly ? 'oko' : 'približno'} ${body}` : `c. ${body}`;
      break;
    }
  }
  return locale === 'sr-Cyrl' ? toCyrillic(text) : text;
}
