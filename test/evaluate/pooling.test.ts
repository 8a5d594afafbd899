import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/evaluate/evaluation-summary';
import { pooledFigures, sideSums } from '../../src/evaluate/pool-scores';
import { sideScore, windowScore } from './hand-built-scores';

describe('pooling window sides', () => {
  const a = sideScore({ orders: 2, notional: 300, heat: [0.5, 0.5], prior: [0, 0] });
  const b = sideScore({ orders: 1, notional: 100, heat: [0, 0], prior: [1, 1] });

  it('by USD: notional caught in the hot rows over the notional-weighted share those rows are of the range', () => {
    const f = pooledFigures(sideSums([a, b], 'usd'));
    expect(f.heatmapLift).toBeCloseTo(150 / 80, 12);
    expect(f.priorLift).toBeCloseTo(100 / 80, 12);
  });

  it('by count: orders caught over the order-weighted share, so one large order cannot decide it', () => {
    const f = pooledFigures(sideSums([a, b], 'count'));
    expect(f.heatmapLift).toBeCloseTo(1 / 0.6, 12);
    expect(f.priorLift).toBeCloseTo(1 / 0.6, 12);
  });

  it('zone lift pools capture over coverage; a side whose zones cover nothing adds weight but no coverage', () => {
    const covered = sideScore({ orders: 1, notional: 100, heat: [0, 0], coverage: 0.25, zone: [0.5, 0.5] });
    const bare = sideScore({ orders: 1, notional: 100, heat: [0, 0], coverage: 0, zone: [0, 0] });
    const f = pooledFigures(sideSums([covered, bare], 'usd'));
    expect(f.zoneLift).toBeCloseTo(2, 12);
    expect(f.zoneCoverage).toBeCloseTo(0.125, 12);
    expect(pooledFigures(sideSums([bare], 'usd')).zoneLift).toBeNull();
  });

  it('the summary splits long and short and pools both, and lists each symbol', () => {
    const long = sideScore({ side: 'long', heat: [1, 1] });
    const short = sideScore({ side: 'short', heat: [0, 0], prior: [1, 1] });
    const s = summarize([windowScore('2025-01-27', [long, short]), windowScore('2025-01-28', [long], 'BTCUSDT')]);
    expect(s.long.usd.heatmapLift.value).toBeCloseTo(5, 12);
    expect(s.short.usd.heatmapLift.value).toBe(0);
    expect(s.short.usd.priorLift.value).toBeCloseTo(5, 12);
    expect(s.pooled.usd.heatmapLift.value).toBeCloseTo(10 / 3, 12);
    expect(s.pooled.windows).toBe(2);
    expect(Object.keys(s.bySymbol)).toEqual(['BTCUSDT', 'ETHUSDT']);
    expect(s.bySymbol.ETHUSDT.usd.heatmapLift.value).toBeCloseTo(2.5, 12);
  });

  it('skipped windows are left out', () => {
    const skipped = { ...windowScore('2025-01-27', []), skipped: 'klines do not cover this window' };
    const s = summarize([skipped, windowScore('2025-01-27', [sideScore({ heat: [0.4, 0.4] })])]);
    expect(s.pooled.windows).toBe(1);
    expect(s.pooled.usd.heatmapLift.value).toBeCloseTo(2, 12);
  });
});
