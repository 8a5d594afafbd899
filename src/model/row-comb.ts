/**
 * Tiers merged by their whole-row shift: one entry per distinct shift, carrying the summed weight of the
 * tiers with it, in ascending shift order. Spread tiers often round to the same row (high leverages sit a
 * row or two apart), so a kernel placed once per entry instead of once per tier does the same sum with
 * fewer passes.
 */
export interface RowComb {
  readonly shift: Int32Array;
  readonly weight: Float64Array;
}

/** The comb of tiers with `weight[t]` at `rowShift[t]` rows (tiers of weight 0 left out). */
export function rowComb(rowShift: Int32Array, weight: Float64Array): RowComb {
  const sums = new Map<number, number>();
  for (let t = 0; t < rowShift.length; t++) {
    if (weight[t] !== 0) sums.set(rowShift[t], (sums.get(rowShift[t]) ?? 0) + weight[t]);
  }
  const shifts = [...sums.keys()].sort((a, b) => a - b);
  return { shift: Int32Array.from(shifts), weight: Float64Array.from(shifts, (d) => sums.get(d) as number) };
}
