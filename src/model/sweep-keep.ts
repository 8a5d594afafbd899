/**
 * Where a bar clears one side, in log price. Longs: mass at and above `full` keeps `keepFull`, mass
 * between `partial` and `full` keeps a share that runs linearly from `keepInner` (at `full`) to
 * `keepOuter` (at `partial`), mass below `partial` is untouched. Shorts mirror it (at and below).
 * `full` may be infinite (no fully cleared region).
 */
export interface SweepBounds {
  full: number;
  partial: number;
  keepFull: number;
  keepInner: number;
  keepOuter: number;
}

/** Bounds that clear nothing. */
export function noSweep(): SweepBounds {
  return { full: Infinity, partial: Infinity, keepFull: 1, keepInner: 1, keepOuter: 1 };
}

/** Share of the mass of the row `[y0, y0 + step)` (log price) that the bounds keep, averaged over the row. */
export function keepFraction(isLong: boolean, y0: number, step: number, b: SweepBounds): number {
  const y1 = y0 + step;
  let untouched: number;
  let p0: number;
  let p1: number;
  let beyond: number;
  if (isLong) {
    if (y1 <= b.partial) return 1;
    if (y0 >= b.full) return b.keepFull;
    untouched = Math.max(0, Math.min(y1, b.partial) - y0);
    p0 = Math.max(y0, b.partial);
    p1 = Math.min(y1, b.full);
    beyond = Math.max(0, y1 - Math.max(y0, b.full));
  } else {
    if (y0 >= b.partial) return 1;
    if (y1 <= b.full) return b.keepFull;
    untouched = Math.max(0, y1 - Math.max(y0, b.partial));
    p0 = Math.max(y0, b.full);
    p1 = Math.min(y1, b.partial);
    beyond = Math.max(0, Math.min(y1, b.full) - y0);
  }
  let kept = untouched + beyond * b.keepFull;
  if (p1 > p0) kept += (p1 - p0) * wickKeep(b, (p0 + p1) / 2);
  return kept / step;
}

/** The linear keep share at `y` inside the partial region. */
function wickKeep(b: SweepBounds, y: number): number {
  if (b.keepInner === b.keepOuter) return b.keepInner;
  const depth = (b.full - y) / (b.full - b.partial);
  return b.keepInner + (b.keepOuter - b.keepInner) * depth;
}
