import { describeChartTime, describeKlineTime } from './chart-time';
import type { PlacementProblem } from './column-time-map';

/** The first and last time of the series' bars (null when it has none), for a message. */
export interface BarTimes {
  count: number;
  first: unknown;
  last: unknown;
}

/** The console message for a {@link PlacementProblem}, with counts and an example time from each side. */
export function placementWarning(problem: PlacementProblem, bars: BarTimes): string {
  const prefix = 'liquidation heatmap: nothing drawn: ';
  if (problem.kind === 'finer-than-bars') {
    return (
      `${prefix}the klines are finer than the chart's bars: ${problem.between} of ${problem.klines} klines fall between two adjacent bars ` +
      `(e.g. the kline opening at ${describeKlineTime(problem.exampleKline)}), ${problem.matched} on a bar; ` +
      `${bars.count} bars from ${describeChartTime(bars.first)}. Feed klines of the candles' interval (finer klines are grouped only under bars of up to a day that are a whole number of them).`
    );
  }
  const seconds = typeof bars.first === 'number' ? bars.first : NaN;
  const looksMs = seconds > 1e11 ? ' The chart\'s times look like milliseconds: lightweight-charts takes UTC seconds.' : '';
  return (
    `${prefix}no kline opens at a bar's time: ${problem.klines} klines from ${describeKlineTime(problem.exampleKline)}, ` +
    `${bars.count} bars from ${describeChartTime(bars.first)} to ${describeChartTime(bars.last)}. ` +
    `Each bar's time must be its kline's open time in UTC seconds.${looksMs}`
  );
}
