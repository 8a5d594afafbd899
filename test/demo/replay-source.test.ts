import { describe, expect, it } from 'vitest';
import { cachedSeriesCount, findReplay, syntheticReplay } from '../../demo/server/replay-source.mjs';
import { sharedFile } from '../helpers/shared-data';

const BTC_1H = sharedFile('klines/BTCUSDT-PERP_1h_harthor_2024-12-31_2026-02-19.csv', 'replay source tests on recorded klines');
const BTC_5M = sharedFile('klines/BTCUSDT-PERP_5m_catman77_2023-01-01_2023-05-02.csv', 'replay source tests on recorded klines');

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
    expect(replay?.label).toBe('replay of recorded BTCUSDT perp 1h (BTCUSDT-PERP_1h_harthor_2024-12-31_2026-02-19.csv, 2024-12-31 00:00 – 2026-02-19 17:00 UTC)');
  });

  it.runIf(BTC_5M.present)('of several recordings of the interval, replays the one with the most bars', () => {
    const replay = findReplay('BTCUSDT', '5m');
    expect(replay?.file).toBe('BTCUSDT-PERP_5m_catman77_2023-01-01_2023-05-02.csv');
    expect(replay?.series.length).toBe(35_136);
  });

  it.runIf(BTC_1H.present)('labels the latest bars of a recording with their own span', () => {
    const replay = findReplay('BTCUSDT', '1h');
    const s = replay?.series;
    expect(s && replay?.labelOf(s.openTime[s.length - 24], s.openTime[s.length - 1])).toBe(
      'replay of recorded BTCUSDT perp 1h (BTCUSDT-PERP_1h_harthor_2024-12-31_2026-02-19.csv, 2026-02-18 18:00 – 2026-02-19 17:00 UTC)',
    );
  });

  it.runIf(BTC_1H.present)('makes 4h bars from the longest 1h recording when no 4h one exists, and says so', () => {
    const replay = findReplay('BTCUSDT', '4h');
    expect(replay).toMatchObject({ derivedFrom: '1h', file: 'BTCUSDT-PERP_1h_harthor_2024-12-31_2026-02-19.csv', interval: '4h' });
    expect(replay?.series.intervalMs).toBe(4 * 3_600_000);
    expect(replay?.label).toMatch(/^replay of recorded BTCUSDT perp 4h made from 1h bars \(BTCUSDT-PERP_1h_harthor_2024-12-31_2026-02-19\.csv, /);
  });
});
