import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from './api-client.js';
import { errorMessage, keyedMessage, messageParams } from './error-message.js';
import { resources } from './i18n.js';

const ts: Partial<Record<'en' | 'sr-Latn' | 'sr-Cyrl', TFunction>> = {};
beforeAll(async () => {
  for (const lng of ['en', 'sr-Latn', 'sr-Cyrl'] as const) {
    const i18n = i18next.createInstance();
    await i18n.init({ resources, lng, fallbackLng: 'en', interpolation: { escapeValue: false } });
    ts[lng] = i18n.t;
  }
});
const t = (lng: 'en' | 'sr-Latn' | 'sr-Cyrl') => ts[lng] as TFunction;

const tooLong = new ApiError(
  400,
  'validation_failed',
  'The request body is not valid — title.en: Too big: expected string to have <=200 characters.',
  undefined,
  'validation.too_big.string',
  { maximum: 200, field: 'title.en' },
);

describe('errorMessage', () => {
  it('says a validation problem in the reader’s language, with its numbers', () => {
    expect(errorMessage(tooLong, t('en'))).toBe('Use at most 200 characters.');
    expect(errorMessage(tooLong, t('sr-Latn'))).toBe('Broj znakova: najviše 200.');
    expect(errorMessage(tooLong, t('sr-Cyrl'))).toBe('Број знакова: највише 200.');
  });

  it('falls back to the words for the code, then to the server’s English sentence', () => {
    const unknownKey = new ApiError(
      400,
      'validation_failed',
      'English.',
      undefined,
      'validation.no_such',
    );
    expect(errorMessage(unknownKey, t('sr-Latn'))).toBe('Zahtev nije ispravan.');
    const unknownCode = new ApiError(409, 'conflict', 'That code is taken.', undefined, 'conflict');
    expect(errorMessage(unknownCode, t('sr-Latn'))).toBe('That code is taken.');
    expect(errorMessage(new ApiError(500, 'internal', 'boom'), t('sr-Latn'))).toBe(
      'Na serveru je došlo do greške. Greška je zabeležena.',
    );
  });

  it('never shows a group of sentences as if it were one', () => {
    expect(keyedMessage(t('en'), 'validation', {}, 'fallback')).toBe('fallback');
    expect(keyedMessage(t('en'), 'validation.too_big', {}, 'fallback')).toBe('fallback');
    expect(keyedMessage(t('en'), '../x', {}, 'fallback')).toBe('fallback');
  });

  it('lists allowed values with commas', () => {
    expect(messageParams({ values: ['title', 'code'], n: 2 })).toEqual({
      values: 'title, code',
      n: 2,
    });
    expect(
      keyedMessage(t('sr-Latn'), 'validation.invalid_value', { values: ['a', 'b'] }, 'x'),
    ).toBe('Izaberite jednu od vrednosti: a, b.');
  });
});
