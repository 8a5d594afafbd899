import { describe, expect, it } from 'vitest';
import { modelIntervalFor } from '../../src/klines/model-interval';

describe('model interval for a chart interval', () => {
  it('is 15m for every chart from 15m to 1d, so they show the same levels at a moment', () => {
    for (const chart of ['15m', '30m', '1h', '2h', '4h', '6h', '8h', '12h', '1d'] as const) expect(modelIntervalFor(chart)).toBe('15m');
  });

  it("is the chart's own for finer charts and for 3d, 1w and 1M", () => {
    for (const chart of ['1m', '3m', '5m', '3d', '1w', '1M'] as const) expect(modelIntervalFor(chart)).toBe(chart);
  });
});
