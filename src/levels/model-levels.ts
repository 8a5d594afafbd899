import type { LiquidationModel } from '../model/liquidation-model';
import { nextTask } from '../scheduling/next-task';
import type { CellDensity } from '../model/model-types';
import { rowOf } from '../model/price-grid';
import type { Side } from '../model/side';
import type { SweptZone } from '../model/swept-zone';
import { computeLevels } from './compute-levels';
import type { Level, LevelsReport } from './level';
import { LevelTracker } from './level-tracker';
import { mergeLevelsOptions, type LevelsOptions } from './levels-options';

/**
 * The levels report of `model` at column `index` (default: the latest, forming bar included): price is
 * that bar's close, `firstSeen` comes from the model (cached per data revision, so asking every tick is
 * cheap), swept zones come from the last `sweptBars` bars (strongest `top`, most recent first).
 */
export function modelLevels(model: LiquidationModel, options: Partial<LevelsOptions> = {}, index = model.length - 1): LevelsReport {
  const o = mergeLevelsOptions(options);
  const grid = model.grid;
  if (!grid || index < 0 || index >= model.length) throw new RangeError(`levels: no column ${index} (the model has ${model.length})`);
  const column = model.columnAt(index);
  const rows = grid.rows;
  const long = new Float64Array(rows);
  const short = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    long[r] = column.long[r] * column.scale;
    short[r] = column.short[r] * column.scale;
  }
  const firstSeen = (side: Side, row: number): number => model.firstSeen(side, row, index);
  const swept: SweptZone[] = model
    .sweptZones(Math.max(index - o.sweptBars, model.oldestColumn - 1), index)
    .map(({ index: i, ...zone }) => ({ ...zone, notional: zone.notional * model.columnAt(i).scale }))
    .sort((a, b) => b.notional - a.notional)
    .slice(0, o.top)
    .sort((a, b) => b.time - a.time);
  const report = computeLevels(
    { grid, time: column.time, price: model.klines.close[index], unit: model.unit, sweepRule: model.sweepRule, long, short, firstSeen, swept },
    o,
  );
  const tracked = new Map(o.trackIds === false ? [] : trackerOf(model, o).levelsAt(index).map((l) => [`${l.side}:${l.price}`, l.id]));
  const withId = (level: Level): Level => ({ ...level, id: tracked.get(`${level.side}:${level.price}`) ?? level.id });
  const ended = o.since !== undefined ? trackerOf(model, o).endedSince(o.since) : undefined;
  // Mass beyond the grid counts in the totals, so they do not depend on how wide the history made the grid.
  const totals = { above: report.totals.above + column.offGrid[1] * column.scale, below: report.totals.below + column.offGrid[0] * column.scale };
  return {
    ...report,
    totals,
    above: report.above.map(withId),
    below: report.below.map(withId),
    nearestAbove: report.nearestAbove && withId(report.nearestAbove),
    nearestBelow: report.nearestBelow && withId(report.nearestBelow),
    warmup: model.warmup(index),
    mmr: model.options().mmr,
    ...(ended ? { ended } : {}),
  };
}

/**
 * Tracks the levels of `model` up to its latest column in slices of about `sliceMs` (8), yielding to the
 * event loop between them, so the first {@link modelLevels} report after a load costs one bar, not the
 * two days of bars its level ids are tracked from. Resolves at once with `trackIds: false`.
 */
export async function warmLevels(model: LiquidationModel, options: Partial<LevelsOptions> = {}, control: { sliceMs?: number; signal?: AbortSignal } = {}): Promise<void> {
  const o = mergeLevelsOptions(options);
  if (o.trackIds === false || !model.grid || model.length === 0) return;
  const tracker = trackerOf(model, o);
  const sliceMs = control.sliceMs ?? 8;
  for (;;) {
    const start = performance.now();
    let done = tracker.advance(model.length - 1);
    while (!done && performance.now() - start < sliceMs) done = tracker.advance(model.length - 1);
    if (done) return;
    await nextTask();
    if (control.signal?.aborted) throw control.signal.reason;
  }
}

const trackers = new WeakMap<LiquidationModel, { key: string; tracker: LevelTracker }>();

/** The model's level tracker for these options, started afresh when its data or the options change. */
function trackerOf(model: LiquidationModel, o: LevelsOptions): LevelTracker {
  const { since: _since, trackIds: _trackIds, ...zoneOptions } = o;
  const key = `${model.revision.data}:${JSON.stringify(zoneOptions)}`;
  let entry = trackers.get(model);
  if (!entry || entry.key !== key) {
    entry = { key, tracker: new LevelTracker(model, o) };
    trackers.set(model, entry);
  }
  return entry.tracker;
}

/** Density (long, short, total) at a bar's open time and a price, in the model's unit; null outside the heatmap. */
export function modelDensityAt(model: LiquidationModel, time: number, price: number): CellDensity | null {
  const grid = model.grid;
  if (!grid) return null;
  const index = model.klines.indexOf(time);
  if (index < 0) return null;
  return model.densityAt(index, rowOf(grid, price));
}
