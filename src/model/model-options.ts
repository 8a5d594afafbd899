import { checkKnownOptions } from '../options/known-options';

/** A leverage tier: positions opened at this leverage. */
export interface LeverageTier {
  /** Leverage, e.g. 10 for 10x. */
  leverage: number;
  /** Share of new leveraged notional opened at this tier (weights are normalised to sum 1). */
  weight: number;
  /** Half-life of open positions at this tier, in hours (high leverage lives shorter). */
  halfLifeHours: number;
}

/** How a bar clears liquidation mass it traded through. */
export type SweepRule = 'full' | 'body' | 'wick-partial' | 'wick-taper' | 'mark';

/** Whether a bar's own price path liquidates positions it opened ({@link ModelOptions.intrabarSweep}). */
export type IntrabarSweep = 'off' | 'path';

/** How new positions are split between longs and shorts. */
export type SideSplit = 'bar' | 'even';

/** Options of the headless model. Every field has a documented default ({@link DEFAULT_MODEL_OPTIONS}). */
export interface ModelOptions {
  /** Leverage tiers. Default 2x..100x, most mass at 10x-25x. */
  tiers: readonly LeverageTier[];
  /** Tier-1 maintenance margin rate. Default 0.004 (BTCUSDT). */
  mmr: number;
  /**
   * Row height as a percentage of price, the same at every price and for any history length (rows are
   * log-spaced and anchored to fixed prices). Default 0.1: finer than a 100x position's distance to
   * its liquidation price (0.6 %).
   */
  resolutionPct: number;
  /**
   * Most price rows of the grid (a bound on memory). Default 4000: a 55x price range, margins included, at
   * 0.1 %; only a wider range gets rows a whole multiple of `resolutionPct` tall. At least 10, at most 4000.
   */
  rows: number;
  /** Exchange tick size; rows are never finer than one tick. Default 0 (unknown). */
  tickSize: number;
  /**
   * Grid margin beyond the traded range on each side, as a percentage of price. Default 10 (10x levels
   * of the range's extremes are drawn; 2x-5x levels further out are kept in the totals, not drawn).
   */
  marginPct: number;
  /** Share of a bar's turnover taken to open new leveraged positions. Default 0.1. */
  turnoverShare: number;
  /**
   * Sweep rule for kline input. Binance liquidates on the mark price, smoother than the last-price wicks in
   * klines: `body` (default) clears only the range of the bar's body, as if the wicks never reached the
   * mark price; `wick-taper` clears the body's range fully and a wick by a share that falls linearly
   * from all at the body's edge to none at the wick's tip; `wick-partial` clears a wick by a fixed share
   * (`wickClear`); `full` clears the whole high-low range. `mark` is used when mark-price klines are
   * supplied. Leave-one-day-out cross-validation over every candidate chose `body` on 8 of 8 days once
   * orders recorded without their fill are scored at an estimated fill rather than at their limit price
   * (docs/model.md section 15; `wick-taper` was chosen on the limit-price reading).
   */
  sweep: Exclude<SweepRule, 'mark'>;
  /** Fraction of mass cleared inside a wick under `wick-partial`. Default 0.5. */
  wickClear: number;
  /**
   * Share of the positions a sweep reaches that it liquidates (every rule, the mark sweep and
   * `intrabarSweep` included); the rest survive, as traders add margin or close before liquidation.
   * Default 1 (all). In (0, 1].
   */
  sweepShare: number;
  /**
   * `off` (default): a bar's new positions are added after its sweep, untouched by it. `path`: a bar also
   * liquidates positions it opened itself that its own path then reached (open → low → high → close for a
   * green bar, open → high → low → close for a red one; entries in proportion to the distance travelled).
   * Leave-one-day-out cross-validation chose `path` on every day with the earlier position model, and `off`
   * on 7 of 8 days with the leverage spread, forward flow and even split (docs/model.md section 9).
   */
  intrabarSweep: IntrabarSweep;
  /**
   * Rows at the far edges of a tier whose mass is below this fraction of the side's peak row are dropped
   * (invisible at any colour depth; bounds the work per bar). The peak is the one of the last checkpoint
   * bar's column (one bar every 64 intervals, by open time), so the state never depends on which columns
   * were read. Default 1e-5.
   */
  pruneRatio: number;
  /**
   * How many of the latest columns stay readable (`columnAt`, `firstSeen` walks back at most this far).
   * Older columns are dropped, which bounds memory on long files without changing any value computed.
   * Default Infinity (all); the CLI keeps 4096.
   */
  keepColumns: number;
  /**
   * Hours of expected new positions added to each column: the recent turnover rate × this horizon ×
   * `turnoverShare`, half long, half short, entered around the close with the spread of the recent
   * volatility over the horizon, through every tier. A column then shows where liquidations can happen
   * in the next hours, not only where past positions still sit; the state (and so the next column) is
   * unchanged. Default 2 (the horizon the evaluation scores; 0 turns it off). At most 168.
   */
  forwardFlowHours: number;
  /**
   * Leverages each tier is spread over: a tier stands for the leverages between it and its neighbours
   * (geometric midpoints), taken at this many points evenly spaced in log leverage, so liquidation
   * prices form a continuum instead of one narrow band per tier. 1 applies the tiers' exact leverages.
   * Default 5. An integer from 1 to 9.
   */
  leverageSpread: number;
  /**
   * Long/short split of new positions. `even` (default): half each, as every contract opened has a long
   * and a short holder. `bar`: the taker-buy share of volume when the klines have taker volumes, else
   * 0.5 ± 0.25 × (close − open)/(high − low).
   */
  sideSplit: SideSplit;
}

