import { configDefaults, defineConfig } from 'vitest/config';

/** Tests that start chromium. */
const BROWSER = ['test/browser/**/*.test.ts'];

/**
 * The CLI (in-process, and a few smoke tests spawning dist/cli.mjs), the demo server, the built package, and
 * and the long runs over whole real files (test/real-data: six years of ETH, lookback invariance at 50 cut points).
 */
const CLI = ['test/cli/**/*.test.ts', 'test/demo/**/*.test.ts', 'test/package/**/*.test.ts', 'test/real-data/**/*.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...BROWSER, ...CLI] } },
      { extends: true, test: { name: 'cli', include: CLI } },
      { extends: true, test: { name: 'browser', include: BROWSER } },
    ],
  },
});
