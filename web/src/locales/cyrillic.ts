/**
 * The Serbian Cyrillic translation is generated from the Serbian Latin one, so the two never say
 * different things. Interpolations ({{name}}), nested keys ($t(…)) and markup are left untouched;
 * so are the words Serbian Cyrillic keeps in Latin letters (core/text/latin-tokens.ts), which
 * toCyrillic itself leaves alone.
 */
import { toCyrillic } from '../../../core/text/transliterate.js';

const PROTECTED = new RegExp(
  [String.raw`\{\{[^}]*\}\}`, String.raw`\$t\([^)]*\)`, String.raw`<[^>]+>`].join('|'),
  'g',
);

/** Converts one translation string, leaving protected parts as they are. */
export function translationToCyrillic(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(PROTECTED)) {
    out += toCyrillic(text.slice(last, match.index));
    out += match[0];
    last = match.index + match[0].length;
  }
  return out + toCyrillic(text.slice(last));
}

export type Translations = { [key: string]: string | Translations };

/** Converts every string of a translation tree, keeping its keys and their order. */
export function translationsToCyrillic(tree: Translations): Translations {
  return Object.fromEntries(
    Object.entries(tree).map(([key, value]) => [
      key,
      typeof value === 'string' ? translationToCyrillic(value) : translationsToCyrillic(value),
    ]),
  );
}
