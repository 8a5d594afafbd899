import type { CanvasRenderingTarget2D } from 'fancy-canvas';
import type { IPrimitivePaneRenderer } from 'lightweight-charts';
import { drawColumns, type HeatmapColumns } from './heatmap-draw';
import type { ColumnOrigin, PaneBitmapCache } from './pane-bitmap-cache';

/**
 * Everything the heatmap renderer needs (see {@link HeatmapColumns}), and optionally the pane-resolution
 * cache to draw through with where the columns' x origin is now.
 */
export interface HeatmapDrawData extends HeatmapColumns {
  cache?: { store: PaneBitmapCache } & ColumnOrigin;
}

/**
 * Draws the cell image's tiles with one `drawImage` per run of columns, tile and row strip, through the
 * {@link PaneBitmapCache} when there is one; it only draws.
 */
export class HeatmapRenderer implements IPrimitivePaneRenderer {
  constructor(private readonly data: HeatmapDrawData | null) {}

  draw(): void {}

  drawBackground(target: CanvasRenderingTarget2D): void {
    const data = this.data;
    if (!data || data.runs.length === 0) return;
    target.useBitmapCoordinateSpace(({ context, bitmapSize, horizontalPixelRatio: hpr, verticalPixelRatio: vpr }) => {
      const frame = { width: bitmapSize.width, height: bitmapSize.height, hpr, vpr };
      if (data.cache?.store.draw(context, data, frame, data.cache)) return;
      drawColumns(context, data, frame, 0, frame.width);
    });
  }
}
