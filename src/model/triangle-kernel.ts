import type { LinearGrid } from './price-grid';

/**
 * Adds `amount` spread as a triangular density over `[a, b]` peaking at `m` into `target`, integrating
 * the density exactly over each row (mass-conserving, no per-row `exp`). Mass below row 0 or above the
 * last row is returned as `[below, above]` instead of being written.
 */
export function addTriangle(
  target: Float64Array,
  offset: number,
  grid: LinearGrid,
  a: number,
  m: number,
  b: number,
  amount: number,
  outside: Float64Array,
): void {
  const { min, step, rows } = grid;
  if (!(b > a)) {
    const r = Math.floor((a - min) / step);
    if (r < 0) outside[0] += amount;
    else if (r >= rows) outside[1] += amount;
    else target[offset + r] += amount;
    return;
  }
  const first = Math.floor((a - min) / step);
  const last = Math.floor((b - min) / step);
  if (first < 0) outside[0] += amount * triangleCdf(min, a, m, b);
  if (last >= rows) outside[1] += amount * (1 - triangleCdf(min + rows * step, a, m, b));
  const r0 = Math.max(first, 0);
  const r1 = Math.min(last, rows - 1);
  let prev = triangleCdf(min + r0 * step, a, m, b);
  for (let r = r0; r <= r1; r++) {
    const next = r === last ? 1 : triangleCdf(min + (r + 1) * step, a, m, b);
    target[offset + r] += amount * (next - prev);
    prev = next;
  }
}

/** CDF of the triangular distribution on `[a, b]` with mode `m` (`a < b`, `a <= m <= b`). */
export function triangleCdf(x: number, a: number, m: number, b: number): number {
  if (x <= a) return 0;
  if (x >= b) return 1;
  if (x <= m) return ((x - a) * (x - a)) / ((b - a) * (m - a));
  return 1 - ((b - x) * (b - x)) / ((b - a) * (b - m));
}
