import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { useDemoInBrowser } from './demo-in-browser';
import { describeBrowserOnRecordings } from './describe-browser';
import { openPage, waitForReady } from './page-harness';
import { required } from './demo-required';

const number = (text: string) => Number(text.replace(/[,+%]/g, ''));

interface Row {
  price: string;
  size: string;
  distance: string;
  zone: string;
  nearest: boolean;
}

async function rows(page: Page, list: 'levels-above' | 'levels-below'): Promise<Row[]> {
  return page.$$eval(`[data-testid=${list}] li`, (items) =>
    items.map((li) => ({
      price: li.querySelector('[data-testid=level-price]')?.textContent ?? '',
      size: li.querySelector('[data-testid=level-size]')?.textContent ?? '',
      distance: li.querySelector('[data-testid=level-distance]')?.textContent ?? '',
      zone: li.querySelector('[data-testid=level-zone]')?.textContent ?? '',
      nearest: li.classList.contains('nearest'),
    })),
  );
}

describeBrowserOnRecordings('demo panels a trader reads at a glance (real chromium, replayed recording)', () => {
  const demo = useDemoInBrowser(() => ({ BINANCE_REST_URL: 'http://127.0.0.1:9' }));

  async function open() {
    const opened = await openPage(demo.browser, `${demo.url}?tick=0`, { width: 1280, height: 800 });
    await waitForReady(opened.page, 30_000);
    return opened;
  }

  it('every level row shows price, zone low-high around it, size and distance from price', async () => {
    const { page, close } = await open();
    try {
      const price = number((await page.getByTestId('price').textContent()) ?? '');
      const all = [...(await rows(page, 'levels-above')), ...(await rows(page, 'levels-below'))];
      expect(all.length).toBeGreaterThan(1);
      for (const row of all) {
        const level = number(row.price);
        const [low, high] = row.zone.replace(/^zone /, '').split(' – ').map(number);
        expect(low).toBeLessThanOrEqual(level);
        expect(high).toBeGreaterThanOrEqual(level);
        expect(row.size).toMatch(/\S/);
        expect(number(row.distance)).toBeCloseTo(((level - price) / price) * 100, 1);
      }
    } finally {
      await close();
    }
  });

  it('lists the nearest significant level of each side in its own card and marks its row', async () => {
    const { page, close } = await open();
    try {
      const report = await page.evaluate(() => {
        const r = window.demo.heatmap.levels();
        return r && { above: r.nearestAbove?.price ?? null, below: r.nearestBelow?.price ?? null, fmt: [r.nearestAbove, r.nearestBelow].map((l) => l && window.demo.formatPrice(l.price)) };
      });
      expect(report).not.toBeNull();
      // The recorded BTCUSDT 1h replay has a significant level on both sides.
      const [above, below] = required(report, 'a levels report').fmt as [string, string];
      expect(above && below).toBeTruthy();
      expect(await page.getByTestId('nearest-above').textContent()).toMatch(new RegExp(`^${above.replace(/[.]/g, '\\.')} \\(\\+\\d+\\.\\d\\d%\\), zone `));
      expect((await rows(page, 'levels-above')).filter((r) => r.nearest).map((r) => r.price)).toEqual([above]);
      expect(await page.getByTestId('nearest-below').textContent()).toMatch(new RegExp(`^${below.replace(/[.]/g, '\\.')} \\(-\\d+\\.\\d\\d%\\), zone `));
      expect((await rows(page, 'levels-below')).filter((r) => r.nearest).map((r) => r.price)).toEqual([below]);
      const cardColours = await page.$$eval('.nearest-level', (cards) => cards.map((c) => getComputedStyle(c).borderLeftStyle));
      expect(cardColours).toEqual(['solid', 'solid']);
    } finally {
      await close();
    }
  });

  it('the bias card gives the label, the ratio, the window it compares and a one-line meaning', async () => {
    const { page, close } = await open();
    try {
      const bias = await page.evaluate(() => window.demo.heatmap.levels()?.bias);
      if (!bias) throw new Error('no levels report');
      expect((await page.getByTestId('bias').textContent())?.replace(' ', '-')).toBe(bias.label);
      expect(await page.getByTestId('bias-ratio').textContent()).toBe(`${bias.ratio.toFixed(2)} (longs below / shorts above)`);
      expect(await page.getByTestId('bias-window').textContent()).toBe(`within ±${bias.windowPct.toFixed(2)}% of price`);
      expect(await page.getByTestId('bias-meaning').textContent()).toMatch(/^(More longs|More shorts|Neither side).+\.$/);
    } finally {
      await close();
    }
  });

  it('names the first zones to watch above and below, nearest first', async () => {
    const { page, close } = await open();
    try {
      const expected = await page.evaluate(() => {
        const r = window.demo.heatmap.levels();
        if (!r) return ['no report', 'no report'];
        const f = window.demo.formatPrice;
        return [r.above[0], r.below[0]].map((l) => (l ? `${f(l.low)} – ${f(l.high)}` : 'none in range'));
      });
      expect(await page.getByTestId('watch-above').textContent()).toContain(expected[0]);
      expect(await page.getByTestId('watch-below').textContent()).toContain(expected[1]);
    } finally {
      await close();
    }
  });
});
