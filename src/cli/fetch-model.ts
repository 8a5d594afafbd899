import { BinanceSession } from '../binance/binance-session';
import { mergeModelOptions } from '../model/model-options';
import { historyNeededMs } from '../model/warmup';
import type { BinanceSessionOptions } from '../binance/binance-session-options';
import { toKlineSeries } from '../klines/to-series';
import type { Kline } from '../klines/kline';
import { defaultMmr } from '../model/liquidation-price';
import { LiquidationModel } from '../model/liquidation-model';
import { checkOnlineOptions } from './online-options';
import { intOption, UsageError, type CliArgs } from './cli-args';

/** Options of the online commands. */
export const ONLINE_OPTIONS = ['symbol', 'interval', 'lookback', 'rest-url', 'rows'] as const;

/** What the online commands build on: the model over the history, and the session to follow it live. */
export interface FetchedModel {
  model: LiquidationModel;
  session: BinanceSession;
  klines: Kline[];
  symbol: string;
  interval: string;
}

/**
 * A model over `--lookback` of Binance klines for `--symbol` and `--interval` (via `--rest-url` when
 * given), with open interest when Binance has it; warnings (open interest unavailable, gaps) go to `err`.
 * `live` adds what the session needs later to go live (websocket origin and implementation, signal).
 */
export async function fetchModel(
  args: CliArgs,
  err: (text: string) => void,
  live: Pick<BinanceSessionOptions, 'wsBaseUrl' | 'WebSocket' | 'signal'> = {},
): Promise<FetchedModel> {
  const symbol = args.options.get('symbol');
  const interval = args.options.get('interval') ?? '1h';
  if (!symbol) throw new UsageError(args.command === 'levels' ? '--symbol S is required (or --klines FILE)' : '--symbol S is required');
  checkOnlineOptions(args);
  const rows = intOption(args, 'rows', mergeModelOptions().rows, 10, 4000);
  const lookback = args.options.get('lookback') ?? '7d';
  const progress = process.stderr.isTTY
    ? (p: { pagesDone: number; pagesTotal: number; bars: number }) => process.stderr.write(`\rliq-heatmap: page ${p.pagesDone} of ${p.pagesTotal}, ${p.bars} bars`)
    : undefined;
  const upper = symbol.toUpperCase();
  // The report is about the latest bar: the warm-up before it, not the lookback, decides it.
  const warmupMs = historyNeededMs(mergeModelOptions().tiers);
  const session = new BinanceSession({ symbol: upper, interval, lookback, warmupMs, restBaseUrl: args.options.get('rest-url'), onProgress: progress, ...live });
  const history = await session.loadHistory();
  if (progress) process.stderr.write('\n');
  if (history.klines.length === 0) throw new RangeError(`Binance returned no klines for ${symbol} ${interval} over ${lookback}`);
  for (const warning of history.warnings) err(`liq-heatmap: ${warning}`);
  const model = new LiquidationModel({ mmr: defaultMmr(symbol), rows });
  model.setData(toKlineSeries(history.klines, { source: `Binance ${symbol} ${interval}` }), { openInterest: history.openInterest ?? [] });
  return { model, session, klines: history.klines, symbol: upper, interval };
}
