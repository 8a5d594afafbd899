import { describe, expect, it } from 'vitest';
import type { Kline } from '../../src/klines/kline';
import { syntheticKlines } from '../../src/klines/synthetic-klines';
import { toKlineSeries } from '../../src/klines/to-series';
import { clusterOf, columnLevels, type PriceSpan } from '../../src/levels/compute-levels';
import type { Level, LevelsReport } from '../../src/levels/level';
import { DEFAULT_LEVELS_OPTIONS } from '../../src/levels/levels-options';
import { modelLevels } from '../../src/levels/model-levels';
import { must } from '../helpers/must';
import { LiquidationModel } from '../../src/model/liquidation-model';

const HOUR = 3_600_000;
const KLINES = syntheticKlines(1400, { seed: 31, volatility: 0.006 });

function modelOf(klines: readonly Kline[]): LiquidationModel {
  const model = new LiquidationModel();
  model.setData(toKlineSeries([...klines]));
  return model;
}

const listed = (r: LevelsReport): Level[] => [...r.above, ...r.below];
const idsByZone = (r: LevelsReport) => new Map(listed(r).map((l) => [l.id, l]));

/** The cluster (rows out to the valleys around the peak) of the level peaking at `price` in column `index`. */
function clusterAt(model: LiquidationModel, index: number, level: Level): PriceSpan {
  const column = model.columnAt(index);
  const grid = must(model.grid, 'the grid');
  const input = { grid, time: column.time, price: model.klines.close[index], unit: model.unit, sweepRule: model.sweepRule, long: column.long, short: column.short };
  const { above, below } = columnLevels(input, DEFAULT_LEVELS_OPTIONS);
  return clusterOf(must([...above, ...below].find((l) => l.side === level.side && l.price === level.price), `the cluster of ${level.id}`));
}

describe('level identity', () => {
  it('every listed level carries an id naming its side, birth bar and anchored row', () => {
    const report = modelLevels(modelOf(KLINES));
    expect(listed(report).length).toBeGreaterThan(0);
    for (const level of listed(report)) expect(level.id).toMatch(new RegExp(`^${level.side}-\\d{13}-\\d+$`));
  });

  it('ids survive ticks of the forming bar', () => {
    const model = modelOf(KLINES);
    const before = idsByZone(modelLevels(model));
    const last = KLINES[KLINES.length - 1];
    for (const f of [0.999, 1.0005, 0.9995]) {
      const close = last.close * f;
      model.update({ ...last, close, high: Math.max(last.high, close), low: Math.min(last.low, close) });
      const after = modelLevels(model);
      const kept = listed(after).filter((l) => before.has(l.id));
      expect(kept.length).toBeGreaterThanOrEqual(Math.min(before.size, listed(after).length) - 1);
    }
  });

  it('ids survive a closed bar: levels whose clusters carry on keep their ids', () => {
    const model = modelOf(KLINES.slice(0, -1));
    const report = modelLevels(model);
    const before = new Map(listed(report).map((l) => [l.id, clusterAt(model, model.length - 1, l)]));
    const next = KLINES[KLINES.length - 1];
    model.update({ ...next, closed: true });
    const after = listed(modelLevels(model));
    const kept = after.filter((l) => before.has(l.id));
    expect(kept.length).toBeGreaterThan(0);
    for (const level of kept) {
      const old = must(before.get(level.id), 'the cluster before the bar closed');
      const now = clusterAt(model, model.length - 1, level);
      expect(Math.min(old.high, now.high)).toBeGreaterThan(Math.max(old.low, now.low));
    }
  });

  it('a level keeps its id when its zone moves off the last one but its cluster lives on', () => {
    const live = 200;
    const model = modelOf(KLINES.slice(0, -live));
    let previous = idsByZone(modelLevels(model));
    let movedOn = 0;
    for (const k of KLINES.slice(-live)) {
      model.update({ ...k, closed: true });
      const now = idsByZone(modelLevels(model));
      for (const [id, level] of now) {
        const old = previous.get(id);
        if (old && Math.min(old.high, level.high) <= Math.max(old.low, level.low)) movedOn++;
      }
      previous = now;
    }
    expect(movedOn).toBeGreaterThan(0);
  });

  it('a reload of the same history gives the same ids', () => {
    expect(listed(modelLevels(modelOf(KLINES))).map((l) => l.id)).toEqual(listed(modelLevels(modelOf(KLINES))).map((l) => l.id));
  });

  it('histories that both cover two warm-ups before the bar give the same ids there', () => {
    const klines = syntheticKlines(2300, { seed: 32, volatility: 0.006 });
    const longer = listed(modelLevels(modelOf(klines))).map((l) => l.id);
    const shorter = listed(modelLevels(modelOf(klines.slice(600)))).map((l) => l.id);
    expect(shorter).toEqual(longer);
  });
});

describe('the ledger of ended levels', () => {
  const model = modelOf(KLINES);
  const since = KLINES[700].openTime;
  const report = modelLevels(model, { since });
  const ended = must(report.ended, 'the ended levels');
  const barAt = (time: number) => KLINES[(time - KLINES[0].openTime) / HOUR];

  it('lists levels that ended since the given time, oldest first', () => {
    expect(ended.length).toBeGreaterThan(0);
    for (const e of ended) expect(e.endedAt).toBeGreaterThanOrEqual(since);
    expect(ended.map((e) => e.endedAt)).toEqual([...ended.map((e) => e.endedAt)].sort((a, b) => a - b));
  });

  it('a swept level ended in a bar whose range reached its zone', () => {
    const swept = ended.filter((e) => e.how === 'swept');
    expect(swept.length).toBeGreaterThan(0);
    for (const e of swept) {
      const bar = barAt(e.endedAt);
      if (e.level.side === 'long') expect(bar.low).toBeLessThanOrEqual(e.level.high);
      else expect(bar.high).toBeGreaterThanOrEqual(e.level.low);
    }
  });

  it('a faded level ended without price reaching its zone', () => {
    const faded = ended.filter((e) => e.how === 'faded');
    expect(faded.length).toBeGreaterThan(0);
    for (const e of faded) {
      const bar = barAt(e.endedAt);
      if (e.level.side === 'long') expect(bar.low).toBeGreaterThan(e.level.high);
      else expect(bar.high).toBeLessThan(e.level.low);
    }
  });

  it('no ended list without the since option', () => {
    expect(modelLevels(model).ended).toBeUndefined();
  });
});
