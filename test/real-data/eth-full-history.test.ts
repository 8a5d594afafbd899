import { readFileSync } from 'node:fs';
import { badCells } from '../helpers/model-columns';
import { describe, expect, it } from 'vitest';
import { parseKlines } from '../../src/klines/parse-klines';
import { modelLevels } from '../../src/levels/model-levels';
import { LiquidationModel } from '../../src/model/liquidation-model';
import { defaultMmr } from '../../src/model/liquidation-price';
import { must } from '../helpers/must';
import { sharedFile } from '../helpers/shared-data';

const ETH = sharedFile('klines/ETHUSDT-PERP_1h_tjf_2020-2026.csv', 'ETHUSDT 1h 2020-2026 real-data test');

describe.skipIf(!ETH.present)('real data: ETHUSDT perp 1h, 2020-2026 (53k bars, OHLCV only)', () => {
  const series = ETH.present ? parseKlines(readFileSync(ETH.path, 'utf8'), { source: ETH.path }) : null;
  const parsed = () => must(series, `the klines of ${ETH.path}`);

  it('the whole file runs through the model with finite, non-negative columns', () => {
    const model = new LiquidationModel({ mmr: defaultMmr('ETHUSDT') });
    model.setData(parsed(), { lastBarForming: false });
    expect(model.length).toBe(parsed().length);
    expect(badCells(model)).toBe(0);
  });

  it('at 50 cut points the levels report is sane', () => {
    const model = new LiquidationModel({ mmr: defaultMmr('ETHUSDT') });
    model.setData(parsed(), { lastBarForming: false });
    const n = parsed().length;
    for (let k = 0; k < 50; k++) {
      const index = 200 + Math.floor(((n - 201) * k) / 49);
      const report = modelLevels(model, { top: 5, trackIds: false }, index);
      expect(report.price).toBe(parsed().close[index]);
      expect(report.time).toBe(parsed().openTime[index]);
      expect(report.above.length + report.below.length).toBeGreaterThan(0);
      for (const level of report.above) {
        expect(level.side).toBe('short');
        expect(level.low).toBeGreaterThanOrEqual(report.price);
        expect(level.distancePct).toBeGreaterThanOrEqual(0);
      }
      for (const level of report.below) {
        expect(level.side).toBe('long');
        expect(level.high).toBeLessThanOrEqual(report.price);
        expect(level.distancePct).toBeLessThanOrEqual(0);
      }
      for (const level of [...report.above, ...report.below]) {
        expect(level.strength).toBeGreaterThan(0);
        expect(level.strength).toBeLessThanOrEqual(1);
        expect(level.notional).toBeGreaterThan(0);
        expect(level.low).toBeLessThanOrEqual(level.price);
        expect(level.price).toBeLessThanOrEqual(level.high);
        expect(level.firstSeen).toBeLessThanOrEqual(report.time);
      }
      expect(report.above.length).toBeLessThanOrEqual(5);
      expect(Number.isFinite(report.bias.ratio)).toBe(true);
      for (const z of report.swept) expect(z.time).toBeLessThanOrEqual(report.time);
    }
  });
});
