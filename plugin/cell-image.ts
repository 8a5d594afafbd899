import type { ColumnView } from '../src/model/model-types';
import { LUT_SIZE } from './intensity-lut';
import type { SidesOption } from './heatmap-options';

/** Columns per image tile: keeps each tile's canvas well inside browsers' size limits. */
export const TILE_COLUMNS = 512;

/** How cells become pixels: the normalising reference, which sides, and the lookup tables. */
export interface CellPaint {
  /** Density that maps to full intensity. */
  reference: number;
  sides: SidesOption;
  /** Colour by the dominant side (two-sided palette) or one ramp for all. */
  twoSided: boolean;
  longLut: Uint32Array;
  shortLut: Uint32Array;
}

/** Where painting reads heatmap columns from (the model's read API). */
export interface ColumnSource {
  columnAt(i: number): ColumnView;
}

/** A tile of the cell image: `TILE_COLUMNS` columns from `first`, RGBA packed, row 0 = highest price row. */
export interface CellTile {
  readonly first: number;
  readonly pixels: Uint32Array;
}

/**
 * One pixel per bar and price row, in tiles of {@link TILE_COLUMNS} columns; only asked-for columns are
 * repainted and a tile's pixels exist once one of its columns is painted (`tiles` is sparse).
 */
export class CellImage {
  readonly tiles: (CellTile | undefined)[] = [];

  constructor(readonly rows: number) {}

  /** The tile holding column `c`, created when first asked for. */
  tileOf(c: number): CellTile {
    const k = (c / TILE_COLUMNS) | 0;
    let tile = this.tiles[k];
    if (!tile) {
      tile = { first: k * TILE_COLUMNS, pixels: new Uint32Array(TILE_COLUMNS * this.rows) };
      this.tiles[k] = tile;
    }
    return tile;
  }

  /** Paints columns `[c0, c1)` of `source` (raw densities, `rows` values per column). */
  paint(source: ColumnSource, c0: number, c1: number, paint: CellPaint): void {
    const { rows } = this;
    const scale = paint.reference > 0 ? (LUT_SIZE - 1) / paint.reference : 0;
    const top = LUT_SIZE - 1;
    const { sides, twoSided, longLut, shortLut } = paint;
    for (let c = c0; c < c1; c++) {
      const tile = this.tileOf(c);
      const pixels = tile.pixels;
      const x = c - tile.first;
      const { long, short } = source.columnAt(c);
      for (let r = 0; r < rows; r++) {
        const l = sides === 'short' ? 0 : long[r];
        const s = sides === 'long' ? 0 : short[r];
        const v = l + s;
        let px = 0;
        if (v > 0) {
          const idx = v * scale;
          const k = idx >= top ? top : idx | 0;
          px = twoSided && s > l ? shortLut[k] : longLut[k];
        }
        pixels[(rows - 1 - r) * TILE_COLUMNS + x] = px;
      }
    }
  }
}
