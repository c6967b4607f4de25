import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // tfjs model building is CPU-bound; two workers match the machine. `npm test` runs the unit and browser
    // projects as two processes side by side (scripts/test-all.ts), so the browser files start at once.
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/browser/**'] } },
      {
        extends: true,
        test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], globalSetup: ['tests/browser/global-setup.ts'], fileParallelism: false },
      },
    ],
  },
});
