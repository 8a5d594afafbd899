import type { ColorStop } from './heatmap-options';
import { colorRamp, rampColorAt } from './palette';

/** Entries of an intensity lookup table over normalised intensity 0..1. */
export const LUT_SIZE = 1024;

/** How normalised intensity becomes a pixel: hide below `threshold`, boost faint cells by `moreHeat`. */
export interface IntensityParams {
  threshold: number;
  moreHeat: number;
  opacity: number;
}

/** The "more heat" curve: `t ^ (1 / (1 + 3 * heat))`, monotone, 1 at 1, lifting faint cells. */
export function boost(t: number, moreHeat: number): number {
  return t <= 0 ? 0 : Math.pow(t, 1 / (1 + 3 * moreHeat));
}

/**
 * RGBA pixels (packed little-endian as `ImageData` stores them) for each of `LUT_SIZE` steps of
 * normalised intensity: transparent below the threshold, else the boosted colour with alpha rising
 * from 35 % to 100 % of `opacity` so faint cells stay faint.
 */
export function buildIntensityLut(stops: readonly ColorStop[], params: IntensityParams): Uint32Array {
  const lut = new Uint32Array(LUT_SIZE);
  const ramp = colorRamp(stops);
  for (let i = 0; i < LUT_SIZE; i++) {
    const t = i / (LUT_SIZE - 1);
    if (t <= 0 || t < params.threshold) continue;
    const b = boost(t, params.moreHeat);
    const [r, g, bl] = rampColorAt(ramp, b);
    const alpha = Math.round(255 * params.opacity * (0.35 + 0.65 * b));
    lut[i] = ((alpha << 24) | (bl << 16) | (g << 8) | r) >>> 0;
  }
  return lut;
}
