import type { ColumnRun } from './column-time-map';
import { drawColumns, type BitmapFrame, type HeatmapColumns } from './heatmap-draw';

/**
 * What places the columns horizontally: `origin` is the x (media px) of logical index 0; `layout` names
 * everything else the columns' x depends on (the column map's revision and the bar spacing), so a pan
 * changes only `origin`. Columns `[freshFrom, freshTo)` are painted as they should look now and may be
 * kept in the cached image; the others are not kept.
 */
export interface ColumnOrigin {
  origin: number;
  layout: string;
  freshFrom: number;
  freshTo: number;
}

interface CacheCanvas {
  canvas: HTMLCanvasElement | OffscreenCanvas;
  context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
}

/**
 * Share of the pane's width the cached image reaches beyond each side of the pane: a pan within it is one
 * copy of the image; past it the image is redrawn around the new position.
 */
export const CACHE_MARGIN_SHARE = 1 / 16;

/**
 * The heatmap as last drawn, at the pane's resolution and reaching {@link CACHE_MARGIN_SHARE} of its width
 * beyond each side, so a pan (only x moved) over columns already painted is one unscaled `drawImage` of
 * the part now in view, moved by whole bitmap pixels. In Chromium's software raster a scaled `drawImage`
 * of the tiles costs several times an unscaled copy per pixel, plus a call per tile and row strip: drawing
 * the newly exposed columns that way on every panned frame cost about as much as the copy. Only columns
 * painted for the current colours are kept (the runs must be placed out to the margins, see
 * {@link marginBars}); a pan onto others draws them from the tiles, where the moved image puts their
 * neighbours, until the image is redrawn (past the margin, or once columns painted since would spare a
 * quarter of it).
 * The image is redrawn when anything but the x origin changed (rows, pane size, pixel ratio, bar
 * spacing, column map) or when columns it shows were repainted, but only once the new layout held for
 * two frames: while it changes every frame (a zoom, a drag of the price axis) the heatmap is drawn
 * directly, which costs the same as without the cache.
 */
export class PaneBitmapCache {
  /** The pane's part, then the left and right margins: an image wider than the pane costs Chromium's raster 2.5x as much to copy at DPR 2, even clipped. */
  private surfaces: [CacheCanvas, CacheCanvas, CacheCanvas] | null | undefined;
  private key = '';
  private lastKey = '';
  private origin = 0;
  private coveredFrom = 0;
  private coveredTo = 0;
  /** Pane x span (bitmap px) of the kept columns where the image was drawn; the margins reach below 0 and past the pane's width. */
  private keptFrom = 0;
  private keptTo = 0;

  /** Everything shown changed (new data, new tiles). */
  invalidate(): void {
    this.key = '';
  }

  /** Columns `[c0, c1)` were repainted: the image is redrawn if it shows any of them. */
  columnsChanged(c0: number, c1: number): void {
    if (c0 < this.coveredTo && c1 > this.coveredFrom) this.key = '';
  }

  /** Drops the canvas (detach). */
  reset(): void {
    this.surfaces = undefined;
    this.key = this.lastKey = '';
  }

  /**
   * Draws `data` placed at `placement` onto `context` (bitmap coordinates) through the cached image; false
   * when no canvas can be made (the caller draws directly).
   */
  draw(context: CanvasRenderingContext2D, data: HeatmapColumns, frame: BitmapFrame, placement: ColumnOrigin): boolean {
    const surfaces = this.canvases();
    if (!surfaces) return false;
    const key = layoutKey(data, frame, placement.layout);
    const stable = key === this.lastKey;
    this.lastKey = key;
    const margin = marginPixels(frame.width);
    let shift = key === this.key ? Math.round((placement.origin - this.origin) * frame.hpr) : 0;
    if (key !== this.key || Math.abs(shift) > margin || (stable && this.keptCanGrow(data, frame, placement, shift, margin))) {
      if (!stable) {
        this.key = '';
        drawColumns(context, data, frame, 0, frame.width);
        return true;
      }
      this.redraw(surfaces, data, frame, placement, margin);
      this.key = key;
      shift = 0;
    }
    // Whole images at an offset: a source rectangle would cost Chromium's software raster about three times as much.
    context.drawImage(surfaces[0].canvas, shift, 0);
    if (shift > 0) context.drawImage(surfaces[1].canvas, shift - margin, 0);
    if (shift < 0) context.drawImage(surfaces[2].canvas, frame.width + shift, 0);
    // Columns in view that the image does not keep are drawn where the moved image puts their neighbours (within half a pixel of exact).
    const offset = shift / frame.hpr - (placement.origin - this.origin);
    const left = Math.min(frame.width, this.keptFrom + shift);
    const right = Math.max(0, this.keptTo + shift);
    if (left > 0) drawColumns(context, data, frame, 0, left, offset);
    if (right < frame.width) drawColumns(context, data, frame, right, frame.width, offset);
    return true;
  }

