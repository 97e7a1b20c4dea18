import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Store backends and HTTP servers are real; files run in parallel workers, tests inside a file in order.
    pool: 'forks',
    reporters: ['default'],
  },
});
