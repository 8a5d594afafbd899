import { describe, expect, it } from 'vitest';
import { cachedSeriesCount, findReplay } from '../../demo/server/replay-source.mjs';

describe('demo server replay source', () => {
  it('holds a bounded number of series however many symbols strangers ask for', () => {
    for (let i = 0; i < 200; i++) findReplay(`ZZ${i}USDT`, '1h');
    expect(cachedSeriesCount()).toBeLessThanOrEqual(32);
  });

  it('answers the same series again for a symbol asked before', () => {
    const first = findReplay('QQQUSDT', '4h');
    expect(findReplay('QQQUSDT', '4h').series).toBe(first.series);
  });
});
