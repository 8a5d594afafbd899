import type { Level, LevelsReport } from '../../src/levels/level';

/** A level spanning `[low, high]` with its price in the middle, as seen from a price of 100. */
export function level(side: 'long' | 'short', low: number, high: number, strength: number): Level {
  const price = (low + high) / 2;
  return { price, low, high, side, strength, notional: strength * 100, distancePct: price - 100, firstSeen: 0, id: `${side}-${low}-${high}` };
}

/** A levels report at price 100 with the given levels and nothing else. */
export function report(below: Level[], above: Level[]): LevelsReport {
  return {
    time: 0,
    price: 100,
    unit: 'heat',
    sweepRule: 'full',
    below,
    above,
    nearestBelow: null,
    nearestAbove: null,
    totals: { above: 0, below: 0 },
    bias: { label: 'balanced', ratio: 1, below: 0, above: 0, windowPct: 2 },
    swept: [],
  };
}

/** Price 100. Long-liquidation zones below (one too weak to count), short-liquidation zones above (one weak). */
export const BELOW = [level('long', 96, 97, 0.9), level('long', 98, 99, 0.1), level('long', 90, 92, 1)];
export const ABOVE = [level('short', 103, 104, 0.8), level('short', 101, 101.5, 0.05), level('short', 106, 107, 0.5), level('short', 110, 111, 0.3), level('short', 115, 116, 0.6)];
