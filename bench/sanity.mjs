/** Sanity checks on benchmark output: every value finite, and something non-zero was computed. */

/** `{ finite, sum }` over the first `count` values (`sum` NaN when a value is not finite). */
export function checkFinite(values, count = values.length) {
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) return { finite: false, sum: NaN };
    sum += v;
  }
  return { finite: true, sum };
}

/** Whether both sides' columns are finite and carry some mass. */
export function columnsSane(long, short, count) {
  const l = checkFinite(long, count);
  const s = checkFinite(short, count);
  return { finite: l.finite && s.finite, positive: l.sum > 0 && s.sum > 0, longSum: l.sum, shortSum: s.sum };
}

/** {@link columnsSane} over a model's columns, read through its API. */
export function modelSane(model) {
  let longSum = 0;
  let shortSum = 0;
  let finite = true;
  for (let i = 0; i < model.length; i++) {
    const { long, short } = model.columnAt(i);
    const l = checkFinite(long);
    const s = checkFinite(short);
    finite = finite && l.finite && s.finite;
    longSum += l.sum;
    shortSum += s.sum;
  }
  return { finite, positive: longSum > 0 && shortSum > 0, longSum, shortSum };
}

/** Largest relative gap of a side's total mass (over every column) the baseline may show against the model. */
export const MASS_TOLERANCE = 0.05;
/**
 * Largest shape gap of a column the baseline may show against the model's: half the L1 distance of the two
 * columns each normalised to sum 1 (0 the same shape, 1 no overlap).
 */
export const SHAPE_TOLERANCE = 0.1;

/**
 * Whether the naive baseline computed the model's heatmap: each side's total mass over every column within
 * {@link MASS_TOLERANCE} of the model's, and every column's shape within {@link SHAPE_TOLERANCE}. They differ
 * in detail (a Gaussian per bucket against exactly integrated triangles, whole-row flow shifts, no pruning),
 * so the check is loose; it fails when the baseline leaves out or doubles a piece of the work (the tiers'
 * spread or the forward flow moves the shape gap past the tolerance).
 */
export function baselineAgrees(model, naive) {
  const rows = naive.grid.rows;
  const report = {};
  let agrees = true;
  for (const side of ['long', 'short']) {
    const theirs = side === 'long' ? naive.columnsLong : naive.columnsShort;
    let modelMass = 0;
    let naiveMass = 0;
    let shapeGap = 0;
    for (let i = 0; i < model.length; i++) {
      const a = model.columnAt(i)[side];
      const b = theirs.subarray(i * rows, (i + 1) * rows);
      const sa = sum(a);
      const sb = sum(b);
      modelMass += sa;
      naiveMass += sb;
      let distance = 0;
      for (let r = 0; r < rows; r++) distance += Math.abs(a[r] / sa - b[r] / sb);
      if (sa > 0 && sb > 0) shapeGap = Math.max(shapeGap, distance / 2);
      else if (sa > 0 || sb > 0) shapeGap = 1;
    }
    const massGap = Math.abs(naiveMass - modelMass) / modelMass;
    report[side] = { massGap, shapeGap };
    agrees = agrees && massGap <= MASS_TOLERANCE && shapeGap <= SHAPE_TOLERANCE;
  }
  return { agrees, ...report };
}

function sum(values) {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}
