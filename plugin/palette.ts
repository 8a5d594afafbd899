import type { ColorStop, PaletteOption } from './heatmap-options';

/** Default density scale: purple, blue, green, yellow. */
export const DENSITY_STOPS: readonly ColorStop[] = Object.freeze([
  { at: 0, color: '#3a0d63' },
  { at: 0.3, color: '#5a2ca0' },
  { at: 0.55, color: '#2c6fd1' },
  { at: 0.8, color: '#1fbf73' },
  { at: 1, color: '#fde725' },
]);

/** Two-sided scale, long liquidations (below price): deep teal to cyan to near-white. */
export const LONG_STOPS: readonly ColorStop[] = Object.freeze([
  { at: 0, color: '#083b4a' },
  { at: 0.5, color: '#0fa3b8' },
  { at: 1, color: '#c8fbff' },
]);

/** Two-sided scale, short liquidations (above price): deep red to orange to yellow. */
export const SHORT_STOPS: readonly ColorStop[] = Object.freeze([
  { at: 0, color: '#4a0d12' },
  { at: 0.5, color: '#e8562a' },
  { at: 1, color: '#ffe07a' },
]);

/** The colour ramps a palette option draws with: one, or long and short for the two-sided palette. */
export function paletteRamps(palette: PaletteOption): { long: readonly ColorStop[]; short: readonly ColorStop[]; twoSided: boolean } {
  if (palette === 'two-sided') return { long: LONG_STOPS, short: SHORT_STOPS, twoSided: true };
  const stops = palette === 'density' ? DENSITY_STOPS : palette;
  return { long: stops, short: stops, twoSided: false };
}

/** `[r, g, b]` of a `#rgb` or `#rrggbb` colour; throws a `RangeError` naming the colour otherwise. */
export function parseHexColor(color: string): [number, number, number] {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) throw new RangeError(`palette colour '${color}': expected #rgb or #rrggbb`);
  const hex = m[1].length === 3 ? m[1].replace(/./g, (c) => c + c) : m[1];
  return [parseInt(hex.slice(0, 2), 16), parseInt(hex.slice(2, 4), 16), parseInt(hex.slice(4, 6), 16)];
}

/** Colour stops sorted by position with their colours parsed: read many colours off it with {@link rampColorAt}. */
export type ColorRamp = readonly { at: number; rgb: readonly [number, number, number] }[];

/** `stops` as a {@link ColorRamp} (sorted, parsed once). */
export function colorRamp(stops: readonly ColorStop[]): ColorRamp {
  return [...stops].sort((a, b) => a.at - b.at).map((s) => ({ at: s.at, rgb: parseHexColor(s.color) }));
}

/** The colour at `t` (0..1) along `ramp`, linearly interpolated in RGB. */
export function rampColorAt(ramp: ColorRamp, t: number): [number, number, number] {
  if (t <= ramp[0].at) return [...ramp[0].rgb];
  for (let i = 1; i < ramp.length; i++) {
    if (t <= ramp[i].at) {
      const a = ramp[i - 1].rgb;
      const b = ramp[i].rgb;
      const span = ramp[i].at - ramp[i - 1].at;
      const f = span > 0 ? (t - ramp[i - 1].at) / span : 1;
      return [Math.round(a[0] + (b[0] - a[0]) * f), Math.round(a[1] + (b[1] - a[1]) * f), Math.round(a[2] + (b[2] - a[2]) * f)];
    }
  }
  return [...ramp[ramp.length - 1].rgb];
}
