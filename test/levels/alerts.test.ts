import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Kline } from '../../src/klines/kline';
import { parseKlineCsv } from '../../src/klines/parse-csv';
import { syntheticKlines } from '../../src/klines/synthetic-klines';
import { toKlineSeries } from '../../src/klines/to-series';
import { LevelAlerts, type LevelAlert } from '../../src/levels/alerts';
import type { Level, LevelsReport } from '../../src/levels/level';
import { modelLevels } from '../../src/levels/model-levels';
import { LiquidationModel } from '../../src/model/liquidation-model';
import type { SweptZone } from '../../src/model/swept-zone';
import { gridOf } from '../helpers/grids';
import { must } from '../helpers/must';
import { sharedFile } from '../helpers/shared-data';

const MINUTE = 60_000;
const T0 = Date.UTC(2025, 0, 1);

function level(side: 'long' | 'short', low: number, high: number, strength = 0.8): Level {
  return { price: (low + high) / 2, low, high, side, strength, notional: strength * 100, distancePct: 0, firstSeen: 0, id: `${side}-${low}-${high}` };
}

/** A report at `T0 + minute` min with price `price`; levels' distances are filled in from the price. */
function report(minute: number, price: number, levels: Level[], swept: SweptZone[] = []): LevelsReport {
  const placed = levels.map((l) => ({ ...l, distancePct: ((l.price - price) / price) * 100 }));
  const below = placed.filter((l) => l.side === 'long');
  const above = placed.filter((l) => l.side === 'short');
  const nearest = (ls: Level[]) => [...ls].sort((a, b) => Math.abs(a.distancePct) - Math.abs(b.distancePct))[0] ?? null;
  return {
    time: T0 + minute * MINUTE,
    price,
    unit: 'heat',
    sweepRule: 'full',
    below,
    above,
    nearestBelow: nearest(below),
    nearestAbove: nearest(above),
    totals: { above: 0, below: 0 },
    bias: { label: 'balanced', ratio: 1, below: 0, above: 0, windowPct: 2 },
    swept,
  };
}

/** A long level around 95.5 that drifts by a few cents with `k` (zones keep overlapping). */
const drifting = (k: number) => level('long', 95 + 0.02 * Math.sin(k), 96 + 0.02 * Math.cos(k));
const count = (alerts: LevelAlert[], type: LevelAlert['type']) => alerts.filter((a) => a.type === type).length;

describe('LevelAlerts on hand-built reports', () => {
  it('approaching fires once within the cool-down, however many reports, and again after it', () => {
    const alerts = new LevelAlerts({ approachPct: 1, cooldownMs: 30 * MINUTE });
    expect(alerts.check(report(0, 100, [drifting(0)]))).toEqual([]);
    const first = alerts.check(report(1, 96.3, [drifting(1)]));
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ type: 'approaching', price: drifting(1).price, time: T0 + MINUTE });
    expect(first[0].distancePct).toBeCloseTo(((drifting(1).price - 96.3) / 96.3) * 100, 12);
    expect(first[0].level.side).toBe('long');
    let repeats = 0;
    for (let m = 2; m <= 30; m++) repeats += alerts.check(report(m, 96.2 + 0.01 * (m % 5), [drifting(m)])).length;
    expect(repeats).toBe(0);
    const again = alerts.check(report(31, 96.25, [drifting(31)]));
    expect(again.map((a) => a.type)).toEqual(['approaching']);
    expect(again[0].id).toBe(first[0].id);
  });

  it('the cool-down runs on the report time (market time), not the wall clock', () => {
    const alerts = new LevelAlerts({ approachPct: 1 });
    const times = [0, 10, 29, 30, 31, 59, 60].map((m) => alerts.check(report(m, 96.2, [drifting(m)])).length);
    expect(times).toEqual([1, 0, 0, 1, 0, 0, 1]);
  });

  it('a level that shifts slightly between reports is still the same level; one that moved away is another', () => {
    const alerts = new LevelAlerts({ approachPct: 2, cooldownMs: 60 * MINUTE });
    const raised: LevelAlert[] = [];
    for (let m = 0; m < 20; m++) {
      const shift = 0.03 * m; // 0.6 in all, far more than the zone overlap between two neighbouring reports
      raised.push(...alerts.check(report(m, 97, [level('long', 95 + shift, 96 + shift)])));
    }
    expect(raised).toHaveLength(1);
    const moved = alerts.check(report(20, 97, [level('long', 95, 95.5)]));
    expect(moved).toHaveLength(1);
    expect(moved[0].id).not.toBe(raised[0].id);
  });

  it('a swept zone covering the level raises exactly one swept, however long it stays in the report', () => {
    const alerts = new LevelAlerts({ approachPct: 1 });
    alerts.check(report(0, 97, [drifting(0)]));
    const sweep: SweptZone = { side: 'long', price: 95.6, low: 94.8, high: 96.5, notional: 50, time: T0 + MINUTE };
    const swept = alerts.check(report(1, 94.9, [], [sweep]));
    expect(swept).toHaveLength(1);
    expect(swept[0]).toMatchObject({ type: 'swept', price: drifting(0).price, time: T0 + MINUTE, sweep });
    expect(swept[0].level.low).toBe(drifting(0).low);
    let later = 0;
    for (let m = 2; m < 100; m++) later += count(alerts.check(report(m, 94.5, [], [sweep])), 'swept');
    expect(later).toBe(0);
  });

  it('a wick through the level is a sweep even when price closes back above it', () => {
    const alerts = new LevelAlerts({ approachPct: 0.5 });
    alerts.check(report(0, 97, [drifting(0)]));
    const wick: SweptZone = { side: 'long', price: 95.4, low: 95.2, high: 96.8, notional: 10, time: T0 + MINUTE };
    const raised = alerts.check(report(1, 96.9, [level('long', 95, 95.3)], [wick]));
    expect(raised.map((a) => a.type)).toEqual(['swept']);
  });

  it('price trading through a level raises one swept without any swept zone', () => {
    const alerts = new LevelAlerts({ approachPct: 1 });
    alerts.check(report(0, 96.5, [drifting(0), level('short', 99, 100)]));
    const raised = alerts.check(report(1, 95.2, [level('short', 99, 100)]));
    expect(raised.filter((a) => a.type === 'swept').map((a) => a.level.side)).toEqual(['long']);
    expect(count(alerts.check(report(2, 94, [])), 'swept')).toBe(0);
  });

  it('a level no longer reported for longer than the cool-down is not reported swept', () => {
    const alerts = new LevelAlerts({ approachPct: 1, cooldownMs: 30 * MINUTE });
    alerts.check(report(0, 98, [level('short', 99, 100)]));
    alerts.check(report(1, 98, []));
    expect(alerts.check(report(40, 100.5, []))).toEqual([]);
  });

  it('a short level swept by a rally raises swept with the short level', () => {
    const alerts = new LevelAlerts({ approachPct: 1 });
    alerts.check(report(0, 103, [level('short', 104, 105)]));
    const raised = alerts.check(report(1, 105.5, []));
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ type: 'swept', price: 104.5 });
    expect(raised[0].level.side).toBe('short');
  });

  it('sweeps already in the first report, of weak levels or of levels never reported raise nothing', () => {
    const alerts = new LevelAlerts({ approachPct: 0.1 });
    const old: SweptZone = { side: 'long', price: 95.5, low: 95, high: 96, notional: 50, time: T0 };
    expect(alerts.check(report(0, 97, [drifting(0), level('long', 90, 91, 0.05)], [old]))).toEqual([]);
    const weakSweep: SweptZone = { side: 'long', price: 90.5, low: 89, high: 92, notional: 5, time: T0 + MINUTE };
    expect(alerts.check(report(1, 97, [drifting(1)], [old, weakSweep]))).toEqual([]);
  });

  it('rejects bad options with a RangeError naming them', () => {
    expect(() => new LevelAlerts({ approachPct: 0 })).toThrow(/approachPct/);
    expect(() => new LevelAlerts({ approachPct: 1, cooldownMs: -1 })).toThrow(/cooldownMs/);
    expect(() => new LevelAlerts({ approachPct: 1, minStrength: 2 })).toThrow(/minStrength/);
  });

  it('rejects an unknown option with a RangeError naming it and the option it is closest to', () => {
    expect(() => new LevelAlerts({ approachPct: 1, cooldown: 60_000 } as never)).toThrow(new RangeError("LevelAlerts: unknown option 'cooldown' (did you mean 'cooldownMs'?)"));
    expect(() => new LevelAlerts({ approachPct: 1, minStrenght: 0.3 } as never)).toThrow(new RangeError("LevelAlerts: unknown option 'minStrenght' (did you mean 'minStrength'?)"));
  });
});

