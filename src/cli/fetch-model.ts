import { BinanceRestClient } from '../binance/rest-client';
import { OPEN_INTEREST_PERIODS } from '../binance/rest-validate';
import { toKlineSeries } from '../klines/to-series';
import type { Kline } from '../klines/kline';
import { defaultMmr } from '../model/liquidation-price';
import { LiquidationModel } from '../model/liquidation-model';
import { checkOnlineOptions } from './online-options';
import { intOption, UsageError, type CliArgs } from './cli-args';

/** Options of the online commands. */
export const ONLINE_OPTIONS = ['symbol', 'interval', 'lookback', 'rest-url', 'rows'] as const;

/** A model over `--lookback` of Binance klines for `--symbol` and `--interval` (via `--rest-url` when given). */
export async function fetchModel(args: CliArgs, err: (text: string) => void): Promise<{ model: LiquidationModel; rest: BinanceRestClient; klines: Kline[]; symbol: string; interval: string }> {
  const symbol = args.options.get('symbol');
  const interval = args.options.get('interval') ?? '1h';
  if (!symbol) throw new UsageError('--symbol S is required (or --klines FILE)');
  checkOnlineOptions(args);
  const rows = intOption(args, 'rows', 500, 10, 4000);
  const lookback = args.options.get('lookback') ?? '7d';
  const rest = new BinanceRestClient({ baseUrl: args.options.get('rest-url') });
  const progress = process.stderr.isTTY
    ? (p: { pagesDone: number; pagesTotal: number; bars: number }) => process.stderr.write(`\rliq-heatmap: page ${p.pagesDone} of ${p.pagesTotal}, ${p.bars} bars`)
    : undefined;
  const range = await rest.klinesLookback({ symbol: symbol.toUpperCase(), interval, lookback, onProgress: progress });
  if (progress) process.stderr.write('\n');
  if (range.klines.length === 0) throw new RangeError(`Binance returned no klines for ${symbol} ${interval} over ${lookback}`);
  if (range.gaps.length) err(`liq-heatmap: ${range.gaps.length} gap(s) in Binance's klines (reported, not filled)`);
  const model = new LiquidationModel({ mmr: defaultMmr(symbol), rows });
  const openInterest = (OPEN_INTEREST_PERIODS as readonly string[]).includes(interval)
    ? await rest.openInterestHist({ symbol: symbol.toUpperCase(), period: interval as (typeof OPEN_INTEREST_PERIODS)[number], limit: 500 }).catch((error: Error) => {
        err(`liq-heatmap: open interest unavailable (${error.message}); sizes are relative heat`);
        return [];
      })
    : [];
  model.setData(toKlineSeries(range.klines, { source: `Binance ${symbol} ${interval}` }), { openInterest });
  return { model, rest, klines: range.klines, symbol: symbol.toUpperCase(), interval };
}
