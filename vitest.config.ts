import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    // Functions log a line per complaint; show logs only for a test that fails.
    silent: 'passed-only',
    // Tests assert outcomes, never speed: on a busy two-core machine retries with back-off and
    // git commits can take several times their usual time, which must not fail a test.
    testTimeout: 30_000,
  },
});
