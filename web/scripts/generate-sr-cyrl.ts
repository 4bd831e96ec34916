/**
 * Writes web/src/locales/sr-Cyrl/translation.json from the Serbian Latin file.
 * Run after editing sr-Latn: `node --import tsx web/scripts/generate-sr-cyrl.ts`
 * (a unit test fails while the two are out of step).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { translationsToCyrillic, type Translations } from '../src/locales/cyrillic.js';

const latinFile = fileURLToPath(
  new URL('../src/locales/sr-Latn/translation.json', import.meta.url),
);
const cyrillicFile = fileURLToPath(
  new URL('../src/locales/sr-Cyrl/translation.json', import.meta.url),
);

const latin = JSON.parse(readFileSync(latinFile, 'utf8')) as Translations;
writeFileSync(cyrillicFile, `${JSON.stringify(translationsToCyrillic(latin), null, 2)}\n`);
console.log(`Wrote ${cyrillicFile}`);
