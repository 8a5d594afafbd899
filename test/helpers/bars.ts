import type { Kline } from '../../src/klines/kline';
import { emptyBarInput, type BarInput } from '../../src/model/bar-input';

export const HOUR = 3_600_000;
export const T0 = Date.UTC(2025, 0, 1);

/** A kline at hour `i` from T0. */
export function bar(i: number, open: number, high: number, low: number, close: number, volume = 100, extra: Partial<Kline> = {}): Kline {
  return { openTime: T0 + i * HOUR, open, high, low, close, volume, ...extra };
}

/** The engine's input for a kline. */
export function input(k: Kline, extra: Partial<BarInput> = {}): BarInput {
  return {
    ...emptyBarInput(),
    time: k.openTime,
    open: k.open,
    high: k.high,
    low: k.low,
    close: k.close,
    volume: k.volume,
    quoteVolume: k.quoteVolume ?? NaN,
    takerBuyBase: k.takerBuyBase ?? NaN,
    ...extra,
  };
}
