import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { startDemo } from '../demo/start-demo';
import { launchChromium } from './chromium.mjs';
import { useDemoInBrowser } from './demo-in-browser';
import { describeBrowserOnRecordings } from './describe-browser';
import { expectNoConsoleErrors, openPage, waitForReady } from './page-harness';

/** Binance unreachable: the page replays what the server recorded. */
const OFFLINE = { BINANCE_REST_URL: 'http://127.0.0.1:9' };
const FAILED_LIVE = [/^http 502: .*\/api\/binance\//, /502 \(Bad Gateway\)/];

async function replayPosition(page: Page): Promise<number> {
  const text = (await page.getByTestId('replay-position').textContent()) ?? '';
  const match = /bar (\d+) of/.exec(text);
  if (!match) throw new Error(`replay position not shown: "${text}"`);
  return Number(match[1]);
}

async function lastCandleClose(page: Page): Promise<number> {
  return page.evaluate(() => {
    const data = window.demo.candles.data();
    const last = data[data.length - 1] as { close: number };
    return last.close;
  });
}

describeBrowserOnRecordings('demo page offline: only recorded data (real chromium, real server)', () => {
  const demo = useDemoInBrowser(() => OFFLINE);

  it('shows an explicit empty state, not a chart, for a symbol and interval with no recording', async () => {
    const { page, errors, close } = await openPage(demo.browser, `${demo.url}?symbol=SOLUSDT&interval=5m&tick=0`, { width: 1000, height: 700 });
    try {
      await page.waitForSelector('html[data-empty="1"]', { timeout: 30_000 });
      const empty = page.getByTestId('empty-state');
      expect(await empty.isVisible()).toBe(true);
      expect(await empty.textContent()).toBe('no recorded data for SOLUSDT 5m offline');
      expect(await page.getByTestId('status').textContent()).toMatch(/^Binance could not be reached.*; no recorded data for SOLUSDT 5m offline$/);
      expect(await page.getByTestId('chart').evaluate((e) => getComputedStyle(e).visibility)).toBe('hidden');
      expect(await page.evaluate(() => window.demo.candles.data().length)).toBe(0);
      expect(await page.getByTestId('synthetic-watermark').isVisible()).toBe(false);
      expectNoConsoleErrors(errors, [...FAILED_LIVE, /^http 404: .*\/api\/replay/, /404 \(Not Found\)/]);
    } finally {
      await close();
    }
  });

  it('names the recorded file and its span in the status line, with no synthetic watermark', async () => {
    const { page, close } = await openPage(demo.browser, `${demo.url}?tick=0`, { width: 1000, height: 700 });
    try {
      await waitForReady(page, 30_000);
      const status = (await page.getByTestId('status').textContent()) ?? '';
      expect(status).toMatch(/BTCUSDT-PERP_1h_[\w-]+\.csv, \d{4}-\d\d-\d\d \d\d:\d\d – \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
      expect(status).toMatch(/reached from the demo server\. replay of recorded BTCUSDT perp 1h \(/);
      expect(await page.getByTestId('synthetic-watermark').isVisible()).toBe(false);
    } finally {
      await close();
    }
  });

  it('fills the range picked from the longest recording: 5m candles up to the chart window, not a 1.7-day file', async () => {
    const { page, close } = await openPage(demo.browser, `${demo.url}?interval=5m&range=1M&tick=0`, { width: 1000, height: 700 });
    try {
      await waitForReady(page, 30_000);
      // A month of 5m bars is more than the chart's window of 3,000 candles (10.4 days): the window is full.
      expect(await page.evaluate(() => window.demo.candles.data().length)).toBe(3000);
      expect(await page.getByTestId('status').textContent()).toMatch(/BTCUSDT-PERP_5m_catman77_2023-01-01_2023-05-02\.csv, 2023-0\d-\d\d \d\d:\d\d – 2023-05-02 23:55 UTC/);
    } finally {
      await close();
    }
  });

  it('fits a 1280x800 window with the replay bar showing: no page scroll, the time axis on screen', async () => {
    const { page, close } = await openPage(demo.browser, `${demo.url}?tick=0`, { width: 1280, height: 800 });
    try {
      await waitForReady(page, 30_000);
      expect(await page.getByTestId('replay-controls').isVisible()).toBe(true);
      const fit = await page.evaluate(() => ({
        scroll: document.documentElement.scrollHeight,
        view: window.innerHeight,
        chartBottom: document.getElementById('chart')?.getBoundingClientRect().bottom ?? Infinity,
      }));
      expect(fit.scroll).toBeLessThanOrEqual(fit.view);
      expect(fit.chartBottom).toBeLessThanOrEqual(fit.view);
    } finally {
      await close();
    }
  });

  it('replays 4h made from the 1h recording and says so', async () => {
    const { page, close } = await openPage(demo.browser, `${demo.url}?interval=4h&tick=0`, { width: 1000, height: 700 });
    try {
      await waitForReady(page, 30_000);
      expect(await page.getByTestId('status').textContent()).toMatch(/BTCUSDT perp 4h made from 1h bars \(BTCUSDT-PERP_1h_/);
      const times = await page.evaluate(() => window.demo.candles.data().map((d) => Number(d.time)));
      expect(times.every((t, i) => i === 0 || t - times[i - 1] >= 4 * 3600)).toBe(true);
    } finally {
      await close();
    }
  });

  it('shows generated bars only for ?demo=synthetic, under a visible watermark', async () => {
    const { page, close } = await openPage(demo.browser, `${demo.url}?symbol=SOLUSDT&interval=5m&demo=synthetic&tick=0`, { width: 1000, height: 700 });
    try {
      await waitForReady(page, 30_000);
      expect(await page.getByTestId('synthetic-watermark').isVisible()).toBe(true);
      expect(await page.getByTestId('synthetic-watermark').textContent()).toMatch(/SYNTHETIC/);
      expect(await page.getByTestId('status').textContent()).toMatch(/SYNTHETIC SOLUSDT 5m.*not market data/);
    } finally {
      await close();
    }
  });

  it('replay controls: step moves one tick, play runs, pause holds, restart goes back to the first bar', async () => {
    const { page, errors, close } = await openPage(demo.browser, `${demo.url}?tick=0`, { width: 1000, height: 700 });
    try {
      await waitForReady(page, 30_000);
      expect(await page.getByTestId('replay-controls').isVisible()).toBe(true);
      expect(await page.getByTestId('replay-position').textContent()).toMatch(/^paused, bar 0 of \d+$/);
      const before = await lastCandleClose(page);
      await page.getByTestId('replay-step').click();
      await expect.poll(() => lastCandleClose(page)).not.toBe(before);
      await page.getByTestId('replay-speed').selectOption('60');
      await page.getByTestId('replay-play').click();
      expect(await page.getByTestId('replay-play').textContent()).toBe('pause');
      await expect.poll(() => replayPosition(page)).toBeGreaterThan(2);
      await page.getByTestId('replay-play').click();
      const held = await replayPosition(page);
      await page.waitForTimeout(300);
      expect(await replayPosition(page)).toBe(held);
      await page.getByTestId('replay-restart').click();
      expect(await replayPosition(page)).toBe(0);
      expectNoConsoleErrors(errors, FAILED_LIVE);
    } finally {
      await close();
    }
  });

  it('says the replay ended when it reaches the last bar without loop', async () => {
    const { page, close } = await openPage(demo.browser, `${demo.url}?tick=0&range=100`, { width: 1000, height: 700 });
    try {
      await waitForReady(page, 30_000);
      await page.getByTestId('replay-speed').selectOption('60');
      await page.getByTestId('replay-play').click();
      await expect.poll(() => page.getByTestId('status').textContent(), { timeout: 30_000 }).toMatch(/replay finished: /);
      expect(await page.getByTestId('replay-position').textContent()).toMatch(/^ended/);
    } finally {
      await close();
    }
  });
});

describeBrowserOnRecordings('demo page with --replay FILE: the controls follow the file', () => {
  it('shows the file\'s symbol and interval and locks both', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liq-demo-'));
    const file = join(dir, 'ETHUSDT-PERP_15m_mine.csv');
    const rows = Array.from({ length: 300 }, (_, i) => {
      const p = 2500 + Math.sin(i / 9) * 30;
      return `${Date.UTC(2025, 0, 1) + i * 900_000},${p},${p + 5},${p - 5},${p + 1},${100 + i}`;
    });
    writeFileSync(file, `open_time,open,high,low,close,volume\n${rows.join('\n')}\n`);
    const server = await startDemo(['--replay', file]);
    const browser = await launchChromium();
    try {
      const { page, close } = await openPage(browser, `${server.url}?symbol=BTCUSDT&interval=1h&tick=0`, { width: 1000, height: 700 });
      await waitForReady(page, 30_000);
      expect(await page.getByTestId('symbol').inputValue()).toBe('ETHUSDT');
      expect(await page.getByTestId('interval').inputValue()).toBe('15m');
      expect(await page.getByTestId('symbol').isDisabled()).toBe(true);
      expect(await page.getByTestId('interval').isDisabled()).toBe(true);
      await close();
    } finally {
      await browser.close();
      server.child.kill();
    }
  });
});
