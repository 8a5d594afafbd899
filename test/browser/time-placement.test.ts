import { expect, it } from 'vitest';
import { describeBrowser } from './describe-browser';
import { useFixturePage } from './fixture-page';
import { expectNoConsoleErrors, readPixels } from './page-harness';
import { differingPixels, heatIn, pixelColumn, type Rgb } from './pixel-columns';

interface Probe {
  column: number;
  drawnOn: number | null;
  barIndex: number | null;
  x: number | null;
}

declare global {
  interface Window {
    /** The handle fixtures/placement.js leaves on the page. */
    placement: {
      show(name: string): Promise<void>;
      probe(columns: number[]): Probe[];
      candleX(candle: number): number;
      densities(candle: number, column: number, price: number): unknown[];
      warnings(): string[];
      replaceBarsThenKlines(): Promise<void>;
    };
    waitFrames(n: number): Promise<void>;
  }
}

/** Share of the pixels (candle pixels left out) whose colour differs by more than 10 in a channel. */
function mismatch(a: Rgb[], b: Rgb[]): number {
  const { differ, compared } = differingPixels(a, b);
  return differ / compared;
}

describeBrowser('heatmap columns are placed by time on a real lightweight-charts chart', () => {
  const fixture = useFixturePage('placement', { width: 800, height: 400 });

  const show = (name: string) => fixture.page.evaluate((n) => window.placement.show(n), name);
  const probe = (columns: number[]) => fixture.page.evaluate((c) => window.placement.probe(c), columns);
  const candleX = (i: number) => fixture.page.evaluate((n) => window.placement.candleX(n), i);
  const warnings = () => fixture.page.evaluate(() => window.placement.warnings());
  const pane = () => readPixels(fixture.page, '[data-testid=chart]', 'canvas');
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

  /** The pixel column under kline `column`'s bar in case `name`. */
  async function columnUnder(name: string, column: number): Promise<Rgb[]> {
    await show(name);
    const [{ x }] = await probe([column]);
    expect(x).not.toBeNull();
    return pixelColumn(await pane(), x as number, fixture.dpr);
  }

  function expectEachOnItsBar(probes: Probe[]) {
    for (const p of probes) {
      expect(p.barIndex, `column ${p.column} has a bar`).not.toBeNull();
      expect(p.drawnOn, `column ${p.column}`).toBe(p.barIndex);
    }
  }

  it('three klines missing: the candles of the gap stay bare, every later column on its own candle up to the last', async () => {
    await show('klines-gap');
    expectEachOnItsBar(await probe(range(0, 117)));
    const image = await pane();
    for (const bar of [60, 61, 62]) expect(heatIn(pixelColumn(image, await candleX(bar), fixture.dpr)), `candle ${bar}`).toBe(0);
    for (const bar of [59, 63, 119]) expect(heatIn(pixelColumn(image, await candleX(bar), fixture.dpr)), `candle ${bar}`).toBeGreaterThan(20);
    expect(await warnings()).toEqual([]);
  });

  it('three candles missing: their klines are not drawn and the columns after them stay on their candles', async () => {
    await show('candles-gap');
    const probes = await probe(range(0, 120));
    for (const p of probes.slice(60, 63)) expect([p.drawnOn, p.barIndex]).toEqual([null, null]);
    expectEachOnItsBar([...probes.slice(0, 60), ...probes.slice(63)]);
    expect(mismatch(await columnUnder('candles-gap', 100), await columnUnder('aligned', 100))).toBeLessThan(0.05);
  });

  it('three whitespace points among the candles: the column under a later candle is the one of its own time', async () => {
    await show('whitespace');
    expectEachOnItsBar(await probe(range(0, 120)));
    const under = await columnUnder('whitespace', 80);
    expect(heatIn(under)).toBeGreaterThan(20);
    expect(mismatch(under, await columnUnder('aligned', 80))).toBeLessThan(0.05);
  });

  it('a second series with :00 and :30 points: the heatmap is drawn, each column on the candle of its hour', async () => {
    await show('extra-times');
    expectEachOnItsBar(await probe(range(0, 120)));
    const under = await columnUnder('extra-times', 90);
    expect(heatIn(under)).toBeGreaterThan(20);
    expect(mismatch(under, await columnUnder('aligned', 90))).toBeLessThan(0.05);
  });

  for (const name of ['business-day-string', 'business-day-object']) {
    it(`business-day times (${name.slice(13)}) are UTC midnight: the columns match a chart in UTC seconds`, async () => {
      await show(name);
      expectEachOnItsBar(await probe(range(0, 120)));
      const under = await columnUnder(name, 70);
      expect(heatIn(under)).toBeGreaterThan(20);
      expect(mismatch(under, await columnUnder('daily-seconds', 70))).toBeLessThan(0.05);
    });
  }

  const grouped: [string, number][] = [
    ['daily-candles-hourly-klines', 24],
    ['hourly-candles-15m-klines', 4],
  ];
  for (const [name, perBar] of grouped) {
    it(`${name}: each candle shows the last kline's column inside it, the others are not drawn`, async () => {
      await show(name);
      const probes = await probe(range(0, 3 * perBar));
      for (const p of probes) {
        const last = p.column % perBar === perBar - 1;
        expect(p.drawnOn, `kline ${p.column}`).toBe(last ? Math.floor(p.column / perBar) : null);
      }
      expect(heatIn(pixelColumn(await pane(), await candleX(40), fixture.dpr))).toBeGreaterThan(20);
      expect(await warnings()).toEqual([]);
    });

    it(`${name}: the density at a candle's time is the one of the last kline inside it`, async () => {
      await show(name);
      const [atCandle, atKline] = await fixture.page.evaluate((n) => window.placement.densities(40, 40 * n + n - 1, 100), perBar);
      expect(atCandle).not.toBeNull();
      expect(atCandle).toEqual(atKline);
    });
  }

  const refused: [string, RegExp][] = [
    ['shifted', /no kline opens at a bar's time: 120 klines from 1735689600 s \(2025-01-01T00:00:00\.000Z\), 120 bars from 1735709400/],
    ['milliseconds', /no kline opens at a bar's time: 120 klines .* 120 bars from 1735689600000 .*look like milliseconds/],
    ['weekly-candles-daily-klines', /klines are finer than the chart's bars: 114 of 140 klines fall between two adjacent bars.*grouped only under bars of up to a day/],
  ];
  for (const [name, message] of refused) {
    it(`${name}: nothing drawn and one console warning with counts and an example time of each side`, async () => {
      await show(name);
      const image = await pane();
      let heat = 0;
      for (let x = 0; x < image.width / fixture.dpr - 1; x += 3) heat += heatIn(pixelColumn(image, x, fixture.dpr));
      expect(heat).toBe(0);
      await fixture.page.evaluate(() => window.waitFrames(3));
      const seen = await warnings();
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatch(message);
    });
  }

  it('new bars set a task before their klines: no warning, and the new columns are drawn on their bars', async () => {
    await show('aligned');
    await fixture.page.evaluate(() => window.placement.replaceBarsThenKlines());
    expect(await warnings()).toEqual([]);
    expectEachOnItsBar(await probe(range(0, 120)));
  });

  it('raised no console errors', () => {
    expectNoConsoleErrors(fixture.errors);
  });
});
