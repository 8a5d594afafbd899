import { describe, expect, it } from 'vitest';
import { ABOVE, BELOW, level, report } from '../helpers/hand-built-levels';
import { suggestStop, suggestTargets } from '../../src/levels/placement';
import { must } from '../helpers/must';


describe('placement', () => {
  it('a long stop goes below the low of the nearest significant long zone under the entry, minus the buffer', () => {
    const stop = suggestStop(report(BELOW, ABOVE), { side: 'long', entry: 100, bufferPct: 0.5 });
    expect(stop.price).toBeCloseTo(96 * 0.995, 9);
    expect(must(stop.level, 'a stop zone').low).toBe(96);
    expect(stop.distancePct).toBeCloseTo(((96 * 0.995 - 100) / 100) * 100, 9);
  });

  it('an entry inside a zone puts the stop beyond that zone, never inside it', () => {
    const stop = suggestStop(report(BELOW, ABOVE), { side: 'long', entry: 96.5, bufferPct: 0.1 });
    expect(must(stop.level, 'a stop zone').low).toBe(96);
    expect(stop.price).toBeLessThan(96);
  });

  it('a short stop goes above the high of the nearest significant short zone over the entry', () => {
    const stop = suggestStop(report(BELOW, ABOVE), { side: 'short', entry: 100, bufferPct: 0.2 });
    expect(stop.price).toBeCloseTo(104 * 1.002, 9);
    expect(must(stop.level, 'a stop zone').high).toBe(104);
  });

  it('says so when no significant zone exists against the trade', () => {
    const stop = suggestStop(report([level('long', 98, 99, 0.1)], ABOVE), { side: 'long', entry: 100 });
    expect(stop).toMatchObject({ price: null, level: null, distancePct: null });
    expect(stop.reason).toMatch(/no significant long-liquidation zone below/);
  });

  it('long targets sit just before the next significant short zones above, nearest first', () => {
    const targets = suggestTargets(report(BELOW, ABOVE), { side: 'long', entry: 100, bufferPct: 0.1, count: 3 });
    expect(targets.map((t) => must(t.level, 'a target zone').low)).toEqual([103, 106, 110]);
    expect(targets[0].price).toBeCloseTo(103 * 0.999, 9);
  });

  it('short targets sit just before the next significant long zones below', () => {
    const targets = suggestTargets(report(BELOW, ABOVE), { side: 'short', entry: 100, bufferPct: 0 });
    expect(targets.map((t) => t.price)).toEqual([97, 92]);
  });

  it('a weak zone is not used unless minStrength allows it', () => {
    const stop = suggestStop(report(BELOW, ABOVE), { side: 'long', entry: 100, minStrength: 0.05 });
    expect(must(stop.level, 'a stop zone').low).toBe(98);
  });

  it('refuses an unknown request field, and count anywhere but suggestTargets', () => {
    expect(() => suggestStop(report(BELOW, ABOVE), { side: 'long', entry: 100, buffer: 0.5 } as never)).toThrow(new RangeError("placement: unknown option 'buffer'"));
    expect(() => suggestStop(report(BELOW, ABOVE), { side: 'long', entry: 100, count: 2 } as never)).toThrow(/^placement: unknown option 'count'/);
    expect(suggestTargets(report(BELOW, ABOVE), { side: 'long', entry: 100, count: 1 })).toHaveLength(1);
  });
});
