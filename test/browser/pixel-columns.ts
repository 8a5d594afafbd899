import type { RgbaImage } from './png';

/** One pixel's red, green and blue. */
export type Rgb = [number, number, number];

/** The white chart background. */
export const isWhite = ([r, g, b]: Rgb): boolean => r > 240 && g > 240 && b > 240;
/** The black candles of the test fixtures. */
export const isBlack = ([r, g, b]: Rgb): boolean => r < 40 && g < 40 && b < 40;

/** The pixel column of `image` under media x (its bitmap column at `dpr`). */
export function pixelColumn(image: RgbaImage, x: number, dpr: number): Rgb[] {
  const bx = Math.round(x * dpr);
  const column: Rgb[] = [];
  for (let y = 0; y < image.height; y++) {
    const i = (y * image.width + bx) * 4;
    column.push([image.data[i], image.data[i + 1], image.data[i + 2]]);
  }
  return column;
}

/** Heat pixels (neither background nor candle) of a column. */
export const heatIn = (column: Rgb[]): number => column.filter((p) => !isWhite(p) && !isBlack(p)).length;

/** Pixels (candles left out) whose colour differs by more than 10 in a channel between `a` and `b`, and how many were compared. */
export function differingPixels(a: Rgb[], b: Rgb[]): { differ: number; compared: number } {
  let compared = 0;
  let differ = 0;
  for (let y = 0; y < Math.min(a.length, b.length); y++) {
    if (isBlack(a[y]) || isBlack(b[y])) continue;
    compared++;
    if (a[y].some((v, k) => Math.abs(v - b[y][k]) > 10)) differ++;
  }
  return { differ, compared };
}
