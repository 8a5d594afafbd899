import type { Kline, KlineSeries } from '../klines/kline';
import { toKlineSeries } from '../klines/to-series';
import { windowCoverage } from './window-coverage';

/** One klines file: its name, the symbol and market its name says, and its bars. */
export interface KlinesFile {
  file: string;
  symbol: string;
  market: 'perp' | 'spot';
  series: KlineSeries;
}

/** The klines a window is scored on: one symbol, market and interval, from one or more files. */
export interface KlinesChoice {
  series: KlineSeries;
  files: string[];
}

/**
 * Klines files of several symbols. Files of one symbol, market and interval are joined into one series
 * (a later file adds only bars after the earlier one's last), so a window whose history spans two files
 * is still covered.
 */
export class KlineLibrary {
  private readonly groups: KlinesChoice[] = [];
  private readonly keys: { symbol: string; market: 'perp' | 'spot'; intervalMs: number }[] = [];

  constructor(files: readonly KlinesFile[]) {
    const byKey = new Map<string, KlinesFile[]>();
    for (const f of files) {
      const key = `${f.symbol}|${f.market}|${f.series.intervalMs}`;
      byKey.set(key, [...(byKey.get(key) ?? []), f]);
    }
    for (const list of byKey.values()) {
      const sorted = [...list].sort((a, b) => a.series.openTime[0] - b.series.openTime[0]);
      this.groups.push({ series: sorted.length === 1 ? sorted[0].series : join(sorted), files: sorted.map((f) => f.file) });
      this.keys.push({ symbol: sorted[0].symbol, market: sorted[0].market, intervalMs: sorted[0].series.intervalMs });
    }
  }

  /** Symbols with at least one file. */
  get symbols(): string[] {
    return [...new Set(this.keys.map((k) => k.symbol))].sort();
  }

  /**
   * The klines of `symbol` to score a window at `t0` on: among the series holding bars through
   * `t0 + horizonMs`, the one with the most history in `[t0 - lookbackMs, t0)`; ties go to perpetual
   * over spot klines, then to the interval nearest {@link PREFERRED_INTERVAL_MS} (1h, the interval the
   * evaluation corpus has for every symbol: a daily file covering the same lookback would sweep a whole
   * day per bar), then to the longer one. Null when none covers the window.
   */
  choose(symbol: string, t0: number, lookbackMs: number, horizonMs: number): KlinesChoice | null {
    let best: { choice: KlinesChoice; history: number; perp: number; intervalMs: number } | null = null;
    for (let i = 0; i < this.groups.length; i++) {
      const key = this.keys[i];
      const s = this.groups[i].series;
      if (key.symbol !== symbol || s.length === 0) continue;
      if (windowCoverage(s, t0, horizonMs) !== null) continue;
      const history = Math.min(t0, s.openTime[s.length - 1]) - Math.max(s.openTime[0], t0 - lookbackMs);
      const candidate = { choice: this.groups[i], history, perp: key.market === 'perp' ? 1 : 0, intervalMs: key.intervalMs };
      if (!best || compare(candidate, best) > 0) best = candidate;
    }
    return best ? best.choice : null;
  }
}

/** The interval a window is scored on when several cover its lookback equally. */
export const PREFERRED_INTERVAL_MS = 3_600_000;

function compare(a: { history: number; perp: number; intervalMs: number }, b: { history: number; perp: number; intervalMs: number }): number {
  const distance = (ms: number) => Math.abs(Math.log(ms / PREFERRED_INTERVAL_MS));
  return a.history - b.history || a.perp - b.perp || distance(b.intervalMs) - distance(a.intervalMs) || a.intervalMs - b.intervalMs;
}

function join(files: readonly KlinesFile[]): KlineSeries {
  const bars: Kline[] = [];
  let last = -Infinity;
  for (const { series: s } of files) {
    for (let i = 0; i < s.length; i++) {
      if (s.openTime[i] <= last) continue;
      bars.push({ openTime: s.openTime[i], open: s.open[i], high: s.high[i], low: s.low[i], close: s.close[i], volume: s.volume[i], ...optional(s, i) });
      last = s.openTime[i];
    }
  }
  return toKlineSeries(bars, { source: files.map((f) => f.file).join(' + '), intervalMs: files[0].series.intervalMs });
}

function optional(s: KlineSeries, i: number): Partial<Kline> {
  const out: Partial<Kline> = {};
  if (!Number.isNaN(s.quoteVolume[i])) out.quoteVolume = s.quoteVolume[i];
  if (!Number.isNaN(s.takerBuyBase[i])) out.takerBuyBase = s.takerBuyBase[i];
  if (!Number.isNaN(s.takerBuyQuote[i])) out.takerBuyQuote = s.takerBuyQuote[i];
  if (!Number.isNaN(s.trades[i])) out.trades = s.trades[i];
  return out;
}

/** Symbol (e.g. `BTCUSDT`, `1000PEPEUSDT`) and market a klines file name says, or null for the symbol when it names none. */
export function symbolOfFile(name: string): { symbol: string | null; market: 'perp' | 'spot' } {
  return { symbol: /([A-Z0-9]{2,20}USDT)/.exec(name)?.[1] ?? null, market: /SPOT/i.test(name) ? 'spot' : 'perp' };
}
