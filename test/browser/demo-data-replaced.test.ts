import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { useDemoInBrowser } from './demo-in-browser';
import { describeBrowserOnRecordings } from './describe-browser';
import { openPage, waitForReady } from './page-harness';

/** What the panels say about the data: each text, the length of each list and the bias card's class. */
const TEXTS = ['price', 'change24h', 'open-interest', 'funding', 'as-of', 'bias', 'bias-ratio', 'bias-window', 'bias-meaning', 'watch-above', 'watch-below', 'nearest-above', 'nearest-below', 'total-above', 'total-below', 'plan-stop', 'plan-notes'];
const LISTS = ['levels-above', 'levels-below', 'plan-targets'];

interface PanelsRead {
  /** As the page shows them now (after `act`, when given). */
  now: Record<string, string>;
  /** As the page's markup has them, before any data. */
  beforeData: Record<string, string>;
}

/** A control to use: a `<select>` to set to `value`, or a button to click. */
interface Act {
  testId: string;
  value?: string;
}

/** Reads the panels now and in the page's own markup; with `act`, uses that control first and reads before any later task runs. */
async function readPanels(page: Page, act: Act | null = null): Promise<PanelsRead> {
  return page.evaluate(
    async ({ texts, lists, act }) => {
      const read = (doc: Document): Record<string, string> => {
        const at = (id: string) => doc.querySelector(`[data-testid="${id}"]`);
        return Object.fromEntries([
          ...texts.map((id) => [id, at(id)?.textContent ?? 'missing']),
          ...lists.map((id) => [id, `${at(id)?.children.length ?? 'missing'} items`]),
          ['bias-card class', at('bias-card')?.className ?? 'missing'],
        ]);
      };
      const markup = await (await fetch(location.pathname)).text();
      const beforeData = read(new DOMParser().parseFromString(markup, 'text/html'));
      const control = act && (document.querySelector(`[data-testid="${act.testId}"]`) as HTMLSelectElement | HTMLButtonElement);
      if (control instanceof HTMLSelectElement && act?.value !== undefined) {
        control.value = act.value;
        control.dispatchEvent(new Event('change'));
      } else control?.click();
      return { now: read(document), beforeData };
    },
    { texts: TEXTS, lists: LISTS, act },
  );
}

async function typeSymbol(page: Page, symbol: string) {
  await page.fill('[data-testid=symbol]', symbol);
  await page.press('[data-testid=symbol]', 'Enter');
}

const priceLines = (page: Page) => page.evaluate(() => window.demo.candles.priceLines().length);

describeBrowserOnRecordings('demo panels and plan when the data is replaced (real chromium, replayed recording)', () => {
  const demo = useDemoInBrowser(() => ({ BINANCE_REST_URL: 'http://127.0.0.1:9' }));

  async function open(query: string) {
    const opened = await openPage(demo.browser, `${demo.url}?tick=0&${query}`, { width: 1280, height: 900 });
    await waitForReady(opened.page, 30_000);
    return opened;
  }

  it('a symbol with no data leaves none of the previous figures, plan or price lines: the panels read as before any data', async () => {
    const { page, close } = await open('symbol=XRPUSDT&planSide=long');
    try {
      await expect.poll(() => priceLines(page)).toBeGreaterThan(0);
      const loaded = await readPanels(page);
      for (const id of ['price', 'as-of', 'bias', 'watch-above', 'nearest-below', 'total-above', 'plan-stop']) expect(loaded.now[id], id).not.toBe(loaded.beforeData[id]);
      await typeSymbol(page, 'NOPEUSDT');
      await page.waitForSelector('html[data-empty="1"]', { timeout: 30_000 });
      expect(await page.getByTestId('empty-state').textContent()).toBe('no recorded data for NOPEUSDT 1h offline');
      const empty = await readPanels(page);
      expect(empty.now).toEqual(empty.beforeData);
      expect(await priceLines(page)).toBe(0);
      expect(await page.evaluate(() => window.demo.planner.current())).toBeNull();
    } finally {
      await close();
    }
  });

  it('a new load shows no figures of the data it replaces while its model builds, then the new ones', async () => {
    const { page, close } = await open('planSide=long');
    try {
      const loading = await readPanels(page, { testId: 'interval', value: '4h' });
      expect(loading.now).toEqual(loading.beforeData);
      expect(await priceLines(page)).toBe(0);
      await waitForReady(page, 30_000);
      const loaded = await readPanels(page);
      expect(loaded.now.price).toMatch(/^[\d,]+\.\d+$/);
      expect(loaded.now['plan-stop']).not.toBe(loaded.beforeData['plan-stop']);
    } finally {
      await close();
    }
  });

  it("a replay's restart shows no figures of the bars it goes back from while its model builds", async () => {
    const { page, close } = await open('planSide=long');
    try {
      for (let i = 0; i < 3; i++) await page.getByTestId('replay-step').click();
      const restarting = await readPanels(page, { testId: 'replay-restart' });
      // The as-of time comes with the restarted history: it is the new data's.
      const { 'as-of': asOf, ...rest } = restarting.now;
      expect(rest).toEqual({ ...restarting.beforeData, 'as-of': undefined });
      expect(asOf).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
      await expect.poll(() => page.getByTestId('price').textContent()).toMatch(/^[\d,]+\.\d+$/);
    } finally {
      await close();
    }
  });

  it('a new interval or symbol starts a fresh plan, with no "stop moved" notice', async () => {
    const { page, close } = await open('planSide=long');
    try {
      await expect.poll(() => page.evaluate(() => window.demo.planner.current()?.stop.level ?? null)).not.toBeNull();
      await page.selectOption('[data-testid=interval]', '4h');
      await waitForReady(page, 30_000);
      expect(await page.evaluate(() => window.demo.planner.current()?.side)).toBe('long');
      expect(await page.getByTestId('plan-notes').textContent()).not.toMatch(/stop moved/);
      await typeSymbol(page, 'ETHUSDT');
      await expect.poll(() => page.evaluate(() => window.demo.state.symbol)).toBe('ETHUSDT');
      await waitForReady(page, 30_000);
      expect(await page.evaluate(() => window.demo.planner.current()?.side)).toBe('long');
      expect(await page.getByTestId('plan-notes').textContent()).not.toMatch(/stop moved/);
    } finally {
      await close();
    }
  });
});
