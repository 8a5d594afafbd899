import { aggregateSeries } from '../klines/aggregate-series';
import type { KlineSeries } from '../klines/kline';
import { closedCountAt, firstBarAtOrAfter, sliceRange } from '../klines/slice-series';
import type { Level, LevelsReport } from '../levels/level';
import { modelLevels } from '../levels/model-levels';
import { LiquidationModel } from '../model/liquidation-model';
import type { ModelOptions } from '../model/model-options';
import { historyNeededMs } from '../model/warmup';

/** How often the report at one bar agrees between a view and the longest view. */
export interface ViewAgreement {
  viewMs: number;
  cuts: number;
  /** Shares of cuts (0..1) meeting each criterion, and all of them. */
  nearestWithinRow: number;
  topWithinRow: number;
  sizesWithin5Pct: number;
  biasEqual: number;
  all: number;
}

/** How far the nearest significant level each side moves between intervals at the same moment. */
export interface IntervalSpread {
  intervals: number[];
  cases: number;
  /** Largest pairwise distance between the intervals' nearest levels, in % of price: median, 90th percentile, max. */
  medianPct: number;
  p90Pct: number;
  maxPct: number;
  /** Share of cases within 0.5 % of price. */
  within05Pct: number;
}

/**
 * For `cuts` bars spread over `series`, the levels report at that bar computed from views of each length
 * (plus the history the model needs before a view) compared with the one from the longest view: nearest
 * level each side within one row, top levels within one row, sizes and totals within 5 %, bias label equal.
 */
export function viewInvariance(series: KlineSeries, viewsMs: readonly number[], cuts: number, model: Partial<ModelOptions> = {}): ViewAgreement[] {
  const views = [...viewsMs].sort((a, b) => a - b);
  const longest = views[views.length - 1];
  const history = historyNeededMs(new LiquidationModel(model).options().tiers);
  const first = firstBarAtOrAfter(series, series.openTime[0] + longest + history);
  const indexes = spread(first, series.length - 1, cuts);
  const report = (end: number, viewMs: number) => {
    const start = firstBarAtOrAfter(series, series.openTime[end] - viewMs - history);
    const m = new LiquidationModel(model);
    m.setData(sliceRange(series, start, end + 1), { lastBarForming: false });
    return modelLevels(m, { top: 5, trackIds: false });
  };
  const rowPct = Math.expm1(new LiquidationModel(model).options().resolutionPct / 100) * 100;
  const tallies = views.slice(0, -1).map((viewMs) => ({ viewMs, cuts: 0, nearestWithinRow: 0, topWithinRow: 0, sizesWithin5Pct: 0, biasEqual: 0, all: 0 }));
  for (const end of indexes) {
    const reference = report(end, longest);
    tallies.forEach((t) => {
      const r = report(end, t.viewMs);
      const nearest = sameLevel(r.nearestAbove, reference.nearestAbove, rowPct) && sameLevel(r.nearestBelow, reference.nearestBelow, rowPct);
      const top = sameList(r.above, reference.above, rowPct) && sameList(r.below, reference.below, rowPct);
      const sizes = sizesClose(r, reference);
      const bias = r.bias.label === reference.bias.label;
      t.cuts++;
      t.nearestWithinRow += Number(nearest);
      t.topWithinRow += Number(top);
      t.sizesWithin5Pct += Number(sizes);
      t.biasEqual += Number(bias);
      t.all += Number(nearest && top && sizes && bias);
    });
  }
  return tallies.map((t) => ({ ...t, nearestWithinRow: t.nearestWithinRow / t.cuts, topWithinRow: t.topWithinRow / t.cuts, sizesWithin5Pct: t.sizesWithin5Pct / t.cuts, biasEqual: t.biasEqual / t.cuts, all: t.all / t.cuts }));
}

/**
 * At `cuts` moments (closes of the coarsest interval's bars), the nearest significant level each side from
 * the series aggregated to each interval, each model reading the history it needs before that moment.
 */
export function intervalSpread(series: KlineSeries, intervalsMs: readonly number[], cuts: number, model: Partial<ModelOptions> = {}): IntervalSpread {
  const intervals = [...intervalsMs].sort((a, b) => a - b);
  const coarse = intervals[intervals.length - 1];
  const bySize = intervals.map((ms) => aggregateSeries(series, ms));
  const history = historyNeededMs(new LiquidationModel(model).options().tiers);
  const start = Math.ceil((series.openTime[0] + history) / coarse) * coarse;
  const end = Math.floor((series.openTime[series.length - 1] + series.intervalMs) / coarse) * coarse;
  const moments = spread(0, Math.floor((end - start) / coarse), cuts).map((k) => start + k * coarse);
  const spreads: number[] = [];
  for (const at of moments) {
    const reports = bySize.map((s) => {
      const count = closedCountAt(s, at);
      const from = firstBarAtOrAfter(s, at - history);
      const m = new LiquidationModel(model);
      m.setData(sliceRange(s, from, count), { lastBarForming: false });
      return modelLevels(m, { top: 5, trackIds: false });
    });
    const price = reports[reports.length - 1].price;
    for (const side of ['nearestAbove', 'nearestBelow'] as const) {
      const prices = reports.map((r) => r[side]?.price).filter((p): p is number => p !== undefined);
      if (prices.length !== reports.length) continue;
      spreads.push(((Math.max(...prices) - Math.min(...prices)) / price) * 100);
    }
  }
  spreads.sort((a, b) => a - b);
  const at = (q: number) => (spreads.length ? spreads[Math.min(spreads.length - 1, Math.floor(q * (spreads.length - 1)))] : NaN);
  return {
    intervals,
    cases: spreads.length,
    medianPct: at(0.5),
    p90Pct: at(0.9),
    maxPct: spreads.length ? spreads[spreads.length - 1] : NaN,
    within05Pct: spreads.length ? spreads.filter((s) => s <= 0.5).length / spreads.length : NaN,
  };
}

/** `count` indexes spread evenly over `[from, to]`. */
function spread(from: number, to: number, count: number): number[] {
  if (to < from) return [];
  if (count <= 1 || to === from) return [to];
  return Array.from({ length: count }, (_, k) => from + Math.round(((to - from) * k) / (count - 1)));
}

function sameLevel(a: Level | null, b: Level | null, rowPct: number): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a.price - b.price) <= (b.price * rowPct) / 100;
}

function sameList(a: readonly Level[], b: readonly Level[], rowPct: number): boolean {
  return a.length === b.length && a.every((level, k) => sameLevel(level, b[k], rowPct));
}

function sizesClose(a: LevelsReport, b: LevelsReport): boolean {
  const close = (x: number, y: number) => Math.abs(x - y) <= 0.05 * Math.max(Math.abs(x), Math.abs(y));
  const levels = (r: LevelsReport) => [...r.above, ...r.below];
  const la = levels(a);
  const lb = levels(b);
  return close(a.totals.above, b.totals.above) && close(a.totals.below, b.totals.below) && la.length === lb.length && la.every((l, k) => close(l.notional, lb[k].notional));
}
