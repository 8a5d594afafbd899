import { configDefaults, defineConfig } from 'vitest/config';

/** Tests that start chromium. */
const BROWSER = ['test/browser/**/*.test.ts'];

/**
 * Tests that spawn processes (the built CLI, the demo server, npm), read the built bundles in dist/, or run
 * the CLI in-process (which sets TZ in process.env, so they keep the default forked workers).
 */
const CLI = ['test/cli/**/*.test.ts', 'test/demo/**/*.test.ts', 'test/package/**/*.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      // Worker threads start faster than forked processes; unit tests change no process-wide state (env, TZ, signals).
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...BROWSER, ...CLI], pool: 'threads' } },
      { extends: true, test: { name: 'cli', include: CLI } },
      { extends: true, test: { name: 'browser', include: BROWSER } },
    ],
  },
});
