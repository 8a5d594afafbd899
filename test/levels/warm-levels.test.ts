import { describe, expect, it } from 'vitest';
import { modelLevels, warmLevels } from '../../src/levels/model-levels';
import { syntheticKlines } from '../../src/klines/synthetic-klines';
import { toKlineSeries } from '../../src/klines/to-series';
import { LiquidationModel } from '../../src/model/liquidation-model';

const FIVE_MINUTES = 300_000;

function model5m(): LiquidationModel {
  const model = new LiquidationModel();
  model.setData(toKlineSeries(syntheticKlines(12 * 24 * 5, { intervalMs: FIVE_MINUTES, volatility: 0.003 })));
  return model;
}

describe('warmLevels: the first report after a load tracks its ids in slices', () => {
  it('yields to the event loop between slices instead of tracking two days of bars at once', async () => {
    let settled = false;
    const warming = warmLevels(model5m(), {}, { sliceMs: 0 }).then(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    await warming;
    expect(settled).toBe(true);
  });

  it('leaves the report as it would be without it: the same levels and ids', async () => {
    const warmed = model5m();
    await warmLevels(warmed, {}, { sliceMs: 1 });
    const a = modelLevels(warmed);
    const b = modelLevels(model5m());
    expect(a.above.map((l) => [l.price, l.id])).toEqual(b.above.map((l) => [l.price, l.id]));
    expect(a.below.map((l) => [l.price, l.id])).toEqual(b.below.map((l) => [l.price, l.id]));
  });

  it('stops with the reason when its signal is aborted', async () => {
    const controller = new AbortController();
    const warming = warmLevels(model5m(), {}, { sliceMs: 0, signal: controller.signal });
    controller.abort(new Error('load replaced'));
    await expect(warming).rejects.toThrow('load replaced');
  });
});
