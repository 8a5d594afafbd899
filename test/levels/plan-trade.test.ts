import { describe, expect, it } from 'vitest';
import { createLiquidationHeatmap } from '../../plugin/create-liquidation-heatmap';
import { LiquidationHeatmapPrimitive } from '../../plugin/liquidation-heatmap-primitive';
import { syntheticKlines } from '../../src/klines/synthetic-klines';
import { ABOVE, BELOW, level, report } from '../helpers/hand-built-levels';
import { planTrade } from '../../src/levels/plan-trade';
import { must } from '../helpers/must';
import { fakeChart } from '../plugin/fake-chart';

const FULL = report(BELOW, ABOVE);

describe('planTrade', () => {
  it('a long: stop below the nearest long zone, three targets before the short zones above, exact reward-to-risk', () => {
    const plan = planTrade(FULL, { side: 'long', entry: 100, bufferPct: 0 });
    expect(plan.side).toBe('long');
    expect(plan.entry).toBe(100);
    expect(plan.stop.price).toBe(96);
    expect(plan.stop.level).toBe(BELOW[0]);
    expect(plan.stop.distancePct).toBe(-4);
    expect(plan.targets.map((t) => t.price)).toEqual([103, 106, 110]);
    expect(plan.targets.map((t) => t.level)).toEqual([ABOVE[0], ABOVE[2], ABOVE[3]]);
    expect(plan.targets.map((t) => t.rewardToRisk)).toEqual([0.75, 1.5, 2.5]);
    expect(plan.targets.map((t) => t.distancePct)).toEqual([3, 6, 10]);
    expect(plan.notes).toEqual([]);
    expect(plan.size).toBeUndefined();
  });

  it('a long with a buffer: every price keeps the buffer outside its zone edge', () => {
    const plan = planTrade(FULL, { side: 'long', entry: 100, bufferPct: 0.5 });
    const stop = 96 * 0.995;
    expect(plan.stop.price).toBeCloseTo(stop, 12);
    expect(plan.targets.map((t) => t.price)).toEqual([103 * 0.995, 106 * 0.995, 110 * 0.995]);
    expect(plan.targets[0].rewardToRisk).toBeCloseTo((103 * 0.995 - 100) / (100 - stop), 12);
    expect(plan.stop.reason).toMatch(/beyond the long zone 96\.0000-97\.0000, below the low 96\.0000/);
  });

  it('a short: stop above the nearest short zone, targets before the long zones below, exact reward-to-risk', () => {
    const plan = planTrade(FULL, { side: 'short', entry: 100, bufferPct: 0 });
    expect(plan.stop.price).toBe(104);
    expect(plan.stop.level).toBe(ABOVE[0]);
    expect(plan.targets.map((t) => t.price)).toEqual([97, 92]);
    expect(plan.targets.map((t) => t.level)).toEqual([BELOW[0], BELOW[2]]);
    expect(plan.targets.map((t) => t.rewardToRisk)).toEqual([0.75, 2]);
    expect(plan.notes).toEqual(['only 2 significant long-liquidation zones below the entry: 2 targets']);
  });

  it('maxTargets caps the targets', () => {
    const plan = planTrade(FULL, { side: 'long', entry: 100, bufferPct: 0, maxTargets: 4 });
    expect(plan.targets.map((t) => t.price)).toEqual([103, 106, 110, 115]);
    expect(planTrade(FULL, { side: 'long', entry: 100, maxTargets: 1 }).targets).toHaveLength(1);
  });

  it('a long with no significant zone below: no stop, says so, targets still listed without reward-to-risk', () => {
    const plan = planTrade(report([level('long', 98, 99, 0.1)], ABOVE), { side: 'long', entry: 100, bufferPct: 0 });
    expect(plan.stop).toMatchObject({ price: null, level: null, distancePct: null });
    expect(plan.notes).toContain('no significant long-liquidation zone below the entry: no stop suggested');
    expect(plan.targets.map((t) => t.price)).toEqual([103, 106, 110]);
    expect(plan.targets.every((t) => t.rewardToRisk === null)).toBe(true);
  });

  it('a short with no significant zone above: no stop, says so', () => {
    const plan = planTrade(report(BELOW, []), { side: 'short', entry: 100 });
    expect(plan.stop.price).toBeNull();
    expect(plan.notes).toContain('no significant short-liquidation zone above the entry: no stop suggested');
  });

  it('a long with no significant zone above: no targets, says so', () => {
    const plan = planTrade(report(BELOW, [level('short', 101, 101.5, 0.05)]), { side: 'long', entry: 100, bufferPct: 0 });
    expect(plan.stop.price).toBe(96);
    expect(plan.targets).toEqual([]);
    expect(plan.notes).toEqual(['no significant short-liquidation zone above the entry: no targets']);
  });

  it('a short with no significant zone below: no targets, says so', () => {
    const plan = planTrade(report([], ABOVE), { side: 'short', entry: 100 });
    expect(plan.targets).toEqual([]);
    expect(plan.notes).toEqual(['no significant long-liquidation zone below the entry: no targets']);
  });

  it('an entry inside a zone puts the stop beyond that zone’s far edge, never inside it', () => {
    const long = planTrade(FULL, { side: 'long', entry: 96.5, bufferPct: 0.1 });
    expect(long.stop.level).toBe(BELOW[0]);
    expect(long.stop.price).toBeCloseTo(96 * 0.999, 12);
    const short = planTrade(FULL, { side: 'short', entry: 103.5, bufferPct: 0.1 });
    expect(short.stop.level).toBe(ABOVE[0]);
    expect(short.stop.price).toBeCloseTo(104 * 1.001, 12);
    for (const zone of [...BELOW, ...ABOVE]) {
      for (const stop of [must(long.stop.price, 'a long stop'), must(short.stop.price, 'a short stop')]) expect(stop >= zone.low && stop <= zone.high).toBe(false);
    }
  });

  it('a buffered stop that would land in an adjoining zone goes beyond that zone too', () => {
    const adjoining = level('long', 95.8, 95.95, 0.5);
    const plan = planTrade(report([BELOW[0], adjoining], ABOVE), { side: 'long', entry: 100, bufferPct: 0.2 });
    expect(plan.stop.level).toBe(adjoining);
    expect(plan.stop.price).toBeCloseTo(95.8 * 0.998, 12);
    expect(plan.stop.reason).toMatch(/beyond the long zone 96\.0000-97\.0000 and the adjoining zone 95\.8000-95\.9500, below the low 95\.8000/);
  });

  it('a zone starting within the buffer of the entry gives no target behind the entry', () => {
    const plan = planTrade(report(BELOW, [level('short', 100.05, 101, 0.9), ABOVE[0]]), { side: 'long', entry: 100, bufferPct: 0.1 });
    expect(plan.targets.map((t) => must(t.level, 'a target zone').low)).toEqual([103]);
    expect(plan.notes[0]).toMatch(/short zone 100\.050-101\.000 starts within the buffer of the entry/);
  });

  it('risk gives the size in base units and the loss or gain at every price', () => {
    const plan = planTrade(FULL, { side: 'long', entry: 100, bufferPct: 0, risk: 200 });
    expect(plan.size).toBe(50);
    expect(plan.stop.pnl).toBe(-200);
    expect(plan.targets.map((t) => t.pnl)).toEqual([150, 300, 500]);
    const short = planTrade(FULL, { side: 'short', entry: 100, bufferPct: 0, risk: 100 });
    expect(short.size).toBe(25);
    expect(short.targets.map((t) => t.pnl)).toEqual([75, 200]);
  });

  it('risk without a stop gives no size and says so', () => {
    const plan = planTrade(report([], ABOVE), { side: 'long', entry: 100, risk: 200 });
    expect(plan.size).toBeUndefined();
    expect(plan.stop.pnl).toBeUndefined();
    expect(plan.notes).toContain('no stop: size not computed');
  });

  it('an invalid entry throws a RangeError naming entry', () => {
    for (const entry of [Number.NaN, Infinity, 0, -5, '100' as unknown as number]) {
      expect(() => planTrade(FULL, { side: 'long', entry })).toThrow(RangeError);
      expect(() => planTrade(FULL, { side: 'long', entry })).toThrow(/entry/);
    }
  });

  it('an invalid side, risk, buffer or maxTargets throws a RangeError naming the field', () => {
    expect(() => planTrade(FULL, { side: 'up' as never, entry: 100 })).toThrow(/side/);
    expect(() => planTrade(FULL, { side: 'long', entry: 100, risk: 0 })).toThrow(/risk/);
    expect(() => planTrade(FULL, { side: 'long', entry: 100, bufferPct: -1 })).toThrow(/bufferPct/);
    expect(() => planTrade(FULL, { side: 'long', entry: 100, maxTargets: 1.5 })).toThrow(/maxTargets/);
  });

  it('an unknown request field throws a RangeError naming it and the field it is closest to', () => {
    expect(() => planTrade(FULL, { side: 'long', entry: 100, maxTarget: 2 } as never)).toThrow(new RangeError("planTrade: unknown option 'maxTarget' (did you mean 'maxTargets'?)"));
  });
});

