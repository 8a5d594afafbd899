import type { LevelsOptions } from '../src/levels/levels-options';
import type { ModelOptions } from '../src/model/model-options';
import { checkKnownOptions } from '../src/options/known-options';
import { validateHeatmapOptions } from './validate-heatmap-options';

/** A colour stop of a custom palette: `at` in [0, 1] along normalised intensity. */
export interface ColorStop {
  at: number;
  /** CSS hex colour, `#rgb` or `#rrggbb`. */
  color: string;
}

/** Built-in palettes, or custom stops. */
export type PaletteOption = 'density' | 'two-sided' | readonly ColorStop[];

/** Which side's density the heatmap shows. */
export type SidesOption = 'both' | 'long' | 'short';

/**
 * Which columns set the colour reference: `'visible'`, every column on screen; `'recent'`, the newest
 * {@link RECENT_COLUMNS} columns of the data, so the live clusters at the right edge reach full
 * intensity and old bands (since swept) cannot outshine them.
 */
export type NormalizeOnOption = 'visible' | 'recent';

/**
 * What a level's label on its line says. `'full'`: price, size and distance (`92850.00 | $41.2M | -1.20%`),
 * with `▲ nearest | ` / `▼ nearest | ` before the nearest level above / below. `'compact'`: price and size,
 * with `▲ ` / `▼ ` before the nearest levels, about half as wide, for narrow charts.
 */
export type LevelLabelsOption = 'full' | 'compact';

/** How many of the newest columns `normalizeOn: 'recent'` takes the colour reference from. */
export const RECENT_COLUMNS = 12;

/** Options of the overlay; every field has a documented default ({@link DEFAULT_HEATMAP_OPTIONS}). */
export interface HeatmapOptions {
  /** Draw the heatmap cells. Default true. */
  heatmapVisible: boolean;
  /** Cells whose normalised intensity (0..1) is below this are transparent. Default 0.05. */
  threshold: number;
  /** Monotone boost of faint cells, 0 (none) to 1 (strong). Default 0. */
  moreHeat: number;
  /** Colour scale. Default `'density'` (purple, blue, green, yellow). */
  palette: PaletteOption;
  /** Opacity of the cells, 0..1. Default 0.85. */
  opacity: number;
  /** Which side's density to draw. Default `'both'`. */
  sides: SidesOption;
  /**
   * Percentile (0..1) of the cells' density that maps to full intensity: of the visible cells with
   * `normalizeOn: 'visible'`, of the newest {@link RECENT_COLUMNS} columns' cells with `'recent'`. Default 0.98.
   */
  normalizePercentile: number;
  /** Columns whose density sets that reference ({@link NormalizeOnOption}). Default `'visible'`. */
  normalizeOn: NormalizeOnOption;
  /** Draw level lines and their labels. Default true. */
  levelsVisible: boolean;
  /** What the labels on the level lines say ({@link LevelLabelsOption}). Default `'full'`. */
  levelLabels: LevelLabelsOption;
  /** Show recently swept levels as dashed, faded lines. Default true. */
  sweptVisible: boolean;
  /** Show coloured price-axis labels at the levels. Default true. */
  axisLabelsVisible: boolean;
  /** Colour of long-liquidation levels (below price). Default `'#26c6da'`. */
  longColor: string;
  /** Colour of short-liquidation levels (above price). Default `'#ff7043'`. */
  shortColor: string;
  /** Include the top levels in the price scale's autoscale. Default false (never squash the candles). */
  autoscaleLevels: boolean;
  /** Model options, merged over the model's defaults. */
  model: Partial<ModelOptions>;
  /** Levels options, merged over the levels' defaults. */
  levels: Partial<LevelsOptions>;
}

/**
 * The overlay's defaults, frozen: what the constructor merges a patch over and what each option's doc names
 * as its default. `model` and `levels` are empty: the model's and levels' own defaults
 * (`DEFAULT_MODEL_OPTIONS`, `DEFAULT_LEVELS_OPTIONS`) apply.
 */
export const DEFAULT_HEATMAP_OPTIONS: Readonly<HeatmapOptions> = Object.freeze({
  heatmapVisible: true,
  threshold: 0.05,
  moreHeat: 0,
  palette: 'density',
  opacity: 0.85,
  sides: 'both',
  normalizePercentile: 0.98,
  normalizeOn: 'visible',
  levelsVisible: true,
  levelLabels: 'full',
  sweptVisible: true,
  axisLabelsVisible: true,
  longColor: '#26c6da',
  shortColor: '#ff7043',
  autoscaleLevels: false,
  model: {},
  levels: {},
});

const HEATMAP_OPTION_NAMES: readonly string[] = Object.keys(DEFAULT_HEATMAP_OPTIONS);

/** Options as `applyOptions` takes them: any subset. */
export type HeatmapOptionsPatch = Partial<HeatmapOptions>;

/**
 * Merges `patch` over `base` (model and levels one level deep) and validates every option; throws a
 * `RangeError` naming `where` (the call, e.g. `applyOptions`) and the option path, also for an option that
 * is not one of {@link HeatmapOptions}:
 * `applyOptions: unknown option 'treshold' (did you mean 'threshold'?)`. `undefined` values mean "keep":
 * the base's value. A patch that is not an object is a `TypeError`; an omitted `patch` is an empty one.
 * `base` is not changed.
 */
export function mergeHeatmapOptions(base: HeatmapOptions, patch: HeatmapOptionsPatch = {}, where = 'heatmap options'): HeatmapOptions {
  checkPatchObject(patch, where);
  checkKnownOptions(patch, HEATMAP_OPTION_NAMES, where);
  const merged: HeatmapOptions = { ...base, model: { ...base.model }, levels: { ...base.levels } };
  for (const key of Object.keys(patch) as (keyof HeatmapOptions)[]) {
    const value = patch[key];
    if (value === undefined) continue;
    if (key === 'model' || key === 'levels') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TypeError(`${where}: ${key} must be an object of ${key} options, got ${String(value)}`);
      Object.assign(merged[key], value);
    } else (merged as unknown as Record<string, unknown>)[key] = value;
  }
  validateHeatmapOptions(merged, where);
  // A copy, so stops the caller changes later cannot bypass the validation.
  if (Array.isArray(merged.palette)) merged.palette = merged.palette.map(({ at, color }) => ({ at, color }));
  return merged;
}

/** @internal Throws a `TypeError` naming `where` unless `patch` is a plain object of options (not null, not an array). */
export function checkPatchObject(patch: unknown, where: string): asserts patch is HeatmapOptionsPatch {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) throw new TypeError(`${where}: options must be an object, got ${String(patch)}`);
}
