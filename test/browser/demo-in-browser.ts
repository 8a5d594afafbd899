import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startDemo } from '../demo/start-demo';
import { launchChromium } from './chromium.mjs';

/** The running demo server and browser of a suite; read them inside tests (they exist once `beforeAll` ran). */
export interface DemoInBrowser {
  readonly url: string;
  readonly browser: Browser;
}

/**
 * Starts the real demo server (`env` read when the suite starts, so an earlier `beforeAll` may prepare
 * it) and a Chromium before the suite's tests; stops both after them.
 */
export function useDemoInBrowser(env: () => Record<string, string>): DemoInBrowser {
  let started: { url: string; child: { kill(): unknown } } | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    started = await startDemo([], env());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    started?.child.kill();
  });
  return {
    get url() {
      if (!started) throw new Error('useDemoInBrowser: the demo server has not started');
      return started.url;
    },
    get browser() {
      if (!browser) throw new Error('useDemoInBrowser: the browser has not started');
      return browser;
    },
  };
}
