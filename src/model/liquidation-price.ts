import type { Side } from './side';

/** One maintenance-margin bracket of a Binance USDⓈ-M symbol. */
export interface MarginBracket {
  /** Lower bound of position notional (USD) for this bracket. */
  notionalFloor: number;
  /** Maintenance margin rate, e.g. 0.004 for 0.40 %. */
  mmr: number;
  /** Maintenance amount ("cum") in USD. */
  maintenanceAmount: number;
}

/** Inputs of {@link liquidationPrice}. */
export interface LiquidationPriceInput {
  entry: number;
  leverage: number;
  side: Side;
  /** Maintenance margin rate (tier 1 of the symbol unless `notional` and `brackets` pick another). */
  mmr: number;
  /** Maintenance amount in USD (0 for tier 1). */
  maintenanceAmount?: number;
  /** Position notional in USD; needed only with a non-zero maintenance amount or with `brackets`. */
  notional?: number;
  /** Brackets to pick `mmr` and `maintenanceAmount` from by `notional`. */
  brackets?: readonly MarginBracket[];
}

/**
 * Liquidation price of an isolated-margin position in one-way mode, wallet balance = notional / leverage:
 * long `EP * (1 - 1/L - cum/N) / (1 - MMR)`, short `EP * (1 + 1/L + cum/N) / (1 + MMR)`.
 * With tier-1 brackets (cum 0) this is `EP * (1 - 1/L) / (1 - MMR)` for longs.
 */
export function liquidationPrice(input: LiquidationPriceInput): number {
  const { entry, leverage, side } = input;
  let mmr = input.mmr;
  let cum = input.maintenanceAmount ?? 0;
  const notional = input.notional;
  if (input.brackets && input.brackets.length > 0 && notional !== undefined) {
    const bracket = bracketFor(notional, input.brackets);
    mmr = bracket.mmr;
    cum = bracket.maintenanceAmount;
  }
  const cumShare = cum !== 0 && notional !== undefined && notional > 0 ? cum / notional : 0;
  return side === 'long'
    ? (entry * (1 - 1 / leverage - cumShare)) / (1 - mmr)
    : (entry * (1 + 1 / leverage + cumShare)) / (1 + mmr);
}

/** `liquidationPrice / entry` for a tier-1 position: the model maps whole entry ranges through it. */
export function liquidationFactor(leverage: number, side: Side, mmr: number): number {
  return side === 'long' ? (1 - 1 / leverage) / (1 - mmr) : (1 + 1 / leverage) / (1 + mmr);
}

/** The bracket whose notional floor is the highest one not above `notional`. */
export function bracketFor(notional: number, brackets: readonly MarginBracket[]): MarginBracket {
  let chosen = brackets[0];
  for (const bracket of brackets) {
    if (bracket.notionalFloor <= notional && bracket.notionalFloor >= chosen.notionalFloor) chosen = bracket;
  }
  return chosen;
}

/** Tier-1 maintenance margin rates of common symbols; 0.5 % for others. */
export function defaultMmr(symbol?: string): number {
  switch ((symbol ?? '').toUpperCase()) {
    case 'BTCUSDT':
      return 0.004;
    case 'ETHUSDT':
      return 0.005;
    default:
      return 0.005;
  }
}
