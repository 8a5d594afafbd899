import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseKlines, syntheticKlines, toKlineSeries } from '../../dist/core.mjs';

const DEFAULT_REPLAY = fileURLToPath(new URL('../../../shared/data/binance/klines/BTCUSDT-PERP_1h_astral.csv', import.meta.url));

/**
 * The recorded series the demo replays: `--replay FILE` (CSV or Binance JSON klines), else the shared
 * BTCUSDT perp 1h recording when present, else a generated random walk (labelled as such).
 */
export function loadReplay(file) {
  if (file) return { label: file, series: parseKlines(readFileSync(file, 'utf8'), { source: file }) };
  if (existsSync(DEFAULT_REPLAY)) return { label: 'BTCUSDT perp 1h (recorded)', series: parseKlines(readFileSync(DEFAULT_REPLAY, 'utf8'), { source: DEFAULT_REPLAY }) };
  return { label: 'generated random walk (no recorded data found)', series: toKlineSeries(syntheticKlines(1000)) };
}

/** The series as Binance REST rows (the shape `/fapi/v1/klines` returns). */
export function toRestRows(series) {
  const rows = [];
  for (let i = 0; i < series.length; i++) {
    const optional = (v) => (Number.isNaN(v) ? '' : String(v));
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
