import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateModel, scoreWindow } from '../../src/evaluate/evaluate-model';
import { groupWindows, parseLiquidationCsv, type LiquidationOrder } from '../../src/evaluate/liquidation-orders';
import { parseKlines } from '../../src/klines/parse-klines';
import { syntheticKlines } from '../../src/klines/synthetic-klines';
import { toKlineSeries } from '../../src/klines/to-series';
import { sharedFile } from '../helpers/shared-data';

const HOUR = 3_600_000;

function order(price: number, notional: number, side: 'long' | 'short' = 'long', time = 0): LiquidationOrder {
  return { time, symbol: 'ETHUSDT', side, price, notional, row: 2 };
}

describe('evaluating the model', () => {
  const klines = syntheticKlines(400, { price: 100, volatility: 0.006 });
  const series = toKlineSeries(klines);

  it('uses only bars closed at or before t0 and takes price0 from the last of them', () => {
    const t0 = klines[300].openTime + 10 * 60_000;
    const result = evaluateModel(series, groupWindows([order(klines[300].low, 5, 'long', t0)]));
    expect(result.windows[0].price0).toBe(klines[299].close);
    expect(result.windows[0].sides[0].high).toBe(klines[299].close);
    expect(result.windows[0].sides[0].low).toBeLessThanOrEqual(Math.min(klines[300].low, klines[301].low));
  });

  it('skips a window the klines do not cover, saying why', () => {
    const result = evaluateModel(series, groupWindows([order(100, 5, 'long', klines[399].openTime + 10 * HOUR)]));
    expect(result.windows[0].skipped).toMatch(/do not cover/);
    expect(result.summary.pooled.windows).toBe(0);
  });

  it('skips a window that falls in a gap of the klines', () => {
    const gapped = toKlineSeries([...klines.slice(0, 200), ...klines.slice(260)]);
    const result = evaluateModel(gapped, groupWindows([order(100, 5, 'long', klines[230].openTime + 60_000)]));
    expect(result.windows[0].skipped).toMatch(/gap/);
  });

  it('scores the prior on the same rows as the heatmap', () => {
    const t0 = klines[300].openTime + 10 * 60_000;
    const [score] = scoreWindow(series, groupWindows([order(klines[300].low, 5, 'long', t0), order(klines[300].high, 5, 'short', t0)])[0]);
    for (const side of score.sides) {
      expect(side.prior.rows).toBe(side.heatmap.rows);
      expect(side.prior.taken).toBe(side.heatmap.taken);
    }
  });

  it('scores several levels settings from one model: the heatmap is the same, the zones follow the setting', () => {
    const t0 = klines[300].openTime + 10 * 60_000;
    const window = groupWindows([order(klines[300].low, 5, 'long', t0)])[0];
    const [tight, wide] = scoreWindow(series, window, {}, [{ zoneFloor: 0.9 }, { zoneFloor: 0.3 }]);
    expect(wide.sides[0].heatmap).toEqual(tight.sides[0].heatmap);
    expect(wide.sides[0].zones.coverage).toBeGreaterThanOrEqual(tight.sides[0].zones.coverage);
  });
});

const ETH = sharedFile('klines/ETHUSDT-PERP_1h_tjf_2020-2026.csv', 'evaluation on the development liquidation windows');
const LIQ = sharedFile('liquidations/forceOrder_BTCUSDT_ETHUSDT_dev.csv', 'evaluation on the development liquidation windows');

describe.skipIf(!ETH.present || !LIQ.present)('evaluation on the development windows (real data)', () => {
  it('scores the ETHUSDT windows with finite lifts for the model and the prior, by USD and by count', () => {
    const orders = parseLiquidationCsv(readFileSync(LIQ.path, 'utf8'), LIQ.path).filter((o) => o.symbol === 'ETHUSDT');
    const series = parseKlines(readFileSync(ETH.path, 'utf8'), { source: ETH.path });
    const { windows, summary } = evaluateModel(series, groupWindows(orders));
    expect(windows.filter((w) => !w.skipped).length).toBeGreaterThanOrEqual(5);
    expect(summary.pooled.orders).toBeGreaterThan(40);
    for (const figure of [summary.pooled.usd.heatmapLift, summary.pooled.usd.priorLift, summary.pooled.count.heatmapLift, summary.pooled.count.priorLift]) {
      expect(Number.isFinite(figure.value)).toBe(true);
      expect(figure.low).toBeLessThanOrEqual(figure.high as number);
    }
    for (const side of windows.flatMap((w) => w.sides)) {
      expect(side.heatmap.capture.usd).toBeGreaterThanOrEqual(0);
      expect(side.heatmap.capture.usd).toBeLessThanOrEqual(1);
      expect(side.zones.coverage).toBeLessThanOrEqual(1);
    }
  });
});
