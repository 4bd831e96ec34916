// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

const REPO_ROOT = new URL('.', import.meta.url).pathname;

/** Resolves imports the way tsc does: `.js` specifiers to .ts/.tsx files, the `@/` and `@core/` paths. */
const importResolver = createNodeResolver({
  extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
  extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
  tsconfig: { configFile: `${REPO_ROOT}tsconfig.json` },
});

/** What import-x needs to follow imports through TypeScript files (its own resolver, not the TS one). */
const { 'import-x/resolver': _typescriptResolver, ...typescriptSettings } =
  importX.flatConfigs.typescript.settings ?? {};
const importSettings = { ...typescriptSettings, 'import-x/resolver-next': [importResolver] };

/** The web's feature folders; a feature may not import another (shared things go to components/ or lib/). */
const FEATURES = [
  'account',
  'agreements',
  'audit-log',
  'auth',
  'comments',
  'indicators',
  'mechanisms',
  'organisations',
  'plans',
  'reporting',
  'timeline',
  'users',
];

/**
 * Files that still import another feature, each to leave this list when its owner moves the
 * shared part (issue #10): the current-password field to web/src/components, the item status
 * badge, due date and item indicators to components/lib, the drawer's comments and session as
 * slots the page fills. New files are never added here.
 */
const CROSS_FEATURE_IMPORTS_TO_MOVE = [
  'web/src/features/account/components/create-token-modal.tsx',
  'web/src/features/account/components/two-factor-section.tsx',
  'web/src/features/users/components/create-user-modal.tsx',
  'web/src/features/users/components/user-access-actions.tsx',
  'web/src/features/plans/components/item-drawer.tsx',
  'web/src/features/reporting/components/report-drawer.tsx',
  'web/src/features/reporting/components/report-form.tsx',
  'web/src/features/reporting/components/report-notices.tsx',
  'web/src/features/reporting/components/reports-table.tsx',
];

export default tseslint.config(
  { ignores: ['node_modules', 'web/dist', 'dist', 'data', 'coverage', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through server/config.ts, not process.env.',
        },
      ],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'node:*',
            'fastify*',
            'react*',
            'kysely',
            '../server/*',
            '../web/*',
            '../../server/*',
            '../../web/*',
          ],
        },
      ],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**'], message: 'The web app talks to the server over HTTP only.' },
          ],
        },
      ],
    },
  },
  {
    // No import cycles anywhere in the code base.
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: importSettings,
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // Features stay apart: web/src/features/X imports components, lib, config, core and itself only.
    files: ['web/src/features/**/*.{ts,tsx}'],
    ignores: CROSS_FEATURE_IMPORTS_TO_MOVE,
    plugins: { 'import-x': importX },
    settings: importSettings,
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: REPO_ROOT,
          zones: FEATURES.map((feature) => ({
            target: `./web/src/features/${feature}`,
            from: './web/src/features',
            except: [`./${feature}`],
            message:
              'A feature does not import another feature: move what both need to web/src/components or web/src/lib.',
          })),
        },
      ],
    },
  },
  {
    // Operator scripts, tests and the benchmark may read the environment directly.
    files: [
      'server/config.ts',
      'scripts/**',
      'e2e/**',
      'bench/**',
      '**/*.test.ts',
      'server/test/**',
      'vitest.config.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
