// @ts-check
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { intervalToMs, parseKlines, syntheticKlines, toKlineSeries } from 'lwc-plugin-liquidation-heatmap/core';

/** @typedef {import('lwc-plugin-liquidation-heatmap/core').KlineSeries} KlineSeries */
/** @typedef {{ label: string, series: KlineSeries }} Replay */

const SHARED_KLINES = fileURLToPath(new URL('../../../shared/data/binance/klines/', import.meta.url));
/** Most series held: every request may name a new symbol, and each generated walk costs ~130 KB. */
const MAX_CACHED = 32;
/** @type {Map<string, KlineSeries>} */
const cache = new Map();

/**
 * The cached value of `key`, made by `make` (and the oldest entry dropped past {@link MAX_CACHED}) when absent.
 * @param {string} key
 * @param {() => KlineSeries} make
 * @returns {KlineSeries}
 */
function cached(key, make) {
  let series = cache.get(key);
  if (!series) {
    series = make();
    cache.set(key, series);
    if (cache.size > MAX_CACHED) cache.delete(/** @type {string} */ (cache.keys().next().value));
  }
  return series;
}

/** How many series are held in memory (never more than a small fixed number). */
export function cachedSeriesCount() {
  return cache.size;
}

/** @param {string} file */
function parseFile(file) {
  return cached(file, () => parseKlines(readFileSync(file, 'utf8'), { source: file }));
}

/**
 * A recorded series given with `--replay FILE`; throws a KlineError naming the file and row when it is
 * bad. Its label (sent to the page) names the file only, not where it lives on this machine.
 * @param {string} file
 * @returns {Replay}
 */
export function loadReplayFile(file) {
  return { label: `replay of ${basename(file)}`, series: parseFile(file) };
}

/**
 * Replay data for a symbol and interval when none was given: a recorded Binance perp file of that
 * symbol and interval from ../shared when one exists, else a generated random walk, labelled as such.
 * @param {string} symbol
 * @param {string} interval
 * @returns {Replay}
 */
export function findReplay(symbol, interval) {
  if (existsSync(SHARED_KLINES)) {
    const name = readdirSync(SHARED_KLINES)
      .filter((f) => f.startsWith(`${symbol}-PERP_${interval}_`) && f.endsWith('.csv'))
      .sort()[0];
    if (name) return { label: `replay of recorded ${symbol} perp ${interval} (${name})`, series: parseFile(SHARED_KLINES + name) };
  }
  const price = symbol.startsWith('ETH') ? 2500 : symbol.startsWith('BTC') ? 60_000 : 100;
  const series = cached(`synthetic:${symbol}:${interval}`, () =>
    toKlineSeries(syntheticKlines(1500, { intervalMs: intervalToMs(interval), price, seed: symbol.length * 31 + interval.length })),
  );
  return { label: `generated ${symbol} ${interval} random walk (no recording of it here)`, series };
}

/**
 * The series as Binance REST rows (the shape `/fapi/v1/klines` returns).
 * @param {KlineSeries} series
 * @returns {(string | number)[][]}
 */
export function toRestRows(series) {
  const rows = [];
  /** @param {number} v */
  const optional = (v) => (Number.isNaN(v) ? '' : String(v));
  for (let i = 0; i < series.length; i++) {
    rows.push([
      series.openTime[i],
      String(series.open[i]),
      String(series.high[i]),
      String(series.low[i]),
      String(series.close[i]),
      String(series.volume[i]),
      series.openTime[i] + series.intervalMs - 1,
      optional(series.quoteVolume[i]),
      Number.isNaN(series.trades[i]) ? 0 : series.trades[i],
      optional(series.takerBuyBase[i]),
      optional(series.takerBuyQuote[i]),
      '0',
    ]);
  }
  return rows;
}
