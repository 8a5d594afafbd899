import type { CanvasRenderingTarget2D } from 'fancy-canvas';
import type { IPrimitivePaneRenderer } from 'lightweight-charts';

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

/** Height of a label box in media pixels (11 px text plus padding). */
export const LABEL_HEIGHT = 19;

/** Draws level lines across the pane with their labels at the right; it only draws. */
export class LevelsRenderer implements IPrimitivePaneRenderer {
  constructor(private readonly lines: readonly LevelLine[]) {}

  draw(target: CanvasRenderingTarget2D): void {
    if (this.lines.length === 0) return;
    target.useBitmapCoordinateSpace(({ context: ctx, bitmapSize, horizontalPixelRatio: hpr, verticalPixelRatio: vpr }) => {
      const width = bitmapSize.width;
      const fontPx = Math.round(11 * vpr);
      ctx.font = `${fontPx}px -apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, sans-serif`;
      ctx.textBaseline = 'bottom';
      for (const line of this.lines) {
        const lineWidth = Math.max(1, Math.round(line.width * vpr));
        const y = Math.round(line.y * vpr) + (lineWidth % 2 ? 0.5 : 0);
        if (y < -fontPx * 2 || y > bitmapSize.height + lineWidth) continue;
        ctx.globalAlpha = line.alpha;
        ctx.strokeStyle = line.color;
        ctx.lineWidth = lineWidth;
        ctx.setLineDash(line.dashed ? [Math.round(4 * hpr), Math.round(4 * hpr)] : []);
        ctx.beginPath();
        ctx.moveTo(0, y);
        ctx.lineTo(width, y);
        ctx.stroke();
        if (line.label) {
          const pad = Math.round(4 * hpr);
          const textWidth = Math.ceil(ctx.measureText(line.label).width);
          const x = width - textWidth - 2 * pad - Math.round(8 * hpr);
          const top = Math.round(line.labelY * vpr - lineWidth / 2) - fontPx - 2 * pad;
          ctx.fillStyle = 'rgba(13, 17, 23, 0.78)';
          ctx.fillRect(x, top, textWidth + 2 * pad, fontPx + 2 * pad);
          ctx.fillStyle = line.color;
          ctx.fillText(line.label, x + pad, top + fontPx + pad);
        }
      }
      ctx.globalAlpha = 1;
      ctx.setLineDash([]);
    });
  }
}
