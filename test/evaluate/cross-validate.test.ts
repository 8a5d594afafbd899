import { describe, expect, it } from 'vitest';
import { crossValidateDays } from '../../src/evaluate/cross-validate';
import type { WindowScore } from '../../src/evaluate/window-score';
import { sideScore, windowScore } from './hand-built-scores';

const DAYS = ['2025-01-01', '2025-01-02', '2025-01-03'];
const SETTINGS = [{ 'model.sweep': 'full' }, { 'model.sweep': 'body' }];

/** One window per day, one side of $100; `lifts[d]` is its heatmap lift (capture = lift / 5). */
function scored(lifts: number[]): WindowScore[] {
  return DAYS.map((day, d) => windowScore(day, [sideScore({ heat: [lifts[d] / 5, lifts[d] / 5], prior: [0.2, 0.2] })]));
}

describe('leave-one-day-out cross-validation', () => {
  // Setting 0 is excellent on day 1 only; setting 1 is modest on days 2 and 3.
  const cv = crossValidateDays(SETTINGS, [scored([5, 0, 0]), scored([0, 1, 1])]);

  it('chooses for each day the setting that did best on the other days', () => {
    expect(cv.folds.map((f) => [f.day, f.chosen])).toEqual([
      ['2025-01-01', 1],
      ['2025-01-02', 0],
      ['2025-01-03', 0],
    ]);
  });

  it('reports the held-out scores of the chosen settings, not the best in-sample score', () => {
    expect(cv.folds.map((f) => f.heatmapLift)).toEqual([0, 0, 0]);
    expect(cv.summary.pooled.usd.heatmapLift.value).toBe(0);
    expect(cv.summary.pooled.usd.priorLift.value).toBeCloseTo(1, 12);
    expect(cv.heldOut).toHaveLength(3);
  });

  it('never lets a day choose its own setting: changing only that day changes no choice for it', () => {
    for (const [d, day] of DAYS.entries()) {
      const boosted = (lifts: number[], k: number) => lifts.map((l, i) => (i === d ? (k === 0 ? 0 : 5) : l));
      const changed = crossValidateDays(SETTINGS, [scored(boosted([5, 0, 0], 0)), scored(boosted([0, 1, 1], 1))]);
      expect(changed.folds.find((f) => f.day === day)?.chosen).toBe(cv.folds.find((f) => f.day === day)?.chosen);
    }
  });

  it('breaks a tie in heatmap lift by zone lift on the other days', () => {
    const zones = (zone: number) => DAYS.map((day) => windowScore(day, [sideScore({ heat: [0.2, 0.2], coverage: 0.5, zone: [zone, zone] })]));
    const tie = crossValidateDays([{ 'levels.zoneFloor': 0.8 }, { 'levels.zoneFloor': 0.6 }], [zones(0.3), zones(0.6)]);
    expect(tie.folds.every((f) => f.chosen === 1)).toBe(true);
  });

  it('needs scored windows on two days at least', () => {
    const one = [windowScore('2025-01-01', [sideScore({ heat: [0.2, 0.2] })])];
    expect(() => crossValidateDays(SETTINGS, [one, one])).toThrow(/at least 2 UTC days/);
  });
});
