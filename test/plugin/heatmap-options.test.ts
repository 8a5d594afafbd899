import { describe, expect, it } from 'vitest';
import { DEFAULT_HEATMAP_OPTIONS, mergeHeatmapOptions, type HeatmapOptionsPatch } from '../../plugin/heatmap-options';

function refused(patch: unknown): () => void {
  return () => mergeHeatmapOptions(DEFAULT_HEATMAP_OPTIONS, patch as HeatmapOptionsPatch, 'applyOptions');
}

describe('heatmap options', () => {
  it('merges a patch over the base, model and levels one level deep, without changing the base', () => {
    const base = mergeHeatmapOptions(DEFAULT_HEATMAP_OPTIONS, { model: { rows: 300 }, levels: { top: 3 } });
    const merged = mergeHeatmapOptions(base, { threshold: 0.2, model: { mmr: 0.005 } });
    expect(merged).toMatchObject({ threshold: 0.2, model: { rows: 300, mmr: 0.005 }, levels: { top: 3 } });
    expect(base.model).toEqual({ rows: 300 });
  });

  it('names the call and the option of a number outside 0..1', () => {
    expect(refused({ threshold: 2 })).toThrow(new RangeError('applyOptions: threshold must be a number from 0 to 1, got 2'));
    expect(refused({ opacity: NaN })).toThrow(/applyOptions: opacity must be a number from 0 to 1, got NaN/);
    expect(refused({ normalizePercentile: '0.5' })).toThrow(/normalizePercentile must be a number from 0 to 1, got '0.5'/);
  });

  it('refuses a flag that is not a boolean', () => {
    expect(refused({ levelsVisible: 'yes' })).toThrow(/applyOptions: levelsVisible must be true or false, got 'yes'/);
    expect(refused({ autoscaleLevels: 1 })).toThrow(/autoscaleLevels must be true or false/);
  });

  it('refuses a level colour that is not a CSS colour', () => {
    expect(refused({ longColor: 'rgb(1, 2' })).toThrow(/applyOptions: longColor must be a CSS colour, got 'rgb\(1, 2'/);
    expect(refused({ shortColor: '' })).toThrow(/shortColor must be a CSS colour/);
    expect(() => mergeHeatmapOptions(DEFAULT_HEATMAP_OPTIONS, { longColor: 'rgba(38, 198, 218, 0.8)', shortColor: 'tomato' })).not.toThrow();
  });

  it('refuses an unknown sides value', () => {
    expect(refused({ sides: 'up' })).toThrow(/applyOptions: sides must be 'both', 'long' or 'short', got 'up'/);
  });

  it('normalises on the visible columns by default and refuses an unknown normalizeOn', () => {
    expect(DEFAULT_HEATMAP_OPTIONS.normalizeOn).toBe('visible');
    expect(mergeHeatmapOptions(DEFAULT_HEATMAP_OPTIONS, { normalizeOn: 'recent' }).normalizeOn).toBe('recent');
    expect(refused({ normalizeOn: 'latest' })).toThrow(/applyOptions: normalizeOn must be 'visible' or 'recent', got 'latest'/);
  });

  it('labels levels in full by default, takes compact labels and refuses another levelLabels value', () => {
    expect(DEFAULT_HEATMAP_OPTIONS.levelLabels).toBe('full');
    expect(mergeHeatmapOptions(DEFAULT_HEATMAP_OPTIONS, { levelLabels: 'compact' }).levelLabels).toBe('compact');
    expect(refused({ levelLabels: 'short' })).toThrow(/applyOptions: levelLabels must be 'full' or 'compact', got 'short'/);
  });

  it('refuses a palette that is not a name or at least two stops', () => {
    expect(refused({ palette: 'viridis' })).toThrow(/applyOptions: palette must be 'density', 'two-sided' or at least two colour stops, got 'viridis'/);
    expect(refused({ palette: [{ at: 0, color: '#000' }] })).toThrow(/palette must be .* got an array of 1/);
  });

  it('names the stop and field of a bad palette stop', () => {
    const stops = [
      { at: 0, color: '#000000' },
      { at: 0.5, color: '#fff' },
      { at: 1, color: 'red' },
    ];
    expect(refused({ palette: stops })).toThrow(new RangeError("applyOptions: palette[2].color must be #rgb or #rrggbb, got 'red'"));
    expect(refused({ palette: [stops[0], { at: 1.5, color: '#fff' }] })).toThrow(/palette\[1\]\.at must be a number from 0 to 1, got 1.5/);
    expect(refused({ palette: [stops[0], null] })).toThrow(/palette\[1\] must be a colour stop/);
  });

  it('keeps its own copy of custom stops, so a later change to the caller\'s array cannot bypass the check', () => {
    const stops = [
      { at: 0, color: '#000000' },
      { at: 1, color: '#ffffff' },
    ];
    const merged = mergeHeatmapOptions(DEFAULT_HEATMAP_OPTIONS, { palette: stops });
    stops[1].color = 'not a colour';
    expect(merged.palette).toEqual([
      { at: 0, color: '#000000' },
      { at: 1, color: '#ffffff' },
    ]);
  });

  it('refuses levels options the levels report would refuse, at the call', () => {
    expect(refused({ levels: { top: 1e9 } })).toThrow(/^applyOptions: levels option top: must be an integer in \[1, 100\], got 1000000000$/);
    expect(refused({ levels: { top: -1 } })).toThrow(/applyOptions: levels option top/);
    expect(refused({ levels: { top: 2.5 } })).toThrow(/applyOptions: levels option top/);
  });

  it('refuses model options the model would refuse, at the call', () => {
    expect(refused({ model: { rows: 3 } })).toThrow(/^applyOptions: model option rows: must be a number in \[10, 4000\], got 3$/);
    expect(refused({ model: { tiers: [{ leverage: 1, weight: 1, halfLifeHours: 1 }] } })).toThrow(/applyOptions: model option tiers\[0\]\.leverage/);
  });

  it('refuses an unknown option, naming the call and the closest known name', () => {
    expect(refused({ treshold: 0.5 })).toThrow(new RangeError("applyOptions: unknown option 'treshold' (did you mean 'threshold'?)"));
  });

  it('refuses an unknown levels or model option, naming where it was', () => {
    expect(refused({ levels: { topp: 3 } })).toThrow(new RangeError("applyOptions: levels options: unknown option 'topp' (did you mean 'top'?)"));
    expect(refused({ model: { foo: 1 } })).toThrow(new RangeError("applyOptions: model options: unknown option 'foo'"));
  });

  it('takes undefined for a known option as keeping the base value', () => {
    const base = mergeHeatmapOptions(DEFAULT_HEATMAP_OPTIONS, { threshold: 0.3 });
    expect(mergeHeatmapOptions(base, { threshold: undefined, levels: { top: undefined } }).threshold).toBe(0.3);
  });

  it('refuses a patch, model or levels that is not an object', () => {
    expect(refused(null)).toThrow(new TypeError('applyOptions: options must be an object, got null'));
    expect(refused({ model: 5 })).toThrow(/applyOptions: model must be an object of model options, got 5/);
    expect(refused({ levels: [] })).toThrow(/applyOptions: levels must be an object of levels options/);
  });
});
