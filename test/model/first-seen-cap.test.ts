import { describe, expect, it } from 'vitest';
import { syntheticKlines } from '../../src/klines/synthetic-klines';
import { toKlineSeries } from '../../src/klines/to-series';
import { LiquidationModel } from '../../src/model/liquidation-model';
import { rowOf } from '../../src/model/price-grid';
import { warmupMs } from '../../src/model/warmup';

const HOUR = 3_600_000;

describe('firstSeen', () => {
  it('reports at most one warm-up before the bar for a row that held mass all along (the forward flow keeps rows near price filled)', () => {
    // 80 days of a quiet 1h market: the rows around price hold mass in every column.
    const series = toKlineSeries(syntheticKlines(80 * 24, { price: 100, volatility: 0.001, intervalMs: HOUR }));
    const model = new LiquidationModel();
    model.setData(series, { lastBarForming: false });
    const last = model.length - 1;
    const grid = model.grid;
    if (!grid) throw new Error('no grid');
    const warmupBars = warmupMs(model.options().tiers) / HOUR;
    // A row whose mass runs back unbroken from the last bar further than one warm-up.
    const runBack = (r: number) => {
      let i = last;
      while (i >= 0 && model.columnAt(i).long[r] > 0) i--;
      return last - i;
    };
    const near = rowOf(grid, series.close[last]);
    const row = Array.from({ length: 200 }, (_, k) => near - k).find((r) => r >= 0 && runBack(r) > warmupBars + 48);
    if (row === undefined) throw new Error('no row held mass for longer than the warm-up');
    const since = model.firstSeen('long', row, last);
    const openTime = series.openTime[last];
    expect(since).toBeGreaterThanOrEqual(openTime - warmupMs(model.options().tiers));
    expect(since).toBeLessThan(openTime - warmupMs(model.options().tiers) + HOUR);
  });
});
