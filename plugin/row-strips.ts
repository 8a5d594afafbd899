/**
 * A run of image rows drawn as one stretched band: image rows `[row, row + count)` (row 0 = highest
 * price) between `yTop` and `yBottom`, in media pixels.
 */
export interface RowStrip {
  row: number;
  count: number;
  yTop: number;
  yBottom: number;
}

/** Largest error, in media pixels, of drawing the rows of a strip evenly spaced. */
const TOLERANCE_PX = 0.25;

/**
 * Groups row boundaries (`edges[k]` = top of image row `k`, `edges[rows]` = bottom) into as few strips
 * as keep each inner boundary within {@link TOLERANCE_PX} of where even spacing puts it. Log-spaced rows
 * on a linear price axis bend only slowly, so a screen of rows is a handful of strips.
 */
export function rowStrips(edges: Float64Array): RowStrip[] {
  const rows = edges.length - 1;
  const strips: RowStrip[] = [];
  let start = 0;
  while (start < rows) {
    let end = start + 1;
    while (end < rows && evenWithin(edges, start, end + 1)) end++;
    strips.push({ row: start, count: end - start, yTop: edges[start], yBottom: edges[end] });
    start = end;
  }
  return strips;
}

function evenWithin(edges: Float64Array, start: number, end: number): boolean {
  const a = edges[start];
  const perRow = (edges[end] - a) / (end - start);
  // The bend is smooth and one-signed, so the middle and quarter points bound the error.
  for (const k of [(start + end) >> 1, (3 * start + end) >> 2, (start + 3 * end) >> 2]) {
    if (Math.abs(edges[k] - (a + perRow * (k - start))) > TOLERANCE_PX) return false;
  }
  return true;
}
