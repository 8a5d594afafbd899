import { describe, expect, it } from 'vitest';
import { bootstrap, quantile } from '../../src/evaluate/bootstrap';
import { summarize } from '../../src/evaluate/evaluation-summary';
import { sideScore, windowScore } from './hand-built-scores';

describe('bootstrap intervals over windows', () => {
  it('windows that all score the same give an interval of that value', () => {
    const windows = [1, 2, 3].map((d) => windowScore(`2025-01-0${d}`, [sideScore({ heat: [0.3, 0.3], prior: [0.1, 0.1] })]));
    const lift = summarize(windows).pooled.usd.heatmapLift;
    expect(lift.value).toBeCloseTo(1.5, 12);
    expect(lift.low).toBeCloseTo(1.5, 12);
    expect(lift.high).toBeCloseTo(1.5, 12);
  });

  it('two windows scoring 0 and 2: the 90 % interval runs from 0 to 2 and the paired difference to the prior from -2 to 2', () => {
    const windows = [windowScore('2025-01-01', [sideScore({ heat: [0, 0], prior: [0.4, 0.4] })]), windowScore('2025-01-02', [sideScore({ heat: [0.4, 0.4], prior: [0, 0] })])];
    const s = summarize(windows).pooled.usd;
    expect(s.heatmapLift).toEqual({ value: 1, low: 0, high: 2 });
    expect(s.priorLift).toEqual({ value: 1, low: 0, high: 2 });
    expect(s.liftOverPrior).toEqual({ value: 0, low: -2, high: 2 });
  });

  it('resamples are seeded: the same input gives the same interval, another seed may not', () => {
    const items = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const mean = (s: readonly number[]) => [s.reduce((a, b) => a + b, 0) / s.length];
    const first = bootstrap(items, mean, { seed: 7 });
    expect(bootstrap(items, mean, { seed: 7 })).toEqual(first);
    expect(bootstrap(items, mean, { seed: 8 })).not.toEqual(first);
    expect(first[0].value).toBe(4.5);
  });

  it('quantiles interpolate between sorted values', () => {
    expect(quantile([0, 10], 0.05)).toBeCloseTo(0.5, 12);
    expect(quantile([3], 0.95)).toBe(3);
    expect(quantile([], 0.5)).toBeNull();
  });
});
