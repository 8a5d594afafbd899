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

/**
 * Every candle of `klines` (time order) at `intervalMs`: what {@link CandleAggregator} gives kline by
 * kline (a kline at the latest one's time replaces it, an older one is ignored), in one pass that builds
 * one object per candle, not one per kline (a 6-month load aggregates ~20k klines in the page's task).
 */
export function aggregateKlines(klines: readonly Kline[], intervalMs: number): Kline[] {
  if (!(intervalMs > 0)) throw new RangeError(`aggregateKlines: intervalMs must be > 0, got ${intervalMs}`);
  const out: Kline[] = [];
  let i = 0;
  while (i < klines.length) {
    const start = Math.floor(klines[i].openTime / intervalMs) * intervalMs;
    let j = i + 1;
    while (j < klines.length && Math.floor(klines[j].openTime / intervalMs) * intervalMs === start) j++;
    out.push(bucketCandle(klines, i, j, start));
    i = j;
  }
  return out;
}

/** The candle of `klines[from..to)`, one bucket starting at `start`. */
function bucketCandle(klines: readonly Kline[], from: number, to: number, start: number): Kline {
  let latest = klines[from];
  let first: Kline | null = null;
  let high = -Infinity;
  let low = Infinity;
  let volume = 0;
  let quoteVolume: number | undefined = 0;
  let takerBuyBase: number | undefined = 0;
  let takerBuyQuote: number | undefined = 0;
  let trades: number | undefined = 0;
  for (let k = from + 1; k <= to; k++) {
    const next = k < to ? klines[k] : null;
    if (next && next.openTime < latest.openTime) continue;
    if (next && next.openTime === latest.openTime) {
      latest = next;
      continue;
    }
    if (next === null && first === null) break;
    // `latest` is settled: a newer kline follows, or it closes a bucket of several.
    if (first === null) first = latest;
    high = Math.max(high, latest.high);
    low = Math.min(low, latest.low);
    volume += latest.volume;
    quoteVolume = sum(quoteVolume, latest.quoteVolume);
    takerBuyBase = sum(takerBuyBase, latest.takerBuyBase);
    takerBuyQuote = sum(takerBuyQuote, latest.takerBuyQuote);
    trades = sum(trades, latest.trades);
    if (next === null) {
      return { openTime: start, open: first.open, high, low, close: latest.close, volume, quoteVolume, takerBuyBase, takerBuyQuote, trades };
    }
    latest = next;
  }
  return merge(null, latest, start);
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
