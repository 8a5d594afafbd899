import { describe, expect, it } from 'vitest';
import { gridSettings, settingLabel, settingOptions } from '../../src/evaluate/option-grid';

describe('option grids', () => {
  it('is the cartesian product of the specs, the first varying slowest', () => {
    const settings = gridSettings(['model.sweep=full,body', 'model.wickClear=0.3,0.5', 'levels.zoneFloor=0.6,0.8']);
    expect(settings).toHaveLength(8);
    expect(settings[0]).toEqual({ 'model.sweep': 'full', 'model.wickClear': 0.3, 'levels.zoneFloor': 0.6 });
    expect(settings[7]).toEqual({ 'model.sweep': 'body', 'model.wickClear': 0.5, 'levels.zoneFloor': 0.8 });
  });

  it('splits a setting into model and levels options and labels it', () => {
    const [s] = gridSettings(['model.rows=400', 'levels.zoneFloor=0.6']);
    expect(settingOptions(s)).toEqual({ model: { rows: 400 }, levels: { zoneFloor: 0.6 } });
    expect(settingLabel(s)).toBe('model.rows=400 levels.zoneFloor=0.6');
    expect(gridSettings([])).toEqual([{}]);
  });

  it('names an unknown option, a repeated one or a value the option refuses', () => {
    expect(() => gridSettings(['model.speed=1,2'])).toThrow(/unknown option model\.speed/);
    expect(() => gridSettings(['sweep=full'])).toThrow(/unknown option sweep/);
    expect(() => gridSettings(['model.rows=400', 'model.rows=500'])).toThrow(/model\.rows is given twice/);
    expect(() => gridSettings(['model.wickClear=2'])).toThrow(/wickClear/);
    expect(() => gridSettings(['levels.zoneFloor'])).toThrow(/expected model\.NAME=V1,V2/);
  });
});
