// The browser-verified conformance suite: the lab's scenarios in real Chromium and Firefox ESR with the built
// extension. Run with `npm run test:conformance` after `npm run build`. Its file (browsers.conformance.ts) is not a
// *.test.ts, so the default `vitest run` leaves it out.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: `${import.meta.dirname}/../..`,
    include: ['test/lab/**/*.conformance.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 240_000,
    teardownTimeout: 30_000,
  },
});
