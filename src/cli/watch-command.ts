import { BinanceLiveFeed } from '../binance/live-feed';
import type { WebSocketFactory } from '../binance/live-feed-types';
import { modelLevels } from '../levels/model-levels';
import { checkKnownOptions, intOption, type CliArgs } from './cli-args';
import { fetchModel, ONLINE_OPTIONS } from './fetch-model';

/**
 * `liq-heatmap watch --symbol S --interval I [--rest-url URL] [--ws-url URL]`: loads history, follows the
 * kline stream and prints one JSON line (the levels report with the latest bar's `time` and `price`)
 * per update. Reconnects by itself, logging to stderr; ends on SIGINT/SIGTERM or when `signal` aborts.
 */
export async function watchCommand(args: CliArgs, out: (text: string) => void, err: (text: string) => void, signal: AbortSignal): Promise<void> {
  checkKnownOptions(args, [...ONLINE_OPTIONS, 'ws-url', 'top']);
  const top = intOption(args, 'top', 5, 1, 100);
  const { model, rest, klines, symbol, interval } = await fetchModel(args, err);
  const print = () => out(JSON.stringify(modelLevels(model, { top })));
  print();
  const WebSocket = (globalThis as { WebSocket?: WebSocketFactory }).WebSocket ?? ((await import('ws')).WebSocket as unknown as WebSocketFactory);
  await new Promise<void>((resolve) => {
    const feed = new BinanceLiveFeed({
      symbol,
      interval,
      wsBaseUrl: args.options.get('ws-url'),
      WebSocket,
      since: klines[klines.length - 1].openTime,
      fetchKlines: (from, to, s) => rest.klinesRange({ symbol, interval, startTime: from, endTime: to, signal: s }).then((r) => r.klines),
      onKline: (kline) => {
        try {
          if (model.update(kline) !== 'stale') print();
        } catch (error) {
          err(`liq-heatmap: ignored a bad kline: ${(error as Error).message}`);
        }
      },
      onStatus: (status) => {
        if (status.state === 'reconnecting') err(`liq-heatmap: connection lost (${status.reason}); reconnecting in ${(status.inMs / 1000).toFixed(1)} s`);
        else if (status.state === 'open') err(`liq-heatmap: connected to ${feed.url}`);
        else if (status.state === 'error') err(`liq-heatmap: ${status.error.message}`);
        else if (status.state === 'stopped') resolve();
      },
      signal,
    });
    feed.start();
  });
}