  /**
   * Whether columns in view are drawn from the tiles although painted now (they were not when the image
   * was drawn), for a quarter of the margin or more: then the image is redrawn to keep them. A pan over
   * fresh columns so settles on one copy a frame, while a pan onto new ones still paints and draws only
   * its new columns on most frames.
   */
  private keptCanGrow(data: HeatmapColumns, frame: BitmapFrame, placement: ColumnOrigin, shift: number, margin: number): boolean {
    const keptFrom = this.keptFrom + shift;
    const keptTo = this.keptTo + shift;
    if (keptFrom <= 0 && keptTo >= frame.width) return false;
    const [from, to] = keptSpan(data.runs, placement.freshFrom, placement.freshTo, frame.hpr, 0);
    const step = Math.max(1, margin / 4);
    return (keptFrom > 0 && keptFrom - Math.max(from, -margin) >= step) || (keptTo < frame.width && Math.min(to, frame.width + margin) - keptTo >= step);
  }

  private redraw(surfaces: readonly CacheCanvas[], data: HeatmapColumns, frame: BitmapFrame, placement: ColumnOrigin, margin: number): void {
    const [from, to] = keptSpan(data.runs, placement.freshFrom, placement.freshTo, frame.hpr, 0);
    this.keptFrom = Math.max(-margin, from);
    this.keptTo = Math.max(this.keptFrom, Math.min(frame.width + margin, to));
    // Each canvas shows pane x from `left`, so its own x is the pane's less `left`.
    const parts: [number, number][] = [
      [0, frame.width],
      [-margin, margin],
      [frame.width, margin],
    ];
    parts.forEach(([left, width], i) => {
      const { canvas, context } = surfaces[i];
      if (canvas.width !== width || canvas.height !== frame.height) {
        canvas.width = width;
        canvas.height = frame.height;
      } else {
        context.clearRect(0, 0, canvas.width, canvas.height);
      }
      const a = Math.max(0, this.keptFrom - left);
      const b = Math.min(width, this.keptTo - left);
      if (a < b) drawColumns(context, data, { ...frame, width }, a, b, -left / frame.hpr);
    });
    this.origin = placement.origin;
    this.coveredFrom = placement.freshFrom;
    this.coveredTo = placement.freshTo;
  }

  private canvases(): [CacheCanvas, CacheCanvas, CacheCanvas] | null {
    if (this.surfaces === undefined) {
      const made = [createCacheCanvas(), createCacheCanvas(), createCacheCanvas()];
      this.surfaces = made[0] && made[1] && made[2] ? [made[0], made[1], made[2]] : null;
    }
    return this.surfaces;
  }
}

/** The cached image's margin each side of a pane `width` bitmap pixels wide, in bitmap pixels. */
function marginPixels(width: number): number {
  return Math.ceil(width * CACHE_MARGIN_SHARE);
}

/**
 * Bars to place beyond each side of the visible range so that the cached image's margins are covered:
 * `paneWidth` and `barSpacing` in media pixels.
 */
export function marginBars(paneWidth: number, barSpacing: number): number {
  return barSpacing > 0 ? Math.ceil((paneWidth * CACHE_MARGIN_SHARE) / barSpacing) + 2 : 0;
}

/**
 * Bitmap x span `[from, to)` of the placed columns within `[c0, c1)` drawn moved right by `shift` media
 * pixels, with the edges rounded as `drawColumns` rounds them; `[0, 0]` when none is placed there.
 */
function keptSpan(runs: readonly ColumnRun[], c0: number, c1: number, hpr: number, shift: number): [number, number] {
  let from = Infinity;
  let to = -Infinity;
  for (const run of runs) {
    const a = Math.max(c0, run.firstColumn);
    const b = Math.min(c1, run.endColumn);
    if (a >= b) continue;
    const x0 = run.x0 + shift;
    from = Math.min(from, Math.round((x0 + a * run.columnWidth) * hpr));
    to = Math.max(to, Math.round((x0 + b * run.columnWidth) * hpr));
  }
  return from < to ? [from, to] : [0, 0];
}

function layoutKey(data: HeatmapColumns, frame: BitmapFrame, layout: string): string {
  let key = `${frame.width}x${frame.height}@${frame.hpr},${frame.vpr}|${layout}|${data.tiles.length}`;
  for (const s of data.strips) key += `|${s.row},${s.count},${s.yTop},${s.yBottom}`;
  return key;
}

function createCacheCanvas(): CacheCanvas | null {
  const canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1) : typeof document !== 'undefined' ? document.createElement('canvas') : null;
  const context = canvas?.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null | undefined;
  return canvas && context && typeof context.drawImage === 'function' ? { canvas, context } : null;
}
