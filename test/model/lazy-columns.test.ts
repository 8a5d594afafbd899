import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Kline } from '../../src/klines/kline';
import { syntheticKlines } from '../../src/klines/synthetic-klines';
import { toKlineSeries } from '../../src/klines/to-series';
import { CHECKPOINT_BARS } from '../../src/model/column-checkpoints';
import { Engine } from '../../src/model/engine';
import { HeatmapColumns } from '../../src/model/heatmap-columns';
import { warmupMs } from '../../src/model/warmup';
import { LiquidationModel } from '../../src/model/liquidation-model';
import { gridOf } from '../helpers/grids';
import { columnBytes } from '../helpers/model-columns';

const ROWS = 300;
const KLINES = syntheticKlines(1200, { seed: 41, volatility: 0.015 });

function modelOf(klines: readonly Kline[], options = {}): LiquidationModel {
  const model = new LiquidationModel({ rows: ROWS, ...options });
  model.setData(toKlineSeries(klines));
  return model;
}

/** Every column's raw values, scale and off-grid mass, read in `order`, returned by column index. */
function readInOrder(model: LiquidationModel, order: number[]): string[] {
  const out: string[] = [];
  for (const i of order) {
    const c = model.columnAt(i);
    out[i] = `${columnBytes(model, i, i + 1).toString('base64')}|${c.scale}|${c.offGrid.join(',')}`;
  }
  return out;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('columns built when read', () => {
  it('a recompute writes only the checkpoint bars\' columns and the forming one', () => {
    const writes = vi.spyOn(Engine.prototype, 'writeColumn');
    modelOf(KLINES);
    expect(writes.mock.calls.length).toBeLessThanOrEqual(Math.ceil(KLINES.length / CHECKPOINT_BARS) + 2);
    expect(writes.mock.calls.length).toBeGreaterThan(1);
  });

  it('reading a column builds at most the span of bars from the checkpoint before it', () => {
    const model = modelOf(KLINES);
    const writes = vi.spyOn(Engine.prototype, 'writeColumn');
    model.columnAt(700);
    expect(writes.mock.calls.length).toBeGreaterThan(0);
    expect(writes.mock.calls.length).toBeLessThanOrEqual(CHECKPOINT_BARS);
    model.columnAt(701);
    model.densityAt(702, 10);
    expect(writes.mock.calls.length).toBeLessThanOrEqual(CHECKPOINT_BARS);
  });

  it('a recompute stores no closed column: storage holds only the columns read', () => {
    const stored = vi.spyOn(HeatmapColumns.prototype, 'prepare');
    const model = modelOf(KLINES);
    expect(stored.mock.calls.every(([i]) => i >= model.closedLength)).toBe(true);
    stored.mockClear();
    model.columnAt(700);
    const span = stored.mock.calls.map(([i]) => i);
    expect(span).toContain(700);
    expect(Math.max(...span) - Math.min(...span)).toBeLessThan(CHECKPOINT_BARS);
  });

  it('an asynchronous load builds the warm-up\'s columns before it resolves, so the first report builds none', async () => {
    const model = new LiquidationModel({ rows: ROWS });
    await model.setDataAsync(toKlineSeries(KLINES));
    const writes = vi.spyOn(Engine.prototype, 'writeColumn');
    const times = model.klines.openTime;
    const last = model.closedLength - 1;
    const warm = times[last] - warmupMs(model.options().tiers);
    for (let i = last; i >= 0 && times[i] >= warm; i--) model.columnAt(i);
    expect(writes.mock.calls.length).toBe(0);
    for (let i = 0; times[i] < warm; i++) model.columnAt(i);
    expect(writes.mock.calls.length).toBeGreaterThan(0);
  });

  it('a column is the same, bit for bit, whichever order the columns are read in', () => {
    const n = KLINES.length;
    const forward = readInOrder(modelOf(KLINES), Array.from({ length: n }, (_, i) => i));
    const backward = readInOrder(modelOf(KLINES), Array.from({ length: n }, (_, i) => n - 1 - i));
    const shuffled = Array.from({ length: n }, (_, i) => (i * 7919) % n);
    expect(new Set(shuffled).size).toBe(n);
    const scattered = readInOrder(modelOf(KLINES), shuffled);
    expect(backward).toEqual(forward);
    expect(scattered).toEqual(forward);
  });

  it('a column built from a checkpoint equals the one written when its bar closed live, bit for bit', () => {
    const live = 150;
    const all = modelOf(KLINES);
    const head = KLINES.slice(0, KLINES.length - live);
    const ticking = modelOf(head);
    const results = KLINES.slice(KLINES.length - live).map((k) => ticking.update({ ...k, closed: true }));
    expect(new Set(results)).toEqual(new Set(['closed']));
    expect(gridOf(ticking)).toEqual(gridOf(all));
    const lastBar = all.closedLength;
    expect(lastBar).toBeGreaterThan(KLINES.length - live);
    expect(Buffer.compare(columnBytes(ticking, 0, lastBar), columnBytes(all, 0, lastBar))).toBe(0);
  });

  it('with open interest, a column\'s scale does not depend on whether it was built', () => {
    const series = toKlineSeries(KLINES);
    const openInterest = KLINES.filter((_, i) => i % 3 === 0).map((k, i) => ({ timestamp: k.openTime, sumOpenInterestValue: 1e8 * (1 + 0.1 * Math.sin(i / 9)) }));
    const a = new LiquidationModel({ rows: ROWS });
    a.setData(series, { openInterest });
    const b = new LiquidationModel({ rows: ROWS });
    b.setData(series, { openInterest });
    const before = Array.from({ length: a.length }, (_, i) => a.columnAt(a.length - 1 - i).scale).reverse();
    const after = Array.from({ length: b.length }, (_, i) => b.columnAt(i).scale);
    expect(before).toEqual(after);
    expect(after.every((s) => s > 0 && Number.isFinite(s))).toBe(true);
  });
});
