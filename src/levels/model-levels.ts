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
/**
 * Where the run of mass at a row that ends at a closed column began: `${side}:${row}:${endColumn}` to
 * that run's first column. Closed columns never change, so a caller that asks every tick (the overlay)
 * keeps one cache per data version and the walk back through history happens once per bar, not per tick.
 */
export type FirstSeenCache = Map<string, number>;

export function modelLevels(model: LiquidationModel, options: Partial<LevelsOptions> = {}, index = model.length - 1, cache?: FirstSeenCache): LevelsReport {
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
    if (index === 0 || !(values[(index - 1) * rows + row] > 0)) return bars.openTime[index];
    const key = `${side}:${row}:${index - 1}`;
    let first = cache?.get(key);
    if (first === undefined) {
      first = index - 1;
      while (first > 0 && values[(first - 1) * rows + row] > 0) first--;
      cache?.set(key, first);
    }
    return bars.openTime[first];
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
