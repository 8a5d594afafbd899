/** One open-interest history point (Binance `/futures/data/openInterestHist`). */
export interface OpenInterestPoint {
  /** Epoch ms. */
  timestamp: number;
  /** Open interest in contracts (base asset). */
  sumOpenInterest?: number;
  /** Open interest value in USD. */
  sumOpenInterestValue: number;
}

/**
 * Open-interest value at each bar's close: the latest point at or before `openTime + interval`, NaN
 * where no point is that early. `points` must be sorted by timestamp (they are sorted here if not).
 */
export function alignOpenInterest(
  openTimes: ArrayLike<number>,
  count: number,
  intervalMs: number,
  points: readonly OpenInterestPoint[],
  out: Float64Array,
): Float64Array {
  const sorted = isSorted(points) ? points : [...points].sort((a, b) => a.timestamp - b.timestamp);
  let j = -1;
  for (let i = 0; i < count; i++) {
    const close = openTimes[i] + intervalMs;
    while (j + 1 < sorted.length && sorted[j + 1].timestamp <= close) j++;
    out[i] = j >= 0 ? sorted[j].sumOpenInterestValue : NaN;
  }
  return out;
}

function isSorted(points: readonly OpenInterestPoint[]): boolean {
  for (let i = 1; i < points.length; i++) if (points[i].timestamp < points[i - 1].timestamp) return false;
  return true;
}

/** Validates open-interest points; throws a `RangeError` naming the bad row and field. */
export function validateOpenInterest(points: readonly OpenInterestPoint[], source = 'open interest'): void {
  points.forEach((p, i) => {
    if (typeof p.timestamp !== 'number' || !Number.isFinite(p.timestamp))
      throw new RangeError(`${source}, row ${i + 1}, field timestamp: not a finite number`);
    if (typeof p.sumOpenInterestValue !== 'number' || !(p.sumOpenInterestValue >= 0))
      throw new RangeError(`${source}, row ${i + 1}, field sumOpenInterestValue: not a number >= 0`);
  });
}
