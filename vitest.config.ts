import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    // Functions log a line per complaint; show logs only for a test that fails.
    silent: 'passed-only',
  },
});
