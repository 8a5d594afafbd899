import { expect, it } from 'vitest';
import type { Kline } from '../../src/klines/kline';
import { describeBrowser } from './describe-browser';
import { useFixturePage } from './fixture-page';
import { expectNoConsoleErrors, readPixels } from './page-harness';
import { differingPixels, heatIn, pixelColumn, type Rgb } from './pixel-columns';

declare global {
  interface Window {
    /** The handle fixtures/panning.js leaves on the page. */
    panning: {
      pan(bars: number): Promise<void>;
      fresh(): Promise<void>;
      tick(kline: Kline): Promise<void>;
      last(): Kline;
      candles(): { index: number; x: number }[];
    };
  }
}

/** Pixels (candles left out) whose colour differs by more than 10 in a channel between `a` and `b`. */
const differing = (a: Rgb[], b: Rgb[]): number => differingPixels(a, b).differ;

describeBrowser('the heatmap while panning shows what a first draw at the same position shows', () => {
  const fixture = useFixturePage('panning', { width: 820, height: 820 });

  const pan = (bars: number) => fixture.page.evaluate((n) => window.panning.pan(n), bars);
  const fresh = () => fixture.page.evaluate(() => window.panning.fresh());

  /** Candles in view whose pixel column differs between the panned chart and a fresh one, and the heat compared. */
  async function compareUnderCandles(): Promise<{ candles: number; heat: number; mismatched: number[] }> {
    await fresh();
    const candles = await fixture.page.evaluate(() => window.panning.candles());
    const panned = await readPixels(fixture.page, '[data-testid=panned]', 'canvas');
    const first = await readPixels(fixture.page, '[data-testid=fresh]', 'canvas');
    let heat = 0;
    const mismatched: number[] = [];
    for (const { index, x } of candles) {
      const a = pixelColumn(panned, x, fixture.dpr);
      const b = pixelColumn(first, x, fixture.dpr);
      heat += heatIn(b);
      if (differing(a, b) > 0) mismatched.push(index);
    }
    return { candles: candles.length, heat, mismatched };
  }

  it('after panning one bar a frame towards older bars, every candle has the colours a first draw gives it', async () => {
    await pan(-30);
    const { candles, heat, mismatched } = await compareUnderCandles();
    expect(candles).toBeGreaterThan(100);
    expect(heat).toBeGreaterThan(candles * 20);
    expect(mismatched).toEqual([]);
  });

  it('after panning back past the start, towards newer bars, the same holds', async () => {
    await pan(45);
    const { heat, candles, mismatched } = await compareUnderCandles();
    expect(heat).toBeGreaterThan(candles * 20);
    expect(mismatched).toEqual([]);
  });

  it('a tick on the forming bar repaints its column on a panned chart', async () => {
    await pan(50);
    const last = await fixture.page.evaluate(() => window.panning.last());
    const opened = { ...last, openTime: last.openTime + 3_600_000, open: last.close, high: last.close, low: last.close };
    await fixture.page.evaluate((k) => window.panning.tick(k), opened);
    const candles = await fixture.page.evaluate(() => window.panning.candles());
    const forming = candles[candles.length - 1];
    expect(forming.index).toBe(400);
    const columnOf = async (chart: string) => pixelColumn(await readPixels(fixture.page, `[data-testid=${chart}]`, 'canvas'), forming.x, fixture.dpr);
    const before = await columnOf('panned');
    // The same forming bar with forty times the volume in the same range: only its column changes, the price scale does not.
    const heavier = { ...opened, volume: last.volume * 40, quoteVolume: (last.quoteVolume ?? last.volume * last.close) * 40 };
    await fixture.page.evaluate((k) => window.panning.tick(k), heavier);
    await fresh();
    const truth = await columnOf('fresh');
    expect(heatIn(truth)).toBeGreaterThan(20);
    expect(differing(before, truth)).toBeGreaterThan(5);
    expect(differing(await columnOf('panned'), truth)).toBe(0);
  });

  it('raised no console errors', () => {
    expectNoConsoleErrors(fixture.errors);
  });
});
