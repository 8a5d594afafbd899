import { describe, expect, it } from 'vitest';
import { KlineError, KlineSeriesBuilder, syntheticKlines, toKlineSeries, toKlineSeriesAsync } from '../../src/klines';

const KLINES = syntheticKlines(20_000, { seed: 3 });

describe('toKlineSeriesAsync', () => {
  it('gives the same series as toKlineSeries', async () => {
    const sync = toKlineSeries(KLINES, { source: 'x' });
    const async = await toKlineSeriesAsync(KLINES, { source: 'x' }, { sliceMs: 0.01 });
    expect(async.length).toBe(sync.length);
    expect(async.intervalMs).toBe(sync.intervalMs);
    expect(async.gaps).toEqual(sync.gaps);
    for (const field of ['openTime', 'open', 'high', 'low', 'close', 'volume', 'quoteVolume'] as const) {
      expect(async[field]).toEqual(sync[field]);
    }
  });

  it('converts in slices, letting other tasks run in between', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    try {
      await toKlineSeriesAsync(KLINES, {}, { sliceMs: 0.01 });
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(0);
  });

  it('rejects with the KlineError naming the row and field of bad input', async () => {
    const bad = KLINES.slice(0, 5000).map((k, i) => (i === 4321 ? { ...k, high: k.low - 1 } : k));
    const error = await toKlineSeriesAsync(bad, { source: 'page' }, { sliceMs: 0.01 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KlineError);
    expect(error).toMatchObject({ kind: 'high-below-body', row: 4322, field: 'high', source: 'page' });
  });

  it('stops with the abort reason when its signal aborts', async () => {
    const controller = new AbortController();
    const run = toKlineSeriesAsync(KLINES, {}, { sliceMs: 0.01, signal: controller.signal });
    controller.abort(new Error('stop'));
    await expect(run).rejects.toThrow('stop');
  });
});

describe('KlineSeriesBuilder', () => {
  it('fills rows in steps and reports how many remain', () => {
    const builder = new KlineSeriesBuilder(KLINES.slice(0, 10));
    expect(builder.fill(4)).toBe(6);
    expect(builder.filled).toBe(4);
    expect(() => builder.finish()).toThrow(/6 rows not filled/);
    expect(builder.fill(100)).toBe(0);
    expect(builder.finish().close).toEqual(toKlineSeries(KLINES.slice(0, 10)).close);
  });
});
