import type { SideScore } from './score-side';

/** How orders are weighted when pooling: by USD notional or one each. */
export type Weighting = 'usd' | 'count';

/** The sums behind pooled figures; sums of windows add up, so resampling windows only adds them again. */
export interface ScoreSums {
  /** Total weight: USD notional or number of orders. */
  weight: number;
  heatCaught: number;
  heatChance: number;
  priorCaught: number;
  priorChance: number;
  zoneCaught: number;
  zoneCovered: number;
}

/** Pooled figures of a set of window sides under one weighting; null where undefined (nothing to divide by). */
export interface PooledFigures {
  /** Weighted share caught by the model's hot rows over the weighted share those rows are of the range. */
  heatmapLift: number | null;
  /** The same for the near-price prior's hot rows. */
  priorLift: number | null;
  heatmapCapture: number | null;
  priorCapture: number | null;
  /** Weighted share inside the reported zones over the weighted share of the range they cover. */
  zoneLift: number | null;
  zoneCoverage: number | null;
  zoneCapture: number | null;
}

export const EMPTY_SUMS: Readonly<ScoreSums> = Object.freeze({ weight: 0, heatCaught: 0, heatChance: 0, priorCaught: 0, priorChance: 0, zoneCaught: 0, zoneCovered: 0 });

/** Sums of `sides`, each side weighted by its notional (`usd`) or its number of orders (`count`). */
export function sideSums(sides: readonly SideScore[], weighting: Weighting): ScoreSums {
  const sums = { ...EMPTY_SUMS };
  for (const s of sides) {
    const w = weighting === 'usd' ? s.notional : s.orders;
    sums.weight += w;
    sums.heatCaught += w * s.heatmap.capture[weighting];
    sums.heatChance += s.heatmap.rows > 0 ? (w * s.heatmap.taken) / s.heatmap.rows : 0;
    sums.priorCaught += w * s.prior.capture[weighting];
    sums.priorChance += s.prior.rows > 0 ? (w * s.prior.taken) / s.prior.rows : 0;
    sums.zoneCaught += w * s.zones.capture[weighting];
    sums.zoneCovered += w * s.zones.coverage;
  }
  return sums;
}

/** `a + b`, field by field. */
export function addSums(a: ScoreSums, b: ScoreSums): ScoreSums {
  return {
    weight: a.weight + b.weight,
    heatCaught: a.heatCaught + b.heatCaught,
    heatChance: a.heatChance + b.heatChance,
    priorCaught: a.priorCaught + b.priorCaught,
    priorChance: a.priorChance + b.priorChance,
    zoneCaught: a.zoneCaught + b.zoneCaught,
    zoneCovered: a.zoneCovered + b.zoneCovered,
  };
}

/** The pooled figures of some sums (ratios of sums, so a side with a tiny range or coverage cannot dominate). */
export function pooledFigures(s: ScoreSums): PooledFigures {
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
  return {
    heatmapLift: ratio(s.heatCaught, s.heatChance),
    priorLift: ratio(s.priorCaught, s.priorChance),
    heatmapCapture: ratio(s.heatCaught, s.weight),
    priorCapture: ratio(s.priorCaught, s.weight),
    zoneLift: ratio(s.zoneCaught, s.zoneCovered),
    zoneCoverage: ratio(s.zoneCovered, s.weight),
    zoneCapture: ratio(s.zoneCaught, s.weight),
  };
}
