import { defineConfig } from 'vitest/config';

// One runner for every workspace, as two projects: `node` (servers, packages, bench) and `web`
// (apps/web, happy-dom; its settings live in apps/web/vite.config.ts). DB_TYPE picks the dialect for
// integration tests (scripts/run-tests.mjs runs the suite once on SQLite and once on PostgreSQL).
export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['{apps,packages}/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**', 'apps/web/**'],
        },
      },
      'apps/web/vite.config.ts',
    ],
  },
});
