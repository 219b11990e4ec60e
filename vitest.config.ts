import { defineConfig } from 'vitest/config';

// One runner for every workspace. DB_TYPE picks the dialect for integration tests
// (scripts/run-tests.mjs runs the suite once on SQLite and once on PostgreSQL).
export default defineConfig({
  test: {
    include: ['{apps,packages}/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', 'apps/web/**'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
