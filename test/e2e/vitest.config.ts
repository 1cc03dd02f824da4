// End-to-end tests: the built extension (dist/) in real, headful Chromium and Firefox. Run with `npm run test:e2e`
// after `npm run build`. The default `vitest run` (vite.config.ts) excludes this folder.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: `${import.meta.dirname}/../..`,
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    // One browser at a time: each starts its own servers, display and browser.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});
