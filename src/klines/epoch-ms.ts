const SECONDS_BELOW = 1e11;
const MICROSECONDS_ABOVE = 1e14;

/**
 * Normalises an epoch timestamp to whole milliseconds: values below 1e11 are seconds
 * (lightweight-charts' `UTCTimestamp`), values above 1e14 are microseconds (Binance public-data
 * files since 2025), anything between is already milliseconds.
 */
export function toEpochMs(time: number): number {
  if (time < SECONDS_BELOW) return Math.round(time * 1000);
  // Floor, not round: a µs close time ...59_999_999 must stay ...59_999 ms.
  if (time > MICROSECONDS_ABOVE) return Math.floor(time / 1000);
  return time;
}
