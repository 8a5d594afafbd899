import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createLiquidationHeatmap } from '../../plugin/create-liquidation-heatmap';
import { TILE_COLUMNS } from '../../plugin/cell-image';
import { HeatmapRenderer } from '../../plugin/heatmap-renderer';
import { LiquidationHeatmapPrimitive } from '../../plugin/liquidation-heatmap-primitive';
import { labelBudget } from '../../plugin/levels-pane-view';
import { LoadAbortError } from '../../plugin/load-abort-error';
import { KlineError } from '../../src/klines/kline-error';
import { rowHeightPct } from '../../src/model/price-grid';
import { syntheticKlines } from '../../src/klines/synthetic-klines';
import { gridOf } from '../helpers/grids';
import { must } from '../helpers/must';
import { fakeChart, installFakeCanvas } from './fake-chart';

const KLINES = syntheticKlines(300, { seed: 3, price: 100, volatility: 0.004 });
const TIMES = KLINES.map((k) => k.openTime / 1000);
const LOW = Math.min(...KLINES.map((k) => k.low)) * 0.9;
const HIGH = Math.max(...KLINES.map((k) => k.high)) * 1.1;

let uploads: unknown[][];

/** An overlay over 2,000 bars, all of them in view, painting by `clock`. */
function longVisibleHistory(clock: () => number) {
  const klines = syntheticKlines(2000, { seed: 8, price: 100, volatility: 0.004 });
  const fake = fakeChart(klines.map((k) => k.openTime / 1000), { low: 50, high: 200 });
  const primitive = new LiquidationHeatmapPrimitive({}, { clock });
  fake.series.attachPrimitive(primitive);
  primitive.setData(klines);
  return primitive;
}

/** A clock that never advances: every frame paints all the stale visible columns, however slow the machine. */
const STOPPED_CLOCK = () => 0;

/** Like {@link attached}, but the primitive itself (no handle), painting by {@link STOPPED_CLOCK}. */
function attachedPrimitive() {
  const fake = fakeChart(TIMES, { low: LOW, high: HIGH });
  const primitive = new LiquidationHeatmapPrimitive({}, { clock: STOPPED_CLOCK });
  fake.series.attachPrimitive(primitive);
  primitive.setData(KLINES);
  return { fake, primitive };
}

/** The column ranges `[from, to)` the uploads (`putImageData` dirty rectangles: x at 3, width at 5) cover, merged. */
function columnSpans(list: number[][]): number[][] {
  const spans = list.map((u) => [u[3], u[3] + u[5]]).sort((a, b) => a[0] - b[0]);
  const merged: number[][] = [];
  for (const [from, to] of spans) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}
beforeAll(() => {
  ({ uploads } = installFakeCanvas());
});

function attached(options = {}) {
  const fake = fakeChart(TIMES, { low: LOW, high: HIGH });
  const heatmap = createLiquidationHeatmap(fake.series, options);
  heatmap.setData(KLINES);
  return { fake, heatmap, primitive: heatmap.primitive };
}

function heatmapRenderer(primitive: LiquidationHeatmapPrimitive) {
  primitive.updateAllViews();
  return primitive.paneViews()[0].renderer();
}

