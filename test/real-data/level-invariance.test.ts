import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { intervalSpread, viewInvariance } from '../../src/evaluate/view-invariance';
import { parseKlines } from '../../src/klines/parse-klines';
import { defaultMmr } from '../../src/model/liquidation-price';
import { sharedFile } from '../helpers/shared-data';

const DAY = 86_400_000;
const ETH = sharedFile('klines/ETHUSDT-PERP_1h_tjf_2020-2026.csv', 'lookback invariance on ETHUSDT 1h');
const BTC5M = sharedFile('klines/BTCUSDT-PERP_5m_catman77_2023-01-01_2023-05-02.csv', 'interval spread on BTCUSDT 5m');

describe.skipIf(!ETH.present)('levels do not depend on the view (real ETHUSDT 1h, 50 cut points)', () => {
  const series = ETH.present ? parseKlines(readFileSync(ETH.path, 'utf8'), { source: ETH.path }) : null;
  const agreement = series ? viewInvariance(series, [7 * DAY, 30 * DAY, 90 * DAY], 50, { mmr: defaultMmr('ETHUSDT') }) : [];

  it('views of 7d and 1M give the same report as the 3M view at the same bar: nearest and top levels within one row, sizes within 5 %, same bias', () => {
    console.log(JSON.stringify(agreement));
    for (const view of agreement) {
      expect(view.cuts).toBe(50);
      expect(view.all).toBe(1);
    }
  });
});

describe.skipIf(!BTC5M.present)('the nearest levels across intervals (real BTCUSDT 5m aggregated to 15m, 1h, 4h)', () => {
  it('measures how far the nearest level each side moves between 15m, 1h and 4h at the same moment', () => {
    const series = parseKlines(readFileSync(BTC5M.path, 'utf8'), { source: BTC5M.path });
    const spread = intervalSpread(series, [15 * 60_000, 3_600_000, 4 * 3_600_000], 40, { mmr: defaultMmr('BTCUSDT') });
    console.log(JSON.stringify(spread));
    expect(spread.cases).toBeGreaterThan(40);
  });
});
