import type { WebSocketFactory } from '../binance/live-feed-types';
import { LevelAlerts } from '../levels/alerts';
import { modelLevels } from '../levels/model-levels';
import { checkKnownOptions, intOption, UsageError, type CliArgs } from './cli-args';
import { fetchModel, ONLINE_OPTIONS } from './fetch-model';

/**
 * `liq-heatmap watch --symbol S --interval I [--rest-url URL] [--ws-url URL] [--alert-pct N]`: loads
 * history, follows the kline stream and prints one JSON line (the levels report with the latest bar's
 * `time` and `price`) per update. With `--alert-pct N` each line also carries `alerts`: `approaching`
 * (a significant level within N percent of price) and `swept` events from {@link LevelAlerts} as
 * `{type, side, price, distancePct, time}` (`[]` when none; market time, 30 min cool-down per level and
 * type). Reconnects by itself, logging to stderr; ends on SIGINT/SIGTERM or when `signal` aborts.
 */
export async function watchCommand(args: CliArgs, out: (text: string) => void, err: (text: string) => void, signal: AbortSignal): Promise<void> {
  checkKnownOptions(args, [...ONLINE_OPTIONS, 'ws-url', 'top', 'alert-pct']);
  const top = intOption(args, 'top', 5, 1, 100);
  const alerts = alertOption(args);
  const WebSocket = (globalThis as { WebSocket?: WebSocketFactory }).WebSocket ?? ((await import('ws')).WebSocket as unknown as WebSocketFactory);
  const live = { wsBaseUrl: args.options.get('ws-url'), WebSocket, signal };
  // SIGINT/SIGTERM while loading is a clean end, like one while watching.
  const fetched = await fetchModel(args, err, live).catch((error: unknown) => {
    if (signal.aborted) return undefined;
    throw error;
  });
  if (fetched === undefined) return;
  const { model, session } = fetched;
  const print = () => {
    const report = modelLevels(model, { top });
    if (!alerts) return out(JSON.stringify(report));
    const raised = alerts.check(report).map((a) => ({ type: a.type, side: a.level.side, price: a.price, distancePct: a.distancePct, time: a.time }));
    out(JSON.stringify({ ...report, alerts: raised }));
  };
  print();
  await new Promise<void>((resolve) => {
    const feed = session.startLive({
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
    });
  });
}

/** `--alert-pct N` (percent, `> 0` and `<= 100`) as a fresh {@link LevelAlerts}, or null without it. */
function alertOption(args: CliArgs): LevelAlerts | null {
  const raw = args.options.get('alert-pct');
  if (raw === undefined) return null;
  const pct = Number(raw);
  if (raw.trim() === '' || !(pct > 0 && pct <= 100)) throw new UsageError(`--alert-pct must be a percentage above 0 and at most 100, got '${raw}'`);
  return new LevelAlerts({ approachPct: pct });
}
