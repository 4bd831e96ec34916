import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LATIN_TOKEN_PATTERN } from '../../../core/text/latin-tokens.js';
import { translationsToCyrillic, type Translations } from './cyrillic.js';
import en from './en/index.js';
import srCyrl from './sr-Cyrl/index.js';
import srLatn from './sr-Latn/index.js';

const LANGUAGES = ['en', 'sr-Latn', 'sr-Cyrl'] as const;

/** Every leaf as [dotted key, value]. */
function leaves(tree: Translations, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : leaves(value, `${prefix}${key}.`),
  );
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Keys with plural suffixes folded together: eventCount_one and eventCount_other → eventCount. */
function baseKeys(tree: Translations): string[] {
  return [...new Set(leaves(tree).map(([key]) => key.replace(PLURAL_SUFFIX, '')))].sort();
}

const files: Record<(typeof LANGUAGES)[number], Translations> = {
  en,
  'sr-Latn': srLatn,
  'sr-Cyrl': srCyrl,
};

/** The section files of one language, by name. */
function sectionFiles(language: string): string[] {
  return readdirSync(new URL(`./${language}/`, import.meta.url))
    .filter((f) => f.endsWith('.json'))
    .sort();
}

describe('translations', () => {
  it('are split into the same section files in every language, each one loaded', () => {
    const english = sectionFiles('en');
    expect(sectionFiles('sr-Latn')).toEqual(english);
    expect(sectionFiles('sr-Cyrl')).toEqual(english);
    for (const language of LANGUAGES) {
      expect(Object.keys(files[language]).sort(), language).toEqual(
        english.map((f) => f.replace(/\.json$/, '')).sort(),
      );
    }
  });

  it('have exactly the same keys in Serbian Latin and Serbian Cyrillic', () => {
    expect(leaves(files['sr-Cyrl']).map(([k]) => k)).toEqual(
      leaves(files['sr-Latn']).map(([k]) => k),
    );
  });

  it('have the same keys in English and Serbian, apart from the plural forms each language needs', () => {
    expect(baseKeys(files['sr-Latn'])).toEqual(baseKeys(files.en));
  });

  it.each(LANGUAGES)('give every plural key in %s all the forms the language uses', (language) => {
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    const keys = leaves(files[language]).map(([key]) => key);
    const plurals = new Set(
      keys.filter((k) => PLURAL_SUFFIX.test(k)).map((k) => k.replace(PLURAL_SUFFIX, '')),
    );
    for (const base of plurals) {
      for (const category of categories) {
        expect(keys, `${language}: ${base}_${category}`).toContain(`${base}_${category}`);
      }
    }
    if (language !== 'en') expect([...categories].sort()).toEqual(['few', 'one', 'other']);
  });

  it.each(LANGUAGES)('have no empty values in %s', (language) => {
    const empty = leaves(files[language]).filter(([, value]) => value.trim() === '');
    expect(empty).toEqual([]);
  });

  it('use the same interpolations in every language', () => {
    // A plural form may leave the number out ("Show it"), so compare each key's forms together.
    const variables = (tree: Translations) => {
      const byKey = new Map<string, Set<string>>();
      for (const [key, value] of leaves(tree)) {
        const base = key.replace(PLURAL_SUFFIX, '');
        const found = byKey.get(base) ?? new Set<string>();
        for (const match of value.matchAll(/\{\{\s*(\w+)/g)) found.add(match[1] ?? '');
        byKey.set(base, found);
      }
      return Object.fromEntries([...byKey].map(([k, v]) => [k, [...v].sort()]));
    };
    const english = variables(files.en);
    expect(variables(files['sr-Latn'])).toEqual(english);
    expect(variables(files['sr-Cyrl'])).toEqual(english);
  });

  it('keep Serbian Cyrillic generated from Serbian Latin (run web/scripts/generate-sr-cyrl.ts)', () => {
    expect(files['sr-Cyrl']).toEqual(translationsToCyrillic(files['sr-Latn']));
  });

  it('write Serbian Cyrillic in Cyrillic letters, not a copy of the Latin', () => {
    const latinLetters = /[A-Za-zČčĆćĐđŠšŽž]/;
    const allowed = new RegExp(`\\{\\{[^}]*\\}\\}|${LATIN_TOKEN_PATTERN.source}`, 'gu');
    const stillLatin = leaves(files['sr-Cyrl']).filter(([, value]) =>
      latinLetters.test(value.replace(allowed, '')),
    );
    expect(stillLatin).toEqual([]);
    expect(leaves(files['sr-Cyrl']).find(([k]) => k === 'nav.timeline')?.[1]).toBe('Хронологија');
    expect(leaves(files['sr-Cyrl']).find(([k]) => k === 'language.label')?.[1]).toBe('Језик');
  });

  it('keep to the glossary: no form its "Never" column lists (docs/GLOSSARY.md)', () => {
    const forbidden = glossaryForbidden();
    expect(forbidden.length).toBeGreaterThan(5);
    const found: string[] = [];
    for (const language of LANGUAGES) {
      for (const [key, value] of leaves(files[language])) {
        for (const { form, english } of forbidden) {
          if (english !== (language === 'en')) continue;
          if (wholeWord(form).test(value))
            found.push(`${language} ${key}: "${form}" in "${value}"`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('give Overview, Dashboard and Review three different Serbian words', () => {
    const word = (key: string) => leaves(files['sr-Latn']).find(([k]) => k === key)?.[1];
    const words = ['nav.overview', 'planDashboard.title', 'reporting.review.title'].map(word);
    expect(new Set(words).size).toBe(3);
  });
});

/** The forms the glossary's "Never" column forbids; `EN:` marks a form forbidden in English. */
function glossaryForbidden(): { form: string; english: boolean }[] {
  const text = readFileSync(new URL('../../../docs/GLOSSARY.md', import.meta.url), 'utf8');
  const rows = text.split('\n').filter((line) => /^\|(?!\s*EN\s*\|)(?!-)/.test(line));
  return rows.flatMap((row) => {
    const never = row.split('|').slice(1, -1)[3]?.trim() ?? '';
    return never
      .split(';')
      .map((form) => form.trim())
      .filter(Boolean)
      .map((form) =>
        form.startsWith('EN:')
          ? { form: form.slice(3).trim(), english: true }
          : { form, english: false },
      );
  });
}

/** A form as a whole word (letters on neither side), in its exact case. */
function wholeWord(form: string): RegExp {
  const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u');
}
