import { describe, expect, it } from 'vitest';
import { CellImage, TILE_COLUMNS, type CellPaint, type ColumnSource } from '../../plugin/cell-image';
import { boost, buildIntensityLut, LUT_SIZE } from '../../plugin/intensity-lut';
import { DENSITY_STOPS, LONG_STOPS, SHORT_STOPS } from '../../plugin/palette';
import { visiblePercentile } from '../../plugin/visible-percentile';
import { must } from '../helpers/must';

const ROWS = 4;

/** Column-major raw densities (`rows` values per column) behind the model's read API. */
function columns(long: Float32Array, short: Float32Array, rows: number): ColumnSource {
  return {
    columnAt: (i) => ({ index: i, time: i, long: long.subarray(i * rows, (i + 1) * rows), short: short.subarray(i * rows, (i + 1) * rows), scale: 1, offGrid: [0, 0] }),
  };
}

function paintOf(overrides: Partial<CellPaint> & { threshold?: number; moreHeat?: number } = {}): CellPaint {
  const params = { threshold: overrides.threshold ?? 0.1, moreHeat: overrides.moreHeat ?? 0, opacity: 1 };
  const lut = buildIntensityLut(DENSITY_STOPS, params);
  return { reference: 1, sides: 'both', twoSided: false, longLut: lut, shortLut: lut, ...overrides };
}

/** One column, rows bottom to top. */
function paintColumn(long: number[], short: number[], paint: CellPaint): number[] {
  const image = new CellImage(ROWS);
  image.paint(columns(Float32Array.from(long), Float32Array.from(short), ROWS), 0, 1, paint);
  return Array.from({ length: ROWS }, (_, k) => must(image.tiles[0], 'the first tile').pixels[k * TILE_COLUMNS]);
}

const alpha = (px: number) => px >>> 24;

describe('cell image', () => {
  it('image row 0 holds the highest price row', () => {
    const pixels = paintColumn([0, 0, 0, 1], [0, 0, 0, 0], paintOf());
    expect(pixels[0]).not.toBe(0);
    expect(pixels.slice(1)).toEqual([0, 0, 0]);
  });

  it('threshold hides cells whose normalised intensity is below it', () => {
    const pixels = paintColumn([0.05, 0.2, 0.6, 1], [0, 0, 0, 0], paintOf({ threshold: 0.3 }));
    expect(pixels.map((p) => p !== 0)).toEqual([true, true, false, false]);
  });

  it('raising the threshold never shows a cell that was hidden', () => {
    const values = [0.02, 0.1, 0.25, 0.5];
    const visible = (threshold: number) => paintColumn(values, [0, 0, 0, 0], paintOf({ threshold })).filter((p) => p !== 0).length;
    expect(visible(0)).toBeGreaterThanOrEqual(visible(0.2));
    expect(visible(0.2)).toBeGreaterThanOrEqual(visible(0.4));
    expect(visible(0.4)).toBe(1);
  });

  it('more heat is a monotone boost that lifts faint cells and keeps full ones at full', () => {
    for (const heat of [0.25, 0.5, 1]) {
      let previous = 0;
      for (let t = 0.01; t <= 1; t += 0.01) {
        const b = boost(t, heat);
        expect(b).toBeGreaterThanOrEqual(t);
        expect(b).toBeGreaterThanOrEqual(previous);
        previous = b;
      }
      expect(boost(1, heat)).toBeCloseTo(1, 12);
    }
    const faint = (heat: number) => alpha(paintColumn([0.15, 0, 0, 0], [0, 0, 0, 0], paintOf({ moreHeat: heat }))[3]);
    expect(faint(1)).toBeGreaterThan(faint(0));
  });

  it('densities above the reference saturate at the top colour', () => {
    const lut = buildIntensityLut(DENSITY_STOPS, { threshold: 0, moreHeat: 0, opacity: 1 });
    const pixels = paintColumn([5, 1, 0, 0], [0, 0, 0, 0], paintOf({ longLut: lut, shortLut: lut }));
    expect(pixels[3]).toBe(lut[LUT_SIZE - 1]);
    expect(pixels[2]).toBe(lut[LUT_SIZE - 1]);
  });

  it('the two-sided palette colours each cell by its dominant side', () => {
    const params = { threshold: 0, moreHeat: 0, opacity: 1 };
    const longLut = buildIntensityLut(LONG_STOPS, params);
    const shortLut = buildIntensityLut(SHORT_STOPS, params);
    const pixels = paintColumn([1, 0, 0, 0], [0, 0, 0, 1], paintOf({ twoSided: true, longLut, shortLut }));
    expect(pixels[3]).toBe(longLut[LUT_SIZE - 1]);
    expect(pixels[0]).toBe(shortLut[LUT_SIZE - 1]);
  });

  it('the sides filter draws only the chosen side', () => {
    const pixels = paintColumn([1, 0, 0, 0], [0, 0, 0, 1], paintOf({ sides: 'short' }));
    expect(pixels[3]).toBe(0);
    expect(pixels[0]).not.toBe(0);
  });

  it('columns past the first tile go to the next tile, and tiles nobody painted are never allocated', () => {
    const image = new CellImage(1);
    const values = new Float32Array(3 * TILE_COLUMNS + 2).fill(1);
    image.paint(columns(values, new Float32Array(values.length), 1), 3 * TILE_COLUMNS, 3 * TILE_COLUMNS + 2, paintOf());
    expect(image.tiles).toHaveLength(4);
    expect(image.tiles[3]?.pixels[0]).not.toBe(0);
    expect([0, 1, 2].map((k) => image.tiles[k])).toEqual([undefined, undefined, undefined]);
  });
});

describe('normalisation', () => {
  it('uses a high percentile of the visible cells, so one outlier does not dim the rest', () => {
    const rows = 10;
    const long = new Float32Array(100 * rows).fill(1);
    long[55] = 1000;
    const reference = visiblePercentile(columns(long, new Float32Array(long.length), rows), rows, 0, 100, 'both', 0.98);
    expect(reference).toBe(1);
  });

  it('only the visible window counts', () => {
    const rows = 2;
    const long = Float32Array.from([1, 1, 1, 1, 50, 50, 50, 50]);
    const short = new Float32Array(long.length);
    expect(visiblePercentile(columns(long, short, rows), rows, 0, 2, 'both', 0.98)).toBe(1);
    expect(visiblePercentile(columns(long, short, rows), rows, 2, 4, 'both', 0.98)).toBe(50);
    expect(visiblePercentile(columns(long, short, rows), rows, 2, 2, 'both', 0.98)).toBe(0);
  });
});
