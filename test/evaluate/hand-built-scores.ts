import type { SideScore } from '../../src/evaluate/score-side';
import type { WindowScore } from '../../src/evaluate/window-score';
import type { Side } from '../../src/model/side';

/** Rows in range and rows taken in every hand-built side: chance is 2 / 10, so lift = capture * 5. */
export const ROWS = 10;
export const TAKEN = 2;

export interface HandSide {
  side?: Side;
  orders?: number;
  notional?: number;
  /** Model's capture (USD, count); lift = capture * 5. */
  heat: [number, number];
  /** Prior's capture (USD, count). */
  prior?: [number, number];
  coverage?: number;
  zone?: [number, number];
}

/** A side score with the given captures, ten rows in range and two taken. */
export function sideScore(h: HandSide): SideScore {
  const prior = h.prior ?? [0, 0];
  const zone = h.zone ?? [0, 0];
  const coverage = h.coverage ?? 0;
  const rowScore = ([usd, count]: [number, number]) => ({ rows: ROWS, taken: TAKEN, capture: { usd, count }, lift: { usd: (usd * ROWS) / TAKEN, count: (count * ROWS) / TAKEN } });
  return {
    side: h.side ?? 'long',
    orders: h.orders ?? 1,
    notional: h.notional ?? 100,
    low: 90,
    high: 100,
    heatmap: rowScore(h.heat),
    prior: rowScore(prior),
    zones: { count: 1, coverage, capture: { usd: zone[0], count: zone[1] }, lift: coverage > 0 ? { usd: zone[0] / coverage, count: zone[1] / coverage } : null },
  };
}

/** A scored window on `day` (`YYYY-MM-DD`) with the given sides. */
export function windowScore(day: string, sides: SideScore[], symbol = 'ETHUSDT'): WindowScore {
  return {
    symbol,
    t0: Date.parse(`${day}T12:00:00Z`),
    day,
    price0: 100,
    orders: sides.reduce((n, s) => n + s.orders, 0),
    notional: sides.reduce((n, s) => n + s.notional, 0),
    sides,
  };
}
