import { toEpochMs } from './epoch-ms';
import { MONTH_MS } from './interval';
import { modalSpacing } from './modal-spacing';

const DAY = 86_400_000;
const MONTH_MIN = 28 * DAY;
const MONTH_MAX = 31 * DAY;
const AVERAGE_MONTH = 30.436875 * DAY;
// Second-resolution close times (…:59 instead of …:59.999) and `openTime + interval` are not mixed intervals.
const CLOSE_TIME_SLACK = 1000;

/** Intervals from 28 days up are calendar months, whose bars span 28 to 31 days. */
export function isMonthly(intervalMs: number): boolean {
  return intervalMs >= MONTH_MIN;
}

/**
 * The interval of a series: `given` when set, else the most common spacing of open times, else the
 * first bar's `closeTime - openTime + 1`, else 0. Monthly spacings give the nominal {@link MONTH_MS}.
 * @throws RangeError when `given` is not a positive number.
 */
export function seriesInterval(given: number | undefined, openTimes: Float64Array, firstCloseTime: unknown): number {
  if (given !== undefined) {
    if (!(given > 0 && Number.isFinite(given))) {
      throw new RangeError(`intervalMs must be a positive number of ms, got ${given}`);
    }
    return given;
  }
  let interval = modalSpacing(openTimes);
  if (interval === 0 && typeof firstCloseTime === 'number') interval = toEpochMs(firstCloseTime) - openTimes[0] + 1;
  if (!(interval > 0 && Number.isFinite(interval))) return 0;
  return isMonthly(interval) ? MONTH_MS : interval;
}

/** How many bars a positive open-time spacing covers (1 = adjacent, `k > 1` = gap), or undefined when not whole. */
export function barsInSpacing(spacing: number, intervalMs: number): number | undefined {
  if (isMonthly(intervalMs)) {
    const months = Math.round(spacing / AVERAGE_MONTH);
    return months >= 1 && spacing >= months * MONTH_MIN && spacing <= months * MONTH_MAX ? months : undefined;
  }
  const bars = spacing / intervalMs;
  return Number.isInteger(bars) && bars >= 1 ? bars : undefined;
}

/** True when a bar's close time matches the interval (`closeTime - openTime + 1`, within a second). */
export function closeTimeFits(openTime: number, closeTime: number, intervalMs: number): boolean {
  const span = closeTime - openTime + 1;
  if (isMonthly(intervalMs)) return span >= MONTH_MIN - CLOSE_TIME_SLACK && span <= MONTH_MAX + CLOSE_TIME_SLACK;
  return Math.abs(span - intervalMs) <= CLOSE_TIME_SLACK;
}
