import { describe, expect, it } from 'vitest';
import { klinesWeight, WeightBudget } from '../../src/binance/rest-weight';
import { syntheticKlines } from '../../src/klines/synthetic-klines';
import { KIT_START, startKit } from './rest-test-kit';

const bars = syntheticKlines(3000, { seed: 4 });

describe('request weight', () => {
  it('klines weight is 1/2/5/10 for limit < 100 / < 500 / <= 1000 / > 1000', () => {
    expect([1, 99, 100, 499, 500, 1000, 1001, 1500].map(klinesWeight)).toEqual([1, 1, 2, 2, 5, 5, 10, 10]);
  });

  it('tracks the used weight from X-MBX-USED-WEIGHT-1M in usedWeight and onWeight', async () => {
    const { server, client, weights } = await startKit();
    server.setKlines('BTCUSDT', '1h', bars);
    expect(client.usedWeight).toBeUndefined();

    await client.klines({ symbol: 'BTCUSDT', interval: '1h', limit: 1500 });
    await client.klines({ symbol: 'BTCUSDT', interval: '1h', limit: 50 });
    server.fault({ headers: { 'x-mbx-used-weight-1m': '777' } });
    await client.klines({ symbol: 'BTCUSDT', interval: '1h', limit: 50 });

    expect(weights).toEqual([10, 11, 777]);
    expect(client.usedWeight).toBe(777);
  });

  it('waits for the next minute instead of passing 2400', async () => {
    const { server, client, sleeps, clock } = await startKit();
    server.setKlines('BTCUSDT', '1h', bars);
    server.usedWeight = 2395; // other traffic from this IP earlier in the minute

    await client.klines({ symbol: 'BTCUSDT', interval: '1h', limit: 10 }); // weight 1: 2396
    await client.klines({ symbol: 'BTCUSDT', interval: '1h', limit: 1500 }); // weight 10 would make 2406

    const nextMinute = Math.floor(KIT_START / 60_000 + 1) * 60_000;
    expect(sleeps).toHaveLength(1);
    expect(KIT_START + sleeps[0]).toBeGreaterThanOrEqual(nextMinute);
    expect(KIT_START + sleeps[0]).toBeLessThanOrEqual(nextMinute + 2000);
    expect(clock.now).toBeGreaterThanOrEqual(nextMinute);
    expect(server.requests).toHaveLength(2);
    expect(server.maxWeightSeen).toBeLessThanOrEqual(2400);
    expect(client.usedWeight).toBe(10);
  });

  it('paging a long range never passes 2400 in a minute', async () => {
    const { server, client, sleeps } = await startKit();
    server.setKlines('BTCUSDT', '1h', bars);
    server.usedWeight = 2380;

    const { klines } = await client.klinesRange({ symbol: 'BTCUSDT', interval: '1h', startTime: bars[0].openTime });

    expect(klines).toHaveLength(3000);
    expect(sleeps).toHaveLength(1);
    expect(server.maxWeightSeen).toBeLessThanOrEqual(2400);
    expect(server.requests.every((r) => r.path === '/fapi/v1/klines')).toBe(true);
    expect(server.requests).toHaveLength(3);
  });

  it('open-interest history, limited separately by Binance, does not wait for the minute weight', async () => {
    const { server, client, sleeps } = await startKit();
    server.setKlines('BTCUSDT', '1h', bars);
    server.setBody('/futures/data/openInterestHist', '[]');
    server.fault({ headers: { 'x-mbx-used-weight-1m': '2400' } });
    await client.klines({ symbol: 'BTCUSDT', interval: '1h', limit: 1 });

    await client.openInterestHist({ symbol: 'BTCUSDT', period: '1h' });

    expect(sleeps).toEqual([]);
    expect(server.requests).toHaveLength(2);
  });

  it('counts requests sent but not yet answered, so concurrent calls do not overshoot', () => {
    const budget = new WeightBudget(2400);
    const t = KIT_START;
    budget.observe(2380, t);
    expect(budget.delayFor(10, t)).toBe(0);
    budget.spend(10, t);
    expect(budget.delayFor(10, t)).toBe(0);
    budget.spend(10, t);
    expect(budget.delayFor(1, t)).toBeGreaterThan(0);
    expect(budget.delayFor(1, t + 60_000)).toBe(0);
  });
});
