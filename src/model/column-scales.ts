import type { BarInput } from './bar-input';
import type { Engine } from './engine';
import type { HeatmapColumns } from './heatmap-columns';

/**
 * Sets column `i`'s scale to USD: the bar's open interest over the model's total mass (`engine` holding
 * bar `i`'s state), or the previous column's when the bar has none; 1 without open interest (`withOi`).
 */
export function recordScale(store: HeatmapColumns, i: number, engine: Engine, input: BarInput, withOi: boolean): void {
  let scale = 1;
  if (withOi) {
    const oi = input.openInterest;
    const total = engine.total(input.close);
    scale = oi === oi && total > 0 ? oi / total : i > store.oldest(i + 1) ? store.scale(i - 1) : NaN;
  }
  store.setScale(i, scale);
}

/** Columns before the first open-interest point (of the first `closed`) take the first known scale: one consistent unit. */
export function fillScaleBackwards(store: HeatmapColumns, closed: number): void {
  let first = -1;
  const oldest = store.oldest(closed);
  for (let i = oldest; i < closed; i++) if (store.scale(i) === store.scale(i)) { first = i; break; }
  const fill = first >= 0 ? store.scale(first) : 1;
  for (let i = oldest; i < (first >= 0 ? first : closed); i++) store.setScale(i, fill);
}
