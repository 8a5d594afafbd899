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
