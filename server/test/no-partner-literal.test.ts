/**
 * Partner as data: no nation code of the reference deployment appears in code. The reference
 * deployment's nation is the partner nation of its data set (server/seed/reference); this test
 * greps core/, server/ and web/src for it as a quoted literal and fails on any hit outside the
 * reference data set, the seed loaders and the migrations that are history (0001–0013). Test files
 * that run only against the reference deployment may name its data; the files of the fictional
 * partner run (server/test/fictional-files.ts) may not.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceDataSet } from '../seed/reference/index.js';
import { FICTIONAL_PARTNER_TEST_FILES } from './fictional-files.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const code = referenceDataSet.deployment.partnerNation;

/** Paths (relative, with /) allowed to name the reference partner. */
function allowed(file: string): boolean {
  if (file.startsWith('server/seed/reference/')) return true;
  // The reference deployment's plans and sample items, read only by the seed loader.
  if (file === 'server/seed/plans.ts' || file === 'server/seed/sample-items.ts') return true;
  const migration = /^server\/db\/migrations\/(\d{4})_/.exec(file);
  if (migration && Number(migration[1]) <= 13) return true;
  if (/\.test\.tsx?$/.test(file)) return !FICTIONAL_PARTNER_TEST_FILES.includes(file);
  return false;
}

function* walk(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (/\.(ts|tsx|json|mjs)$/.test(entry.name)) yield full;
  }
}

/** Files under the given roots that name `nation` as a quoted literal ('X', "X" or `X`). */
export function filesNaming(nation: string, roots: readonly string[]): string[] {
  const literal = new RegExp(`(['"\`])${nation}\\1`);
  const hits: string[] = [];
  for (const r of roots) {
    for (const file of walk(path.join(root, r))) {
      const relative = path.relative(root, file).split(path.sep).join('/');
      if (allowed(relative)) continue;
      if (literal.test(fs.readFileSync(file, 'utf8'))) hits.push(relative);
    }
  }
  return hits.sort();
}

describe('no partner nation in code', () => {
  it('names the reference partner nowhere outside its data set', () => {
    expect(code).toMatch(/^[A-Z]{2}$/);
    expect(filesNaming(code, ['core', 'server', 'web/src'])).toEqual([]);
  });

  it('would notice one (the check itself works)', () => {
    // The reference data set names its partner, so scanning it without the exemption finds it.
    const literal = new RegExp(`(['"\`])${code}\\1`);
    const source = fs.readFileSync(path.join(root, 'server/seed/reference/markings.ts'), 'utf8');
    expect(literal.test(source)).toBe(true);
  });
});
