import { describe, expect, it } from 'vitest';
import type { Kline } from '../../src/klines/kline';
import { KlineError } from '../../src/klines/kline-error';
import { syntheticKlines } from '../../src/klines/synthetic-klines';
import { toKlineSeries } from '../../src/klines/to-series';
import { LiquidationModel } from '../../src/model/liquidation-model';
import { DEFAULT_MODEL_OPTIONS } from '../../src/model/model-options';
import { gridMax } from '../../src/model/price-grid';
import { gridOf } from '../helpers/grids';
import { columnBytes, sideSum } from '../helpers/model-columns';

const KLINES = syntheticKlines(300, { seed: 7 });


function modelOf(klines: Kline[], forming = true): LiquidationModel {
  const model = new LiquidationModel();
  model.setData(toKlineSeries(klines), { lastBarForming: forming });
  return model;
}

describe('LiquidationModel', () => {
  it('is deterministic: the same input gives the same columns bit for bit', () => {
    const a = modelOf(KLINES);
    const b = modelOf(KLINES);
    expect(Buffer.compare(columnBytes(a, 0, 300), columnBytes(b, 0, 300))).toBe(0);
  });

  it('works on OHLCV-only klines (no quote or taker volume)', () => {
    const plain = KLINES.map(({ openTime, open, high, low, close, volume }) => ({ openTime, open, high, low, close, volume }));
    const model = modelOf(plain);
    const last = model.columnAt(299).long;
    expect(last.some((v) => v > 0)).toBe(true);
  });

  it('a tick of the forming bar never repaints closed history', () => {
    const model = modelOf(KLINES);
    const before = columnBytes(model, 0, 299);
    const last = KLINES[299];
    for (let i = 0; i < 50; i++) {
      const close = last.close * (1 + 0.002 * Math.sin(i));
      expect(model.update({ ...last, close, high: Math.max(last.high, close), low: Math.min(last.low, close) })).toBe('forming');
    }
    expect(Buffer.compare(columnBytes(model, 0, 299), before)).toBe(0);
  });

  it('the forming column after ticks equals a full recompute with the final bar', () => {
    const last = KLINES[299];
    const final = { ...last, close: last.close * 1.001, high: Math.max(last.high, last.close * 1.001) };
    const live = modelOf(KLINES);
    live.update({ ...last, close: last.open });
    live.update(final);
    const full = modelOf([...KLINES.slice(0, 299), final]);
    expect(Buffer.compare(columnBytes(live, 0, 300), columnBytes(full, 0, 300))).toBe(0);
  });

  it('a newer bar closes the forming one exactly as a full recompute would', () => {
    const more = syntheticKlines(302, { seed: 7 });
    const live = modelOf(more.slice(0, 300));
    expect(live.update(more[300])).toBe('forming');
    expect(live.update(more[301])).toBe('forming');
    expect(live.closedLength).toBe(301);
    const full = modelOf(more);
    expect(Buffer.compare(columnBytes(live, 0, 302), columnBytes(full, 0, 302))).toBe(0);
  });

  it('a kline marked closed closes the bar at once; a later tick for it is stale', () => {
    const more = syntheticKlines(301, { seed: 7 });
    const live = modelOf(more.slice(0, 300));
    expect(live.update({ ...more[300], closed: true })).toBe('closed');
    expect(live.hasForming).toBe(false);
    expect(live.update({ ...more[300], close: more[300].close * 1.01, high: more[300].high * 1.01 })).toBe('stale');
  });

  it('an update older than the last bar is ignored as stale', () => {
    const model = modelOf(KLINES);
    const before = columnBytes(model, 0, 300);
    expect(model.update(KLINES[100])).toBe('stale');
    expect(Buffer.compare(columnBytes(model, 0, 300), before)).toBe(0);
  });

  it('a bar beyond the price grid rebuilds the grid to include it', () => {
    const model = modelOf(KLINES);
    const top = gridMax(gridOf(model));
    const last = KLINES[299];
    expect(model.update({ ...last, high: top * 1.2, close: top * 1.1 })).toBe('rebuilt');
    expect(gridMax(gridOf(model))).toBeGreaterThan(top * 1.2);
  });

  it('rejects an invalid tick with a KlineError naming the field and keeps its state', () => {
    const model = modelOf(KLINES);
    const before = columnBytes(model, 0, 300);
    expect(() => model.update({ ...KLINES[299], high: KLINES[299].low - 1 })).toThrow(KlineError);
    expect(() => model.update({ ...KLINES[299], close: Number.NaN })).toThrow(/close/);
    expect(Buffer.compare(columnBytes(model, 0, 300), before)).toBe(0);
  });

  it('spreads a bar\'s entries over its range: one bar fills several rows per tier', () => {
    const model = new LiquidationModel({ tiers: [{ leverage: 100, weight: 1, halfLifeHours: 24 }], rows: 200 });
    model.setData(toKlineSeries([KLINES[0], { ...KLINES[1], high: KLINES[1].high * 1.02, low: KLINES[1].low * 0.98 }]));
    const column = model.columnAt(1).long;
    expect(Array.from(column).filter((v) => v > 0).length).toBeGreaterThan(5);
  });

  it('sideSplit bar: splits new positions by taker buy volume when present', () => {
    const k = KLINES[0];
    const mass = (takerBuyBase: number) => {
      // intrabarSweep off: the bar's own path would liquidate some of what it opened, hiding the split.
      const model = new LiquidationModel({ tiers: [{ leverage: 100, weight: 1, halfLifeHours: 24 }], marginPct: 1, intrabarSweep: 'off', sideSplit: 'bar', forwardFlowHours: 0 });
      model.setData(toKlineSeries([{ ...k, takerBuyBase }]));
      return { long: sideSum(model, 'long'), short: sideSum(model, 'short') };
    };
    const buyers = mass(k.volume * 0.8);
    expect(buyers.long / (buyers.long + buyers.short)).toBeCloseTo(0.8, 4);
  });

  it('sideSplit bar: without taker volume, a green bar opens more longs than shorts', () => {
    const model = new LiquidationModel({ tiers: [{ leverage: 100, weight: 1, halfLifeHours: 24 }], marginPct: 1, sideSplit: 'bar', forwardFlowHours: 0 });
    model.setData(toKlineSeries([{ openTime: 0, open: 100, high: 104, low: 99, close: 103, volume: 10 }]));
    expect(sideSum(model, 'long')).toBeGreaterThan(sideSum(model, 'short'));
  });

  it('applyOptions merges over the current options and recomputes', () => {
    const model = modelOf(KLINES);
    const fine = gridOf(model);
    model.applyOptions({ resolutionPct: 0.5 });
    expect(gridOf(model).lnStep).toBeCloseTo(Math.log1p(0.005), 12);
    expect(gridOf(model).rows).toBeLessThan(fine.rows / 4);
    expect(model.options().sweep).toBe(DEFAULT_MODEL_OPTIONS.sweep);
    expect(() => model.applyOptions({ rows: 3 })).toThrow(/rows/);
  });

  it('rows are the same fraction of price whatever the history length: the grid is anchored', () => {
    const long = gridOf(modelOf(KLINES));
    const short = gridOf(modelOf(KLINES.slice(250)));
    expect(short.lnStep).toBe(long.lnStep);
    expect(Math.expm1(long.lnStep)).toBeCloseTo(0.001, 12);
    // The same row index means the same prices: the shorter history's rows are a subset.
    expect(short.lnMin - long.lnMin).toBeCloseTo((short.first - long.first) * long.lnStep, 9);
  });

  it('rows caps the grid: a wider range gets rows a whole multiple of the resolution tall', () => {
    const model = new LiquidationModel({ rows: 100 });
    model.setData(toKlineSeries(KLINES));
    expect(gridOf(model).rows).toBeLessThanOrEqual(100);
    const multiple = gridOf(model).lnStep / Math.log1p(0.001);
    expect(multiple).toBeCloseTo(Math.round(multiple), 9);
    expect(Math.round(multiple)).toBeGreaterThan(1);
  });

  it('setDataAsync gives the same columns as setData, in slices that yield to the event loop', async () => {
    const klines = syntheticKlines(5000, { seed: 9 });
    const sync = modelOf(klines);
    const async = new LiquidationModel();
    const progress: number[] = [];
    await async.setDataAsync(toKlineSeries(klines), {}, { sliceMs: 1, onProgress: (done) => progress.push(done) });
    expect(progress.length).toBeGreaterThan(1);
    expect(Buffer.compare(columnBytes(async, 0, 5000), columnBytes(sync, 0, 5000))).toBe(0);
  });

  it('setDataAsync checks its slice clock every 64 bars, so one slice never runs far past its budget', async () => {
    const model = new LiquidationModel();
    const progress: number[] = [];
    await model.setDataAsync(toKlineSeries(syntheticKlines(2000, { seed: 9 })), {}, { sliceMs: 0, onProgress: (done) => progress.push(done) });
    const steps = progress.map((done, i) => done - (i === 0 ? 0 : progress[i - 1]));
    expect(Math.max(...steps)).toBe(64);
  });

  it('setDataAsync stops with the abort reason when its signal aborts', async () => {
    const controller = new AbortController();
    const model = new LiquidationModel();
    const run = model.setDataAsync(toKlineSeries(syntheticKlines(20000)), {}, { sliceMs: 1, signal: controller.signal, onProgress: () => controller.abort(new Error('stop')) });
    await expect(run).rejects.toThrow('stop');
  });
});
