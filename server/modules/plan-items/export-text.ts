/**
 * The words of a plan export in the reader's language: headings, statuses, roll-up rules, due
 * periods and reporting periods. Serbian is written once, in Latin; the Cyrillic export is the
 * same text transliterated (core/text), so the two scripts cannot drift apart.
 */
import { PLAN_ITEM_STATUS_LABELS, type PlanItemStatus } from '../../../core/plans/status.js';
import type { RollupRule } from '../../../core/plans/rollup.js';
import { toCyrillic, toLatin } from '../../../core/text/transliterate.js';

export const EXPORT_LANGUAGES = ['en', 'sr-Latn', 'sr-Cyrl'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

/**
 * The export's language: the one asked for, else the account's saved locale, else English. A
 * saved plain "sr" means the official script, Cyrillic.
 */
export function exportLanguage(
  requested: ExportLanguage | null | undefined,
  saved: string | null | undefined,
): ExportLanguage {
  if (requested) return requested;
  if (saved === 'sr') return 'sr-Cyrl';
  return (EXPORT_LANGUAGES as readonly string[]).includes(saved ?? '')
    ? (saved as ExportLanguage)
    : 'en';
}

interface Vocabulary {
  columns: string[];
  marking: string;
  withheld: string;
  continuous: string;
  rules: Record<RollupRule, string>;
  quarter: (quarter: number, year: string) => string;
  half: (half: number, year: string) => string;
  year: (year: string) => string;
}

const ENGLISH: Vocabulary = {
  columns: [
    'Code',
    'Title (English)',
    'Title (Serbian)',
    'Status',
    'Start',
    'Due',
    'Lead organisation',
    'Progress %',
    'Progress rule',
    'Marking',
    'Reporting period',
    'Report: what was done',
    'Reported progress %',
  ],
  marking: 'Marking',
  withheld: 'an organisation you cannot see',
  continuous: 'Continuous',
  rules: {
    manual: 'Entered by hand',
    average: 'Average',
    weighted: 'Weighted average',
    from_status: 'From status',
  },
  quarter: (q, y) => `Q${q} ${y}`,
  half: (h, y) => `H${h} ${y}`,
  year: (y) => y,
};

const SERBIAN: Vocabulary = {
  columns: [
    'Oznaka',
    'Naziv (engleski)',
    'Naziv (srpski)',
    'Status',
    'Početak',
    'Rok',
    'Nosilac',
    'Napredak %',
    'Način obračuna napretka',
    'Oznaka tajnosti',
    'Izveštajni period',
    'Izveštaj: šta je urađeno',
    'Napredak po izveštaju %',
  ],
  marking: 'Oznaka tajnosti',
  withheld: 'organizacija koju ne možete da vidite',
  continuous: 'Kontinuirano',
  rules: {
    manual: 'Ručni unos',
    average: 'Prosek',
    weighted: 'Ponderisani prosek',
    from_status: 'Prema statusu',
  },
  quarter: (q, y) => `${q}. kvartal ${y}.`,
  half: (h, y) => `${h}. polugodište ${y}.`,
  year: (y) => `${y}.`,
};

/** Everything an export writes in words, for one language. */
export interface ExportWords {
  language: ExportLanguage;
  serbian: boolean;
  columns: string[];
  /** "Marking: NATO UNCLASSIFIED …" — the banner itself is printed as the labels module gives it. */
  markingLine: (banner: string) => string;
  withheld: string;
  status: (status: string) => string;
  rule: (rule: RollupRule) => string;
  /** A due date that is not a calendar date: a quarter or "continuous". */
  due: (value: string) => string;
  /** A reporting period by its bounds, or its typed title when it is not a whole calendar unit. */
  period: (kind: string, startsOn: string, endsOn: string, title: string) => string;
  /** Serbian text (a Serbian title or name) in the export's script; English exports as written. */
  serbianText: (text: string) => string;
  /**
   * Text in either language (a narrative, a period's title): Cyrillic becomes Latin for a Latin
   * reader, since Cyrillic text is Serbian; Latin stays as written, as it may be English.
   */
  freeText: (text: string) => string;
  /** Decimal separator and the CSV field separator that goes with it. */
  decimal: '.' | ',';
  separator: ',' | ';';
}

const QUARTER = /^(\d{4})-Q([1-4])$/;

function lastDayOf(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The period named by its calendar unit when it is exactly one; otherwise null. */
function calendarPeriod(v: Vocabulary, kind: string, startsOn: string, endsOn: string) {
  const start = /^(\d{4})-(\d{2})-01$/.exec(startsOn);
  if (!start) return null;
  const year = Number(start[1]);
  const month = Number(start[2]);
  const months = kind === 'quarter' ? 3 : kind === 'half_year' ? 6 : kind === 'year' ? 12 : 0;
  if (months === 0 || (month - 1) % months !== 0) return null;
  if (lastDayOf(year, month + months - 1) !== endsOn) return null;
  const y = String(year);
  if (kind === 'quarter') return v.quarter((month - 1) / 3 + 1, y);
  if (kind === 'half_year') return v.half(month === 1 ? 1 : 2, y);
  return v.year(y);
}

/** The export's words in one language. */
export function exportWords(language: ExportLanguage): ExportWords {
  const serbian = language !== 'en';
  const v = serbian ? SERBIAN : ENGLISH;
  // Words written here in Latin become Cyrillic for a Cyrillic reader.
  const script = (text: string) => (language === 'sr-Cyrl' ? toCyrillic(text) : text);
  return {
    language,
    serbian,
    columns: v.columns.map(script),
    markingLine: (banner) => `${script(v.marking)}: ${banner}`,
    withheld: script(v.withheld),
    status: (status) => {
      const labels = PLAN_ITEM_STATUS_LABELS[status as PlanItemStatus];
      if (!labels) return status;
      return serbian ? script(labels.sr) : labels.en;
    },
    rule: (rule) => script(v.rules[rule]),
    due: (value) => {
      if (value === 'continuous') return script(v.continuous);
      const quarter = QUARTER.exec(value);
      return quarter ? script(v.quarter(Number(quarter[2]), quarter[1]!)) : value;
    },
    period: (kind, startsOn, endsOn, title) => {
      const calendar = calendarPeriod(v, kind, startsOn, endsOn);
      return calendar ? script(calendar) : language === 'sr-Latn' ? toLatin(title) : title;
    },
    serbianText: (text) =>
      language === 'sr-Latn' ? toLatin(text) : language === 'sr-Cyrl' ? toCyrillic(text) : text,
    freeText: (text) => (language === 'sr-Latn' ? toLatin(text) : text),
    decimal: serbian ? ',' : '.',
    separator: serbian ? ';' : ',',
  };
}
