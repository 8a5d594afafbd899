import type { ZoneBase } from './levels-options';
import { massShareBounds } from './mass-share-zone';

/** A cluster of adjacent rows around one density peak. */
export interface Zone {
  /** Row of the peak. */
  peakRow: number;
  /** Sub-row offset of the interpolated peak, in [-0.5, 0.5]. */
  peakOffset: number;
  /** First and last row of the zone (inclusive). */
  lo: number;
  hi: number;
  /** Density at the peak row and summed over the zone. */
  peak: number;
  sum: number;
  /** First and last row of the cluster the zone is the core of (inclusive): its basin, or the zone itself under the floor rule. */
  clusterLo: number;
  clusterHi: number;
}

/**
 * Clusters of `density` within rows `[from, to)`: each local maximum at or above `minPeak` grows into
 * a zone while density stays at or above `floor * peak` and keeps falling away from the peak (a valley
 * ends a zone). Stronger peaks claim rows first. Zones are returned strongest first. With `massShare` above
 * 0 a zone is instead the rows around its peak that hold that share of the peak's basin
 * ({@link massShareBounds}, measured above `base`), and the whole basin is claimed.
 */
export function findZones(density: ArrayLike<number>, from: number, to: number, minPeak: number, floor: number, massShare = 0, base: ZoneBase = 'zero'): Zone[] {
  const peaks: number[] = [];
  for (let r = from; r < to; r++) {
    const v = density[r];
    if (!(v > 0) || v < minPeak) continue;
    if (r > from && density[r - 1] > v) continue;
    if (r < to - 1 && density[r + 1] >= v) continue;
    peaks.push(r);
  }
  peaks.sort((a, b) => density[b] - density[a] || a - b);
  const taken = new Uint8Array(Math.max(0, to - from));
  const zones: Zone[] = [];
  for (const r of peaks) {
    if (taken[r - from]) continue;
    const peak = density[r];
    if (massShare > 0) {
      const b = massShareBounds(density, from, to, r, taken, massShare, base);
      taken.fill(1, b.basinLo - from, b.basinHi + 1 - from);
      let sum = 0;
      for (let k = b.lo; k <= b.hi; k++) sum += density[k];
      zones.push({ peakRow: r, peakOffset: peakOffset(density, r, from, to), lo: b.lo, hi: b.hi, peak, sum, clusterLo: b.basinLo, clusterHi: b.basinHi });
      continue;
    }
    const limit = peak * floor;
    let lo = r;
    let hi = r;
    while (lo - 1 >= from && !taken[lo - 1 - from] && density[lo - 1] >= limit && density[lo - 1] <= density[lo] && density[lo - 1] > 0) lo--;
    while (hi + 1 < to && !taken[hi + 1 - from] && density[hi + 1] >= limit && density[hi + 1] <= density[hi] && density[hi + 1] > 0) hi++;
    let sum = 0;
    for (let k = lo; k <= hi; k++) {
      taken[k - from] = 1;
      sum += density[k];
    }
    zones.push({ peakRow: r, peakOffset: peakOffset(density, r, from, to), lo, hi, peak, sum, clusterLo: lo, clusterHi: hi });
  }
  return zones;
}

/** Vertex of the parabola through the peak and its neighbours, clamped to the peak row. */
function peakOffset(density: ArrayLike<number>, r: number, from: number, to: number): number {
  if (r <= from || r >= to - 1) return 0;
  const left = density[r - 1];
  const mid = density[r];
  const right = density[r + 1];
  const curvature = left - 2 * mid + right;
  if (!(curvature < 0)) return 0;
  return Math.max(-0.5, Math.min(0.5, (0.5 * (left - right)) / curvature));
}
