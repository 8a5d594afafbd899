/** How much painting a frame may do, and the clock it is measured with. */
export interface PaintTiming {
  /** Milliseconds now; default `performance.now()`. Tests pass a deterministic clock. */
  clock: () => number;
  /** Painting per frame stops after this many ms. Default 6. */
  budgetMs: number;
  /**
   * The budget is per window of this many ms, not per call: lightweight-charts may update a
   * primitive's views several times in one frame. Default 16.
   */
  windowMs: number;
}

/** The timing a pane view paints with unless told otherwise. */
export const DEFAULT_PAINT_TIMING: Readonly<PaintTiming> = Object.freeze({
  clock: () => performance.now(),
  budgetMs: 6,
  windowMs: 16,
});

/** A frame's paint budget, shared by every paint that starts within the same window. */
export class PaintBudget {
  private readonly timing: PaintTiming;
  private windowStart = -Infinity;
  private spent = 0;

  constructor(timing: Partial<PaintTiming> = {}) {
    this.timing = { ...DEFAULT_PAINT_TIMING, ...timing };
  }

  /** Runs `work` with a test that turns true once this window's budget is spent; charges the time it took. */
  spend<T>(work: (expired: () => boolean) => T): T {
    const { clock, budgetMs, windowMs } = this.timing;
    const start = clock();
    if (start - this.windowStart >= windowMs) {
      this.windowStart = start;
      this.spent = 0;
    }
    const deadline = start + budgetMs - this.spent;
    try {
      return work(() => clock() > deadline);
    } finally {
      this.spent += clock() - start;
    }
  }
}
