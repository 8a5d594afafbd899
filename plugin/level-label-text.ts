import { formatNotional, formatPct } from '../src/levels/format-level';
import type { Level, LevelsReport } from '../src/levels/level';
import type { LevelLabelsOption } from './heatmap-options';

/** Whether `level` is `report`'s nearest level above or below the price. */
export function isNearestLevel(report: LevelsReport, level: Level): boolean {
  return [report.nearestAbove, report.nearestBelow].some((n) => n !== null && sameLevel(n, level));
}

/** Whether two levels are the same side and price (a report's nearest level may be a copy of a top one). */
export function sameLevel(a: Level, b: Level): boolean {
  return a.side === b.side && a.price === b.price;
}

/**
 * The exact text the overlay draws on a level's line: the price in `formatPrice` (the overlay passes the
 * series' price formatter), the size in the report's unit and the distance, with `▲ nearest | ` or
 * `▼ nearest | ` before the nearest level above or below: `▲ nearest | 105129.10 | $41.2M | +1.20%`;
 * with `labels` `'compact'` (the `levelLabels` option) the price and size only, `▲ ` / `▼ ` before the
 * nearest levels: `▲ 105129.10 | $41.2M`. Measure it to keep room for the labels.
 */
export function levelLabelText(level: Level, report: LevelsReport, formatPrice: (price: number) => string, labels: LevelLabelsOption = 'full'): string {
  const arrow = level.side === 'short' ? '▲' : '▼';
  const nearest = isNearestLevel(report, level);
  const size = formatNotional(level.notional, report.unit);
  if (labels === 'compact') return `${nearest ? `${arrow} ` : ''}${formatPrice(level.price)} | ${size}`;
  return `${nearest ? `${arrow} nearest | ` : ''}${formatPrice(level.price)} | ${size} | ${formatPct(level.distancePct)}`;
}
