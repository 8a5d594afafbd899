import { checkKnownOptions } from '../options/known-options';

/**
 * What mass a zone takes its share of ({@link LevelsOptions.zoneMassShare}, by default 0.4) when zones follow
 * mass ({@link LevelsOptions.zoneBase}): `zero`, the basin's whole mass, down to zero density; `valley`, the
 * mass above the higher of the basin's two valleys (the cluster's excess over the density it stands on).
 */
export type ZoneBase = 'zero' | 'valley';

/** What ranks the levels of a side for the top list ({@link LevelsOptions.rankBy}): the zone's sum or its peak density. */
export type LevelRank = 'size' | 'peak';

/** Options of the levels report; defaults in {@link DEFAULT_LEVELS_OPTIONS}. */
export interface LevelsOptions {
  /** Levels reported on each side. Default 5. */
  top: number;
  /** Strength (0..1) a level needs to count as significant. Default 0.2. */
  minStrength: number;
  /**
   * A level's strength is its peak over the highest density within this many percent of price (either
   * side; capped at 1), so a cluster near price is judged against its neighbourhood rather than against
   * far, old mass. Default Infinity (the whole column).
   */
  strengthWithinPct: number;
  /**
   * With `zoneMassShare` 0: a zone extends from its peak while density stays at or above this share of the
   * peak. Default 0.8 (tight zones).
   */
  zoneFloor: number;
  /**
   * When above 0, a zone is the rows around its peak holding this share of the peak's basin (the rows out
   * to the valleys on each side), grown towards the denser neighbour, instead of the rows at or above
   * `zoneFloor` of the peak: a zone then follows where a cluster's mass is, however flat its top. Default
   * 0.4 of the mass above the basin's higher valley (`zoneBase` `valley`), chosen together with the sweep
   * rule by leave-one-day-out cross-validation over every candidate (docs/model.md section 13; 0.25
   * before, and 0.5 of the whole basin before that); 0 turns it off (`zoneFloor` applies). At most 1.
   */
  zoneMassShare: number;
  /**
   * With `zoneMassShare` above 0: `valley` (default) takes the share of the mass above the higher of the
   * basin's two valleys, so a cluster standing on a broad slope of density gets a zone around its peak
   * rather than down the slope; `zero` takes it of the basin's whole mass (the earlier rule).
   * Leave-one-day-out cross-validation chose `valley` on every fold (docs/model.md sections 11 and 13).
   */
  zoneBase: ZoneBase;
  /**
   * What the top list ranks levels by, before the proximity halving: `size` (default), the zone's sum;
   * `peak`, the density at its peak, i.e. heat per row rather than a wide zone's total (docs/model.md
   * section 11).
   */
  rankBy: LevelRank;
  /** Peaks below this share of the strongest peak are ignored. Default 0.02. */
  minPeak: number;
  /** Window each side of price for the bias read, percent. Default 2. */
  biasWindowPct: number;
  /** Ratio beyond which one side dominates the bias read. Default 1.5. */
  biasRatio: number;
  /** Swept zones from the last this many bars are reported. Default 48. */
  sweptBars: number;
  /**
   * Levels are ranked by size halved for every this many percent of distance from price, so a near
   * cluster can outrank a larger far one (most liquidations in the next hours happen within a few percent).
   * Default 2; Infinity ranks by size alone.
   */
  proximityHalfPct: number;
  /** When set (epoch ms): the report also lists the levels that ended since then (`ended`). Default unset. */
  since?: number;
  /**
   * Track levels from bar to bar for stable ids (default true). Off, each level's id names the bar of the
   * report itself: for bulk scoring over many cut points, where ids are not read and tracking costs a warm-up
   * of columns per model.
   */
  trackIds?: boolean;
}

/**
 * The levels report's defaults, frozen: what every levels call merges its options over and what each
 * option's doc names as its default. `since` and `trackIds` have none here (unset: no ended levels; ids tracked).
 */
export const DEFAULT_LEVELS_OPTIONS: Readonly<LevelsOptions> = Object.freeze({
  top: 5,
  minStrength: 0.2,
  strengthWithinPct: Infinity,
  zoneFloor: 0.8,
  zoneMassShare: 0.4,
  zoneBase: 'valley',
  rankBy: 'size',
  minPeak: 0.02,
  biasWindowPct: 2,
  biasRatio: 1.5,
  sweptBars: 48,
  proximityHalfPct: 2,
});

/** Every option of {@link LevelsOptions}: those with defaults, and the two that are unset by default. */
const LEVELS_OPTION_NAMES: readonly string[] = [...Object.keys(DEFAULT_LEVELS_OPTIONS), 'since', 'trackIds'];

/**
 * Merges `partial` over the defaults; throws a `RangeError` naming a bad option, or an option that is not
 * one of {@link LevelsOptions} (`levels options: unknown option 'topp' (did you mean 'top'?)`). `undefined`
 * values mean the default.
 */
export function mergeLevelsOptions(partial: Partial<LevelsOptions> = {}): LevelsOptions {
  checkKnownOptions(partial, LEVELS_OPTION_NAMES, 'levels options');
  const o: LevelsOptions = { ...DEFAULT_LEVELS_OPTIONS };
  for (const key of Object.keys(partial) as (keyof LevelsOptions)[]) {
    const value = partial[key];
    if (value !== undefined) (o as unknown as Record<string, unknown>)[key] = value;
  }
  const check = (name: keyof LevelsOptions, min: number, max: number, integer = false) => {
    const v = o[name];
    if (typeof v !== 'number' || !(v >= min && v <= max) || (integer && !Number.isInteger(v)))
      throw new RangeError(`levels option ${name}: must be ${integer ? 'an integer' : 'a number'} in [${min}, ${max}], got ${String(v)}`);
  };
  check('top', 1, 100, true);
  check('minStrength', 0, 1);
  check('strengthWithinPct', 0.1, Infinity);
  check('zoneFloor', 0, 1);
  check('zoneMassShare', 0, 1);
  check('minPeak', 0, 1);
  check('biasWindowPct', 0.01, 100);
  check('biasRatio', 1, 1000);
  check('sweptBars', 0, 1e9, true);
  check('proximityHalfPct', 0.01, Infinity);
  if (o.zoneBase !== 'zero' && o.zoneBase !== 'valley') throw new RangeError(`levels option zoneBase: zero or valley, got ${String(o.zoneBase)}`);
  if (o.rankBy !== 'size' && o.rankBy !== 'peak') throw new RangeError(`levels option rankBy: size or peak, got ${String(o.rankBy)}`);
  if (o.trackIds !== undefined && typeof o.trackIds !== 'boolean') throw new RangeError(`levels option trackIds: must be true or false, got ${String(o.trackIds)}`);
  if (o.since !== undefined && !Number.isFinite(o.since)) throw new RangeError(`levels option since: must be a time in epoch ms, got ${String(o.since)}`);
  return o;
}
