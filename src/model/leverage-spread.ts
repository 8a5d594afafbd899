import type { LeverageTier } from './model-options';

/**
 * Tiers as the engine applies them: each tier stands for the leverages between it and its neighbours
 * (geometric midpoints; beyond the lowest and the highest, the nearest neighbour's ratio mirrored, never
 * below `√L`), spread over `count` leverages evenly spaced in log leverage, each with `1/count` of the
 * tier's weight and the tier's half-life. Traders pick any leverage and cross margin moves liquidation
 * prices further, so seven exact leverages would put liquidations in seven narrow bands with empty rows
 * between them. `count` 1 returns the tiers unchanged.
 */
export function spreadTiers(tiers: readonly LeverageTier[], count: number): LeverageTier[] {
  if (count <= 1 || tiers.length < 2) return [...tiers];
  const sorted = [...tiers].map((t) => t.leverage).sort((a, b) => a - b);
  const out: LeverageTier[] = [];
  for (const tier of tiers) {
    const [low, high] = cell(sorted, tier.leverage);
    const lnLow = Math.log(low);
    const lnSpan = Math.log(high) - lnLow;
    for (let j = 0; j < count; j++) {
      out.push({ leverage: Math.exp(lnLow + ((j + 0.5) / count) * lnSpan), weight: tier.weight / count, halfLifeHours: tier.halfLifeHours });
    }
  }
  return out;
}

/** The leverages a tier at `leverage` stands for, given every tier's leverage sorted ascending. */
function cell(sorted: readonly number[], leverage: number): [number, number] {
  const i = sorted.indexOf(leverage);
  const below = sorted.slice(0, i).reverse().find((l) => l < leverage);
  const above = sorted.slice(i + 1).find((l) => l > leverage);
  if (below === undefined && above === undefined) return [leverage, leverage];
  const upRatio = above !== undefined ? Math.sqrt(above / leverage) : Math.sqrt(leverage / (below as number));
  const downRatio = below !== undefined ? Math.sqrt(leverage / below) : upRatio;
  return [Math.max(Math.sqrt(leverage), leverage / downRatio), leverage * upRatio];
}
