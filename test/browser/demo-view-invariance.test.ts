import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { LevelsReport } from '../../src/levels/level';
import { useDemoInBrowser } from './demo-in-browser';
import { describeBrowser } from './describe-browser';
import { openPage, waitForReady } from './page-harness';
import { sharedFile } from '../helpers/shared-data';

/** Binance unreachable: the page replays the recorded BTCUSDT 1h perp klines. */
const OFFLINE = { BINANCE_REST_URL: 'http://127.0.0.1:9' };
const RECORDING = sharedFile('klines', 'the demo view-invariance test (the page replays recordings only)');

async function reportAt(page: Page): Promise<LevelsReport> {
  const report = await page.evaluate(() => window.demo.heatmap.levels());
  if (!report) throw new Error('the page has no levels report');
  return report;
}

describeBrowser('the demo gives the same levels for the same bar whatever range is picked', () => {
  const demo = useDemoInBrowser(() => OFFLINE);

  it.skipIf(!RECORDING.present)('replay tick 0 of BTCUSDT 1h at 7d and at 1M: same bar, same nearest and top levels, same bias', async () => {
    const reports: LevelsReport[] = [];
    for (const range of ['7d', '1M']) {
      const { page, close } = await openPage(demo.browser, `${demo.url}?symbol=BTCUSDT&interval=1h&tick=0&range=${range}`, { width: 1000, height: 700 });
      try {
        await waitForReady(page, 30_000);
        reports.push(await reportAt(page));
      } finally {
        await close();
      }
    }
    const [week, month] = reports;
    expect(week.time).toBe(month.time);
    expect(week.warmup?.complete).toBe(true);
    const withinRow = (a: number, b: number) => Math.abs(a - b) <= b * 0.001;
    for (const side of ['above', 'below'] as const) {
      expect(week[side].length).toBe(month[side].length);
      week[side].forEach((level, k) => expect(withinRow(level.price, month[side][k].price)).toBe(true));
    }
    expect(withinRow(week.nearestAbove?.price ?? 0, month.nearestAbove?.price ?? 0)).toBe(true);
    expect(withinRow(week.nearestBelow?.price ?? 0, month.nearestBelow?.price ?? 0)).toBe(true);
    expect(week.bias.label).toBe(month.bias.label);
  });
});
