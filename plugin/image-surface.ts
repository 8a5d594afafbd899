import { TILE_COLUMNS, type CellImage } from './cell-image';

/** A drawable tile of the cell image. */
export interface SurfaceTile {
  source: CanvasImageSource;
  firstColumn: number;
  columns: number;
}

interface TileCanvas {
  canvas: HTMLCanvasElement | OffscreenCanvas;
  context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
  image: ImageData;
}

/**
 * Canvases holding the cell image, one per tile, so the pane draws it with `drawImage`. Only the
 * columns that changed are uploaded (`putImageData` with a dirty rectangle).
 */
export class ImageSurface {
  readonly tiles: SurfaceTile[] = [];
  private canvases: TileCanvas[] = [];
  private rows = 0;

  /** Uploads columns `[c0, c1)` of `image`. */
  sync(image: CellImage, c0: number, c1: number): void {
    if (image.rows !== this.rows) this.reset(image.rows);
    if (c1 <= c0) return;
    const last = Math.floor((c1 - 1) / TILE_COLUMNS);
    for (let k = Math.floor(c0 / TILE_COLUMNS); k <= last; k++) {
      const tile = image.tiles[k];
      if (!tile) continue;
      const from = Math.max(c0, tile.first);
      const to = Math.min(c1, tile.first + TILE_COLUMNS);
      if (from >= to) continue;
      const target = this.canvases[k] ?? this.createTile(k, tile.pixels);
      target.context.putImageData(target.image, 0, 0, from - tile.first, 0, to - from, this.rows);
    }
  }

  /** Drops every canvas (detach). */
  reset(rows = 0): void {
    this.canvases = [];
    this.tiles.length = 0;
    this.rows = rows;
  }

  private createTile(k: number, pixels: Uint32Array): TileCanvas {
    const canvas = createCanvas(TILE_COLUMNS, this.rows);
    const context = canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
    if (!context) throw new Error('liquidation heatmap: no 2D canvas context available');
    const image = new ImageData(new Uint8ClampedArray(pixels.buffer as ArrayBuffer, pixels.byteOffset, pixels.byteLength), TILE_COLUMNS, this.rows);
    const tile = { canvas, context, image };
    this.canvases[k] = tile;
    // Tiles are created as their columns come into view, so keep the list dense and ordered.
    this.tiles.push({ source: canvas as CanvasImageSource, firstColumn: k * TILE_COLUMNS, columns: TILE_COLUMNS });
    this.tiles.sort((a, b) => a.firstColumn - b.firstColumn);
    return tile;
  }
}

function createCanvas(width: number, height: number): HTMLCanvasElement | OffscreenCanvas {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}
