// @ts-check
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { intervalToMs, isBinanceInterval, msToInterval, parseKlines, syntheticKlines, toKlineSeries } from 'lwc-plugin-liquidation-heatmap/core';
import { canCoarsen, coarsenSeries } from './coarser-series.mjs';

/** @typedef {import('lwc-plugin-liquidation-heatmap/core').KlineSeries} KlineSeries */
/**
 * Bars to replay and what they are: `label` for the status line; `file` the recording (its name only);
 * `derivedFrom` the recording's interval when the bars were made coarser from it; `synthetic` when
 * generated (only ever on request); `labelOf` the label of the bars from `from` to `to` (open times), when
 * only the latest of them are sent.
 * @typedef {object} Replay
 * @property {string} label
 * @property {(from: number, to: number) => string} labelOf
 * @property {KlineSeries} series
 * @property {string | null} file
 * @property {string | null} symbol
 * @property {string | null} interval
 * @property {string | null} derivedFrom
 * @property {boolean} synthetic
 */

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
 * The UTC span from one open time to another, e.g. `2025-04-22 07:00 – 2025-06-02 22:00 UTC`.
 * @param {number} from
 * @param {number} to
 */
function spanText(from, to) {
  /** @param {number} ms */
  const at = (ms) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
  return `${at(from)} – ${at(to)} UTC`;
}

/**
 * A replay of `series` labelled by `labelOf` its span: all of it (`label`), or its latest bars.
 * @param {KlineSeries} series
 * @param {(span: string) => string} labelOf
 * @param {Omit<Replay, 'label' | 'labelOf' | 'series'>} rest
 * @returns {Replay}
 */
function replayOf(series, labelOf, rest) {
  const span = series.length === 0 ? 'no bars' : spanText(series.openTime[0], series.openTime[series.length - 1]);
  return { ...rest, series, label: labelOf(span), labelOf: (from, to) => labelOf(spanText(from, to)) };
}

/**
 * The symbol a recording's file name starts with (`BTCUSDT-PERP_1h_….csv`), or null.
 * @param {string} name
 */
function symbolOfName(name) {
  return /^([A-Z0-9]{2,30})-(PERP|SPOT)_/.exec(name)?.[1] ?? null;
}

/**
 * A recorded series given with `--replay FILE`; throws a KlineError naming the file and row when it is
 * bad. Its label (sent to the page) names the file only, not where it lives on this machine.
 * @param {string} file
 * @returns {Replay}
 */
export function loadReplayFile(file) {
  const series = parseFile(file);
  const name = basename(file);
  return replayOf(series, (span) => `replay of ${name}, ${span}`, { file: name, symbol: symbolOfName(name), interval: msToInterval(series.intervalMs) ?? null, derivedFrom: null, synthetic: false });
}

/** The recorded perp files in ../shared, by name (none when the folder is absent). */
function recordings() {
  return existsSync(SHARED_KLINES) ? readdirSync(SHARED_KLINES).filter((f) => f.endsWith('.csv')).sort() : [];
}

/** Lines of each recording read so far (the folder holds a fixed set of files). @type {Map<string, number>} */
const lineCounts = new Map();

/**
 * The recording with the most bars among `files` (the first by name on a tie): the longest history
 * gives every range on the page its bars and the model its warm-up. Lines stand for bars; only the
 * chosen file is parsed.
 * @param {string[]} files
 * @returns {string | undefined}
 */
function longest(files) {
  /** @param {string} file */
  const lines = (file) => {
    let n = lineCounts.get(file);
    if (n === undefined) {
      const text = readFileSync(SHARED_KLINES + file, 'utf8');
      n = 0;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
      lineCounts.set(file, n);
    }
    return n;
  };
  /** @type {string | undefined} */
  let best;
  for (const file of files) if (best === undefined || lines(file) > lines(best)) best = file;
  return best;
}

/**
 * Recorded bars of a symbol and interval from ../shared: a perp recording of that interval when one
 * exists, else one of a finer interval made coarser (the coarsest finer one, so the fewest bars are
 * summed), else null; of several such recordings, the one with the most bars. Never invents bars.
 * @param {string} symbol
 * @param {string} interval
 * @returns {Replay | null}
 */
export function findReplay(symbol, interval) {
  if (!isBinanceInterval(interval)) return null;
  const files = recordings().filter((f) => f.startsWith(`${symbol}-PERP_`));
  const exact = longest(files.filter((f) => f.startsWith(`${symbol}-PERP_${interval}_`)));
  if (exact) {
    const series = parseFile(SHARED_KLINES + exact);
    return replayOf(series, (span) => `replay of recorded ${symbol} perp ${interval} (${exact}, ${span})`, { file: exact, symbol, interval, derivedFrom: null, synthetic: false });
  }
  const wantedMs = intervalToMs(interval);
  const candidates = files
    .map((file) => ({ file, fine: /^[A-Z0-9]+-PERP_([0-9]+[a-zA-Z])_/.exec(file)?.[1] ?? '' }))
    .filter(({ fine }) => isBinanceInterval(fine) && canCoarsen(intervalToMs(fine), wantedMs))
    .sort((a, b) => intervalToMs(b.fine) - intervalToMs(a.fine));
  const coarsest = candidates.filter((c) => c.fine === candidates[0]?.fine);
  const chosen = longest(coarsest.map((c) => c.file));
  const finer = coarsest.find((c) => c.file === chosen);
  if (!finer) return null;
  const series = cached(`${finer.file}>${interval}`, () => coarsenSeries(parseFile(SHARED_KLINES + finer.file), wantedMs));
  if (series.length === 0) return null;
  return replayOf(series, (span) => `replay of recorded ${symbol} perp ${interval} made from ${finer.fine} bars (${finer.file}, ${span})`, {
    file: finer.file,
    symbol,
    interval,
    derivedFrom: finer.fine,
    synthetic: false,
  });
}

/**
 * Generated bars (a seeded random walk), only for an explicit `?demo=synthetic`: never market data.
 * @param {string} symbol
 * @param {string} interval
 * @returns {Replay}
 */
export function syntheticReplay(symbol, interval) {
  const price = symbol.startsWith('ETH') ? 2500 : symbol.startsWith('BTC') ? 60_000 : 100;
  const series = cached(`synthetic:${symbol}:${interval}`, () =>
    toKlineSeries(syntheticKlines(1500, { intervalMs: intervalToMs(interval), price, seed: symbol.length * 31 + interval.length })),
  );
  const label = `SYNTHETIC ${symbol} ${interval}: a generated random walk, not market data`;
  return { label, labelOf: () => label, series, file: null, symbol, interval, derivedFrom: null, synthetic: true };
}

/**
 * The series as Binance REST rows (the shape `/fapi/v1/klines` returns), from bar `from` on.
 * @param {KlineSeries} series
 * @param {number} [from]
 * @returns {(string | number)[][]}
 */
export function toRestRows(series, from = 0) {
  const rows = [];
  /** @param {number} v */
  const optional = (v) => (Number.isNaN(v) ? '' : String(v));
  for (let i = Math.max(0, from); i < series.length; i++) {
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
