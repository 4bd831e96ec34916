import { defineConfig } from 'vitest/config';
import { FICTIONAL_PARTNER_TEST_FILES } from './server/test/fictional-files.js';
import { webAliases } from './web/vite.config.js';

/**
 * Every test run is in a random order, files and the tests inside them, so a test that
 * leans on another's leftovers fails here rather than hiding. The seed is printed; run again
 * with LIAISON_TEST_SEED=<seed> to get the same order back.
 */
const seed = Number(process.env.LIAISON_TEST_SEED) || Math.floor(Math.random() * 1_000_000) + 1;
process.env.LIAISON_TEST_SEED = String(seed);
const randomOrder = { shuffle: true, seed };
if (!process.env.VITEST_WORKER_ID)
  console.log(`  Test order: random, seed ${seed} (LIAISON_TEST_SEED).`);

export default defineConfig({
  test: {
    sequence: randomOrder,
    projects: [
      {
        // The web's `@/` and `@core/` import aliases (tsconfig.json paths).
        resolve: { alias: webAliases },
        test: {
          name: 'unit',
          include: ['core/**/*.test.ts', 'web/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'api',
          include: ['server/**/*.test.ts'],
          globalSetup: ['server/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The API suite's partner-neutral files against a second, fictional partner deployment
        // (server/seed/fictional: nation XR, its own marking scheme, no reference data at all).
        test: {
          name: 'api-fictional',
          include: FICTIONAL_PARTNER_TEST_FILES,
          env: { LIAISON_TEST_PARTNER: 'fictional' },
          globalSetup: ['server/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
