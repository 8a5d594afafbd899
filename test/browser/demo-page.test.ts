import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { startDemo } from '../demo/start-demo';
import { must } from '../helpers/must';
import { launchChromium } from './chromium.mjs';
import { useDemoInBrowser } from './demo-in-browser';
import { describeBrowserOnRecordings } from './describe-browser';
import { expectNoConsoleErrors, near, openPage, pixelStats, saveScreenshot, waitForReady } from './page-harness';
import { decodePng } from './png';

const BACKGROUND: [number, number, number] = [13, 17, 23];
const CLASSES = {
  up: near('#3fb950', 30),
  down: near('#f85149', 30),
  longLevel: near('#26c6da', 30),
  shortLevel: near('#ff7043', 30),
};
const HEAT_HUES = ['purple', 'blue', 'green', 'yellow', 'cyan', 'orange', 'red'];

async function chartPixels(page: Page) {
  const stats = await pixelStats(page, '[data-testid=chart]', { background: BACKGROUND, tolerance: 6, classes: CLASSES });
  const c = stats.counts;
  return {
    heat: HEAT_HUES.reduce((sum, hue) => sum + (c[hue] ?? 0), 0),
    candles: (c.up ?? 0) + (c.down ?? 0),
    levels: (c.longLevel ?? 0) + (c.shortLevel ?? 0),
    total: stats.total,
  };
}

/** Mean luminance of the chart as shown (more heat lifts faint cells, so it rises). */
async function brightness(page: Page): Promise<number> {
  const { data } = decodePng(await page.locator('[data-testid=chart]').screenshot());
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) sum += 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2];
  return sum / (data.length / 4);
}

