import { describe, expect, it } from 'vitest';
import { modelLevels } from '../../src/levels/model-levels';
import type { Side } from '../../src/model/side';
import { rowPosition } from '../../src/model/price-grid';
import { syntheticKlines } from '../../src/klines/synthetic-klines';
import { toKlineSeries } from '../../src/klines/to-series';
import { LiquidationModel } from '../../src/model/liquidation-model';
import { gridOf } from '../helpers/grids';

describe('modelLevels', () => {
  it('the model\'s cached firstSeen across ticks and closes equals a walk back through the columns', () => {
    const klines = syntheticKlines(420, { seed: 12 });
    const model = new LiquidationModel();
    model.setData(toKlineSeries(klines.slice(0, 400)));
    const walkBack = (side: Side, row: number, index: number): number => {
      let first = index;
      if (index > 0 && model.columnAt(index - 1)[side][row] > 0) {
        first = index - 1;
        while (first > 0 && model.columnAt(first - 1)[side][row] > 0) first--;
      }
      return model.klines.openTime[first];
    };
    let checked = 0;
    for (const k of klines.slice(400)) {
      for (const f of [0.25, 0.5, 1]) {
        const close = k.open + (k.close - k.open) * f;
        model.update({ ...k, close, high: Math.max(k.open, close, k.high * (f === 1 ? 1 : 0)), low: Math.min(k.open, close) });
        const report = modelLevels(model);
        for (const level of [...report.above, ...report.below]) {
          const row = Math.round(rowPosition(gridOf(model), level.price) - 0.5);
          expect(level.firstSeen).toBe(walkBack(level.side, row, model.length - 1));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
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
