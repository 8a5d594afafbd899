import type { CanvasRenderingTarget2D } from 'fancy-canvas';
import type { IPrimitivePaneRenderer } from 'lightweight-charts';
import type { DashPatterns } from './dash-patterns';
import type { LabelSprites } from './label-sprites';

/** One level line as the renderer draws it, in media pixels. */
export interface LevelLine {
  y: number;
  color: string;
  /** Line width in media pixels (thicker for stronger levels). */
  width: number;
  dashed: boolean;
  /** 0..1 opacity (swept levels are faded). */
  alpha: number;
  /** Text on the line, e.g. `92,850.0 | $41.2M | -1.20%`; empty for none. */
  label: string;
  /** Bottom of the label box in media pixels (the line's y unless moved apart from a neighbour's label). */
  labelY: number;
}

/** How labels are drawn and where they must not go, in media pixels. */
export interface LabelLayout {
  fontFamily: string;
  fontSize: number;
  boxColor: string;
  /** Centre x of the newest bar, or null when unknown: labels stay left of the newest bars (or right of them when there is room). */
  newestX: number | null;
  barSpacing: number;
}

/** Bars at the right end that labels keep off. */
export const NEWEST_BARS_KEPT_CLEAR = 8;
const MARGIN_PX = 8;
const PAD_PX = 4;

/** Height of a label box in media pixels for a font size (text plus padding). */
export function labelHeight(fontSize: number): number {
  return fontSize + 2 * PAD_PX;
}

/** Default label layout: lightweight-charts' default font on a white chart, no bar position known. */
export const DEFAULT_LABEL_LAYOUT: LabelLayout = {
  fontFamily: `-apple-system, BlinkMacSystemFont, 'Trebuchet MS', Roboto, Ubuntu, sans-serif`,
  fontSize: 12,
  boxColor: 'rgba(255, 255, 255, 0.8)',
  newestX: null,
  barSpacing: 6,
};

/** Height of a label box in media pixels at the default font size. */
export const LABEL_HEIGHT = labelHeight(DEFAULT_LABEL_LAYOUT.fontSize);

/**
 * The right edge (media px) of a label box `boxWidth` wide in a pane `paneWidth` wide: in the empty space
 * right of the newest bar when it fits, else left of the newest {@link NEWEST_BARS_KEPT_CLEAR} bars, else
 * (a pane too narrow for that) at the pane's right edge.
 */
export function labelRight(layout: LabelLayout, paneWidth: number, boxWidth: number): number {
  const edge = paneWidth - MARGIN_PX;
  if (layout.newestX === null) return edge;
  const clearFrom = layout.newestX + layout.barSpacing / 2 + MARGIN_PX;
  if (edge - clearFrom >= boxWidth) return edge;
  const left = Math.min(edge, layout.newestX - (NEWEST_BARS_KEPT_CLEAR - 0.5) * layout.barSpacing - MARGIN_PX);
  return left - boxWidth >= MARGIN_PX ? left : edge;
}

/**
 * Draws level lines across the pane with their labels (copied from `sprites` when given), dashed lines
 * filled with `dashes`' patterns when given; it only draws.
 */
export class LevelsRenderer implements IPrimitivePaneRenderer {
  constructor(
    private readonly lines: readonly LevelLine[],
    private readonly layout: LabelLayout = DEFAULT_LABEL_LAYOUT,
    private readonly sprites: LabelSprites | null = null,
    private readonly dashes: DashPatterns | null = null,
  ) {}

  draw(target: CanvasRenderingTarget2D): void {
    if (this.lines.length === 0) return;
    const layout = this.layout;
    target.useBitmapCoordinateSpace(({ context: ctx, bitmapSize, horizontalPixelRatio: hpr, verticalPixelRatio: vpr }) => {
      const width = bitmapSize.width;
      const fontPx = Math.round(layout.fontSize * vpr);
      const pad = Math.round(PAD_PX * hpr);
      const style = { font: `${fontPx}px ${layout.fontFamily}`, fontPx, pad, boxColor: layout.boxColor };
      ctx.font = style.font;
      ctx.textBaseline = 'bottom';
      for (const line of this.lines) {
        const lineWidth = Math.max(1, Math.round(line.width * vpr));
        const y = Math.round(line.y * vpr) + (lineWidth % 2 ? 0.5 : 0);
        if (y < -fontPx * 2 || y > bitmapSize.height + lineWidth) continue;
        ctx.globalAlpha = line.alpha;
        const dash = Math.round(4 * hpr);
        const pattern = line.dashed ? (this.dashes?.get(ctx, line.color, dash) ?? null) : null;
        if (pattern) {
          // The rectangle a butt-capped stroke of this width covers (its edges are whole pixels).
          ctx.fillStyle = pattern;
          ctx.fillRect(0, y - lineWidth / 2, width, lineWidth);
        } else {
          ctx.strokeStyle = line.color;
          ctx.lineWidth = lineWidth;
          ctx.setLineDash(line.dashed ? [dash, dash] : []);
          ctx.beginPath();
          ctx.moveTo(0, y);
          ctx.lineTo(width, y);
          ctx.stroke();
        }
        if (line.label) {
          const textAlpha = Math.max(line.alpha, 0.9);
          const sprite = this.sprites?.get(line.label, line.color, textAlpha, style) ?? null;
          const textWidth = sprite ? sprite.textWidth : Math.ceil(ctx.measureText(line.label).width);
          const boxWidth = textWidth + 2 * pad;
          const x = Math.round(labelRight(layout, width / hpr, boxWidth / hpr) * hpr) - boxWidth;
          const top = Math.round(line.labelY * vpr - lineWidth / 2) - fontPx - 2 * pad;
          ctx.globalAlpha = 1;
          if (sprite) {
            ctx.drawImage(sprite.canvas, x, top);
            continue;
          }
          ctx.fillStyle = layout.boxColor;
          ctx.fillRect(x, top, boxWidth, fontPx + 2 * pad);
          ctx.globalAlpha = textAlpha;
          ctx.fillStyle = line.color;
          ctx.fillText(line.label, x + pad, top + fontPx + pad);
        }
      }
      ctx.globalAlpha = 1;
      ctx.setLineDash([]);
    });
  }
}
