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

/** The colour at `t` (0..1) along `stops`, linearly interpolated in RGB. */
export function colorAt(stops: readonly ColorStop[], t: number): [number, number, number] {
  const sorted = [...stops].sort((a, b) => a.at - b.at);
  if (t <= sorted[0].at) return parseHexColor(sorted[0].color);
  for (let i = 1; i < sorted.length; i++) {
    if (t <= sorted[i].at) {
      const a = parseHexColor(sorted[i - 1].color);
      const b = parseHexColor(sorted[i].color);
      const span = sorted[i].at - sorted[i - 1].at;
      const f = span > 0 ? (t - sorted[i - 1].at) / span : 1;
      return [0, 1, 2].map((k) => Math.round(a[k] + (b[k] - a[k]) * f)) as [number, number, number];
    }
  }
  return parseHexColor(sorted[sorted.length - 1].color);
}
