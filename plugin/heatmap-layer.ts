import type { LiquidationModel } from '../src/model/liquidation-model';
import { CellImage, type CellPaint } from './cell-image';
import type { ColumnGeometry } from './chart-geometry';
import type { HeatmapOptions } from './heatmap-options';
import type { HeatmapDrawData } from './heatmap-renderer';
import { ImageSurface } from './image-surface';
import { buildIntensityLut } from './intensity-lut';
import { paletteRamps } from './palette';
import { visiblePercentile } from './visible-percentile';

/** Steps of the normalising reference (about 19 % apart) so small viewport moves do not repaint. */
const REFERENCE_STEPS_PER_OCTAVE = 4;

/**
 * The heatmap's cached pixels: the cell image is repainted in full only when the data, colours,
 * threshold, heat or the (stepped) normalising reference change; a tick repaints one column.
 */
export class HeatmapLayer {
  private image: CellImage | null = null;
  private readonly surface = new ImageSurface();
  private paint: CellPaint | null = null;
  private paintedVersion = -1;
  private paintedColumns = 0;
  private paintedTail = -1;

  /** Marks colours, threshold or heat as changed. */
  invalidatePaint(): void {
    this.paint = null;
  }

  /** Drops every cache (detach). */
  reset(): void {
    this.image = null;
    this.surface.reset();
    this.paint = null;
    this.paintedVersion = -1;
    this.paintedColumns = 0;
  }

  /**
   * Brings the image up to date for `model` (data `version`, last column possibly re-ticked as
   * `tailVersion`) and returns what the renderer draws, or null.
   */
  update(model: LiquidationModel, version: number, tailVersion: number, options: HeatmapOptions, geometry: ColumnGeometry, rows: { yTop: number; yBottom: number; rowEdges: Float64Array | null }): HeatmapDrawData | null {
    const store = model.columns;
    const grid = model.grid;
    if (!store || !grid || !options.heatmapVisible) return null;
    const count = model.length;
    const reference = steppedReference(
      visiblePercentile(store.long, store.short, grid.rows, geometry.firstColumn, geometry.endColumn, options.sides, options.normalizePercentile),
    );
    if (!this.image || this.image.rows !== grid.rows || version !== this.paintedVersion) {
      this.image = new CellImage(grid.rows);
      this.surface.reset(grid.rows);
      this.paint = null;
    }
    if (!this.paint || this.paint.reference !== reference) {
      this.paint = this.createPaint(reference, options);
      this.image.paint(store.long, store.short, 0, count, this.paint);
      this.surface.sync(this.image, 0, count);
      this.paintedColumns = count;
      this.paintedVersion = version;
      this.paintedTail = tailVersion;
    } else if (tailVersion !== this.paintedTail || count !== this.paintedColumns) {
      const from = Math.max(0, Math.min(this.paintedColumns, count) - 1);
      this.image.paint(store.long, store.short, from, count, this.paint);
      this.surface.sync(this.image, from, count);
      this.paintedColumns = count;
      this.paintedTail = tailVersion;
    }
    return { tiles: this.surface.tiles, rows: grid.rows, ...geometry, ...rows };
  }

  private createPaint(reference: number, options: HeatmapOptions): CellPaint {
    const ramps = paletteRamps(options.palette);
    const params = { threshold: options.threshold, moreHeat: options.moreHeat, opacity: options.opacity };
    const longLut = buildIntensityLut(ramps.long, params);
    return { reference, sides: options.sides, twoSided: ramps.twoSided, longLut, shortLut: ramps.twoSided ? buildIntensityLut(ramps.short, params) : longLut };
  }
}

/** `value` rounded to a power of 2^(1/4), so the reference moves in coarse steps. */
export function steppedReference(value: number): number {
  if (!(value > 0)) return 0;
  return Math.pow(2, Math.round(Math.log2(value) * REFERENCE_STEPS_PER_OCTAVE) / REFERENCE_STEPS_PER_OCTAVE);
}
