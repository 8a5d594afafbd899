import { describe, expect, it } from 'vitest';
import type { Kline } from '../../src/klines/kline';
import { syntheticKlines } from '../../src/klines/synthetic-klines';
import { HeatmapDataController } from '../../plugin/heatmap-data-controller';
import { LoadAbortError } from '../../plugin/load-abort-error';
import { rowHeightPct } from '../../src/model/price-grid';
import { gridOf } from '../helpers/grids';
import { must } from '../helpers/must';

const KLINES = syntheticKlines(300, { seed: 3, price: 100, volatility: 0.004 });
const NEXT = syntheticKlines(300, { seed: 4, price: 100, volatility: 0.004 });
const SLICES = { sliceMs: 0.01 };

function loaded() {
  let changes = 0;
  const data = new HeatmapDataController({}, () => changes++);
  data.setData(KLINES);
  return { data, changes: () => changes };
}

/** The last bar of `klines` with its close moved by `factor` (still forming). */
function tick(klines: Kline[], factor: number): Kline {
  const last = klines[klines.length - 1];
  const close = last.close * factor;
  return { ...last, close, high: Math.max(last.high, close), low: Math.min(last.low, close) };
}

function openInterest(klines: Kline[]) {
  return klines.map((k) => ({ timestamp: k.openTime + 3_600_000, sumOpenInterestValue: 5e6 }));
}

