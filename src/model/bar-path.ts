import type { BarInput } from './bar-input';
import type { SweepBounds } from './sweep-keep';

/**
 * What a bar's own price path liquidates of the positions it opened, as bounds on their liquidation
 * prices (log price), each side written into its `out`. Returns false when the bar has no range.
 *
 * The path is taken as open → low → high → close for a green bar and open → high → low → close for a red
 * one, and positions open in proportion to the distance price travelled, spread over prices as the bar's
 * entry triangle (the price and the time of an entry are taken as independent). A long opened before the
 * bar's low is liquidated if its price is at or above the low; one opened after the low, only by the
 * lowest price after it: the close on a green bar (a long opened on the way up, or on the way back down
 * from the high), nothing on a red bar (price only rises from the low to the close). Shorts mirror this
 * around the high. So for longs of a green bar: liquidation prices at or above the close are cleared,
 * those between the low and the close keep the share opened after the low. With mark-price klines the
 * mark low and high are the extremes reached (liquidation is on the mark price); the order of the path
 * still comes from the bar's open and close. The sweep rule's wick clearing does not apply here. `share`
 * is the part of the reached positions that is liquidated (`sweepShare`).
 */
export function barPathBounds(bar: BarInput, share: number, long: SweepBounds, short: SweepBounds): boolean {
  const { open, high, low, close } = bar;
  const green = close >= open;
  const legs = green ? [open - low, high - low, high - close] : [high - open, high - low, close - low];
  const travelled = legs[0] + legs[1] + legs[2];
  if (!(travelled > 0) || !(low > 0)) return false;
  const beforeLow = (green ? legs[0] : legs[0] + legs[1]) / travelled;
  const beforeHigh = (green ? legs[0] + legs[1] : legs[0]) / travelled;
  const reachedLow = bar.markLow === bar.markLow ? bar.markLow : low;
  const reachedHigh = bar.markHigh === bar.markHigh ? bar.markHigh : high;
  const lnLow = Math.log(reachedLow);
  const lnHigh = Math.log(reachedHigh);
  const lnClose = Math.log(close);
  set(long, lnLow, green ? Math.max(lnClose, lnLow) : Infinity, 1 - share * beforeLow, 1 - share);
  set(short, lnHigh, green ? -Infinity : Math.min(lnClose, lnHigh), 1 - share * beforeHigh, 1 - share);
  return true;
}

function set(b: SweepBounds, partial: number, full: number, keep: number, keepFull: number): void {
  b.partial = partial;
  b.full = full;
  b.keepInner = b.keepOuter = keep;
  b.keepFull = keepFull;
}
