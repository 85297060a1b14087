import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'services/*/src/**/*.test.ts', 'tests/*/src/**/*.test.ts'],
    globalSetup: ['./packages/testing/src/global-setup.ts'],
    reporters: ['default', './packages/testing/src/plain-summary-reporter.ts'],
    // Most test time is spent waiting on PostgreSQL, Redis and child processes, not on this CPU: on a 2-core
    // machine two workers finish the suite in ~260 s where vitest's default of one took ~400 s.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // One module cache per worker, not per file: a fresh fork importing fastify, BullMQ, exceljs and React
    // Email for each of 136 files cost ~130 s of a 390 s run. Tests share no state through modules (each
    // file builds its own database, Redis prefix and app); one that mocks a module reloads what it tests.
    isolate: false,
    testTimeout: 60_000,
    // Polls wait on real processes and a real browser: on a loaded 2-core machine one second is too short.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    hookTimeout: 60_000,
  },
});
