import type { IChartApiBase, ISeriesApi, SeriesType, Time } from 'lightweight-charts';
import { describe, expect, it, vi } from 'vitest';
import { barSpacing } from '../../plugin/bar-spacing';

const HOUR_S = 3600;

/** A series of bars at `times` (seconds) and its time scale, as lightweight-charts answers for them. */
function chartOf(times: number[]) {
  const data = vi.fn(() => times.map((time) => ({ time })));
  const dataByIndex = vi.fn((index: number) => (times.length && index >= 0 ? { time: times[Math.min(index, times.length - 1)] } : null));
  const series = { data, dataByIndex } as unknown as ISeriesApi<SeriesType, Time>;
  const timeScale = { timeToIndex: (time: number) => (times.includes(time) ? times.indexOf(time) : null) } as unknown as ReturnType<IChartApiBase<Time>['timeScale']>;
  return { series, timeScale, data, dataByIndex };
}

describe('bar spacing', () => {
  it('is the most common spacing of the latest bars, in ms', () => {
    const times = Array.from({ length: 600 }, (_, i) => i * HOUR_S + (i > 590 ? 7 * HOUR_S : 0));
    const { series, timeScale } = chartOf(times);
    expect(barSpacing(series, timeScale)).toBe(HOUR_S * 1000);
  });

  it('reads a bounded sample of the latest bars, never a copy of every bar', () => {
    const { series, timeScale, data, dataByIndex } = chartOf(Array.from({ length: 20_000 }, (_, i) => i * HOUR_S));
    barSpacing(series, timeScale);
    expect(data).not.toHaveBeenCalled();
    expect(dataByIndex.mock.calls.length).toBeLessThan(300);
  });

  it('is 0 for a series without bars', () => {
    const { series, timeScale } = chartOf([]);
    expect(barSpacing(series, timeScale)).toBe(0);
  });
});
