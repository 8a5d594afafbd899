import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium.mjs';
import { openPage, waitForReady, type OpenedPage } from './page-harness';
import { startStaticServer, type StaticServer } from './static-server.mjs';

/** A fixture page opened for a describe block: the page, its device pixel ratio and its problems so far. */
export interface FixturePage {
  readonly page: Page;
  readonly dpr: number;
  readonly errors: readonly string[];
}

/**
 * Serves the repository, opens `fixtures/<name>.html` in a fresh Chromium at `viewport` before the block's
 * tests and waits for it to be ready; closes page, browser and server after them. Read the fields inside tests.
 */
export function useFixturePage(name: string, viewport: { width: number; height: number }): FixturePage {
  let server: StaticServer | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let opened: OpenedPage | undefined;
  let dpr = 1;
  beforeAll(async () => {
    server = await startStaticServer();
    browser = await launchChromium();
    opened = await openPage(browser, `${server.url}/fixtures/${name}.html`, viewport);
    await waitForReady(opened.page);
    dpr = await opened.page.evaluate(() => window.devicePixelRatio);
  });
  afterAll(async () => {
    await opened?.close();
    await browser?.close();
    await server?.close();
  });
  const ready = (): OpenedPage => {
    if (!opened) throw new Error(`fixtures/${name}.html is not open (read the page inside a test)`);
    return opened;
  };
  return {
    get page() {
      return ready().page;
    },
    get dpr() {
      return dpr;
    },
    get errors() {
      return ready().errors;
    },
  };
}
