// Unit and integration tests (PGlite always; PostgreSQL too when TEST_DATABASE_URL is set).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', 'dist/**'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    pool: 'forks',
    globalSetup: ['test/support/database-templates.ts'],
  },
});
