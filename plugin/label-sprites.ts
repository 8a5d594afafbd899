/** A level label (box and text) drawn once at the pane's resolution, to be copied with one `drawImage`. */
export interface LabelSprite {
  canvas: HTMLCanvasElement | OffscreenCanvas;
  /** Width of the text in bitmap pixels, rounded up. */
  textWidth: number;
}

/** How a label is drawn, in bitmap pixels: the font, its size, the padding around the text and the box fill. */
export interface LabelStyle {
  font: string;
  fontPx: number;
  pad: number;
  boxColor: string;
}

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** Labels kept at most; the visible ones are a dozen or so, and they change with the levels. */
const MAX_SPRITES = 64;

/**
 * Pre-rendered level labels by text, colour and opacity for one style: while panning the labels stay
 * the same and only move, and copying a small bitmap costs a fraction of measuring and rasterising the
 * text every frame. A new style (font, pixel ratio, background) starts afresh.
 */
export class LabelSprites {
  private sprites = new Map<string, LabelSprite>();
  private styleKey = '';
  private usable: boolean | undefined;

  /** The sprite of a label, or null when no canvas can be made here (the caller draws the label itself). */
  get(text: string, color: string, alpha: number, style: LabelStyle): LabelSprite | null {
    const styleKey = `${style.font}|${style.fontPx}|${style.pad}|${style.boxColor}`;
    if (styleKey !== this.styleKey || this.sprites.size >= MAX_SPRITES) {
      this.sprites.clear();
      this.styleKey = styleKey;
    }
    const key = `${alpha}|${color}|${text}`;
    let sprite = this.sprites.get(key);
    if (!sprite) {
      const made = this.usable === false ? null : render(text, color, alpha, style);
      this.usable = made !== null;
      if (!made) return null;
      sprite = made;
      this.sprites.set(key, sprite);
    }
    return sprite;
  }

  /** Drops every sprite (detach). */
  reset(): void {
    this.sprites.clear();
    this.styleKey = '';
  }
}

function render(text: string, color: string, alpha: number, style: LabelStyle): LabelSprite | null {
  const canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1) : typeof document !== 'undefined' ? document.createElement('canvas') : null;
  let context = canvas?.getContext('2d') as Context2D | null | undefined;
  if (!canvas || !context || typeof context.fillText !== 'function') return null;
  context.font = style.font;
  const textWidth = Math.ceil(context.measureText(text).width);
  canvas.width = textWidth + 2 * style.pad;
  canvas.height = style.fontPx + 2 * style.pad;
  // Resizing resets the context's state.
  context = canvas.getContext('2d') as Context2D;
  context.font = style.font;
  context.textBaseline = 'bottom';
  context.fillStyle = style.boxColor;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.globalAlpha = alpha;
  context.fillStyle = color;
  context.fillText(text, style.pad, style.fontPx + style.pad);
  return { canvas, textWidth };
}
