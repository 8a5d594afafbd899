import type { LeverageTier } from './model-options';

/** Tiers grouped by half-life: tiers that decay alike share one mass vector per side. */
export interface DecayGroups {
  /** Group index of each tier. */
  readonly groupOfTier: Int32Array;
  /** Half-life of each group in ms. */
  readonly halfLifeMs: Float64Array;
}

export function decayGroups(tiers: readonly LeverageTier[]): DecayGroups {
  const halfLives: number[] = [];
  const groupOfTier = new Int32Array(tiers.length);
  tiers.forEach((tier, t) => {
    let g = halfLives.indexOf(tier.halfLifeHours);
    if (g < 0) g = halfLives.push(tier.halfLifeHours) - 1;
    groupOfTier[t] = g;
  });
  return { groupOfTier, halfLifeMs: Float64Array.from(halfLives, (h) => h * 3_600_000) };
}

/** Per-group decay factors over `dtMs`: `0.5 ^ (dt / halfLife)`. */
export function decayFactors(groups: DecayGroups, dtMs: number, out: Float64Array): Float64Array {
  for (let g = 0; g < out.length; g++) out[g] = Math.pow(0.5, dtMs / groups.halfLifeMs[g]);
  return out;
}