describe('liquidation heatmap primitive', () => {
  it('draws the heatmap behind the series (normal z-order, drawBackground) and levels on top', () => {
    const { primitive } = attached();
    primitive.updateAllViews();
    const [heat, levels] = primitive.paneViews();
    expect(heat.zOrder?.()).toBe('normal');
    expect(heat.renderer()).toBeInstanceOf(HeatmapRenderer);
    expect(levels.zOrder?.()).toBe('top');
    expect(levels.renderer()).not.toBeNull();
  });

  it('1000 attach/detach cycles leave no subscribed handler behind, and re-attach works', () => {
    const fake = fakeChart(TIMES, { low: LOW, high: HIGH });
    const primitive = new LiquidationHeatmapPrimitive();
    primitive.setData(KLINES);
    for (let i = 0; i < 1000; i++) {
      fake.series.attachPrimitive(primitive);
      expect(fake.dataHandlers.size).toBe(1);
      fake.series.detachPrimitive(primitive);
    }
    expect(fake.dataHandlers.size).toBe(0);
    primitive.updateAllViews();
    expect(primitive.paneViews()[0].renderer()).toBeNull();
    fake.series.attachPrimitive(primitive);
    expect(heatmapRenderer(primitive)).toBeInstanceOf(HeatmapRenderer);
  });

  it('detach drops the renderers and caches', () => {
    const { heatmap, primitive, fake } = attached();
    heatmapRenderer(primitive);
    heatmap.detach();
    heatmap.detach();
    expect(fake.dataHandlers.size).toBe(0);
    expect(primitive.paneViews().map((v) => v.renderer())).toEqual([null, null]);
    expect(primitive.priceAxisViews()).toHaveLength(0);
  });

  it('a tick repaints and uploads only the forming column, not the whole image', () => {
    const { primitive } = attachedPrimitive();
    heatmapRenderer(primitive);
    const before = uploads.length;
    const last = KLINES[KLINES.length - 1];
    expect(primitive.update({ ...last, close: last.close * 1.001, high: Math.max(last.high, last.close * 1.001) })).toBe('forming');
    heatmapRenderer(primitive);
    const upload = uploads[uploads.length - 1] as number[];
    expect(uploads.length).toBe(before + 1);
    expect(upload[3]).toBe(KLINES.length - 1);
    expect(upload[5]).toBe(1);
  });

  it('repaints only the columns in view: a colour change repaints the visible bars, scrolling paints the rest', () => {
    const { primitive, fake } = attachedPrimitive();
    heatmapRenderer(primitive);
    fake.setVisible(100, 150);
    // The newest columns' reference does not move with the view, so the scroll below repaints nothing already painted.
    primitive.applyOptions({ threshold: 0.2, normalizeOn: 'recent' });
    const before = uploads.length;
    heatmapRenderer(primitive);
    const painted = uploads.slice(before) as number[][];
    expect(columnSpans(painted)).toEqual([[100, 151]]);
    fake.setVisible(140, 200);
    heatmapRenderer(primitive);
    expect(columnSpans(uploads.slice(before + painted.length) as number[][])).toEqual([[151, 201]]);
  });

  it('bad input throws a KlineError and keeps the last good state', () => {
    const { heatmap } = attached();
    const before = heatmap.levels();
    expect(() => heatmap.setData('open_time,open,high,low,close,volume\n1735689600000,1,x,1,1,1\n')).toThrow(KlineError);
    expect(() => heatmap.update({ ...KLINES[299], low: KLINES[299].high * 2 })).toThrow(KlineError);
    expect(() => heatmap.update(['not', 'a', 'kline'])).toThrow(KlineError);
    expect(heatmap.levels()).toEqual(before);
  });

  it('accepts Binance REST rows and websocket messages as well as objects', () => {
    const { heatmap } = attached();
    const rows = KLINES.map((k) => [k.openTime, String(k.open), String(k.high), String(k.low), String(k.close), String(k.volume), k.openTime + 3_599_999, '', 0, '', '', '0']);
    heatmap.setData(rows);
    const last = KLINES[299];
    const message = { e: 'kline', k: { t: last.openTime, T: last.openTime + 3_599_999, o: String(last.open), h: String(last.high), l: String(last.low), c: String(last.close), v: String(last.volume), x: false } };
    expect(heatmap.update(message)).toBe('forming');
    expect(must(heatmap.levels(), 'a levels report').price).toBe(last.close);
  });

  it('applyOptions merges, validates by name and keeps the rest', () => {
    const { heatmap } = attached();
    heatmap.applyOptions({ threshold: 0.3 });
    expect(heatmap.options()).toMatchObject({ threshold: 0.3, moreHeat: 0, palette: 'density' });
    expect(() => heatmap.applyOptions({ moreHeat: 2 })).toThrow(/moreHeat/);
    expect(heatmap.options().moreHeat).toBe(0);
    heatmap.applyOptions({ levels: { top: 2 } });
    expect(must(heatmap.levels(), 'a levels report').above.length).toBeLessThanOrEqual(2);
  });

  it('applyOptions refuses levels.top 1e9 or -1 at the call, naming the option, and the overlay keeps drawing with its previous options', () => {
    const { heatmap, primitive } = attached();
    const before = heatmap.options();
    expect(() => heatmap.applyOptions({ levels: { top: 1e9 } })).toThrow(/^applyOptions: levels option top: must be an integer in \[1, 100\], got 1000000000$/);
    expect(() => heatmap.applyOptions({ levels: { top: -1 } })).toThrow(/applyOptions: levels option top/);
    expect(heatmap.options()).toBe(before);
    expect(() => primitive.updateAllViews()).not.toThrow();
    expect(must(heatmap.levels(), 'a levels report').above.length).toBe(5);
  });

  it('applyOptions refuses a bad palette colour naming its path, before anything is painted with it', () => {
    const { heatmap, primitive } = attached();
    const palette = [
      { at: 0, color: '#000000' },
      { at: 0.5, color: '#808080' },
      { at: 1, color: 'white' },
    ];
    expect(() => heatmap.applyOptions({ palette })).toThrow(new RangeError("applyOptions: palette[2].color must be #rgb or #rrggbb, got 'white'"));
    expect(heatmap.options().palette).toBe('density');
    expect(heatmapRenderer(primitive)).toBeInstanceOf(HeatmapRenderer);
  });

  it('a refused patch changes no option, even the valid ones it carries', () => {
    const { heatmap } = attached();
    expect(() => heatmap.applyOptions({ threshold: 0.5, longColor: '#00ff00', sides: 'up' as never })).toThrow(/applyOptions: sides/);
    expect(heatmap.options()).toMatchObject({ threshold: 0.05, longColor: '#26c6da', sides: 'both' });
  });

  it('applyOptions refuses a misspelt option and keeps every option as it was', () => {
    const { heatmap } = attached();
    const before = heatmap.options();
    expect(() => heatmap.applyOptions({ threshold: 0.5, treshold: 0.5 } as never)).toThrow(new RangeError("applyOptions: unknown option 'treshold' (did you mean 'threshold'?)"));
    expect(() => heatmap.applyOptions({ levels: { topp: 3 } } as never)).toThrow(/^applyOptions: levels options: unknown option 'topp'/);
    expect(() => heatmap.applyOptions({ model: { foo: 1 } } as never)).toThrow(/^applyOptions: model options: unknown option 'foo'/);
    expect(heatmap.options()).toBe(before);
  });

  it('applyOptions refuses undefined, null or a number as the patch with an error naming the call', () => {
    const { heatmap } = attached();
    const before = heatmap.options();
    expect(() => heatmap.applyOptions(undefined as never)).toThrow(new TypeError('applyOptions: options must be an object, got undefined'));
    expect(() => heatmap.applyOptions(null as never)).toThrow(new TypeError('applyOptions: options must be an object, got null'));
    expect(() => heatmap.applyOptions(3 as never)).toThrow(new TypeError('applyOptions: options must be an object, got 3'));
    expect(heatmap.options()).toBe(before);
  });

  it('the constructor refuses an unknown option', () => {
    expect(() => new LiquidationHeatmapPrimitive({ treshold: 0.5 } as never)).toThrow(/^LiquidationHeatmapPrimitive options: unknown option 'treshold'/);
  });

  it('the constructor validates its options, naming the option', () => {
    expect(() => new LiquidationHeatmapPrimitive({ levels: { top: 0 } })).toThrow(/^LiquidationHeatmapPrimitive options: levels option top/);
    expect(() => createLiquidationHeatmap(fakeChart(TIMES, { low: LOW, high: HIGH }).series, { opacity: 3 })).toThrow(/LiquidationHeatmapPrimitive options: opacity must be a number from 0 to 1, got 3/);
  });

  it('model options recompute in slices: the old model stays drawn until the new one is swapped in', async () => {
    const { heatmap, primitive } = attached();
    heatmap.applyOptions({ model: { resolutionPct: 0.5 } });
    expect(rowHeightPct(gridOf(primitive.headless()))).toBeCloseTo(0.1, 9);
    expect(heatmap.options().model).toEqual({ resolutionPct: 0.5 });
    await vi.waitFor(() => expect(rowHeightPct(gridOf(primitive.headless()))).toBeCloseTo(0.5, 9), { timeout: 5000 });
  });

  it('detaching cancels a pending setDataAsync with an AbortError; the data drawn before stays', async () => {
    const { heatmap } = attached();
    const before = heatmap.levels();
    const run = heatmap.setDataAsync(syntheticKlines(300, { seed: 4, price: 100, volatility: 0.004 }), {}, { sliceMs: 0.01 }).catch((e: unknown) => e);
    heatmap.detach();
    const error = await run;
    expect(error).toBeInstanceOf(LoadAbortError);
    expect(error).toMatchObject({ name: 'AbortError', message: expect.stringMatching(/detached/) });
    expect(heatmap.levels()).toEqual(before);
  });

  it('autoscale ignores the levels by default and includes them when asked', () => {
    const { heatmap, primitive } = attached();
    expect(primitive.autoscaleInfo()).toBeNull();
    heatmap.applyOptions({ autoscaleLevels: true });
    const info = must(primitive.autoscaleInfo(), 'autoscale info');
    const report = must(heatmap.levels(), 'a levels report');
    const prices = [...report.above, ...report.below].map((l) => l.price);
    expect(info.priceRange).toEqual({ minValue: Math.min(...prices), maxValue: Math.max(...prices) });
  });

  it('hitTest reports the level under the cursor and nothing between levels', () => {
    const { primitive, fake, heatmap } = attached();
    primitive.updateAllViews();
    const level = must(heatmap.levels(), 'a levels report').below[0];
    const y = fake.series as unknown as { priceToCoordinate: (p: number) => number };
    const hit = primitive.hitTest(10, y.priceToCoordinate(level.price) + 2);
    expect(hit).toMatchObject({ zOrder: 'top', cursorStyle: 'pointer' });
    expect(must(hit, 'a hit').externalId).toContain('long');
    expect(heatmap.levelAtCoordinate(y.priceToCoordinate(level.price))).toEqual(level);
    expect(primitive.hitTest(10, -100)).toBeNull();
  });

  it('price-axis labels are coloured by side, within the label budget, and the array is reused while unchanged', () => {
    const { primitive, heatmap } = attached();
    primitive.updateAllViews();
    const first = primitive.priceAxisViews();
    primitive.updateAllViews();
    expect(primitive.priceAxisViews()).toBe(first);
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThanOrEqual(labelBudget(400));
    expect(first.map((v) => v.backColor())).toContain(heatmap.options().longColor);
  });

  it('densityAt answers for chart times in seconds and epoch ms alike', () => {
    const { heatmap } = attached();
    const report = must(heatmap.levels(), 'a levels report');
    const level = report.below[0];
    const t = KLINES[299].openTime;
    const a = must(heatmap.densityAt(t / 1000, level.price), 'a density');
    expect(a).toEqual(heatmap.densityAt(t, level.price));
    expect(a.long).toBeGreaterThan(0);
    expect(a.unit).toBe('heat');
    expect(heatmap.densityAt(t, HIGH * 10)).toBeNull();
  });

  it('hides the heatmap but keeps the levels when heatmapVisible is off', () => {
    const { heatmap, primitive } = attached();
    heatmap.applyOptions({ heatmapVisible: false });
    primitive.updateAllViews();
    expect(primitive.paneViews()[0].renderer()).toBeNull();
    expect(primitive.paneViews()[1].renderer()).not.toBeNull();
  });

  it('setDataAsync keeps showing the previous data until the new model is complete, then swaps it in', async () => {
    const { heatmap } = attached();
    const before = heatmap.levels();
    const next = syntheticKlines(300, { seed: 4, price: 100, volatility: 0.004 });
    const run = heatmap.setDataAsync(next, {}, { sliceMs: 0.01 });
    expect(heatmap.levels()).toEqual(before);
    await run;
    expect(must(heatmap.levels(), 'a levels report').price).toBe(next[299].close);
  });

  it('setDataAsync converts a long kline array in slices: other tasks run before it reaches a bad row near the end', async () => {
    const { heatmap } = attached();
    const bad = syntheticKlines(20_000, { seed: 9 }).map((k, i) => (i === 19_000 ? { ...k, volume: -1 } : k));
    const order: string[] = [];
    const run = heatmap.setDataAsync(bad, {}, { sliceMs: 0.01 }).catch(() => order.push('rejected'));
    setImmediate(() => order.push('other task'));
    await run;
    expect(order).toEqual(['other task', 'rejected']);
  });

  it('setDataAsync with a bad kline rejects with the KlineError naming row and field, and what is drawn stays', async () => {
    const { heatmap } = attached();
    const before = heatmap.levels();
    const bad = syntheticKlines(5000, { seed: 10 }).map((k, i) => (i === 3000 ? { ...k, volume: -1 } : k));
    const error = await heatmap.setDataAsync(bad, {}, { sliceMs: 0.01 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KlineError);
    expect(error).toMatchObject({ kind: 'negative', row: 3001, field: 'volume', source: 'setData' });
    expect(heatmap.levels()).toEqual(before);
  });

  it('a newer setData cancels a pending setDataAsync', async () => {
    const { heatmap } = attached();
    const run = heatmap.setDataAsync(syntheticKlines(3000, { seed: 5 }), {}, { sliceMs: 0.01 });
    heatmap.setData(KLINES);
    await expect(run).rejects.toThrow(/superseded/);
    await expect(run).rejects.toBeInstanceOf(LoadAbortError);
    expect(must(heatmap.levels(), 'a levels report').price).toBe(KLINES[299].close);
  });

  it('open interest arriving during a pending load is applied to the new model, not lost', async () => {
    const { heatmap } = attached();
    const next = syntheticKlines(300, { seed: 6, price: 100, volatility: 0.004 });
    const load = heatmap.setDataAsync(next, {}, { sliceMs: 0.01 });
    const oi = heatmap.setOpenInterest(next.map((k) => ({ timestamp: k.openTime + 3_600_000, sumOpenInterestValue: 5e6 })));
    await load;
    await oi;
    expect(must(heatmap.levels(), 'a levels report').unit).toBe('usd');
    expect(must(heatmap.levels(), 'a levels report').price).toBe(next[299].close);
  });

  it('ticks applied while open interest is recomputed are kept', async () => {
    const { heatmap } = attached();
    const oi = heatmap.setOpenInterest(KLINES.map((k) => ({ timestamp: k.openTime + 3_600_000, sumOpenInterestValue: 5e6 })));
    const last = KLINES[299];
    heatmap.update({ ...last, close: last.close * 1.002, high: Math.max(last.high, last.close * 1.002) });
    await oi;
    expect(must(heatmap.levels(), 'a levels report').price).toBeCloseTo(last.close * 1.002, 9);
    expect(must(heatmap.levels(), 'a levels report').unit).toBe('usd');
  });

  it('paints a long visible history over several frames, newest bars first, each frame stopping after its time budget', () => {
    // A slow machine: every clock read is 4 ms later, so each frame's 6 ms budget allows one chunk.
    let clock = 0;
    const primitive = longVisibleHistory(() => (clock += 4));
    const before = uploads.length;
    primitive.updateAllViews();
    const first = uploads.slice(before) as number[][];
    const painted = first.reduce((n, u) => n + u[5], 0);
    expect(painted).toBeGreaterThan(0);
    expect(painted).toBeLessThan(200);
    // Upload offsets are within the tile: the newest column, 1999, is the last tile's (2000 % TILE_COLUMNS) - 1.
    expect(Math.max(...first.map((u) => u[3] + u[5]))).toBe(2000 % TILE_COLUMNS);
    for (let frame = 0; frame < 1000; frame++) primitive.updateAllViews();
    const all = (uploads.slice(before) as number[][]).reduce((n, u) => n + u[5], 0);
    expect(all).toBe(2000);
  });

  it('several view updates within one frame share that frame\'s paint budget', () => {
    // Every clock read is 2 ms later: the first update spends the frame's 6 ms, the next one (still
    // inside the frame's 16 ms) paints nothing, and one in the next frame paints again.
    let clock = 0;
    const primitive = longVisibleHistory(() => (clock += 2));
    const painted = () => {
      const before = uploads.length;
      primitive.updateAllViews();
      return (uploads.slice(before) as number[][]).reduce((n, u) => n + u[5], 0);
    };
    expect(painted()).toBeGreaterThan(0);
    expect(painted()).toBe(0);
    expect(painted()).toBeGreaterThan(0);
  });
});
