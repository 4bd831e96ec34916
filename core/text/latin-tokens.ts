/**
 * Words that Serbian Cyrillic text keeps in Latin letters: names of products and programmes that
 * are only ever written in Latin, and English-only acronyms that Serbian usage does not spell out
 * in Cyrillic. Acronyms that Serbian official usage does write in Cyrillic (НАТО, КФОР, ИПАП,
 * ПАРП, ИТПП, ЕУ, УН) are NOT listed: they are transliterated, always in capitals. The rule and
 * the terms are in docs/GLOSSARY.md; matching is case-sensitive and on whole words only.
 */
export const LATIN_TOKENS: readonly string[] = [
  // The product and its programming interface.
  'Liaison',
  'API',
  // Operational Capabilities Concept Evaluation and Feedback: written as in NATO documents.
  'OCC',
  'E&F',
  // OCC evaluation levels and NATO-side identifiers, quoted as NATO writes them.
  'SEL1',
  'SEL2',
  'NEL1',
  'NEL2',
  'ePRIME',
  'ETOC',
  'STANAG',
  // File formats named in the interface.
  'CSV',
  'XLSX',
  'PDF',
];

const escaped = (token: string) => token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Finds the Latin tokens in a text (whole words, exact case). */
export const LATIN_TOKEN_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...LATIN_TOKENS]
    .sort((a, b) => b.length - a.length)
    .map(escaped)
    .join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);
