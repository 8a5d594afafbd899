import { describe, expect, it } from 'vitest';
import { DEFAULT_LEVELS_OPTIONS, mergeLevelsOptions } from '../../src/levels/levels-options';

describe('levels options', () => {
  it('refuses an unknown option, naming it and the known name it is closest to', () => {
    expect(() => mergeLevelsOptions({ topp: 3 } as never)).toThrow(new RangeError("levels options: unknown option 'topp' (did you mean 'top'?)"));
  });

  it('knows the options that have no default: since and trackIds', () => {
    expect(mergeLevelsOptions({ since: 0, trackIds: false })).toMatchObject({ since: 0, trackIds: false });
  });

  it('takes undefined for a known option as its default', () => {
    expect(mergeLevelsOptions({ top: undefined })).toEqual(DEFAULT_LEVELS_OPTIONS);
  });
});
