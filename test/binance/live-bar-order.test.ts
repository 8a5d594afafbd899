import { describe, expect, it } from 'vitest';
import { LiveBarOrder } from '../../src/binance/live-bar-order';
import type { Kline } from '../../src/klines/kline';

const M = 60_000;
const T0 = Date.UTC(2025, 0, 1);
const k = (i: number, closed?: boolean, close = 100 + i): Kline => ({
  openTime: T0 + i * M,
  open: 100,
  high: 110,
  low: 90,
  close,
  volume: 1,
  ...(closed === undefined ? {} : { closed }),
});

/** Judges and, when delivered, applies a live kline; returns the verdict. */
function live(order: LiveBarOrder, kline: Kline, eventTime: number, allowGap = false): string {
  const verdict = order.judge(kline, eventTime, allowGap);
  if (verdict === 'deliver') order.applyLive(kline, eventTime);
  return verdict;
}

describe('LiveBarOrder', () => {
  it('delivers ticks of the forming bar and its close once, then the next bar', () => {
    const order = new LiveBarOrder(M);
    expect(live(order, k(0, false), 1)).toBe('deliver');
    expect(live(order, k(0, false), 2)).toBe('deliver');
    expect(live(order, k(0, true), 3)).toBe('deliver');
    expect(live(order, k(0, true), 3)).toBe('ignore');
    expect(live(order, k(1, false), 4)).toBe('deliver');
    expect(order.lastClosed).toBe(T0);
    expect(order.forming).toBe(T0 + M);
  });

  it('ignores older ticks, repeats of the last tick and bars older than the forming one', () => {
    const order = new LiveBarOrder(M);
    live(order, k(0, true), 1);
    live(order, k(1, false), 10);
    expect(live(order, k(1, false), 9)).toBe('ignore');
    expect(live(order, k(1, false), 10)).toBe('ignore');
    expect(live(order, k(0, false), 11)).toBe('ignore');
    expect(live(order, k(1, true), 10)).toBe('deliver'); // a closing tick is never a repeat
  });

  it('reports a gap for a newer bar while one is forming, or after a whole missing bar', () => {
    const order = new LiveBarOrder(M);
    live(order, k(0, false), 1);
    expect(order.judge(k(1, false), 2)).toBe('gap');
    expect(order.judge(k(1, false), 2, true)).toBe('deliver');
    const closed = new LiveBarOrder(M);
    live(closed, k(0, true), 1);
    expect(closed.judge(k(1, false), 2)).toBe('deliver');
    expect(closed.judge(k(2, false), 2)).toBe('gap');
  });

  it('REST: every bar but the last is closed, the last is forming unless a newer bar was seen live', () => {
    const order = new LiveBarOrder(M, T0);
    const out = order.applyRest([k(2), k(0), k(1), k(1, undefined, 7)]);
    expect(out.map((b) => [b.openTime, b.closed])).toEqual([[T0, true], [T0 + M, true], [T0 + 2 * M, false]]);
    expect(out[1].close).toBe(7); // of two rows for one bar, the later wins
    order.noteLive(T0 + 3 * M);
    expect(order.applyRest([k(2), k(3)]).map((b) => [b.openTime, b.closed])).toEqual([[T0 + 2 * M, true], [T0 + 3 * M, false]]);
    expect(order.applyRest([k(0), k(1)])).toEqual([]);
    expect(order.resumeFrom()).toBe(T0 + 3 * M);
  });
});
