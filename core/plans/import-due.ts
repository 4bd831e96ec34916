/**
 * Due dates as ministries write them in their action plans — "2016", "IV квартал 2016. године",
 * "I–II квартал 2016.", "током 2016.", "до краја године", "прво полугодиште 2017", "децембар
 * 2016", "континуирано" — in English, Serbian Latin or Cyrillic, read into what an item stores
 * ('YYYY-MM-DD', 'YYYY-MM', 'YYYY-Qn' or 'continuous'), with a word on how each was read so the
 * dry run can say it. An item's due date has no "year" precision: a year is read as its last
 * quarter, which ends on the same day. Pure.
 */
import { toLatin } from '../text/transliterate.js';
import { foldName } from './import-headings.js';
import { normaliseDate } from './import-values.js';

/** How a due cell was read (for the dry run's note). */
export type DueReading =
  | 'as_written'
  | 'date'
  | 'quarter'
  | 'quarter_range'
  | 'half_year'
  | 'year'
  | 'plan_year'
  | 'month'
  | 'continuous';

export interface ReadDue {
  /** What the item stores; for an unreadable cell, the text as typed (the API's rule refuses it). */
  value: string;
  reading: DueReading;
  /** In English, for the dry run: how the cell was read. Null when it was read as written. */
  note: string | null;
}

const ROMAN: Record<string, number> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
};
const ORDINAL: Record<string, number> = {
  prvi: 1,
  drugi: 2,
  treci: 3,
  cetvrti: 4,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
};
const Q = '(i|ii|iii|iv|[1-4]|prvi|drugi|treci|cetvrti|first|second|third|fourth)';
const QUARTER_WORD = '(?:kvartal|kvartala|kvartalu|kvartali|quarter|quarters|q)';
const YEAR_WORD = '(?: godine| god| godina| year)?';
const CONTINUOUS = new Set([
  'continuous',
  'continuously',
  'ongoing',
  'ongoing basis',
  'permanent',
  'kontinuirano',
  'u kontinuitetu',
  'stalno',
  'trajno',
  'permanentno',
]);
/** Words before a date that do not change it ("do", "tokom", "by the end of" …). */
const LEAD_WORDS = new Set([
  'u',
  'do',
  'tokom',
  'toku',
  'kraja',
  'kraj',
  'krajem',
  'zakljucno',
  'sa',
  'by',
  'in',
  'during',
  'until',
  'the',
  'end',
  'of',
]);
/** Month stems in English and Serbian (Latin, folded), in calendar order. */
const MONTHS = [
  ['jan'],
  ['feb'],
  ['mar'],
  ['apr'],
  ['maj', 'may'],
  ['jun'],
  ['jul'],
  ['avg', 'aug'],
  ['sep'],
  ['okt', 'oct'],
  ['nov'],
  ['dec'],
];

const quarterOf = (word: string) => ROMAN[word] ?? ORDINAL[word]!;
const endOfYear = (year: string) => `${year}-Q4`;

/**
 * Reads a due cell. `planYear` is the year "до краја године" ("by the end of the year") means:
 * the plan's own; without one that phrase is left as typed (and refused by the item's rule).
 */
export function readDue(text: string, planYear: number | null = null): ReadDue {
  const typed = text.trim();
  const said = (value: string, reading: DueReading, how: string): ReadDue => ({
    value,
    reading,
    note: `"${typed}" read as ${how}`,
  });
  const folded = foldName(toLatin(typed));
  if (/^\d{4}-(q[1-4]|\d{2}(-\d{2})?)$/i.test(typed) || typed === 'continuous') {
    return { value: typed.replace(/q/, 'Q'), reading: 'as_written', note: null };
  }
  if (CONTINUOUS.has(folded)) return said('continuous', 'continuous', 'continuous (no deadline)');
  const words = folded.split(' ');
  while (words.length > 1 && LEAD_WORDS.has(words[0]!)) words.shift();
  const rest = words.join(' ');

  if (
    /^(tekuce |ove )?(godine|godina|year)$/.test(rest) &&
    /\b(kraj|krajem|kraja|end)\b/.test(folded)
  ) {
    if (planYear === null) return { value: typed, reading: 'as_written', note: null };
    return said(
      endOfYear(String(planYear)),
      'plan_year',
      `the end of the plan's year, Q4 ${planYear}`,
    );
  }
  const range = new RegExp(
    `^(?:q)?${Q}(?: (?:i|and|to|do|-))? (?:q)?${Q} ${QUARTER_WORD} (\\d{4})${YEAR_WORD}$`,
  ).exec(rest);
  if (range) {
    const [from, to] = [quarterOf(range[1]!), quarterOf(range[2]!)];
    if (to > from) {
      return said(
        `${range[3]}-Q${to}`,
        'quarter_range',
        `Q${to} ${range[3]}, the end of the later quarter (Q${from}–Q${to})`,
      );
    }
  }
  const quarter =
    new RegExp(`^${Q} ${QUARTER_WORD} (\\d{4})${YEAR_WORD}$`).exec(rest) ??
    new RegExp(`^q([1-4]) (\\d{4})$`).exec(rest);
  if (quarter) {
    const q = quarterOf(quarter[1]!);
    return said(`${quarter[2]}-Q${q}`, 'quarter', `Q${q} ${quarter[2]}`);
  }
  const reversed = /^(\d{4}) q([1-4])$/.exec(rest);
  if (reversed)
    return said(`${reversed[1]}-Q${reversed[2]}`, 'quarter', `Q${reversed[2]} ${reversed[1]}`);
  const half =
    /^(i|ii|1|2|prvo|drugo|prvom|drugom|first|second) (?:polugodiste|polugodistu|polugodista|half|half of|half year) (\d{4})/.exec(
      rest,
    ) ?? /^h([12]) (\d{4})$/.exec(rest);
  if (half) {
    const second = ['ii', '2', 'drugo', 'drugom', 'second'].includes(half[1]!);
    const q = second ? 4 : 2;
    return said(
      `${half[2]}-Q${q}`,
      'half_year',
      `Q${q} ${half[2]}, the end of the ${second ? 'second' : 'first'} half-year`,
    );
  }
  const year = new RegExp(`^(\\d{4})${YEAR_WORD}$`).exec(rest);
  if (year) {
    return said(endOfYear(year[1]!), 'year', `the end of ${year[1]} (Q4 ${year[1]})`);
  }
  const month = /^([a-z]+) (\d{4})(?: godine| god)?$/.exec(rest);
  if (month) {
    const index = MONTHS.findIndex((stems) => stems.some((s) => month[1]!.startsWith(s)));
    if (index >= 0) {
      const value = `${month[2]}-${String(index + 1).padStart(2, '0')}`;
      return said(value, 'month', `the month ${value}`);
    }
  }
  const date = normaliseDate(typed);
  if (date !== typed) return said(date, 'date', date);
  return { value: typed, reading: 'as_written', note: null };
}
