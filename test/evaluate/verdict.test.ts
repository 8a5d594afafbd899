import { describe, expect, it } from 'vitest';
import type { GroupSummary } from '../../src/evaluate/evaluation-summary';
import { verdict } from '../../src/evaluate/format-evaluation';

/** A pooled group whose heatmap minus prior (USD) is `value` with the interval [low, high]. */
function group(value: number, low: number, high: number): GroupSummary {
  const est = (v: number) => ({ value: v, low: v, high: v });
  return {
    usd: { heatmapLift: est(1 + value), priorLift: est(1), liftOverPrior: { value, low, high } },
    count: { heatmapLift: est(0.8), priorLift: est(0.6) },
  } as unknown as GroupSummary;
}

describe('the closing sentence of evaluate', () => {
  it('says the heatmap beats the prior only when the difference is clear of zero', () => {
    expect(verdict(group(0.5, 0.1, 0.9))).toMatch(/^Pooled by USD the heatmap beats the near-price prior .*, clear of zero\)/);
  });

  it('says a positive difference whose interval includes zero is not shown to beat the prior', () => {
    expect(verdict(group(0.36, -0.37, 1.2))).toMatch(/^Pooled by USD the heatmap scores above the near-price prior .*which includes zero: not shown to beat it\)/);
  });

  it('says a negative difference clear of zero loses, and one that includes zero is not shown to lose', () => {
    expect(verdict(group(-0.5, -0.9, -0.1))).toMatch(/heatmap loses to the near-price prior .*clear of zero/);
    expect(verdict(group(-0.14, -0.66, 0.39))).toMatch(/heatmap scores below the near-price prior .*not shown to lose to it/);
  });
});
