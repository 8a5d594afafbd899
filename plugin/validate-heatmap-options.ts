import { mergeLevelsOptions } from '../src/levels/levels-options';
import { mergeModelOptions } from '../src/model/model-options';
import type { HeatmapOptions, PaletteOption } from './heatmap-options';

type Fail = (path: string, expected: string, got: unknown) => never;

const UNIT_OPTIONS = ['threshold', 'moreHeat', 'opacity', 'normalizePercentile'] as const;
const FLAG_OPTIONS = ['heatmapVisible', 'levelsVisible', 'sweptVisible', 'axisLabelsVisible', 'autoscaleLevels'] as const;
const COLOR_OPTIONS = ['longColor', 'shortColor'] as const;
const SIDES: readonly unknown[] = ['both', 'long', 'short'];
const NORMALIZE_ON: readonly unknown[] = ['visible', 'recent'];
const LEVEL_LABELS: readonly unknown[] = ['full', 'compact'];
const HEX_COLOR = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/**
 * Checks every option of a merged set, so a bad value throws at the call that gave it (`where`, e.g.
 * `applyOptions`) rather than later in the chart's render loop. Throws a `RangeError` naming the option
 * path, e.g. `applyOptions: palette[2].color must be #rgb or #rrggbb, got 'red'`.
 */
export function validateHeatmapOptions(options: HeatmapOptions, where: string): void {
  const fail: Fail = (path, expected, got) => {
    throw new RangeError(`${where}: ${path} must be ${expected}, got ${describe(got)}`);
  };
  for (const name of UNIT_OPTIONS) {
    const value = options[name];
    if (typeof value !== 'number' || !(value >= 0 && value <= 1)) fail(name, 'a number from 0 to 1', value);
  }
  for (const name of FLAG_OPTIONS) if (typeof options[name] !== 'boolean') fail(name, 'true or false', options[name]);
  for (const name of COLOR_OPTIONS) if (!isCssColor(options[name])) fail(name, 'a CSS colour', options[name]);
  if (!SIDES.includes(options.sides)) fail('sides', "'both', 'long' or 'short'", options.sides);
  if (!NORMALIZE_ON.includes(options.normalizeOn)) fail('normalizeOn', "'visible' or 'recent'", options.normalizeOn);
  if (!LEVEL_LABELS.includes(options.levelLabels)) fail('levelLabels', "'full' or 'compact'", options.levelLabels);
  validatePalette(options.palette, fail);
  nested(where, () => mergeModelOptions(options.model));
  nested(where, () => mergeLevelsOptions(options.levels));
}

function validatePalette(palette: PaletteOption, fail: Fail): void {
  if (palette === 'density' || palette === 'two-sided') return;
  if (!Array.isArray(palette) || palette.length < 2) fail('palette', "'density', 'two-sided' or at least two colour stops", palette);
  palette.forEach((stop: unknown, i) => {
    if (typeof stop !== 'object' || stop === null) fail(`palette[${i}]`, 'a colour stop { at, color }', stop);
    const { at, color } = stop as { at: unknown; color: unknown };
    if (typeof at !== 'number' || !(at >= 0 && at <= 1)) fail(`palette[${i}].at`, 'a number from 0 to 1', at);
    if (typeof color !== 'string' || !HEX_COLOR.test(color.trim())) fail(`palette[${i}].color`, '#rgb or #rrggbb', color);
  });
}

/** Runs the model's or levels' own validation, prefixing its message with the call. */
function nested(where: string, validate: () => unknown): void {
  try {
    validate();
  } catch (error) {
    if (error instanceof RangeError) throw new RangeError(`${where}: ${error.message}`, { cause: error });
    throw error;
  }
}

/**
 * Whether lightweight-charts can use `value` as a colour: the browser's own parser where there is one;
 * outside a browser, the syntax of hex, `rgb()`/`hsl()` and named colours.
 */
function isCssColor(value: unknown): boolean {
  if (typeof value !== 'string' || value.trim() === '') return false;
  if (typeof CSS !== 'undefined' && typeof CSS.supports === 'function') return CSS.supports('color', value);
  return /^(#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})|(rgba?|hsla?)\([^()]*\)|[a-z]+)$/i.test(value.trim());
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}
