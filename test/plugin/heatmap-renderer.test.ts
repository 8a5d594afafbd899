import { describe, expect, it } from 'vitest';
import type { ColumnRun } from '../../plugin/column-time-map';
import { HeatmapRenderer, type HeatmapDrawData } from '../../plugin/heatmap-renderer';
import { callsOf, recordingTarget } from './recording-context';

const SOURCE = { tag: 'tile-0' } as unknown as CanvasImageSource;

type OneRun = Omit<HeatmapDrawData, 'runs'> & ColumnRun;

/** Draw data with one run of columns (the fields of the run beside the others). */
function data(overrides: Partial<OneRun> = {}): HeatmapDrawData {
  const { firstColumn, endColumn, x0, columnWidth, ...rest }: OneRun = {
    tiles: [{ source: SOURCE, firstColumn: 0, columns: 4096 }],
    rows: 100,
    firstColumn: 10,
    endColumn: 40,
    x0: -5,
    columnWidth: 6,
    strips: [{ row: 0, count: 100, yTop: 20, yBottom: 380 }],
    ...overrides,
  };
  return { ...rest, runs: [{ firstColumn, endColumn, x0, columnWidth }] };
}

describe('heatmap renderer', () => {
  it('draws the visible columns with one drawImage, smoothing off, in bitmap pixels at DPR 1', () => {
    const { target, calls, props } = recordingTarget(300, 400, 1);
    new HeatmapRenderer(data()).drawBackground(target);
    const draws = callsOf(calls, 'drawImage');
    expect(draws).toHaveLength(1);
    expect(props.imageSmoothingEnabled).toBe(false);
    const [source, sx, sy, sw, sh, dx, dy, dw, dh] = draws[0] as [unknown, ...number[]];
    expect(source).toBe(SOURCE);
    expect([sx, sy, sw, sh]).toEqual([10, 0, 30, 100]);
    expect([dx, dy, dw, dh]).toEqual([55, 20, 180, 360]);
  });

  it('at DPR 2 every destination coordinate doubles and stays an integer', () => {
    const { target, calls } = recordingTarget(300, 400, 2);
    new HeatmapRenderer(data({ x0: -5.3, columnWidth: 6.25 })).drawBackground(target);
    const [, , , , , dx, dy, dw, dh] = callsOf(calls, 'drawImage')[0] as number[];
    expect(dx).toBe(Math.round((-5.3 + 10 * 6.25) * 2));
    expect(dx + dw).toBe(Math.round((-5.3 + 40 * 6.25) * 2));
    expect([dy, dh]).toEqual([40, 720]);
    for (const v of [dx, dy, dw, dh]) expect(Number.isInteger(v)).toBe(true);
  });

  it('at DPR 1.5 and 3 the column edges land on whole bitmap pixels', () => {
    for (const ratio of [1.5, 3]) {
      const { target, calls } = recordingTarget(300, 400, ratio);
      new HeatmapRenderer(data({ x0: 3.1, columnWidth: 5.7 })).drawBackground(target);
      const [, , , , , dx, , dw] = callsOf(calls, 'drawImage')[0] as number[];
      expect(dx).toBe(Math.round((3.1 + 10 * 5.7) * ratio));
      expect(Number.isInteger(dx + dw)).toBe(true);
    }
  });

  it('draws nothing outside the pane: columns and rows beyond it are clipped with the matching source part', () => {
    const { target, calls } = recordingTarget(300, 400, 2);
    new HeatmapRenderer(data({ firstColumn: 0, endColumn: 200, x0: -100, columnWidth: 4, strips: [{ row: 0, count: 100, yTop: -50, yBottom: 500 }] })).drawBackground(target);
    const [, sx, sy, sw, sh, dx, dy, dw, dh] = callsOf(calls, 'drawImage')[0] as number[];
    expect(dx).toBe(0);
    expect(dy).toBe(0);
    expect(dx + dw).toBe(600);
    expect(dy + dh).toBe(800);
    expect(sx).toBeCloseTo(25, 9);
    expect(sw).toBeCloseTo(75, 9);
    expect(sy).toBeCloseTo((100 * 100) / 1100, 9);
    expect(sh).toBeCloseTo((800 * 100) / 1100, 9);
  });

  it('draws nothing when the heatmap is scrolled out of view', () => {
    const { target, calls } = recordingTarget(300, 400, 1);
    new HeatmapRenderer(data({ x0: 1000 })).drawBackground(target);
    new HeatmapRenderer(data({ strips: [{ row: 0, count: 100, yTop: 500, yBottom: 900 }] })).drawBackground(target);
    new HeatmapRenderer(null).drawBackground(target);
    expect(callsOf(calls, 'drawImage')).toHaveLength(0);
  });

  it('draws one drawImage per strip, the rows of each strip stretched between its own edges', () => {
    const strips = [
      { row: 0, count: 1, yTop: 10, yBottom: 60 },
      { row: 1, count: 2, yTop: 60, yBottom: 260 },
      { row: 3, count: 1, yTop: 260, yBottom: 390 },
    ];
    const { target, calls } = recordingTarget(300, 400, 2);
    new HeatmapRenderer(data({ rows: 4, strips })).drawBackground(target);
    const draws = callsOf(calls, 'drawImage') as number[][];
    expect(draws).toHaveLength(strips.length);
    draws.forEach((d, k) => {
      expect(d[2]).toBe(strips[k].row);
      expect(d[4]).toBe(strips[k].count);
      expect(d[6]).toBe(strips[k].yTop * 2);
      expect(d[8]).toBe((strips[k].yBottom - strips[k].yTop) * 2);
    });
  });

  it('spans tiles: columns across a tile boundary take one drawImage per tile', () => {
    const second = { tag: 'tile-1' } as unknown as CanvasImageSource;
    const tiles = [
      { source: SOURCE, firstColumn: 0, columns: 4096 },
      { source: second, firstColumn: 4096, columns: 4096 },
    ];
    const { target, calls } = recordingTarget(300, 400, 1);
    new HeatmapRenderer(data({ tiles, firstColumn: 4090, endColumn: 4110, x0: -4090 * 10, columnWidth: 10 })).drawBackground(target);
    const draws = callsOf(calls, 'drawImage') as unknown[][];
    expect(draws.map((d) => d[0])).toEqual([SOURCE, second]);
    expect(draws[0][1]).toBe(4090);
    expect(draws[1][1]).toBe(0);
    expect((draws[0][5] as number) + (draws[0][7] as number)).toBe(draws[1][5]);
  });

});

describe('image surface', () => {
  it('keeps its drawable tiles dense when only a later tile has come into view', async () => {
    const { installFakeCanvas } = await import('./fake-chart');
    installFakeCanvas();
    const { ImageSurface } = await import('../../plugin/image-surface');
    const { CellImage, TILE_COLUMNS } = await import('../../plugin/cell-image');
    const image = new CellImage(2);
    for (let k = 0; k < 3; k++) image.tileOf(k * TILE_COLUMNS);
    const surface = new ImageSurface();
    surface.sync(image, 2 * TILE_COLUMNS + 5, 2 * TILE_COLUMNS + 50);
    surface.sync(image, TILE_COLUMNS + 5, TILE_COLUMNS + 50);
    expect(surface.tiles.map((t) => t.firstColumn)).toEqual([TILE_COLUMNS, 2 * TILE_COLUMNS]);
    expect(surface.tiles.every(Boolean)).toBe(true);
  });
});
