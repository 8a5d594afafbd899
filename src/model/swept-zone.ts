import type { Side } from './side';

/** A zone whose liquidation mass price traded through. */
export interface SweptZone {
  side: Side;
  /** Price where the most mass was cleared. */
  price: number;
  low: number;
  high: number;
  /** Mass cleared (USD with open interest, else heat). */
  notional: number;
  /** Open time of the bar that swept it (epoch ms). */
  time: number;
}

/** A swept zone with the index of the bar that swept it. */
export interface SweptZoneAt extends SweptZone {
  index: number;
}