/** Real ETHUSDT perpetual 1m klines when ../shared is present, else a synthetic 1m walk. */
function replayKlines(count: number): { bars: Kline[]; real: boolean } {
  const csv = sharedFile('klines/ETHUSDT-PERP_1m_astral.csv', 'alerts replay on real ETHUSDT 1m klines (synthetic bars instead)');
  if (csv.present) {
    const bars = parseKlineCsv(readFileSync(csv.path, 'utf8'), { source: csv.path }).slice(0, count);
    if (bars.length === count) return { bars, real: true };
  }
  return { bars: syntheticKlines(count, { intervalMs: MINUTE, price: 2500, volatility: 0.0015, seed: 7 }), real: false };
}

describe('LevelAlerts on the model, bar by bar', () => {
  it('a replayed series raises approaching and swept alerts, never twice for the same level and type inside the cool-down', () => {
    const { bars } = replayKlines(900);
    const warmup = 300;
    const model = new LiquidationModel();
    model.setData(toKlineSeries(bars.slice(0, warmup)));
    const cooldownMs = 30 * MINUTE;
    const alerts = new LevelAlerts({ approachPct: 0.3, cooldownMs });
    const raised: LevelAlert[] = [...alerts.check(modelLevels(model))];
    for (const bar of bars.slice(warmup)) {
      model.update(bar);
      raised.push(...alerts.check(modelLevels(model)));
    }
    expect(count(raised, 'approaching')).toBeGreaterThan(0);
    expect(count(raised, 'swept')).toBeGreaterThan(0);
    const last = new Map<string, number>();
    for (const alert of raised) {
      const key = `${alert.id}:${alert.type}`;
      const previous = last.get(key);
      if (previous !== undefined) expect(alert.time - previous).toBeGreaterThanOrEqual(cooldownMs);
      last.set(key, alert.time);
    }
    // Price went at or beyond a swept level (wick or close), to within the grid row the sweep is measured in.
    const row = (price: number) => price * Math.expm1(gridOf(model).lnStep);
    for (const alert of raised.filter((a) => a.type === 'swept')) {
      const bar = must(bars.find((b) => b.openTime === alert.time), `the bar of the alert at ${alert.time}`);
      if (alert.level.side === 'long') expect(bar.low - row(bar.low)).toBeLessThanOrEqual(alert.price);
      else expect(bar.high + row(bar.high)).toBeGreaterThanOrEqual(alert.price);
    }
  });
});
