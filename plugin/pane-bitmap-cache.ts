import { drawColumns, type BitmapFrame, type HeatmapColumns } from './heatmap-draw';

/**
 * What places the columns horizontally: `origin` is the x (media px) of logical index 0; `layout` names
 * everything else the columns' x depends on (the column map's revision and the bar spacing), so a pan
 * changes only `origin`.
 */
export interface ColumnOrigin {
  origin: number;
  layout: string;
}

interface CacheCanvas {
  canvas: HTMLCanvasElement | OffscreenCanvas;
  context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
}

/** Past this share of the pane's width of newly exposed columns the cache is redrawn. */
const MAX_SHIFT_SHARE = 1 / 16;

/**
 * The heatmap as last drawn, at the pane's resolution, so a pan (only x moved) is one unscaled
 * `drawImage` of it, moved by whole bitmap pixels, plus the newly exposed columns drawn from the tiles.
 * In Chromium's software raster a scaled `drawImage` of the tiles costs several times an unscaled copy
 * per pixel, plus a call per tile and row strip.
 * The image is redrawn when anything but the x origin changed (rows, pane size, pixel ratio, bar
 * spacing, column map) or when columns it shows were repainted, but only once the new layout held for
 * two frames: while it changes every frame (a zoom, a drag of the price axis) the heatmap is drawn
 * directly, which costs the same as without the cache.
 */
export class PaneBitmapCache {
  private surface: CacheCanvas | null | undefined;
  private key = '';
  private lastKey = '';
  private origin = 0;
  private coveredFrom = 0;
  private coveredTo = 0;

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
    this.surface = undefined;
    this.key = this.lastKey = '';
  }

  /**
   * Draws `data` placed at `placement` onto `context` (bitmap coordinates) through the cached image; false
   * when no canvas can be made (the caller draws directly).
   */
  draw(context: CanvasRenderingContext2D, data: HeatmapColumns, frame: BitmapFrame, placement: ColumnOrigin): boolean {
    const surface = this.canvas();
    if (!surface) return false;
    const key = layoutKey(data, frame, placement.layout);
    const stable = key === this.lastKey;
    this.lastKey = key;
    let shift = key === this.key ? Math.round((placement.origin - this.origin) * frame.hpr) : 0;
    if (key !== this.key || Math.abs(shift) > frame.width * MAX_SHIFT_SHARE) {
      if (!stable) {
        this.key = '';
        drawColumns(context, data, frame, 0, frame.width);
        return true;
      }
      this.redraw(surface, data, frame, placement.origin);
      this.key = key;
      shift = 0;
    }
    context.drawImage(surface.canvas, shift, 0);
    if (shift !== 0) {
      // The exposed columns are drawn where the moved image puts their neighbours (within half a pixel of exact).
      const offset = shift / frame.hpr - (placement.origin - this.origin);
      if (shift > 0) drawColumns(context, data, frame, 0, shift, offset);
      else drawColumns(context, data, frame, frame.width + shift, frame.width, offset);
    }
    return true;
  }

  private redraw(surface: CacheCanvas, data: HeatmapColumns, frame: BitmapFrame, origin: number): void {
    const { canvas, context } = surface;
    if (canvas.width !== frame.width || canvas.height !== frame.height) {
      canvas.width = frame.width;
      canvas.height = frame.height;
    } else {
      context.clearRect(0, 0, canvas.width, canvas.height);
    }
    drawColumns(context, data, frame, 0, frame.width);
    this.origin = origin;
    this.coveredFrom = data.runs.length ? data.runs[0].firstColumn : 0;
    this.coveredTo = data.runs.length ? data.runs[data.runs.length - 1].endColumn : 0;
  }

  private canvas(): CacheCanvas | null {
    if (this.surface === undefined) this.surface = createCacheCanvas();
    return this.surface;
  }
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
