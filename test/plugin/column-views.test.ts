import { describe, expect, it } from 'vitest';
import { ColumnViews } from '../../plugin/column-views';
import { toSeries } from '../../plugin/klines-input';
import { syntheticKlines } from '../../src/klines/synthetic-klines';
import { LiquidationModel } from '../../src/model/liquidation-model';

function model(bars: number): LiquidationModel {
  const m = new LiquidationModel({ rows: 40 });
  m.setData(toSeries(syntheticKlines(bars, { seed: 5, price: 100 })), { lastBarForming: true });
  return m;
}

describe('column views', () => {
  it('hands out the same view of a column until the model changes', () => {
    const m = model(50);
    const views = new ColumnViews();
    const first = views.of(m).columnAt(10);
    expect(views.of(m).columnAt(10)).toBe(first);
    expect(Array.from(first.long)).toEqual(Array.from(m.columnAt(10).long));
  });

  it('after a tick every view is made anew from the model as it is now', () => {
    const m = model(50);
    const views = new ColumnViews();
    const before = views.of(m).columnAt(49);
    const valuesBefore = Array.from(before.long);
    const last = syntheticKlines(50, { seed: 5, price: 100 })[49];
    expect(m.update({ ...last, high: last.high * 1.05, volume: last.volume * 20 })).not.toBe('stale');
    const after = views.of(m).columnAt(49);
    expect(after).not.toBe(before);
    expect(Array.from(after.long)).toEqual(Array.from(m.columnAt(49).long));
    expect(Array.from(after.long)).not.toEqual(valuesBefore);
  });

  it('a new model drops the views of the old one', () => {
    const views = new ColumnViews();
    const a = model(30);
    const b = model(60);
    const fromA = views.of(a).columnAt(5);
    expect(views.of(b).columnAt(5)).not.toBe(fromA);
    expect(views.of(b).columnAt(59).index).toBe(59);
  });
});
