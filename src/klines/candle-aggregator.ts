import type { Kline } from './kline';

/**
 * Builds the chart's candles from finer klines as they arrive, live: `push` takes every kline (a tick of
 * the forming one, or a closed one) in time order and returns the candle of `intervalMs` (epoch-aligned,
 * as Binance aligns bars up to a day) that it changes, so a 4h chart can follow a 15m kline stream.
 */
export class CandleAggregator {
  private start = NaN;
  /** The candle from the klines of its bucket that are already final (all but the latest). */
  private settled: Kline | null = null;
  private latest: Kline | null = null;

  constructor(readonly intervalMs: number) {
    if (!(intervalMs > 0)) throw new RangeError(`CandleAggregator: intervalMs must be > 0, got ${intervalMs}`);
  }

  /** Applies `kline` and returns the candle it belongs to, as it stands now. */
  push(kline: Kline): Kline {
    const start = Math.floor(kline.openTime / this.intervalMs) * this.intervalMs;
    if (start !== this.start) {
      this.start = start;
      this.settled = null;
      this.latest = null;
    }
    if (this.latest && kline.openTime > this.latest.openTime) this.settled = merge(this.settled, this.latest, start);
    if (!this.latest || kline.openTime >= this.latest.openTime) this.latest = kline;
    return merge(this.settled, this.latest ?? kline, start);
  }
}

/** Every candle of `klines` (time order) at `intervalMs`. */
export function aggregateKlines(klines: readonly Kline[], intervalMs: number): Kline[] {
  const aggregator = new CandleAggregator(intervalMs);
  const out: Kline[] = [];
  for (const k of klines) {
    const candle = aggregator.push(k);
    if (out.length > 0 && out[out.length - 1].openTime === candle.openTime) out[out.length - 1] = candle;
    else out.push(candle);
  }
  return out;
}

function merge(base: Kline | null, k: Kline, start: number): Kline {
  if (!base) {
    const { closeTime: _closeTime, closed: _closed, ...rest } = k;
    return { ...rest, openTime: start };
  }
  return {
    openTime: start,
    open: base.open,
    high: Math.max(base.high, k.high),
    low: Math.min(base.low, k.low),
    close: k.close,
    volume: base.volume + k.volume,
    quoteVolume: sum(base.quoteVolume, k.quoteVolume),
    takerBuyBase: sum(base.takerBuyBase, k.takerBuyBase),
    takerBuyQuote: sum(base.takerBuyQuote, k.takerBuyQuote),
    trades: sum(base.trades, k.trades),
  };
}

function sum(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined ? undefined : a + b;
}
