/**
 * Folds text for matching: Serbian Cyrillic becomes Latin, letters lose case and diacritics
 * (č→c, đ→dj), runs of whitespace collapse. The same fold applies to stored text and to queries,
 * so "Дачић", "Dačić" and "dacic" all find each other on either database.
 */
import { toLatin } from './transliterate.js';

export function searchFold(text: string): string {
  return toLatin(text)
    .toLowerCase()
    .replaceAll('đ', 'dj')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}
