import type { ColumnRun } from './column-time-map';
import type { SurfaceTile } from './image-surface';
import type { RowStrip } from './row-strips';

/**
 * Everything the heatmap is drawn from, in media (CSS) pixels: the columns of each run sit side by side
 * (see {@link ColumnRun}); each strip spreads its image rows (0 = highest price row) evenly over its
 * `yTop..yBottom`.
 */
export interface HeatmapColumns {
  tiles: readonly SurfaceTile[];
  rows: number;
  runs: readonly ColumnRun[];
  strips: readonly RowStrip[];
}

/** A bitmap drawn into: its size in device pixels and the device pixels per media pixel. */
export interface BitmapFrame {
  width: number;
  height: number;
  hpr: number;
  vpr: number;
}

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/**
 * Draws the columns of `data` that land in bitmap columns `[from, to)`, every run moved right by `shift`
 * media pixels: one `drawImage` per run of columns, tile and row strip, smoothing off, in bitmap
 * coordinates (identity transform).
 */
export function drawColumns(context: Context2D, data: HeatmapColumns, frame: BitmapFrame, from: number, to: number, shift = 0): void {
  const { hpr, vpr } = frame;
  context.imageSmoothingEnabled = false;
  const rowSpans = data.strips.map((strip) => ({ strip, span: clipSpan(Math.round(strip.yTop * vpr), Math.round(strip.yBottom * vpr), strip.count, 0, frame.height) }));
  for (const run of data.runs) {
    const x0 = run.x0 + shift;
    for (const tile of data.tiles) {
      const c0 = Math.max(run.firstColumn, tile.firstColumn);
      const c1 = Math.min(run.endColumn, tile.firstColumn + tile.columns);
      if (c0 >= c1) continue;
      const span = clipSpan(Math.round((x0 + c0 * run.columnWidth) * hpr), Math.round((x0 + c1 * run.columnWidth) * hpr), c1 - c0, from, to);
      if (!span) continue;
      const sx = c0 - tile.firstColumn + span.srcOffset;
      for (const { strip, span: rowSpan } of rowSpans) {
        if (rowSpan) context.drawImage(tile.source, sx, strip.row + rowSpan.srcOffset, span.srcLength, rowSpan.srcLength, span.dst, rowSpan.dst, span.dstLength, rowSpan.dstLength);
      }
    }
  }
}

/**
 * Clips a destination span `[a, b)` (bitmap pixels, `a < b` after ordering) showing `units` source units
 * to `[lo, hi)`; returns the visible destination and the matching (possibly fractional) source part.
 */
export function clipSpan(a: number, b: number, units: number, lo: number, hi: number): { dst: number; dstLength: number; srcOffset: number; srcLength: number } | null {
  const start = Math.min(a, b);
  const end = Math.max(a, b);
  if (end <= lo || start >= hi || end - start <= 0) return null;
  const from = Math.max(start, lo);
  const to = Math.min(end, hi);
  const perPixel = units / (end - start);
  return { dst: from, dstLength: to - from, srcOffset: (from - start) * perPixel, srcLength: (to - from) * perPixel };
}
