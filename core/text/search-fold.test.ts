import { describe, expect, it } from 'vitest';
import { searchFold } from './search-fold.js';

describe('searchFold', () => {
  it('lets Cyrillic, Latin with diacritics and plain ASCII meet', () => {
    expect(searchFold('Дачић')).toBe('dacic');
    expect(searchFold('Dačić')).toBe('dacic');
    expect(searchFold('DACIC')).toBe('dacic');
  });

  it('spells đ as dj, as Serbian writers do without diacritics', () => {
    expect(searchFold('Ђорђе')).toBe('djordje');
    expect(searchFold('Đorđe')).toBe('djordje');
  });

  it('collapses whitespace', () => {
    expect(searchFold('  Partnerstvo \n za   mir ')).toBe('partnerstvo za mir');
  });
});
