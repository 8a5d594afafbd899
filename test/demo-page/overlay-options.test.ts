import { describe, expect, it } from 'vitest';
import { modelOptions, paintOptions, sameModelOptions } from '../../demo/page/overlay-options.js';
import { DEFAULTS } from '../../demo/page/url-state.js';
import { useLibraryGlobal } from './library-global';

describe('demo overlay options', () => {
  useLibraryGlobal();

  it("the model's maintenance margin rate is the symbol's", () => {
    expect(modelOptions({ ...DEFAULTS, symbol: 'BTCUSDT' })).toEqual({ mmr: 0.004 });
    expect(modelOptions({ ...DEFAULTS, symbol: 'ETHUSDT' })).toEqual({ mmr: 0.005 });
  });

  it('the paint options come from the controls and carry no model options', () => {
    const state = { ...DEFAULTS, threshold: 0.3, heat: 0.7, heatmap: false, levels: false, swept: false, sides: 'short' as const, palette: 'two-sided' as const };
    expect(paintOptions(state)).toEqual({ threshold: 0.3, moreHeat: 0.7, heatmapVisible: false, levelsVisible: false, sweptVisible: false, sides: 'short', palette: 'two-sided', normalizeOn: 'recent' });
  });

  it('a model built with the wanted options is the same model', () => {
    expect(sameModelOptions({ mmr: 0.004 }, { mmr: 0.004 })).toBe(true);
  });

  it('another maintenance margin rate is another model', () => {
    expect(sameModelOptions({ mmr: 0.004 }, { mmr: 0.005 })).toBe(false);
    expect(sameModelOptions({}, { mmr: 0.005 })).toBe(false);
  });

  it('options the new data does not ask for do not matter', () => {
    expect(sameModelOptions({ mmr: 0.004, rows: 300 }, { mmr: 0.004 })).toBe(true);
  });
});
