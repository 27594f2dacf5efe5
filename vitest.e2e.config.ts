// Browser tests: the built web app served by the real server, driven by headless Chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One Chromium and one server at a time: the machines have two cores.
    fileParallelism: false,
    pool: 'forks',
    globalSetup: ['test/e2e/demo-image.ts', 'test/e2e/shared-browser.ts'],
  },
});
