import { checkKnownOptions } from '../options/known-options';
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

/** @internal A placement at a zone: both `price` and `level` set. */
export type ZonePlacement = Placement & { price: number; level: Level };

const DEFAULT_BUFFER_PCT = 0.1;
const DEFAULT_MIN_STRENGTH = 0.2;

/**
 * A stop beyond the nearest significant liquidation zone against the trade: for a long, below the `low`
 * of the nearest long-liquidation zone under the entry (an entry inside a zone uses that zone), minus
 * the buffer; for a short, above the `high` of the nearest short zone over the entry. Never inside a zone:
 * when the buffered price would land in another significant zone of the same side, the stop moves beyond
 * that one too (and `level` is the zone whose edge set the price). Throws a `RangeError` naming a bad field.
 */
export function suggestStop(report: LevelsReport, request: PlacementRequest): Placement {
  checkPlacementRequest(request);
  const { side, entry } = request;
  const buffer = (request.bufferPct ?? DEFAULT_BUFFER_PCT) / 100;
  const zones = significant(report, side, request.minStrength);
  const zone =
    side === 'long'
      ? zones.filter((l) => l.low < entry).sort((a, b) => b.high - a.high)[0]
      : zones.filter((l) => l.high > entry).sort((a, b) => a.low - b.low)[0];
  if (!zone) return { price: null, level: null, distancePct: null, reason: `no significant ${againstZone(side)} the entry` };
  const beyond = (l: Level) => (side === 'long' ? l.low * (1 - buffer) : l.high * (1 + buffer));
  let far = zone;
  let price = beyond(zone);
  const passed: Level[] = [];
  for (let next = containing(zones, price, side); next; next = containing(zones, price, side)) {
    passed.push(next);
    far = next;
    price = beyond(next);
  }
  const edge = side === 'long' ? `below the low ${fmt(far.low)}` : `above the high ${fmt(far.high)}`;
  const also = passed.length ? ` and the adjoining zone${passed.length > 1 ? 's' : ''} ${passed.map(span).join(', ')}` : '';
  return { price, level: far, distancePct: pct(price, entry), reason: `beyond the ${zone.side} zone ${span(zone)}${also}, ${edge}` };
}

/**
 * Up to `count` (default 3) targets just before the next significant zones in the trade's direction: a
 * long aims below the `low` of short-liquidation zones above the entry, a short above the `high` of long
 * zones below. A zone whose buffered target would not be beyond the entry (it starts within the buffer of
 * it) is skipped. Throws a `RangeError` naming a bad field.
 */
export function suggestTargets(report: LevelsReport, request: PlacementRequest & { count?: number }): Placement[] {
  checkPlacementRequest(request, 'placement', ['count']);
  return targetCandidates(report, request)
    .filter((t) => t.ahead)
    .slice(0, request.count ?? 3)
    .map((t) => t.placement);
}

/** @internal Every target zone ahead of the entry, nearest first, marked whether its buffered price is beyond the entry. */
export function targetCandidates(report: LevelsReport, request: PlacementRequest): { placement: ZonePlacement; ahead: boolean }[] {
  const { side, entry } = request;
  const buffer = (request.bufferPct ?? DEFAULT_BUFFER_PCT) / 100;
  const opposite: TradeSide = side === 'long' ? 'short' : 'long';
  const zones = significant(report, opposite, request.minStrength);
  const ahead =
    side === 'long'
      ? zones.filter((l) => l.low > entry).sort((a, b) => a.low - b.low)
      : zones.filter((l) => l.high < entry).sort((a, b) => b.high - a.high);
  return ahead.map((zone) => {
    const price = side === 'long' ? zone.low * (1 - buffer) : zone.high * (1 + buffer);
    return {
      placement: { price, level: zone, distancePct: pct(price, entry), reason: `just before the ${zone.side} zone ${span(zone)}` },
      ahead: side === 'long' ? price > entry : price < entry,
    };
  });
}

/** @internal `long-liquidation zone below` / `short-liquidation zone above`: the zones a stop goes beyond. */
export function againstZone(side: TradeSide): string {
  return side === 'long' ? 'long-liquidation zone below' : 'short-liquidation zone above';
}

/** @internal The zones targets aim at, in the same words. */
export function aheadZone(side: TradeSide): string {
  return side === 'long' ? 'short-liquidation zone above' : 'long-liquidation zone below';
}

const PLACEMENT_FIELDS: readonly (keyof PlacementRequest)[] = ['side', 'entry', 'bufferPct', 'minStrength'];

/**
 * @internal Throws a `RangeError` naming the first bad field of a placement request, or a field that is
 * neither a placement field nor one of `moreFields` (the caller's own, e.g. `count`).
 */
export function checkPlacementRequest(request: PlacementRequest, where = 'placement', moreFields: readonly string[] = []): void {
  const r = request as Partial<PlacementRequest> | null | undefined;
  if (typeof r !== 'object' || r === null) throw new RangeError(`${where}: the request must be an object with side and entry`);
  checkKnownOptions(r, [...PLACEMENT_FIELDS, ...moreFields], where);
  if (r.side !== 'long' && r.side !== 'short') throw new RangeError(`${where}: side must be 'long' or 'short', got ${show(r.side)}`);
  if (typeof r.entry !== 'number' || !Number.isFinite(r.entry) || r.entry <= 0)
    throw new RangeError(`${where}: entry must be a finite positive price, got ${show(r.entry)}`);
  if (r.bufferPct !== undefined && (typeof r.bufferPct !== 'number' || !(r.bufferPct >= 0 && r.bufferPct < 100)))
    throw new RangeError(`${where}: bufferPct must be a number in [0, 100), got ${show(r.bufferPct)}`);
  if (r.minStrength !== undefined && (typeof r.minStrength !== 'number' || !(r.minStrength >= 0 && r.minStrength <= 1)))
    throw new RangeError(`${where}: minStrength must be a number in [0, 1], got ${show(r.minStrength)}`);
}

/** @internal A value as it reads in an error message. */
export function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
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

/** A zone holding `price` that reaches further against the trade (strictly, so the walk always ends). */
function containing(zones: readonly Level[], price: number, side: TradeSide): Level | undefined {
  return zones.find((l) => (side === 'long' ? l.low < price && price <= l.high : l.low <= price && price < l.high));
}

function pct(price: number, entry: number): number {
  return ((price - entry) / entry) * 100;
}

function span(level: Level): string {
  return `${fmt(level.low)}-${fmt(level.high)}`;
}

function fmt(price: number): string {
  return price.toPrecision(6);
}
