/** The export's words: which language a reader gets, and periods named as each language writes them. */
import { describe, expect, it } from 'vitest';
import { exportLanguage, exportWords } from './export-text.js';

describe('export language', () => {
  it('takes the language asked for, else the saved locale, else English', () => {
    expect(exportLanguage('sr-Latn', 'en')).toBe('sr-Latn');
    expect(exportLanguage(null, 'sr-Cyrl')).toBe('sr-Cyrl');
    expect(exportLanguage(undefined, 'sr')).toBe('sr-Cyrl');
    expect(exportLanguage(null, 'de')).toBe('en');
    expect(exportLanguage(null, null)).toBe('en');
  });
});

describe('export words', () => {
  it('names whole calendar periods in the reader’s words and keeps another period’s title', () => {
    const en = exportWords('en');
    const latin = exportWords('sr-Latn');
    const cyrillic = exportWords('sr-Cyrl');
    expect(en.period('quarter', '2027-04-01', '2027-06-30', 'x')).toBe('Q2 2027');
    expect(latin.period('quarter', '2027-04-01', '2027-06-30', 'x')).toBe('2. kvartal 2027.');
    expect(cyrillic.period('half_year', '2027-07-01', '2027-12-31', 'x')).toBe(
      '2. полугодиште 2027.',
    );
    expect(latin.period('year', '2027-01-01', '2027-12-31', 'x')).toBe('2027.');
    // Not a whole quarter, or a plan cycle: its own title, Cyrillic read in Latin for a Latin reader.
    expect(en.period('quarter', '2027-04-02', '2027-06-30', 'Spring')).toBe('Spring');
    expect(latin.period('cycle', '2027-01-01', '2028-12-31', 'Циклус 2027–2028')).toBe(
      'Ciklus 2027–2028',
    );
  });

  it('writes due quarters and continuous items in words, in the reader’s script', () => {
    expect(exportWords('en').due('2026-Q3')).toBe('Q3 2026');
    expect(exportWords('sr-Cyrl').due('2026-Q3')).toBe('3. квартал 2026.');
    expect(exportWords('sr-Latn').due('continuous')).toBe('Kontinuirano');
  });

  it('leaves Latin narratives as written for a Cyrillic reader, as they may be English', () => {
    expect(exportWords('sr-Cyrl').freeText('Training held')).toBe('Training held');
    expect(exportWords('sr-Latn').freeText('Обука одржана')).toBe('Obuka održana');
    expect(exportWords('sr-Cyrl').serbianText('Obuka')).toBe('Обука');
  });
});
