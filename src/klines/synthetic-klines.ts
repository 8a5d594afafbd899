import type { Kline } from './kline';

/** Options of {@link syntheticKlines}. */
export interface SyntheticKlinesOptions {
  /** PRNG seed; the same seed gives the same series. Default 1. */
  seed?: number;
  /** First open time, epoch ms. Default 2025-01-01T00:00Z. */
  start?: number;
  /** Bar interval in ms. Default one hour. */
  intervalMs?: number;
  /** First open price. Default 60 000. */
  price?: number;
  /** Per-bar volatility (standard deviation of log returns). Default 0.007. */
  volatility?: number;
}

/**
 * A deterministic random-walk kline series (OHLCV plus quote and taker volumes) for demos, tests and
 * benchmarks when no recorded data is at hand. Not market data.
 */
export function syntheticKlines(count: number, options: SyntheticKlinesOptions = {}): Kline[] {
  const random = seededRandom(options.seed ?? 1);
  const intervalMs = options.intervalMs ?? 3_600_000;
  const start = options.start ?? Date.UTC(2025, 0, 1);
  const vol = options.volatility ?? 0.007;
  const normal = () => {
    const u = Math.max(random(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const out: Kline[] = [];
  let price = options.price ?? 60_000;
  for (let i = 0; i < count; i++) {
    const open = price;
    const close = open * Math.exp(vol * normal());
    const high = Math.max(open, close) * (1 + vol * 0.6 * random());
    const low = Math.min(open, close) * (1 - vol * 0.6 * random());
    const volume = 500 + 1500 * random();
    const vwap = (high + low + close) / 3;
    const takerBuyBase = volume * (0.35 + 0.3 * random());
    out.push({
      openTime: start + i * intervalMs,
      open,
      high,
      low,
      close,
      volume,
      closeTime: start + (i + 1) * intervalMs - 1,
      quoteVolume: volume * vwap,
      takerBuyBase,
      takerBuyQuote: takerBuyBase * vwap,
      trades: Math.round(volume * 10),
    });
    price = close;
  }
  return out;
}

/** A small deterministic PRNG (mulberry32) returning numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