describe('planTrade on the overlay', () => {
  const klines = syntheticKlines(300, { seed: 3, price: 100, volatility: 0.004 });

  it('the primitive returns null before data, then plans from its latest levels report', () => {
    const primitive = new LiquidationHeatmapPrimitive();
    expect(primitive.planTrade({ side: 'long', entry: 100 })).toBeNull();
    primitive.setData(klines);
    const report = must(primitive.levels(), 'a levels report');
    const request = { side: 'long' as const, entry: report.price, risk: 100 };
    expect(primitive.planTrade(request)).toEqual(planTrade(report, request));
  });

  it('the handle of createLiquidationHeatmap plans too', () => {
    const times = klines.map((k) => k.openTime / 1000);
    const fake = fakeChart(times, { low: 80, high: 120 });
    const heatmap = createLiquidationHeatmap(fake.series);
    expect(heatmap.planTrade({ side: 'short', entry: 100 })).toBeNull();
    heatmap.setData(klines);
    const report = must(heatmap.levels(), 'a levels report');
    const plan = must(heatmap.planTrade({ side: 'short', entry: report.price }), 'a trade plan');
    expect(plan).toEqual(planTrade(report, { side: 'short', entry: report.price }));
    expect(plan.stop.price === null || plan.stop.price > plan.entry).toBe(true);
    expect(() => heatmap.planTrade({ side: 'short', entry: -1 })).toThrow(/entry/);
    heatmap.detach();
  });
});
