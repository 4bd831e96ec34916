import { defineConfig } from 'vitest/config';
import { FICTIONAL_PARTNER_TEST_FILES } from './server/test/fictional-files.js';

export default defineConfig({
  test: {
    projects: [
      {
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
