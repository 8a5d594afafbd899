import type { Level, LevelsReport } from './level';

/** Direction of the trade being placed. */
export type TradeSide = 'long' | 'short';

/** Inputs of {@link suggestStop} and {@link suggestTargets}. */
export interface PlacementRequest {
  side: TradeSide;
  entry: number;
  /** Distance kept from a zone edge, percent of the edge price. Default 0.1. */
  bufferPct?: number;
  /** Strength a zone needs to be used. Default 0.2. */
  minStrength?: number;
}

/** A suggested price and the level it came from; `price` and `level` are null when no zone qualifies. */
export interface Placement {
  price: number | null;
  level: Level | null;
  /** Signed distance from the entry in percent, null with no price. */
  distancePct: number | null;
  reason: string;
}

const DEFAULT_BUFFER_PCT = 0.1;
const DEFAULT_MIN_STRENGTH = 0.2;

/**
 * A stop beyond the nearest significant liquidation zone against the trade: for a long, below the `low`
 * of the nearest long-liquidation zone under the entry (an entry inside a zone uses that zone), minus
 * the buffer; for a short, above the `high` of the nearest short zone over the entry. Never inside a zone.
 */
export function suggestStop(report: LevelsReport, request: PlacementRequest): Placement {
  const { side, entry } = request;
  const buffer = (request.bufferPct ?? DEFAULT_BUFFER_PCT) / 100;
  const zones = significant(report, side, request.minStrength);
  const zone =
    side === 'long'
      ? zones.filter((l) => l.low < entry).sort((a, b) => b.high - a.high)[0]
      : zones.filter((l) => l.high > entry).sort((a, b) => a.low - b.low)[0];
  if (!zone) {
    const where = side === 'long' ? 'long-liquidation zone below' : 'short-liquidation zone above';
    return { price: null, level: null, distancePct: null, reason: `no significant ${where} the entry` };
  }
  const price = side === 'long' ? zone.low * (1 - buffer) : zone.high * (1 + buffer);
  const edge = side === 'long' ? `below the low ${fmt(zone.low)}` : `above the high ${fmt(zone.high)}`;
  return { price, level: zone, distancePct: pct(price, entry), reason: `beyond the ${zone.side} zone ${fmt(zone.low)}-${fmt(zone.high)}, ${edge}` };
}

/**
 * Up to `count` targets just before the next significant zones in the trade's direction: a long aims
 * below the `low` of short-liquidation zones above the entry, a short above the `high` of long zones below.
 */
export function suggestTargets(report: LevelsReport, request: PlacementRequest & { count?: number }): Placement[] {
  const { side, entry } = request;
  const buffer = (request.bufferPct ?? DEFAULT_BUFFER_PCT) / 100;
  const opposite: TradeSide = side === 'long' ? 'short' : 'long';
  const zones = significant(report, opposite, request.minStrength);
  const ahead =
    side === 'long'
      ? zones.filter((l) => l.low > entry).sort((a, b) => a.low - b.low)
      : zones.filter((l) => l.high < entry).sort((a, b) => b.high - a.high);
  return ahead.slice(0, request.count ?? 3).map((zone) => {
    const price = side === 'long' ? zone.low * (1 - buffer) : zone.high * (1 + buffer);
    return { price, level: zone, distancePct: pct(price, entry), reason: `just before the ${zone.side} zone ${fmt(zone.low)}-${fmt(zone.high)}` };
  });
}

/** Significant levels of one side from the report's lists and nearest levels, without repeats. */
function significant(report: LevelsReport, side: TradeSide, minStrength = DEFAULT_MIN_STRENGTH): Level[] {
  const pool = side === 'long' ? [...report.below, report.nearestBelow] : [...report.above, report.nearestAbove];
  const seen = new Set<number>();
  return pool.filter((l): l is Level => {
    if (!l || l.side !== side || l.strength < minStrength || seen.has(l.price)) return false;
    seen.add(l.price);
    return true;
  });
}

function pct(price: number, entry: number): number {
  return ((price - entry) / entry) * 100;
}

function fmt(price: number): string {
  return price.toPrecision(6);
}
