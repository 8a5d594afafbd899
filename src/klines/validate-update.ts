import type { Kline } from './kline';
import { KlineError } from './kline-error';
import { validateKline, type KlinePlace } from './validate-kline';

/** Most intervals a live update may lie past the last bar held (a longer jump is a bad tick, not a gap). */
export const MAX_UPDATE_GAP_BARS = 1000;

/**
 * Checks a live kline against the bars already held: {@link validateKline}, and an open time at most
 * {@link MAX_UPDATE_GAP_BARS} intervals after `lastOpenTime` (no check without a last bar or an interval).
 * @throws KlineError as {@link validateKline}, or `out-of-range` (field `openTime`) for a jump too far ahead.
 */
export function validateUpdate(kline: Kline, lastOpenTime: number | undefined, intervalMs: number, at: KlinePlace = {}): void {
  validateKline(kline, at);
  if (lastOpenTime === undefined || !(intervalMs > 0)) return;
  const bars = (kline.openTime - lastOpenTime) / intervalMs;
  if (bars > MAX_UPDATE_GAP_BARS) {
    const reason = `open time ${kline.openTime} is ${Math.round(bars)} intervals after the last bar (${lastOpenTime}); at most ${MAX_UPDATE_GAP_BARS} are accepted`;
    throw new KlineError('out-of-range', reason, at.row, 'openTime', at.source);
  }
}
