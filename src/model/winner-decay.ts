import type { DecayGroups } from './decay-groups';
import { liquidationFactor } from './liquidation-price';
import type { LeverageTier } from './model-options';
import type { SideBook } from './side-book';

/**
 * The extra decay of positions in profit (model option `winnerHalfLifeHours`): traders take
 * profits and hold losers. A long whose entry is below the close is in profit, and its liquidation price
 * then lies below `close × factor(L)`; a short's mirrors it above. Each decay group is taken at one
 * leverage, its tiers' weighted geometric mean (the tier's own leverage when a group is one tier, whatever
 * its spread), so the winners of a group are the rows beyond one edge per side.
 */
export class WinnerDecay {
  /** Per group, ln of the long and short liquidation factor at the group's leverage. */
  private readonly longShift: Float64Array;
  private readonly shortShift: Float64Array;
  private readonly halfLifeMs: number;

  /**
   * @param tiers - The tiers as configured (before the leverage spread).
   * @param groups - Decay groups of the spread tiers: half-lives are the same as the configured tiers'.
   */
  constructor(tiers: readonly LeverageTier[], groups: DecayGroups, mmr: number, halfLifeHours: number) {
    const count = groups.halfLifeMs.length;
    const weighted = new Float64Array(count);
    const weights = new Float64Array(count);
    const plain = new Float64Array(count);
    const members = new Float64Array(count);
    for (const tier of tiers) {
      const g = groups.halfLifeMs.indexOf(tier.halfLifeHours * 3_600_000);
      const ln = Math.log(tier.leverage);
      weighted[g] += tier.weight * ln;
      weights[g] += tier.weight;
      plain[g] += ln;
      members[g]++;
    }
    this.longShift = new Float64Array(count);
    this.shortShift = new Float64Array(count);
    for (let g = 0; g < count; g++) {
      // A group of zero-weight tiers holds no mass; its plain mean only keeps the edge finite.
      const leverage = Math.exp(weights[g] > 0 ? weighted[g] / weights[g] : plain[g] / members[g]);
      this.longShift[g] = Math.log(liquidationFactor(leverage, 'long', mmr));
      this.shortShift[g] = Math.log(liquidationFactor(leverage, 'short', mmr));
    }
    this.halfLifeMs = halfLifeHours * 3_600_000;
  }

  /** Decays the winners at `close` for `dtMs` of elapsed time. */
  apply(long: SideBook, short: SideBook, close: number, dtMs: number): void {
    if (!(close > 0) || !(dtMs > 0)) return;
    const factor = Math.pow(0.5, dtMs / this.halfLifeMs);
    const lnClose = Math.log(close);
    for (let g = 0; g < this.longShift.length; g++) {
      long.scaleBeyond(g, lnClose + this.longShift[g], factor);
      short.scaleBeyond(g, lnClose + this.shortShift[g], factor);
    }
  }
}
