import { describe, expect, it } from 'vitest';
import { createLocaliser, serbianInCyrillic } from './localise.js';

describe('showing stored multilingual text', () => {
  it('shows Serbian in the reader’s script, whichever script it was typed in', () => {
    const text = { en: 'Ministry of Defence', sr: 'Министарство одбране' };
    expect(createLocaliser('sr-Latn').text(text)).toBe('Ministarstvo odbrane');
    expect(createLocaliser('sr-Cyrl').text(text)).toBe('Министарство одбране');
    expect(createLocaliser('sr-Cyrl').text({ en: null, sr: 'Sektor za politiku odbrane' })).toBe(
      'Сектор за политику одбране',
    );
  });

  it('falls back to the other language and says which language it is in', () => {
    expect(createLocaliser('sr-Cyrl').pick({ en: 'Only English', sr: null })).toEqual({
      text: 'Only English',
      lang: 'en',
    });
    expect(createLocaliser('en').pick({ en: '  ', sr: 'Само српски' })).toEqual({
      text: 'Samo srpski',
      lang: 'sr-Latn',
    });
    expect(createLocaliser('en').text(null)).toBe('');
  });

  it('leaves Latin names that a Cyrillic text keeps in Latin alone', () => {
    expect(serbianInCyrillic('Команда JFC Naples', null)).toBe('Команда JFC Naples');
    expect(serbianInCyrillic('SHAPE', 'SHAPE')).toBe('SHAPE');
    expect(serbianInCyrillic('MO', 'MoD')).toBe('МО');
  });

  it('writes dates with their precision in each language', () => {
    const when = { date: '2015-01-15', end: null, precision: 'day' as const };
    expect(createLocaliser('en').date(when)).toBe('15 January 2015');
    expect(createLocaliser('sr-Latn').date(when)).toBe('15. januar 2015.');
    expect(createLocaliser('sr-Cyrl').date(when)).toBe('15. јануар 2015.');
  });
});
