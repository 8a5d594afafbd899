import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Time } from 'lightweight-charts';
import { createLiquidationHeatmap } from '../../plugin/create-liquidation-heatmap';
import { syntheticKlines } from '../../src/klines/synthetic-klines';
import { must } from '../helpers/must';
import { fakeChart, installFakeCanvas } from './fake-chart';

const DAY = 86_400_000;
const KLINES = syntheticKlines(120, { seed: 5, price: 100, volatility: 0.01, intervalMs: DAY });
const TIMES = KLINES.map((k) => k.openTime / 1000);

beforeAll(() => installFakeCanvas());
afterEach(() => vi.restoreAllMocks());

function attached() {
  const fake = fakeChart(TIMES, { low: 30, high: 300 });
  const heatmap = createLiquidationHeatmap(fake.series);
  heatmap.setData(KLINES);
  return { fake, heatmap };
}

describe('the handle on a lightweight-charts chart', () => {
  it('getSeries returns the series the overlay is attached to', () => {
    const { fake, heatmap } = attached();
    expect(heatmap.getSeries()).toBe(fake.series);
  });

  it('densityAt takes business days (string and object, UTC midnight) like the UTC seconds of the same bar', () => {
    const { heatmap } = attached();
    const last = KLINES[KLINES.length - 1];
    const price = must(heatmap.levels(), 'a levels report').below[0].price;
    const day = new Date(last.openTime).toISOString().slice(0, 10);
    const [year, month, dayOfMonth] = day.split('-').map(Number);
    const bySeconds = heatmap.densityAt((last.openTime / 1000) as Time, price);
    expect(must(bySeconds, 'a density').long).toBeGreaterThan(0);
    expect(heatmap.densityAt(day, price)).toEqual(bySeconds);
    expect(heatmap.densityAt({ year, month, day: dayOfMonth }, price)).toEqual(bySeconds);
  });

  it('after detach() the overlay is off the chart and the handle still computes levels headless', () => {
    const { heatmap } = attached();
    heatmap.detach();
    expect(heatmap.primitive.paneViews().map((v) => v.renderer())).toEqual([null, null]);
    const next = KLINES[KLINES.length - 1];
    expect(heatmap.update({ ...next, openTime: next.openTime + DAY, close: next.close * 1.01, high: next.high * 1.01 })).not.toBe('stale');
    expect(must(heatmap.levels(), 'a levels report after detach').price).toBeCloseTo(next.close * 1.01, 6);
  });

  it('after chart.remove() every method does nothing and one warning is shown', () => {
    const { fake, heatmap } = attached();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    fake.remove();
    const last = KLINES[KLINES.length - 1];
    expect(() => heatmap.setData(KLINES)).not.toThrow();
    expect(heatmap.update({ ...last, close: last.close * 1.01 })).toBe('stale');
    expect(heatmap.levels()).toBeNull();
    expect(heatmap.planTrade({ side: 'long', entry: last.close })).toBeNull();
    expect(heatmap.densityAt(last.openTime / 1000, last.close)).toBeNull();
    expect(heatmap.levelAtCoordinate(10)).toBeNull();
    expect(() => heatmap.applyOptions({ threshold: 0.5 })).not.toThrow();
    expect(heatmap.options().threshold).not.toBe(0.5);
    expect(heatmap.getSeries()).toBe(fake.series);
    expect(() => heatmap.detach()).not.toThrow();
    return Promise.all([heatmap.setDataAsync(KLINES), heatmap.setOpenInterest([])]).then(() => {
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0][0])).toMatch(/after chart\.remove\(\) does nothing/);
    });
  });

  it('a setDataAsync pending when the chart is removed settles without asking the removed chart to redraw', async () => {
    const { fake, heatmap } = attached();
    const redraws = fake.updates();
    const pending = heatmap.setDataAsync(KLINES);
    fake.remove();
    await pending.catch((error: unknown) => expect((error as Error).name).toBe('AbortError'));
    expect(fake.updates()).toBe(redraws);
  });
});
