// Unit and integration tests (PGlite always; PostgreSQL too when TEST_DATABASE_URL is set).
import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', 'dist/**'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Vitest's default leaves a core free, which on two cores means one file at a time; but a file spends
    // much of its time waiting for PostgreSQL, another process, so two files at once keep both cores busy.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    globalSetup: ['test/support/database-templates.ts'],
  },
});
