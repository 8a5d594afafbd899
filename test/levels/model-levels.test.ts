import { describe, expect, it } from 'vitest';
import { modelLevels, type FirstSeenCache } from '../../src/levels/model-levels';
import { syntheticKlines } from '../../src/klines/synthetic-klines';
import { toKlineSeries } from '../../src/klines/to-series';
import { LiquidationModel } from '../../src/model/liquidation-model';

describe('modelLevels', () => {
  it('a first-seen cache across ticks and closes gives the same reports as none', () => {
    const klines = syntheticKlines(420, { seed: 12 });
    const model = new LiquidationModel();
    model.setData(toKlineSeries(klines.slice(0, 400)));
    const cache: FirstSeenCache = new Map();
    for (const k of klines.slice(400)) {
      for (const f of [0.25, 0.5, 1]) {
        const close = k.open + (k.close - k.open) * f;
        model.update({ ...k, close, high: Math.max(k.open, close, k.high * (f === 1 ? 1 : 0)), low: Math.min(k.open, close) });
        expect(modelLevels(model, {}, model.length - 1, cache)).toEqual(modelLevels(model));
      }
    }
    expect(cache.size).toBeGreaterThan(0);
  });

  it('firstSeen is the open time of the bar since which the peak row has held mass', () => {
    const klines = syntheticKlines(300, { seed: 13 });
    const model = new LiquidationModel();
    model.setData(toKlineSeries(klines), { lastBarForming: false });
    const report = modelLevels(model);
    for (const level of [...report.above, ...report.below]) {
      expect(level.firstSeen).toBeLessThanOrEqual(report.time);
      expect(klines.some((k) => k.openTime === level.firstSeen)).toBe(true);
    }
  });
});
