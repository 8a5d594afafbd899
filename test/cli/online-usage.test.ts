import { describe, expect, it } from 'vitest';
import { runInProcess } from './in-process-cli';

// A closed local port: were an option not checked first, the run would fail on the request (exit 1), not on usage.
const REST = ['--rest-url', 'http://127.0.0.1:9'];

describe('liq-heatmap online options are checked before any request (exit 2)', () => {
  const cases: readonly [string, string[], RegExp][] = [
    ['a symbol with a space', ['levels', '--symbol', 'BTC USDT', ...REST], /--symbol: invalid Binance symbol "BTC USDT"/],
    ['an unknown interval', ['levels', '--symbol', 'BTCUSDT', '--interval', '7x', ...REST], /--interval: invalid Binance interval "7x"/],
    ['a bad lookback', ['levels', '--symbol', 'BTCUSDT', '--lookback', 'forever', ...REST], /--lookback: invalid duration "forever"/],
    ['a REST URL that is not http', ['levels', '--symbol', 'BTCUSDT', '--rest-url', 'ftp://x'], /--rest-url must be a http:\/\/ or https:\/\/ URL, got 'ftp:\/\/x'/],
    ['a websocket URL that is not ws', ['watch', '--symbol', 'BTCUSDT', '--ws-url', 'http://x', ...REST], /--ws-url must be a ws:\/\/ or wss:\/\/ URL, got 'http:\/\/x'/],
    ['a websocket URL that is no URL', ['watch', '--symbol', 'BTCUSDT', '--ws-url', 'not a url', ...REST], /--ws-url must be a ws:\/\/ or wss:\/\/ URL/],
  ];
  for (const [what, args, message] of cases) {
    it(`refuses ${what}`, async () => {
      const result = await runInProcess(args);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
    });
  }

  for (const args of [['levels', '--symbol', 'BTCUSDT', ...REST], ['watch', '--symbol', 'BTCUSDT', ...REST]]) {
    for (const rows of ['5', '4001', '1e9']) {
      it(`refuses --rows ${rows} for online ${args[0]}`, async () => {
        const result = await runInProcess([...args, '--rows', rows]);
        expect(result.status).toBe(2);
        expect(result.stderr).toContain(`--rows must be a whole number from 10 to 4000, got '${rows}'`);
      });
    }
  }
});
