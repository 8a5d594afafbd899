import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectKth } from '../../plugin/visible-percentile';

describe('selectKth', () => {
  it('gives what sorting and indexing gives, duplicates included', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 300 }), fc.nat(), (list, pick) => {
        const k = pick % list.length;
        const sorted = [...list].sort((a, b) => a - b);
        expect(selectKth(Float64Array.from(list), list.length, k)).toBe(sorted[k]);
      }),
    );
  });
});
