import type { LeverageTier } from './model-options';

/** Share of the live mass that bars older than the warm-up may still carry. */
export const WARMUP_TOLERANCE = 0.01;

/** Whether a report had enough history before its bar. */
export interface WarmupStatus {
  /** History the model wants before a bar so that older bars weigh under 1 % of the live mass, in ms. */
  needMs: number;
  /** History it had before the bar (from the first bar's open), in ms. */
  haveMs: number;
  /** `haveMs >= needMs`: the report is the same whatever longer history was loaded. */
  complete: boolean;
}

/**
 * The warm-up the tiers need: the shortest time after which positions opened earlier weigh under
 * `tolerance` of the live mass, with steady inflow and only decay (sweeps and falling open interest clear
 * older mass faster, so this is an upper bound). Tier `t` holds mass in proportion to weight × half-life,
 * and its share from before `T` is `2^(-T / half-life)`.
 */
export function warmupMs(tiers: readonly LeverageTier[], tolerance = WARMUP_TOLERANCE): number {
  // Reports ask for it per level (firstSeen's bound) on every tick: the same tiers give the same answer.
  const key = `${tolerance}/${tiers.map((t) => `${t.weight}:${t.halfLifeHours}`).join('|')}`;
  let ms = known.get(key);
  if (ms === undefined) {
    ms = searchWarmupMs(tiers, tolerance);
    if (known.size >= 64) known.clear();
    known.set(key, ms);
  }
  return ms;
}

/** Warm-ups already found, by tolerance and the tiers' weights and half-lives (bounded). */
const known = new Map<string, number>();

function searchWarmupMs(tiers: readonly LeverageTier[], tolerance: number): number {
  const hours = tiers.map((t) => t.halfLifeHours);
  const live = tiers.reduce((sum, t) => sum + t.weight * t.halfLifeHours, 0);
  const olderThan = (h: number) => tiers.reduce((sum, t) => sum + t.weight * t.halfLifeHours * Math.pow(2, -h / t.halfLifeHours), 0);
  let low = 0;
  let high = Math.max(...hours) * Math.log2(1 / tolerance) + 1;
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (olderThan(mid) <= tolerance * live) high = mid;
    else low = mid;
  }
  return Math.ceil(high) * 3_600_000;
}

/**
 * History to load before the first bar a report is wanted for: one warm-up for the model's state, and one
 * more so level ids (tracked from a warm-up before the bar) come out the same for any longer history.
 */
export function historyNeededMs(tiers: readonly LeverageTier[]): number {
  return 2 * warmupMs(tiers);
}
