import { describe, expect, it } from 'vitest';
import { liquidationFactor, liquidationPrice } from '../../src/model/liquidation-price';

const TABLE: [leverage: number, longPct: number, shortPct: number][] = [
  [2, -49.8, 49.4],
  [5, -19.68, 19.52],
  [10, -9.64, 9.56],
  [25, -3.61, 3.59],
  [50, -1.61, 1.59],
  [100, -0.6, 0.6],
];

describe('isolated-margin liquidation price (DESIGN section 3 table, MMR 0.4 %)', () => {
  for (const [leverage, longPct, shortPct] of TABLE) {
    it(`${leverage}x long liquidates ${longPct}% from entry, short +${shortPct}%`, () => {
      const entry = 100_000;
      const long = liquidationPrice({ entry, leverage, side: 'long', mmr: 0.004 });
      const short = liquidationPrice({ entry, leverage, side: 'short', mmr: 0.004 });
      expect(Math.abs(((long - entry) / entry) * 100 - longPct)).toBeLessThan(0.01);
      expect(Math.abs(((short - entry) / entry) * 100 - shortPct)).toBeLessThan(0.01);
    });
  }

  it('is not the common shortcut EP*(1-1/L+MMR), which gives -1.00% at 100x', () => {
    const lp = liquidationPrice({ entry: 100, leverage: 100, side: 'long', mmr: 0.004 });
    expect(Math.abs(lp - 99)).toBeGreaterThan(0.3);
  });

  it('the factor applied to a whole entry range equals the price ratio', () => {
    for (const side of ['long', 'short'] as const) {
      expect(liquidationFactor(20, side, 0.005) * 2500).toBeCloseTo(liquidationPrice({ entry: 2500, leverage: 20, side, mmr: 0.005 }), 9);
    }
  });

  it('a maintenance amount moves the long liquidation price down by cum / (qty * (1 - MMR))', () => {
    const entry = 50_000;
    const notional = 1_000_000;
    const qty = notional / entry;
    const base = liquidationPrice({ entry, leverage: 10, side: 'long', mmr: 0.01 });
    const withCum = liquidationPrice({ entry, leverage: 10, side: 'long', mmr: 0.01, maintenanceAmount: 5000, notional });
    expect(base - withCum).toBeCloseTo(5000 / (qty * 0.99), 6);
  });

  it('brackets pick the rate and maintenance amount by notional', () => {
    const brackets = [
      { notionalFloor: 0, mmr: 0.004, maintenanceAmount: 0 },
      { notionalFloor: 50_000, mmr: 0.005, maintenanceAmount: 50 },
    ];
    const small = liquidationPrice({ entry: 100, leverage: 10, side: 'short', mmr: 0.004, notional: 10_000, brackets });
    const large = liquidationPrice({ entry: 100, leverage: 10, side: 'short', mmr: 0.004, notional: 100_000, brackets });
    expect(small).toBeCloseTo((100 * 1.1) / 1.004, 9);
    expect(large).toBeCloseTo((100 * (1.1 + 50 / 100_000)) / 1.005, 9);
  });
});
