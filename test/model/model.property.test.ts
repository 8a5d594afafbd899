import fc from 'fast-check';
import { gridOf } from '../helpers/grids';
import { badCells, columnBytes } from '../helpers/model-columns';
import { describe, expect, it } from 'vitest';
import type { Kline } from '../../src/klines/kline';
import { toKlineSeries } from '../../src/klines/to-series';
import { emptyBarInput } from '../../src/model/bar-input';
import { Engine } from '../../src/model/engine';
import { LiquidationModel } from '../../src/model/liquidation-model';
import { rowLow } from '../../src/model/price-grid';
import { modelLevels } from '../../src/levels/model-levels';
import { arbitraryKlines } from '../helpers/arbitrary-klines';

const RUNS = { numRuns: 150 };

function run(klines: Kline[], sweep: 'full' | 'wick-partial' = 'wick-partial', forwardFlowHours?: number): LiquidationModel {
  const model = new LiquidationModel({ rows: 120, sweep, forwardFlowHours });
  model.setData(toKlineSeries(klines, { intervalMs: 3_600_000 }), { lastBarForming: false });
  return model;
}

describe('model properties over random and hostile kline series', () => {
  it('never produces NaN, Infinity or negative mass', () => {
    fc.assert(
      fc.property(arbitraryKlines(), (klines) => {
        return badCells(run(klines)) === 0;
      }),
      RUNS,
    );
  });

  it('leaves nothing where price swept: a swept row holds only the sweeping bar\'s own new positions', () => {
    fc.assert(
      fc.property(arbitraryKlines(40), (klines) => {
        // The live mass, without the next hours' flow the column adds on top (tested in forward-flow.test.ts).
        const model = run(klines, 'full', 0);
        const grid = gridOf(model);
        const own = new Engine(grid, model.options(), 0);
        const long = new Float64Array(grid.rows);
        const short = new Float64Array(grid.rows);
        const bar = emptyBarInput();
        klines.forEach((k, i) => {
          const fresh = new Engine(grid, model.options(), 0);
          own.copyFrom(fresh);
          long.fill(0);
          short.fill(0);
          Object.assign(bar, { time: k.openTime, open: k.open, high: k.high, low: k.low, close: k.close, volume: k.volume });
          bar.quoteVolume = k.quoteVolume ?? NaN;
          bar.takerBuyBase = k.takerBuyBase ?? NaN;
          own.step(bar, long, short, 0);
          const column = model.columnAt(i);
          // Float noise, not mass: a swept row may keep 1e-30 of a column whose rows hold ~1 (seed -474412027).
          const floor = 1e-12 * Math.max(1e-18, ...column.long, ...column.short);
          for (let r = 0; r < grid.rows; r++) {
            const tolerance = (v: number) => v * 1e-5 + floor;
            if (rowLow(grid, r) >= k.low) expect(column.long[r]).toBeLessThanOrEqual(long[r] + tolerance(long[r]));
            if (rowLow(grid, r + 1) <= k.high) expect(column.short[r]).toBeLessThanOrEqual(short[r] + tolerance(short[r]));
          }
        });
      }),
      { numRuns: 60 },
    );
  });

  it('reports levels on the correct side of price with strength in [0, 1]', () => {
    fc.assert(
      fc.property(arbitraryKlines(), fc.nat(), (klines, pick) => {
        const model = run(klines);
        const index = pick % model.length;
        const report = modelLevels(model, { top: 10 }, index);
        for (const level of report.above) {
          expect(level.side).toBe('short');
          expect(level.price).toBeGreaterThanOrEqual(report.price);
          expect(level.low).toBeGreaterThanOrEqual(report.price);
          expect(level.high).toBeGreaterThanOrEqual(level.low);
        }
        for (const level of report.below) {
          expect(level.side).toBe('long');
          expect(level.price).toBeLessThanOrEqual(report.price);
          expect(level.high).toBeLessThanOrEqual(report.price);
        }
        for (const level of [...report.above, ...report.below]) {
          expect(level.strength).toBeGreaterThanOrEqual(0);
          expect(level.strength).toBeLessThanOrEqual(1);
          expect(Number.isFinite(level.notional)).toBe(true);
          expect(level.firstSeen).toBeLessThanOrEqual(report.time);
        }
        expect(Number.isFinite(report.bias.ratio)).toBe(true);
      }),
      RUNS,
    );
  });

  it('is deterministic over random series', () => {
    fc.assert(
      fc.property(arbitraryKlines(30), (klines) => {
        return Buffer.compare(columnBytes(run(klines)), columnBytes(run(klines))) === 0;
      }),
      { numRuns: 50 },
    );
  });
});

describe('one definition of "nearest"', () => {
  it('the nearest significant level each side is in the list and no listed level is nearer or below significance', () => {
    fc.assert(
      fc.property(arbitraryKlines(60), fc.integer({ min: 1, max: 8 }), (klines, top) => {
        const report = modelLevels(run(klines), { top });
        for (const [nearest, listed] of [[report.nearestAbove, report.above], [report.nearestBelow, report.below]] as const) {
          if (nearest === null) {
            expect(listed).toEqual([]);
            continue;
          }
          expect(listed).toContainEqual(nearest);
          for (const level of listed) {
            expect(Math.abs(level.distancePct)).toBeGreaterThanOrEqual(Math.abs(nearest.distancePct));
            expect(level.strength).toBeGreaterThanOrEqual(0.2);
          }
        }
      }),
      { numRuns: 80 },
    );
  });
});
