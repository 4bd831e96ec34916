/**
 * Writes web/src/locales/sr-Cyrl/ (every section file and the index) from the Serbian Latin files.
 * Run after editing sr-Latn: `node --import tsx web/scripts/generate-sr-cyrl.ts`
 * (a unit test fails while the two are out of step).
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { translationsToCyrillic, type Translations } from '../src/locales/cyrillic.js';

const latinDir = fileURLToPath(new URL('../src/locales/sr-Latn/', import.meta.url));
const cyrillicDir = fileURLToPath(new URL('../src/locales/sr-Cyrl/', import.meta.url));

const sections = readdirSync(latinDir).filter((f) => f.endsWith('.json'));
for (const stale of readdirSync(cyrillicDir).filter((f) => f.endsWith('.json'))) {
  if (!sections.includes(stale)) rmSync(`${cyrillicDir}${stale}`);
}
for (const file of sections) {
  const latin = JSON.parse(readFileSync(`${latinDir}${file}`, 'utf8')) as Translations;
  writeFileSync(
    `${cyrillicDir}${file}`,
    `${JSON.stringify(translationsToCyrillic(latin), null, 2)}\n`,
  );
}
const index = readFileSync(`${latinDir}index.ts`, 'utf8').replace('sr-Latn', 'sr-Cyrl');
writeFileSync(`${cyrillicDir}index.ts`, index);
console.log(`Wrote ${sections.length} sections to ${cyrillicDir}`);