async function settle(page: Page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

describeBrowserOnRecordings('demo page in replay mode (real chromium, real server)', () => {
  const demo = useDemoInBrowser(() => ({ BINANCE_REST_URL: 'http://127.0.0.1:9' }));

  async function open(query = '') {
    const opened = await openPage(demo.browser, `${demo.url}${query ? `?${query}` : '?tick=0'}`, { width: 1280, height: 800 });
    await waitForReady(opened.page, 30_000);
    await settle(opened.page);
    return opened;
  }

  it('falls back to replayed data when Binance is unreachable, says so, and draws heatmap, candles and levels', async () => {
    const { page, errors, close } = await open();
    try {
      await expect.poll(() => page.textContent('[data-testid=status]')).toMatch(/could not be reached.*replay/i);
      const pixels = await chartPixels(page);
      expect(pixels.heat).toBeGreaterThan(pixels.total * 0.15);
      expect(pixels.candles).toBeGreaterThan(500);
      expect(pixels.levels).toBeGreaterThan(100);
      const price = Number(must(await page.textContent('[data-testid=price]'), 'the price text').replace(/,/g, ''));
      const above = (await page.$$eval('[data-testid=levels-above] li span:nth-child(2)', (s) => s.map((e) => e.textContent))).map((t) => Number(must(t, 'a level price text').replace(/,/g, '')));
      const below = (await page.$$eval('[data-testid=levels-below] li span:nth-child(2)', (s) => s.map((e) => e.textContent))).map((t) => Number(must(t, 'a level price text').replace(/,/g, '')));
      expect(above.length).toBeGreaterThan(0);
      expect(below.length).toBeGreaterThan(0);
      for (const p of above) expect(p).toBeGreaterThan(price);
      for (const p of below) expect(p).toBeLessThan(price);
      // The failed live load's market figures never overwrite the replay's "as of" time.
      await page.waitForTimeout(500);
      expect(await page.textContent('[data-testid=as-of]')).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
      await saveScreenshot(page, 'demo-replay');
      expectNoConsoleErrors(errors, [/^http 502: .*\/api\/binance\//, /502 \(Bad Gateway\)/]);
    } finally {
      await close();
    }
  });

  it('the threshold slider hides weak cells and more heat brings faint ones back', async () => {
    const { page, close } = await open('tick=0&levels=0');
    try {
      const base = await chartPixels(page);
      await page.locator('[data-testid=threshold]').fill('0.6');
      await settle(page);
      const strict = await chartPixels(page);
      expect(strict.heat).toBeLessThan(base.heat * 0.8);
      await page.locator('[data-testid=threshold]').fill('0.05');
      await settle(page);
      const before = await brightness(page);
      await page.locator('[data-testid=more-heat]').fill('1');
      await settle(page);
      expect(await brightness(page)).toBeGreaterThan(before * 1.2);
      expect(new URL(page.url()).searchParams.get('heat')).toBe('1');
    } finally {
      await close();
    }
  });

  it('each toggle changes what is drawn: heatmap, levels, klines', async () => {
    const { page, close } = await open();
    try {
      const base = await chartPixels(page);
      await page.locator('[data-testid=toggle-heatmap]').uncheck();
      await settle(page);
      expect((await chartPixels(page)).heat).toBeLessThan(base.heat * 0.1);
      await page.locator('[data-testid=toggle-levels]').uncheck();
      await settle(page);
      expect((await chartPixels(page)).levels).toBeLessThan(base.levels * 0.1);
      await page.locator('[data-testid=toggle-klines]').uncheck();
      await settle(page);
      expect((await chartPixels(page)).candles).toBeLessThan(base.candles * 0.1);
    } finally {
      await close();
    }
  });

  it('sides, palette and swept controls each change the picture', async () => {
    const { page, close } = await open();
    try {
      const shot = async () => (await page.locator('[data-testid=chart]').screenshot()).toString('base64');
      let previous = await shot();
      for (const change of [
        () => page.selectOption('[data-testid=sides]', 'long'),
        () => page.selectOption('[data-testid=palette]', 'two-sided'),
        () => page.locator('[data-testid=toggle-swept]').uncheck(),
      ]) {
        await change();
        await settle(page);
        const next = await shot();
        expect(next).not.toBe(previous);
        previous = next;
      }
    } finally {
      await close();
    }
  });

  it('hovering the chart shows a tooltip with the candle (OHLCV) and the density at the cursor', async () => {
    const { page, close } = await open();
    try {
      const box = must(await page.locator('[data-testid=chart]').boundingBox(), 'the chart box');
      await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
      await expect.poll(() => page.isVisible('[data-testid=tooltip]')).toBe(true);
      const text = must(await page.textContent('[data-testid=tooltip]'), 'the tooltip text');
      expect(text).toMatch(/O.*H.*L.*C.*V[\d,.]+/);
      expect(text).toMatch(/long liq\.\s*[\d.]+[KMB]?/);
      expect(text).toMatch(/short liq\./);
    } finally {
      await close();
    }
  });

  it('changing the interval loads and draws that interval, and the URL round-trips the state', async () => {
    const { page, close } = await open('tick=0&threshold=0.2&sides=long&palette=two-sided');
    try {
      expect(await page.inputValue('[data-testid=threshold]')).toBe('0.2');
      expect(await page.inputValue('[data-testid=sides]')).toBe('long');
      const before = await page.locator('[data-testid=chart]').screenshot();
      await page.selectOption('[data-testid=interval]', '15m');
      await waitForReady(page, 30_000);
      await settle(page);
      await expect.poll(() => page.textContent('[data-testid=status]')).toMatch(/15m/);
      const after = await page.locator('[data-testid=chart]').screenshot();
      expect(after.equals(before)).toBe(false);
      expect((await chartPixels(page)).heat).toBeGreaterThan(1000);
      const url = new URL(page.url());
      expect(Object.fromEntries(url.searchParams)).toMatchObject({ interval: '15m', threshold: '0.2', sides: 'long', palette: 'two-sided' });
      const reopened = await openPage(demo.browser, page.url(), { width: 900, height: 700 });
      try {
        await waitForReady(reopened.page, 30_000);
        expect(await reopened.page.inputValue('[data-testid=interval]')).toBe('15m');
        expect(await reopened.page.inputValue('[data-testid=palette]')).toBe('two-sided');
      } finally {
        await reopened.close();
      }
    } finally {
      await close();
    }
  });

  async function switchSymbol(page: Page, symbol: string) {
    const input = page.locator('[data-testid=symbol]');
    await input.fill(symbol);
    await input.press('Enter');
    await input.blur();
    await waitForReady(page, 30_000);
  }

  it("switching the symbol loads that symbol's data into a model with its margin rate", async () => {
    const { page, close } = await open();
    try {
      await switchSymbol(page, 'ETHUSDT');
      await expect.poll(() => page.textContent('[data-testid=status]')).toMatch(/ETHUSDT/);
      expect(await page.evaluate(() => window.demo.heatmap.options().model.mmr)).toBe(0.005);
      expect(await page.evaluate(() => window.demo.heatmap.primitive.headless().options().mmr)).toBe(0.005);
      expect(await page.evaluate(() => window.demo.heatmap.primitive.headless().length)).toBeGreaterThan(100);
      expect(new URL(page.url()).searchParams.get('symbol')).toBe('ETHUSDT');
    } finally {
      await close();
    }
  });

  it("switching the symbol never rebuilds the old symbol's model with the new symbol's options", async () => {
    const { page, close } = await open();
    try {
      const oldModel = await page.evaluateHandle(() => window.demo.heatmap.primitive.headless());
      expect(await oldModel.evaluate((model) => model.options().mmr)).toBe(0.004);
      await switchSymbol(page, 'ETHUSDT');
      expect(await oldModel.evaluate((model) => model.options().mmr)).toBe(0.004);
    } finally {
      await close();
    }
  });

  it('works on a phone-sized touch screen', async () => {
    const opened = await openPage(demo.browser, `${demo.url}?tick=0`, { width: 390, height: 844 });
    try {
      await waitForReady(opened.page, 30_000);
      const chart = must(await opened.page.locator('[data-testid=chart]').boundingBox(), 'the chart box');
      expect(chart.width).toBeGreaterThan(300);
      expect(chart.height).toBeGreaterThan(250);
      expect(await opened.page.isVisible('[data-testid=levels-below]')).toBe(true);
      await saveScreenshot(opened.page, 'demo-phone');
    } finally {
      await opened.close();
    }
  });
});

describeBrowserOnRecordings('demo page with --replay FILE', () => {
  it('shows a file name containing markup as text, never as HTML', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liq-demo-'));
    const file = join(dir, '<img src=x onerror=alert(1)>.csv');
    const rows = Array.from({ length: 200 }, (_, i) => {
      const p = 100 + Math.sin(i / 9) * 3;
      return `${Date.UTC(2025, 0, 1) + i * 3_600_000},${p},${p + 1},${p - 1},${p + 0.2},${100 + i}`;
    });
    writeFileSync(file, `open_time,open,high,low,close,volume\n${rows.join('\n')}\n`);
    const demo = await startDemo(['--replay', file]);
    const browser = await launchChromium();
    try {
      const { page, errors, close } = await openPage(browser, `${demo.url}?tick=0`, { width: 1000, height: 700 });
      await waitForReady(page, 30_000);
      expect(await page.textContent('[data-testid=status]')).toContain('<img src=x onerror=alert(1)>');
      expect(await page.$$eval('img', (images) => images.length)).toBe(0);
      expectNoConsoleErrors(errors);
      await close();
    } finally {
      await browser.close();
      demo.child.kill();
    }
  });
});