describe('heatmap data controller', () => {
  it("setOpenInterest takes Binance's own openInterestHist rows, with numeric strings", async () => {
    const { data } = loaded();
    await data.setOpenInterest(KLINES.map((k) => ({ symbol: 'BTCUSDT', sumOpenInterest: '80000.0', sumOpenInterestValue: '8000000000.5', timestamp: k.openTime + 3_600_000 })));
    expect(data.model.unit).toBe('usd');
  });

  it('setOpenInterest refuses a bad value at once, saying what it got', () => {
    const { data } = loaded();
    expect(() => data.setOpenInterest([{ timestamp: 1, sumOpenInterestValue: 'abc' }])).toThrow(new RangeError("open interest, row 1, field sumOpenInterestValue: not a number >= 0, got 'abc'"));
    expect(data.model.unit).toBe('heat');
  });

  it('setDataAsync keeps the current model drawn until the new one is complete, then swaps it in and reports the change', async () => {
    const { data, changes } = loaded();
    const before = data.model;
    const run = data.setDataAsync(NEXT, {}, SLICES);
    expect(data.model).toBe(before);
    const changesBefore = changes();
    await run;
    expect(data.model).not.toBe(before);
    expect(data.model.klines.close[299]).toBe(NEXT[299].close);
    expect(changes()).toBe(changesBefore + 1);
  });

  it('the drawn model is being replaced while a setDataAsync load runs, and no longer once it is swapped in', async () => {
    const { data } = loaded();
    expect(data.replacing).toBe(false);
    const run = data.setDataAsync(NEXT, {}, SLICES);
    expect(data.replacing).toBe(true);
    await run;
    expect(data.replacing).toBe(false);
  });

  it('a setDataAsync that fails on a bad kline leaves the drawn model, no longer being replaced', async () => {
    const { data } = loaded();
    const before = data.model;
    const bad = NEXT.map((k, i) => (i === 7 ? { ...k, close: Number.NaN } : k));
    const error = await data.setDataAsync(bad, {}, SLICES).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'KlineError', row: 8, field: 'close' });
    expect(data.model).toBe(before);
    expect(data.replacing).toBe(false);
  });

  it('a tick during a pending load is drawn at once and carried onto the new model', async () => {
    const { data } = loaded();
    const run = data.setDataAsync(NEXT, {}, SLICES);
    const forming = tick(NEXT, 1.002);
    data.update(forming);
    expect(data.model.klines.close[299]).toBe(forming.close);
    await run;
    expect(data.model.klines.close[299]).toBe(forming.close);
    expect(must(data.levels(), 'a levels report').price).toBe(forming.close);
  });

  it('a carried tick the new bars cannot take (another interval) is dropped: the new data wins', async () => {
    const { data } = loaded();
    const fourHourly = syntheticKlines(50, { seed: 7, price: 100, volatility: 0.004, intervalMs: 4 * 3_600_000 });
    const run = data.setDataAsync(fourHourly, {}, SLICES);
    const last = KLINES[299];
    // Two hours after the hourly data's last bar: a new hourly bar, but 105 h after the 4-hourly data's last one.
    expect(data.update({ ...last, openTime: last.openTime + 2 * 3_600_000, closeTime: (last.closeTime ?? 0) + 2 * 3_600_000 })).not.toBe('stale');
    await run;
    expect(data.model.length).toBe(50);
    expect(data.model.klines.openTime[49]).toBe(fourHourly[49].openTime);
  });

  it('ticks during an open-interest rebuild are kept, and a closing tick appends its bar', async () => {
    const { data } = loaded();
    const rebuild = data.setOpenInterest(openInterest(KLINES));
    const last = KLINES[299];
    data.update({ ...last, closed: true });
    const next = { ...last, openTime: last.openTime + 3_600_000, closeTime: (last.closeTime ?? 0) + 3_600_000 };
    data.update(next);
    await rebuild;
    expect(data.model.length).toBe(301);
    expect(data.model.unit).toBe('usd');
    expect(data.model.klines.openTime[300]).toBe(next.openTime);
  });

  it('a newer setDataAsync cancels a pending one, which rejects with an AbortError', async () => {
    const { data } = loaded();
    const first = data.setDataAsync(syntheticKlines(3000, { seed: 5 }), {}, SLICES).catch((e: unknown) => e);
    const second = data.setDataAsync(NEXT, {}, SLICES);
    const error = await first;
    expect(error).toBeInstanceOf(LoadAbortError);
    expect(error).toMatchObject({ name: 'AbortError', message: expect.stringMatching(/superseded by a newer setDataAsync/) });
    await second;
    expect(data.model.klines.close[299]).toBe(NEXT[299].close);
  });

  it('setData cancels a pending open-interest rebuild: it rejects with an AbortError and the new data has no open interest', async () => {
    const { data } = loaded();
    const rebuild = data.setOpenInterest(openInterest(KLINES)).catch((e: unknown) => e);
    data.setData(NEXT);
    expect(await rebuild).toMatchObject({ name: 'AbortError', message: expect.stringMatching(/superseded by a newer setData/) });
    expect(data.model.unit).toBe('heat');
    expect(data.model.klines.close[299]).toBe(NEXT[299].close);
  });

  it('abort (as on detach) cancels a pending load and rebuild with AbortErrors and keeps the drawn model', async () => {
    const { data } = loaded();
    const before = data.model;
    const load = data.setDataAsync(NEXT, {}, SLICES).catch((e: unknown) => e);
    const rebuild = data.setOpenInterest(openInterest(NEXT)).catch((e: unknown) => e);
    data.abort('detached from the series');
    for (const error of [await load, await rebuild]) {
      expect(error).toBeInstanceOf(LoadAbortError);
      expect(error).toMatchObject({ name: 'AbortError', message: expect.stringMatching(/detached from the series/) });
    }
    expect(data.model).toBe(before);
  });

  it('model options are rebuilt in slices: other tasks run and the old model stays drawn until the rebuild is swapped in', async () => {
    const { data } = loaded();
    const order: string[] = [];
    const rebuild = data.setModelOptions({ resolutionPct: 0.5 }).then(() => order.push('rebuilt'));
    expect(rowHeightPct(gridOf(data.model))).toBeCloseTo(0.1, 9);
    setImmediate(() => order.push('other task'));
    await rebuild;
    expect(order).toEqual(['other task', 'rebuilt']);
    expect(rowHeightPct(gridOf(data.model))).toBeCloseTo(0.5, 9);
  });

  it('a newer option change restarts the rebuild; every caller resolves once the latest options are drawn', async () => {
    const { data } = loaded();
    const results = await Promise.all([data.setModelOptions({ resolutionPct: 0.5 }), data.setOpenInterest(openInterest(KLINES)), data.setModelOptions({ resolutionPct: 0.25 })]);
    expect(results).toEqual([undefined, undefined, undefined]);
    expect(rowHeightPct(gridOf(data.model))).toBeCloseTo(0.25, 9);
    expect(data.model.unit).toBe('usd');
  });

  it('an option change during a pending load is applied to the loaded data', async () => {
    const { data } = loaded();
    const load = data.setDataAsync(NEXT, {}, SLICES);
    const rebuild = data.setModelOptions({ resolutionPct: 0.5 });
    await load;
    await rebuild;
    expect(rowHeightPct(gridOf(data.model))).toBeCloseTo(0.5, 9);
    expect(data.model.klines.close[299]).toBe(NEXT[299].close);
  });

  it('bad model or levels options throw at once and change nothing', () => {
    const { data } = loaded();
    const before = data.model;
    expect(() => data.setModelOptions({ rows: 3 })).toThrow(/rows/);
    expect(() => data.setLevelsOptions({ top: -1 })).toThrow(/top/);
    expect(data.model).toBe(before);
    expect(must(data.levels(), 'a levels report').above.length).toBeGreaterThan(0);
  });

  it('the levels report is cached per model revision and follows ticks and levels options', () => {
    const { data } = loaded();
    const first = data.levels();
    expect(data.levels()).toBe(first);
    data.update(tick(KLINES, 1.001));
    const afterTick = data.levels();
    expect(afterTick).not.toBe(first);
    expect(must(afterTick, 'a levels report').price).toBe(tick(KLINES, 1.001).close);
    data.setLevelsOptions({ top: 1 });
    expect(must(data.levels(), 'a levels report').above.length).toBeLessThanOrEqual(1);
  });
});