/**
 * Default leverage tiers: more mass at 10x-25x than at the extremes; shorter life at high leverage. The
 * longest half-life is 7 days so the warm-up (older bars weigh under 1 % of the live mass) is 33 days:
 * about 7 pages of 5m klines. Longer half-lives (30 d at 2x) needed 135 days and scored no better on the
 * evaluation corpus (docs/model.md).
 */
export const DEFAULT_TIERS: readonly LeverageTier[] = Object.freeze([
  { leverage: 2, weight: 0.04, halfLifeHours: 24 * 7 },
  { leverage: 3, weight: 0.06, halfLifeHours: 24 * 6 },
  { leverage: 5, weight: 0.12, halfLifeHours: 24 * 5 },
  { leverage: 10, weight: 0.26, halfLifeHours: 24 * 4 },
  { leverage: 25, weight: 0.26, halfLifeHours: 24 * 2 },
  { leverage: 50, weight: 0.16, halfLifeHours: 24 },
  { leverage: 100, weight: 0.1, halfLifeHours: 12 },
]);

/** The defaults every option is merged over. */
export const DEFAULT_MODEL_OPTIONS: Readonly<ModelOptions> = Object.freeze({
  tiers: DEFAULT_TIERS,
  mmr: 0.004,
  resolutionPct: 0.1,
  rows: 4000,
  tickSize: 0,
  marginPct: 10,
  turnoverShare: 0.1,
  sweep: 'body',
  wickClear: 0.5,
  sweepShare: 1,
  intrabarSweep: 'off',
  pruneRatio: 1e-5,
  keepColumns: Infinity,
  forwardFlowHours: 2,
  leverageSpread: 5,
  sideSplit: 'even',
});

/**
 * Merges `partial` over the defaults and validates it; throws a `RangeError` naming the bad option, or an
 * option that is not one of {@link ModelOptions}:
 * `model options: unknown option 'mmrr' (did you mean 'mmr'?)`. `undefined` values mean the default.
 */
export function mergeModelOptions(partial: Partial<ModelOptions> = {}): ModelOptions {
  checkKnownOptions(partial, MODEL_OPTION_NAMES, 'model options');
  const merged: ModelOptions = { ...DEFAULT_MODEL_OPTIONS };
  for (const key of Object.keys(partial) as (keyof ModelOptions)[]) {
    const value = partial[key];
    if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
  }
  validateModelOptions(merged);
  return merged;
}

const MODEL_OPTION_NAMES: readonly string[] = Object.keys(DEFAULT_MODEL_OPTIONS);

function validateModelOptions(o: ModelOptions): void {
  if (!Array.isArray(o.tiers) || o.tiers.length === 0) throw new RangeError('model option tiers: at least one tier');
  o.tiers.forEach((tier, i) => {
    if (!(tier.leverage > 1)) throw new RangeError(`model option tiers[${i}].leverage: must be > 1, got ${tier.leverage}`);
    if (!(tier.weight >= 0) || !Number.isFinite(tier.weight))
      throw new RangeError(`model option tiers[${i}].weight: must be a finite number >= 0, got ${tier.weight}`);
    if (!(tier.halfLifeHours > 0)) throw new RangeError(`model option tiers[${i}].halfLifeHours: must be > 0, got ${tier.halfLifeHours}`);
  });
  if (!(o.tiers.reduce((sum, tier) => sum + tier.weight, 0) > 0)) throw new RangeError('model option tiers: weights sum to 0');
  checkRange('mmr', o.mmr, 0, 0.5);
  checkRange('rows', o.rows, 10, 4000);
  if (!Number.isInteger(o.rows)) throw new RangeError(`model option rows: must be an integer, got ${o.rows}`);
  checkRange('tickSize', o.tickSize, 0, Number.MAX_VALUE);
  checkRange('resolutionPct', o.resolutionPct, 0.01, 10);
  checkRange('marginPct', o.marginPct, 0, 90);
  checkRange('turnoverShare', o.turnoverShare, 0, 1);
  checkRange('wickClear', o.wickClear, 0, 1);
  if (typeof o.sweepShare !== 'number' || !(o.sweepShare > 0 && o.sweepShare <= 1))
    throw new RangeError(`model option sweepShare: must be a number in (0, 1], got ${String(o.sweepShare)}`);
  checkRange('pruneRatio', o.pruneRatio, 0, 1);
  checkRange('forwardFlowHours', o.forwardFlowHours, 0, 168);
  checkRange('leverageSpread', o.leverageSpread, 1, 9);
  if (!Number.isInteger(o.leverageSpread)) throw new RangeError(`model option leverageSpread: must be an integer, got ${o.leverageSpread}`);
  if (!(o.keepColumns === Infinity || (Number.isInteger(o.keepColumns) && o.keepColumns >= 2)))
    throw new RangeError(`model option keepColumns: must be an integer >= 2 or Infinity, got ${String(o.keepColumns)}`);
  if (!['full', 'body', 'wick-partial', 'wick-taper'].includes(o.sweep))
    throw new RangeError(`model option sweep: one of full, body, wick-partial, wick-taper; got ${String(o.sweep)}`);
  if (!['off', 'path'].includes(o.intrabarSweep))
    throw new RangeError(`model option intrabarSweep: off or path; got ${String(o.intrabarSweep)}`);
  if (!['bar', 'even'].includes(o.sideSplit)) throw new RangeError(`model option sideSplit: one of bar, even; got ${String(o.sideSplit)}`);
}

function checkRange(name: string, value: number, min: number, max: number): void {
  if (typeof value !== 'number' || !(value >= min && value <= max))
    throw new RangeError(`model option ${name}: must be a number in [${min}, ${max}], got ${String(value)}`);
}
