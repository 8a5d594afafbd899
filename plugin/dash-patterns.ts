type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** Patterns kept at most: one per level colour and dash length in use. */
const MAX_PATTERNS = 16;

/**
 * Dashed-line fills by colour and dash length (bitmap pixels): `dash` pixels of the colour, then `dash`
 * clear, repeating from x = 0 like a stroke dashed `[dash, dash]` from the pane's left edge. Filling a
 * line's rectangle with one costs a fraction of stroking a dashed path in Chromium's software raster,
 * which draws every dash as its own segment.
 */
export class DashPatterns {
  private patterns = new Map<string, CanvasPattern>();
  private usable: boolean | undefined;

  /** The pattern, or null when none can be made here (the caller strokes the dashes itself). */
  get(context: Context2D, color: string, dash: number): CanvasPattern | null {
    if (this.usable === false) return null;
    const key = `${dash}|${color}`;
    let pattern = this.patterns.get(key) ?? null;
    if (!pattern) {
      pattern = create(context, color, dash);
      this.usable = pattern !== null;
      if (!pattern) return null;
      if (this.patterns.size >= MAX_PATTERNS) this.patterns.clear();
      this.patterns.set(key, pattern);
    }
    return pattern;
  }

  /** Drops every pattern (detach). */
  reset(): void {
    this.patterns.clear();
  }
}

function create(context: Context2D, color: string, dash: number): CanvasPattern | null {
  const canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(2 * dash, 1) : typeof document !== 'undefined' ? document.createElement('canvas') : null;
  if (!canvas || typeof context.createPattern !== 'function') return null;
  canvas.width = 2 * dash;
  canvas.height = 1;
  const tile = canvas.getContext('2d') as Context2D | null;
  if (!tile || typeof tile.fillRect !== 'function') return null;
  tile.fillStyle = color;
  tile.fillRect(0, 0, dash, 1);
  return context.createPattern(canvas, 'repeat') ?? null;
}
