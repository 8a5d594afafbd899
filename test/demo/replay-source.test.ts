import { describe, expect, it } from 'vitest';
import { cachedSeriesCount, findReplay, syntheticReplay } from '../../demo/server/replay-source.mjs';
import { sharedFile } from '../helpers/shared-data';

const BTC_1H = sharedFile('klines/BTCUSDT-PERP_1h_astral.csv', 'replay source tests on recorded klines');

describe('demo server replay source', () => {
  it('holds a bounded number of series however many symbols strangers ask for', () => {
    for (let i = 0; i < 200; i++) syntheticReplay(`ZZ${i}USDT`, '1h');
    expect(cachedSeriesCount()).toBeLessThanOrEqual(32);
  });

  it('answers the same series again for a symbol asked before', () => {
    const first = syntheticReplay('QQQUSDT', '4h');
    expect(syntheticReplay('QQQUSDT', '4h').series).toBe(first.series);
  });

  it('finds nothing for a symbol with no recording instead of inventing bars', () => {
    expect(findReplay('NOSUCHUSDT', '1h')).toBeNull();
  });

  it.runIf(BTC_1H.present)('names the recording and its UTC span in the label', () => {
    const replay = findReplay('BTCUSDT', '1h');
    expect(replay?.label).toBe('replay of recorded BTCUSDT perp 1h (BTCUSDT-PERP_1h_astral.csv, 2025-04-22 07:00 – 2025-06-02 22:00 UTC)');
  });

  it.runIf(BTC_1H.present)('makes 4h bars from the 1h recording when no 4h one exists, and says so', () => {
    const replay = findReplay('BTCUSDT', '4h');
    expect(replay).toMatchObject({ derivedFrom: '1h', file: 'BTCUSDT-PERP_1h_astral.csv', interval: '4h' });
    expect(replay?.series.intervalMs).toBe(4 * 3_600_000);
    expect(replay?.label).toMatch(/^replay of recorded BTCUSDT perp 4h made from 1h bars \(BTCUSDT-PERP_1h_astral\.csv, /);
  });
});
