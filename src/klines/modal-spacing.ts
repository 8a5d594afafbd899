/**
 * The most common positive difference between consecutive values (ties go to the smaller one);
 * 0 when there is none. Non-positive and non-finite differences are ignored.
 */
export function modalSpacing(times: ArrayLike<number>): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < times.length; i++) {
    const spacing = times[i] - times[i - 1];
    if (spacing > 0 && spacing < Infinity) counts.set(spacing, (counts.get(spacing) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [spacing, count] of counts) {
    if (count > bestCount || (count === bestCount && spacing < best)) {
      best = spacing;
      bestCount = count;
    }
  }
  return best;
}
