import type { DensityUnit } from '../model/liquidation-model';
import type { SweepRule } from '../model/model-options';
import { priceAtRow, rowLow, rowPosition, type PriceGrid } from '../model/price-grid';
import type { Side } from '../model/side';
import type { SweptZone } from '../model/swept-zone';
import { massBetween, readBias } from './bias';
import { findZones, type Zone } from './find-zones';
import type { Level, LevelsReport } from './level';
import { mergeLevelsOptions, type LevelsOptions } from './levels-options';
import { strengthReference } from './strength-reference';

/** One heatmap column and its context, in report units: the input of {@link computeLevels}. */
export interface LevelsInput {
  grid: PriceGrid;
  /** Open time of the column's bar. */
  time: number;
  /** Current price. */
  price: number;
  unit: DensityUnit;
  sweepRule: SweepRule;
  /** Long-side density per row (row 0 lowest). */
  long: ArrayLike<number>;
  /** Short-side density per row. */
  short: ArrayLike<number>;
  /** When the cluster peaking at `row` formed; defaults to `time`. */
  firstSeen?: (side: Side, row: number) => number;
  /** Swept zones to report, most recent first. */
  swept?: readonly SweptZone[];
}

/**
 * Every cluster of a column as a level, on each side of price (not yet filtered or ranked); with
 * `significantOnly`, only the clusters strong enough to be listed (the same zones: weaker peaks claim rows
 * only after stronger ones, so leaving them out changes no significant zone).
 */
export function columnLevels(input: LevelsInput, o: LevelsOptions, significantOnly = false): { above: Level[]; below: Level[] } {
  const { grid, price } = input;
  const split = Math.max(0, Math.min(grid.rows, Math.ceil(rowPosition(grid, price) - 0.5)));
  const peakMax = strengthReference(grid, price, split, input.long, input.short, o.strengthWithinPct);
  const minPeak = peakMax * (significantOnly ? Math.max(o.minPeak, o.minStrength) : o.minPeak);
  const longZones = findZones(input.long, 0, split, minPeak, o.zoneFloor, o.zoneMassShare, o.zoneBase);
  const shortZones = findZones(input.short, split, grid.rows, minPeak, o.zoneFloor, o.zoneMassShare, o.zoneBase);
  const toLevel = (zone: Zone, side: Side): Level => {
    let levelPrice = priceAtRow(grid, zone.peakRow + 0.5 + zone.peakOffset);
    let low = rowLow(grid, zone.lo);
    let high = rowLow(grid, zone.hi + 1);
    let clusterLow = rowLow(grid, zone.clusterLo);
    let clusterHigh = rowLow(grid, zone.clusterHi + 1);
    if (side === 'long') {
      high = Math.min(high, price);
      clusterHigh = Math.min(clusterHigh, price);
      levelPrice = Math.min(levelPrice, high);
    } else {
      low = Math.max(low, price);
      clusterLow = Math.max(clusterLow, price);
      levelPrice = Math.max(levelPrice, low);
    }
    return withPeakRow(zone.peakRow, { low: clusterLow, high: clusterHigh }, {
      price: levelPrice,
      low,
      high,
      side,
      strength: peakMax > 0 ? Math.min(1, zone.peak / peakMax) : 0,
      notional: zone.sum,
      distancePct: ((levelPrice - price) / price) * 100,
      firstSeen: input.time,
      id: levelId(side, input.time, grid.first + zone.peakRow),
    });
  };
  return { below: longZones.map((z) => toLevel(z, 'long')), above: shortZones.map((z) => toLevel(z, 'short')) };
}

/** The peak row of each level {@link columnLevels} made, so `firstSeen` is asked only for the levels reported. */
const peakRows = new WeakMap<Level, number>();
/** The price span of each such level's whole cluster (its zone is the core of it). */
const clusters = new WeakMap<Level, PriceSpan>();

/** A span of prices, `low` to `high`. */
export interface PriceSpan {
  low: number;
  high: number;
}

function withPeakRow(row: number, cluster: PriceSpan, level: Level): Level {
  peakRows.set(level, row);
  clusters.set(level, cluster);
  return level;
}

/**
 * The prices of the whole cluster a level made by {@link columnLevels} stands for: the rows out to the
 * valleys around its peak (its zone is the core of them); the zone itself for any other level.
 */
export function clusterOf(level: Level): PriceSpan {
  return clusters.get(level) ?? { low: level.low, high: level.high };
}

/** `copy` (a copy of `level` with other fields changed) standing for the same cluster as `level`. */
export function sameCluster(level: Level, copy: Level): Level {
  const cluster = clusters.get(level);
  if (cluster) clusters.set(copy, cluster);
  return copy;
}

/** A new level's id: its side, the bar it was first seen at and its peak's row on the anchored grid. */
export function levelId(side: Side, time: number, absoluteRow: number): string {
  return `${side}-${time}-${absoluteRow}`;
}

/** Levels with zone bounds, strength, size and distance on each side of price, nearest levels, bias. */
export function computeLevels(input: LevelsInput, options: Partial<LevelsOptions> = {}): LevelsReport {
  const o = mergeLevelsOptions(options);
  const { grid, price } = input;
  const { above, below } = columnLevels(input, o);

  const significant = (levels: Level[]) => levels.filter((l) => l.strength >= o.minStrength);
  const byDistance = (a: Level, b: Level) => Math.abs(a.distancePct) - Math.abs(b.distancePct);
  const nearest = (levels: Level[]) => [...significant(levels)].sort(byDistance)[0] ?? null;
  const rank = (l: Level) => (o.rankBy === 'peak' ? l.strength : l.notional) * Math.pow(0.5, Math.abs(l.distancePct) / o.proximityHalfPct);
  // One definition of "nearest": the list holds significant levels only and always the nearest one, so no
  // listed level is nearer than it and it is always drawn.
  const top = (levels: Level[]) => {
    const first = nearest(levels);
    const ranked = significant(levels)
      .filter((l) => l !== first)
      .sort((a, b) => rank(b) - rank(a) || byDistance(a, b))
      .slice(0, first ? o.top - 1 : o.top);
    return (first ? [first, ...ranked] : ranked).sort(byDistance);
  };
  // `firstSeen` walks back through history: asked only for the levels the report lists, once each.
  const seen = new Map<Level, Level>();
  const dated = (level: Level): Level => {
    let out = seen.get(level);
    if (!out) {
      const row = peakRows.get(level);
      out = input.firstSeen && row !== undefined ? { ...level, firstSeen: input.firstSeen(level.side, row) } : level;
      seen.set(level, out);
    }
    return out;
  };
  const nearestAbove = nearest(above);
  const nearestBelow = nearest(below);
  return {
    time: input.time,
    price,
    unit: input.unit,
    sweepRule: input.sweepRule,
    above: top(above).map(dated),
    below: top(below).map(dated),
    nearestAbove: nearestAbove && dated(nearestAbove),
    nearestBelow: nearestBelow && dated(nearestBelow),
    totals: {
      above: massBetween(grid, input.short, price, Infinity),
      below: massBetween(grid, input.long, -Infinity, price),
    },
    bias: readBias(grid, input.long, input.short, price, o.biasWindowPct, o.biasRatio),
    swept: [...(input.swept ?? [])],
  };
}
