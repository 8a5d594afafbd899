import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { useDemoInBrowser } from './demo-in-browser';
import { describeBrowserOnRecordings } from './describe-browser';
import { openPage, waitForReady } from './page-harness';

const PLACEMENT_WARNING = /liquidation heatmap: nothing drawn/;

/** Every console warning the page logs from now on. */
function collectWarnings(page: Page): string[] {
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  return warnings;
}

async function settle(page: Page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

describeBrowserOnRecordings('demo page: switching data logs no placement warning', () => {
  const demo = useDemoInBrowser(() => ({ BINANCE_REST_URL: 'http://127.0.0.1:9' }));

  it('switching the interval and the symbol back and forth logs no "nothing drawn" warning', async () => {
    const { page, close } = await openPage(demo.browser, `${demo.url}?tick=0`, { width: 1280, height: 800 });
    const warnings = collectWarnings(page);
    try {
      await waitForReady(page, 30_000);
      // 1h -> 4h and back are the same symbol's model over other bars; ETH and BNB share a margin rate, so one overlay takes both.
      for (const interval of ['4h', '1h', '4h']) {
        await page.selectOption('[data-testid=interval]', interval);
        await waitForReady(page, 30_000);
        await settle(page);
      }
      for (const symbol of ['ETHUSDT', 'BNBUSDT', 'ETHUSDT']) {
        const input = page.locator('[data-testid=symbol]');
        await input.fill(symbol);
        await input.press('Enter');
        await input.blur();
        await waitForReady(page, 30_000);
        await settle(page);
      }
      await expect.poll(() => page.textContent('[data-testid=status]')).toMatch(/ETHUSDT perp 4h/);
      expect(warnings.filter((w) => PLACEMENT_WARNING.test(w))).toEqual([]);
    } finally {
      await close();
    }
  });
});
