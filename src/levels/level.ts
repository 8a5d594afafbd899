import type { DensityUnit } from '../model/liquidation-model';
import type { SweepRule } from '../model/model-options';
import type { Side } from '../model/side';
import type { SweptZone } from '../model/swept-zone';
import type { WarmupStatus } from '../model/warmup';

/** A liquidation cluster on one side of price. */
export interface Level {
  /** Peak price of the cluster (sub-row precision). */
  price: number;
  /** Lower bound of the zone. */
  low: number;
  /** Upper bound of the zone. */
  high: number;
  /** `long`: longs get liquidated here (below price); `short`: shorts do (above price). */
  side: Side;
  /** Peak density relative to the strongest level on either side, 0..1. */
  strength: number;
  /** Estimated size of the zone: USD with open interest, else relative heat. */
  notional: number;
  /** Signed distance of `price` from the current price, in percent. */
  distancePct: number;
  /** Open time (epoch ms) of the bar since which the peak row has continuously held mass. */
  firstSeen: number;
  /**
   * Stable identity while the cluster lives: the same across ticks, closed bars and reloads of the same
   * history (`side-bornTime-row`, the bar it became significant at and its peak's row on the anchored grid).
   */
  id: string;
}

/** A level that stopped being one: swept by price, or faded below significance. */
export interface EndedLevel {
  /** The level as last reported while it lived. */
  level: Level;
  /** Open time of the bar at which it ended. */
  endedAt: number;
  /** `swept`: price traded through it in that bar (a sweep overlapped its zone); `faded`: it fell below significance. */
  how: 'swept' | 'faded';
}

/** Which side of price carries more liquidation pressure near it. */
export type BiasLabel = 'long-flush' | 'short-squeeze' | 'balanced';

/** The bias read and the numbers that decided it. */
export interface Bias {
  label: BiasLabel;
  /** `below / above`, capped to [1/999, 999]; 1 when both are zero. */
  ratio: number;
  /** Long-liquidation mass within `windowPct` below price. */
  below: number;
  /** Short-liquidation mass within `windowPct` above price. */
  above: number;
  windowPct: number;
}

/** The levels report for one heatmap column. */
export interface LevelsReport {
  /** Open time of the bar the report describes (epoch ms). */
  time: number;
  /** Current price (that bar's close). */
  price: number;
  /** Unit of `notional`, `totals` and the bias masses: `'usd'` (estimated, with open interest) or `'heat'` (relative). */
  unit: DensityUnit;
  /** The sweep rule of the last bar the model computed: its `sweep` option, or `'mark'` when mark-price klines covered that bar. */
  sweepRule: SweepRule;
  /** Strongest short-liquidation levels above price, nearest first. */
  above: Level[];
  /** Strongest long-liquidation levels below price, nearest first. */
  below: Level[];
  /** Nearest significant level above price (short liquidations), or null; always also in `above`. */
  nearestAbove: Level | null;
  /** Nearest significant level below price (long liquidations), or null; always also in `below`. */
  nearestBelow: Level | null;
  /** Total mass on each side of price inside the grid. */
  totals: { above: number; below: number };
  /** Which side's liquidations dominate within `biasWindowPct` of price, and the masses that decided it. */
  bias: Bias;
  /** Zones recently swept by price, most recent first. */
  swept: SweptZone[];
  /** In reports of a model: whether its history covered the warm-up before this bar. */
  warmup?: WarmupStatus;
  /** In reports of a model: the tier-1 maintenance margin rate the liquidation prices used. */
  mmr?: number;
  /** With the `since` option: the levels that ended at or after that time, oldest first. */
  ended?: EndedLevel[];
}
