import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/options/edit-distance';
import { checkKnownOptions } from '../../src/options/known-options';

const KNOWN = ['threshold', 'opacity', 'levels'];

describe('unknown option keys', () => {
  it('accepts an object whose keys are all known, whatever their values', () => {
    expect(() => checkKnownOptions({ threshold: 0.5, levels: undefined }, KNOWN, 'applyOptions')).not.toThrow();
  });

  it('refuses an unknown key, naming the call and the key, and suggests a known name within two edits', () => {
    expect(() => checkKnownOptions({ treshold: 0.5 }, KNOWN, 'applyOptions')).toThrow(new RangeError("applyOptions: unknown option 'treshold' (did you mean 'threshold'?)"));
  });

  it('suggests nothing when no known name is within two edits', () => {
    expect(() => checkKnownOptions({ colour: 'red' }, KNOWN, 'applyOptions')).toThrow(new RangeError("applyOptions: unknown option 'colour'"));
  });

  it('refuses an unknown key even when its value is undefined', () => {
    expect(() => checkKnownOptions({ opacty: undefined }, KNOWN, 'x')).toThrow(/^x: unknown option 'opacty' \(did you mean 'opacity'\?\)$/);
  });
});

describe('edit distance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('treshold', 'threshold')).toBe(1);
    expect(editDistance('topp', 'top')).toBe(1);
    expect(editDistance('mmr', 'mmt')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('counts a swap of two neighbouring characters as one edit', () => {
    expect(editDistance('opactiy', 'opacity')).toBe(1);
  });
});
