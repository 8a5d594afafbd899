import { beforeAll, describe, expect, it } from 'vitest';
import { createLiquidationHeatmap } from '../../plugin/create-liquidation-heatmap';
import { levelLabelText } from '../../plugin/level-label-text';
import type { LevelPriceAxisView } from '../../plugin/level-price-axis-view';
import { labelBudget } from '../../plugin/levels-pane-view';
import { DEFAULT_LABEL_LAYOUT, labelHeight, labelRight, LevelsRenderer } from '../../plugin/levels-renderer';
import { syntheticKlines } from '../../src/klines/synthetic-klines';
import { must } from '../helpers/must';
import { fakeChart, installFakeCanvas } from './fake-chart';
import { callsOf, recordingTarget } from './recording-context';

const KLINES = syntheticKlines(300, { seed: 3, price: 100, volatility: 0.004 });
const TIMES = KLINES.map((k) => k.openTime / 1000);
const LOW = Math.min(...KLINES.map((k) => k.low)) * 0.9;
const HIGH = Math.max(...KLINES.map((k) => k.high)) * 1.1;

beforeAll(() => installFakeCanvas());

function levelsOn(options: Partial<Parameters<typeof fakeChart>[1]> = {}, overlay = {}) {
  const fake = fakeChart(TIMES, { low: LOW, high: HIGH, ...options });
  const heatmap = createLiquidationHeatmap(fake.series, { heatmapVisible: false, ...overlay });
  heatmap.setData(KLINES);
  heatmap.primitive.updateAllViews();
  const renderer = heatmap.primitive.paneViews()[1].renderer() as LevelsRenderer;
  const { target, calls, writes } = recordingTarget(600, options.height ?? 400, 1);
  renderer.draw(target);
  const texts = callsOf(calls, 'fillText').map((c) => c[0] as string);
  return { heatmap, fake, texts, writes, axis: heatmap.primitive.priceAxisViews() as readonly LevelPriceAxisView[] };
}

describe('level labels on the host chart', () => {
  it('a 200 px pane labels two levels, not every level', () => {
    const { texts, heatmap } = levelsOn({ height: 200 });
    const report = must(heatmap.levels(), 'a levels report');
    expect(report.above.length + report.below.length).toBeGreaterThan(4);
    expect(texts).toHaveLength(2);
    expect(labelBudget(200)).toBe(2);
  });

  it('the nearest level each side is drawn and labelled "nearest", thicker, even when not among the top levels', () => {
    const { texts, heatmap, writes } = levelsOn({}, { levels: { top: 1 } });
    const report = must(heatmap.levels(), 'a levels report');
    expect(report.nearestBelow).not.toBeNull();
    expect(texts.filter((t) => t.includes('nearest'))).toHaveLength([report.nearestAbove, report.nearestBelow].filter(Boolean).length);
    const widths = writes.filter(([k]) => k === 'lineWidth').map(([, v]) => v as number);
    expect(Math.max(...widths)).toBeGreaterThanOrEqual(Math.round(1 + 2 * must(report.nearestBelow, 'a nearest level below').strength + 1.5));
  });

  it('with sides long or short, only that side\'s levels get lines, labels and axis labels', () => {
    for (const side of ['long', 'short'] as const) {
      const { texts, heatmap, fake, axis } = levelsOn({}, { sides: side });
      const report = must(heatmap.levels(), 'a levels report');
      const format = (price: number) => fake.series.priceFormatter().format(price);
      const ofSide = (s: 'long' | 'short') => [...report.above, ...report.below, report.nearestAbove, report.nearestBelow].flatMap((l) => (l && l.side === s ? [levelLabelText(l, report, format)] : []));
      expect(report.above.length).toBeGreaterThan(0);
      expect(report.below.length).toBeGreaterThan(0);
      expect(texts.length).toBeGreaterThan(0);
      for (const text of texts) expect(ofSide(side)).toContain(text);
      const other = side === 'long' ? report.above : report.below;
      expect(axis.filter((v) => other.some((l) => Math.abs(v.coordinate() - must(fake.series.priceToCoordinate(l.price), 'a y')) < 0.5 && v.text() !== ''))).toHaveLength(0);
    }
  });

  it('every drawn label is levelLabelText of its level in the series price format', () => {
    const { texts, heatmap, fake } = levelsOn();
    const report = must(heatmap.levels(), 'a levels report');
    const format = (price: number) => fake.series.priceFormatter().format(price);
    const candidates = [...report.above, ...report.below, report.nearestAbove, report.nearestBelow].flatMap((l) => (l ? [levelLabelText(l, report, format)] : []));
    expect(texts.length).toBeGreaterThan(2);
    for (const text of texts) expect(candidates).toContain(text);
  });

  it('labels use the series price formatter and the chart font family and size', () => {
    const { texts, axis, writes } = levelsOn({ font: { family: 'Courier New', size: 15 } });
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).toMatch(/(^|\| )\d+\.\d{2} \|/);
    for (const view of axis) expect(view.text()).toMatch(/^\d+\.\d{2}$/);
    expect(writes).toContainEqual(['font', '15px Courier New']);
  });

  it('label boxes follow the chart background: white-ish on a light chart, dark on a dark one', () => {
    const light = levelsOn({ background: '#ffffff' }).writes.filter(([k]) => k === 'fillStyle').map(([, v]) => v);
    const dark = levelsOn({ background: '#131722' }).writes.filter(([k]) => k === 'fillStyle').map(([, v]) => v);
    expect(light).toContain('rgba(255, 255, 255, 0.8)');
    expect(dark).toContain('rgba(19, 23, 34, 0.8)');
  });

  it("no axis label covers the series' last-value label", () => {
    const plain = levelsOn();
    const lastValue = must(must(plain.heatmap.levels(), 'a levels report').nearestBelow, 'a nearest level below').price;
    const y = must(plain.fake.series.priceToCoordinate(lastValue), 'a coordinate');
    const { axis } = levelsOn({ lastValue });
    const height = labelHeight(12);
    expect(plain.axis.some((v) => Math.abs(v.coordinate() - y) < height)).toBe(true);
    expect(axis.length).toBeGreaterThan(0);
    for (const view of axis) expect(Math.abs(view.coordinate() - y)).toBeGreaterThanOrEqual(height);
  });

  it('axis labels never overlap each other', () => {
    const ys = levelsOn({ height: 1000 })
      .axis.map((v) => v.coordinate())
      .sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(labelHeight(12));
  });

  it('percentage and indexed price scales get no level axis labels (the axis keeps its width)', () => {
    for (const mode of [2, 3]) expect(levelsOn({ mode }).axis).toHaveLength(0);
  });

  it('labels keep off the newest bars: right of them when there is room, else left of the newest eight', () => {
    const layout = { ...DEFAULT_LABEL_LAYOUT, barSpacing: 6 };
    expect(labelRight({ ...layout, newestX: 300 }, 600, 150)).toBe(592);
    const left = labelRight({ ...layout, newestX: 560 }, 600, 150);
    expect(left).toBeLessThanOrEqual(560 - 7.5 * 6);
    expect(labelRight({ ...layout, newestX: 100 }, 120, 150)).toBe(112);
  });
});
