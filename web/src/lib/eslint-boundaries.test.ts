/**
 * The repository's ESLint configuration, fed small files written for the test: an import cycle and
 * one feature importing another must be refused; imports of components, lib and core must not.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const FILES: Record<string, string> = {
  'web/src/lib/cycle-one.ts':
    "import { two } from './cycle-two.js';\nexport const one = () => two;\n",
  'web/src/lib/cycle-two.ts':
    "import { one } from './cycle-one.js';\nexport const two = () => one;\n",
  'web/src/lib/shared.ts': 'export const shared = 1;\n',
  'web/src/components/widget.ts': 'export const widget = 1;\n',
  'web/src/features/indicators/api/read.ts': 'export const read = 1;\n',
  'web/src/features/plans/api/uses-indicators.ts':
    "import { read } from '../../indicators/api/read.js';\nexport const uses = read;\n",
  'web/src/features/plans/api/uses-shared.ts': [
    "import { shared } from '../../../lib/shared.js';",
    "import { widget } from '../../../components/widget.js';",
    "import { local } from './local.js';",
    'export const uses = [shared, widget, local];',
    '',
  ].join('\n'),
  'web/src/features/plans/api/local.ts': 'export const local = 1;\n',
};

let root: string;
let eslint: ESLint;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'liaison-eslint-'));
  for (const [file, text] of Object.entries(FILES)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  const configFile = new URL('../../../eslint.config.js', import.meta.url).href;
  const config = (await import(configFile)) as { default: Linter.Config[] };
  // The feature zones are paths from the repository root: here, from the test's folder.
  const rooted = config.default.map((entry): Linter.Config => {
    const rule = entry.rules?.['import-x/no-restricted-paths'];
    if (!Array.isArray(rule)) return entry;
    const [level, options] = rule as [Linter.RuleSeverity, object];
    return {
      ...entry,
      rules: {
        ...entry.rules,
        'import-x/no-restricted-paths': [level, { ...options, basePath: root }],
      },
    };
  });
  eslint = new ESLint({ cwd: root, overrideConfigFile: true, baseConfig: rooted });
}, 60_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function ruleIds(file: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintFiles([path.join(root, file)]);
  return result?.messages.map((m) => m.ruleId) ?? [];
}

describe('ESLint import rules', () => {
  it('refuses an import cycle', async () => {
    expect(await ruleIds('web/src/lib/cycle-one.ts')).toContain('import-x/no-cycle');
  }, 60_000);

  it('refuses a feature importing another feature', async () => {
    expect(await ruleIds('web/src/features/plans/api/uses-indicators.ts')).toEqual([
      'import-x/no-restricted-paths',
    ]);
  }, 60_000);

  it('lets a feature import lib, components and its own files', async () => {
    expect(await ruleIds('web/src/features/plans/api/uses-shared.ts')).toEqual([]);
  }, 60_000);
});
