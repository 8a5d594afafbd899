import type { LiquidationModel } from '../model/liquidation-model';
import type { Side } from '../model/side';
import type { SweptZone } from '../model/swept-zone';
import { computeLevels } from './compute-levels';
import type { LevelsReport } from './level';
import { mergeLevelsOptions, type LevelsOptions } from './levels-options';

/**
 * The levels report of `model` at column `index` (default: the latest, forming bar included): price is
 * that bar's close, `firstSeen` is read back through the stored columns, swept zones come from the last
 * `sweptBars` bars (strongest `top`, most recent first).
 */
export function modelLevels(model: LiquidationModel, options: Partial<LevelsOptions> = {}, index = model.length - 1): LevelsReport {
  const o = mergeLevelsOptions(options);
  const store = model.columns;
  const grid = model.grid;
  if (!store || !grid || index < 0 || index >= model.length) throw new RangeError(`levels: no column ${index} (the model has ${model.length})`);
  const rows = grid.rows;
  const scale = store.scale[index];
  const offset = index * rows;
  const long = new Float64Array(rows);
  const short = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    long[r] = store.long[offset + r] * scale;
    short[r] = store.short[offset + r] * scale;
  }
  const bars = model.klines;
  const firstSeen = (side: Side, row: number): number => {
    const values = side === 'long' ? store.long : store.short;
    let i = index;
    while (i > 0 && values[(i - 1) * rows + row] > 0) i--;
    return bars.openTime[i];
  };
  const swept: SweptZone[] = model
    .sweptZones(index - o.sweptBars, index)
    .map(({ index: i, ...zone }) => ({ ...zone, notional: zone.notional * store.scale[i] }))
    .sort((a, b) => b.notional - a.notional)
    .slice(0, o.top)
    .sort((a, b) => b.time - a.time);
  return computeLevels(
    { grid, time: bars.openTime[index], price: bars.close[index], unit: model.unit, sweepRule: model.sweepRule, long, short, firstSeen, swept },
    o,
  );
}

/** Density (long, short, total) at a bar's open time and a price, in the model's unit; null outside the heatmap. */
export function modelDensityAt(model: LiquidationModel, time: number, price: number): { long: number; short: number; total: number } | null {
  const store = model.columns;
  const grid = model.grid;
  if (!store || !grid) return null;
  const index = model.klines.indexOf(time);
  if (index < 0) return null;
  const row = Math.floor((price - grid.min) / grid.step);
  if (row < 0 || row >= grid.rows) return null;
  const scale = store.scale[index];
  const long = store.long[index * grid.rows + row] * scale;
  const short = store.short[index * grid.rows + row] * scale;
  return { long, short, total: long + short };
}
