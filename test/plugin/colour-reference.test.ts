import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ColumnSource } from '../../plugin/cell-image';
import { steppedReference, visibleReference } from '../../plugin/colour-reference';
import { visiblePercentile } from '../../plugin/visible-percentile';

/** Column-major raw densities (`rows` values per column) behind the model's read API. */
function columns(long: Float32Array, short: Float32Array, rows: number): ColumnSource {
  return {
    columnAt: (i) => ({ index: i, time: i, long: long.subarray(i * rows, (i + 1) * rows), short: short.subarray(i * rows, (i + 1) * rows), scale: 1, offGrid: [0, 0] }),
  };
}

const SIDES = ['both', 'long', 'short'] as const;

describe('colour reference of the visible columns', () => {
  it('is the stepped visible percentile, whatever previous reference it is given', () => {
    const rows = 7;
    const cells = fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e6, noNaN: true })), { minLength: rows * 40, maxLength: rows * 40 });
    fc.assert(
      fc.property(cells, cells, fc.nat(39), fc.integer({ min: 1, max: 40 }), fc.constantFrom(...SIDES), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: -3, max: 3 }), (l, s, c0, width, sides, p, stepsAway) => {
        const source = columns(Float32Array.from(l), Float32Array.from(s), rows);
        const c1 = Math.min(40, c0 + width);
        const expected = steppedReference(visiblePercentile(source, rows, c0, c1, sides, p));
        const previous = expected > 0 ? expected * Math.pow(2, stepsAway / 4) : 1;
        expect(visibleReference(source, rows, c0, c1, sides, p, previous)).toBe(expected);
        expect(visibleReference(source, rows, c0, c1, sides, p, 0)).toBe(expected);
      }),
    );
  });

  it('a percentile exactly on the edge between two steps is rounded as steppedReference rounds it', () => {
    const rows = 4;
    for (const edge of [Math.pow(2, 0.125), Math.pow(2, 3.375), Math.pow(2, -1.625)]) {
      const long = new Float32Array(rows * 10).fill(edge);
      const source = columns(long, new Float32Array(long.length), rows);
      const expected = steppedReference(Math.fround(edge));
      for (const previous of [expected, expected * Math.pow(2, 0.25), expected / Math.pow(2, 0.25)]) {
        expect(visibleReference(source, rows, 0, 10, 'both', 0.98, previous)).toBe(expected);
      }
    }
  });
});
