/**
 * Showing stored multilingual text: pick the reader's language (falling back to the other one
 * when a text exists in only one), and show Serbian in the reader's script.
 */
import type { LocalisedText } from '../../../core/domain/text.js';
import { formatPartialDate, type PrecisionDate } from '../../../core/dates/partial-date.js';
import { displayInScript, toLatin } from '../../../core/text/transliterate.js';
import { scriptOf, type Language } from './locale.js';

/** Text ready to show, with the language it is actually in (for the `lang` attribute). */
export interface ShownText {
  text: string;
  lang: Language;
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

const CYRILLIC_LETTER = /\p{Script=Cyrillic}/u;

/**
 * Serbian text for a Cyrillic reader. Text typed in Cyrillic is shown as typed: any Latin word in
 * it ("JFC Naples", "SHAPE") was left in Latin on purpose, and converting it would garble it
 * (СХАПЕ). Text typed in Latin is converted, unless it is the very same as the English (an
 * international name or acronym such as "SHAPE" given in both languages).
 */
export function serbianInCyrillic(value: string, english: string | null): string {
  if (CYRILLIC_LETTER.test(value)) return value;
  if (english !== null && value === english) return value;
  return displayInScript(value, 'Cyrl');
}

/** Everything a component needs to show records in one interface language. */
export interface Localiser {
  language: Language;
  /** Text in the reader's language, else the other language; null when there is none. */
  pick(value: LocalisedText | null | undefined): ShownText | null;
  /** Like pick, as a plain string ('' when there is nothing). */
  text(value: LocalisedText | null | undefined): string;
  /**
   * Bibliographic text (a citation) as typed, except that Latin-script readers get Cyrillic
   * converted; Latin is never forced into Cyrillic, since citations name foreign titles.
   */
  citation(value: string): string;
  /** A date as precisely as it is known, e.g. "March 2003", "c. 2014", "15. јануар 2015.". */
  date(value: PrecisionDate | null | undefined): string;
  /** Compares two strings the way the reader's alphabet orders them. */
  compare(a: string, b: string): number;
  /** Formats a number in the reader's locale. */
  number(value: number): string;
  /** A moment (ISO timestamp) as a long date, e.g. "29 November 2026", "29. новембар 2026.". */
  timestamp(iso: string): string;
  /** A moment with its time of day, e.g. "29 Nov 2026, 14:05:33", for logs. */
  dateTime(iso: string): string;
  /** A nation code as words (a country code → the country's name); NATO, PFP and the like stay. */
  nation(code: string): string;
}

/**
 * The Intl locale for each interface language. English uses British conventions ("7 November
 * 2019"), matching how partial dates are written.
 */
export const INTL_LOCALES: Readonly<Record<Language, string>> = {
  en: 'en-GB',
  'sr-Latn': 'sr-Latn',
  'sr-Cyrl': 'sr-Cyrl',
};

export function createLocaliser(language: Language): Localiser {
  const script = scriptOf(language);
  const intlLocale = INTL_LOCALES[language];
  const collator = new Intl.Collator(intlLocale, { sensitivity: 'base', numeric: true });
  const numberFormat = new Intl.NumberFormat(intlLocale);
  const dateFormat = new Intl.DateTimeFormat(intlLocale, { dateStyle: 'long' });
  const dateTimeFormat = new Intl.DateTimeFormat(intlLocale, {
    dateStyle: 'medium',
    timeStyle: 'medium',
  });
  const regionNames = new Intl.DisplayNames(intlLocale, { type: 'region', fallback: 'code' });
  const serbianShown: Language = language === 'en' ? 'sr-Latn' : language;

  function fromSerbian(value: string, english: string | null): ShownText {
    // English readers get Serbian in Latin letters, which they can at least read aloud.
    if (language === 'en' || script === 'Latn') return { text: toLatin(value), lang: serbianShown };
    return { text: serbianInCyrillic(value, english), lang: serbianShown };
  }

  function pick(value: LocalisedText | null | undefined): ShownText | null {
    const en = clean(value?.en);
    const sr = clean(value?.sr);
    if (language === 'en') {
      if (en) return { text: en, lang: 'en' };
      return sr ? fromSerbian(sr, en) : null;
    }
    if (sr) return fromSerbian(sr, en);
    return en ? { text: en, lang: 'en' } : null;
  }

  return {
    language,
    pick,
    text: (value) => pick(value)?.text ?? '',
    citation: (value) => (script === 'Latn' ? toLatin(value) : value),
    date: (value) => (value ? formatPartialDate(value, language) : ''),
    compare: (a, b) => collator.compare(a, b),
    number: (value) => numberFormat.format(value),
    timestamp: (iso) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
    },
    dateTime: (iso) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
    },
    nation: (code) => {
      if (!/^[A-Z]{2}$/.test(code)) return code;
      try {
        return regionNames.of(code) ?? code;
      } catch {
        return code;
      }
    },
  };
}
