import { seededRandom } from '../klines/synthetic-klines';

/** How bootstrap intervals are drawn. */
export interface BootstrapOptions {
  /** Number of resamples. Default 2000. */
  resamples: number;
  /** Seed of the resampling (same seed, same intervals). Default 13. */
  seed: number;
  /** Central share the interval covers. Default 0.9. */
  confidence: number;
}

export const DEFAULT_BOOTSTRAP: Readonly<BootstrapOptions> = Object.freeze({ resamples: 2000, seed: 13, confidence: 0.9 });

/** A value with its bootstrap interval; the bounds are null when no resample defines the value. */
export interface Estimate {
  value: number | null;
  low: number | null;
  high: number | null;
}

/**
 * Percentile bootstrap: draws `items.length` items with replacement `resamples` times (seeded, so the
 * result is deterministic), evaluates `statistics` (several values at once) on each draw and returns each
 * value on the items themselves with the central `confidence` interval of its resampled values (null
 * draws left out).
 */
export function bootstrap<T>(items: readonly T[], statistics: (sample: readonly T[]) => readonly (number | null)[], options: Partial<BootstrapOptions> = {}): Estimate[] {
  const o = { ...DEFAULT_BOOTSTRAP, ...options };
  const values = statistics(items);
  const draws: number[][] = values.map(() => []);
  if (items.length > 0) {
    const random = seededRandom(o.seed);
    const sample: T[] = new Array<T>(items.length);
    for (let b = 0; b < o.resamples; b++) {
      for (let i = 0; i < items.length; i++) sample[i] = items[Math.floor(random() * items.length)];
      statistics(sample).forEach((v, k) => {
        if (v !== null && Number.isFinite(v)) draws[k].push(v);
      });
    }
  }
  const tail = (1 - o.confidence) / 2;
  return values.map((value, k) => {
    const sorted = draws[k].sort((a, b) => a - b);
    return { value, low: quantile(sorted, tail), high: quantile(sorted, 1 - tail) };
  });
}

/** Linear-interpolated quantile of sorted values, or null when there are none. */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * q;
  const i = Math.floor(h);
  return i + 1 < sorted.length ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
}
