import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'services/*/src/**/*.test.ts', 'tests/*/src/**/*.test.ts'],
    globalSetup: ['./packages/testing/src/global-setup.ts'],
    reporters: ['default', './packages/testing/src/plain-summary-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
