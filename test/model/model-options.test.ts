import { describe, expect, it } from 'vitest';
import { LiquidationModel } from '../../src/model/liquidation-model';
import { DEFAULT_MODEL_OPTIONS, mergeModelOptions } from '../../src/model/model-options';

describe('model options', () => {
  it('refuses an unknown option, naming it and the known name it is closest to', () => {
    expect(() => mergeModelOptions({ mmrr: 0.004 } as never)).toThrow(new RangeError("model options: unknown option 'mmrr' (did you mean 'mmr'?)"));
  });

  it('the model constructor refuses an unknown option', () => {
    expect(() => new LiquidationModel({ mmrr: 0.004 } as never)).toThrow(/^model options: unknown option 'mmrr'/);
  });

  it('applyOptions refuses an unknown option and keeps the options in force', () => {
    const model = new LiquidationModel({ rows: 500 });
    const before = model.options();
    expect(() => model.applyOptions({ foo: 1 } as never)).toThrow(new RangeError("model options: unknown option 'foo'"));
    expect(model.options()).toBe(before);
  });

  it('takes undefined for a known option as its default', () => {
    expect(mergeModelOptions({ mmr: undefined })).toEqual(DEFAULT_MODEL_OPTIONS);
  });
});
