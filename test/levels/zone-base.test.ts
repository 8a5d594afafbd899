import { describe, expect, it } from 'vitest';
import { massShareBounds } from '../../src/levels/mass-share-zone';
import { mergeLevelsOptions } from '../../src/levels/levels-options';

const none = (rows: number) => new Uint8Array(rows);

describe('zone core measured above the basin (levels option zoneBase)', () => {
  // A peak of 10 standing on a shelf of 5-6: the basin runs over rows 1-6, both ends at 5.
  const shelf = [0, 5, 5.5, 6, 10, 6, 5, 0];

  it('with zero, takes half of the whole basin, so the zone runs down the shelf', () => {
    // The basin holds 37.5; half is 18.75: the peak, then its neighbours (ties go below).
    expect(massShareBounds(shelf, 0, shelf.length, 4, none(8), 0.5, 'zero')).toEqual({ lo: 3, hi: 5, basinLo: 1, basinHi: 6 });
  });

  it('with valley, takes half of the mass above the higher valley, so the zone is the peak standing out of the shelf', () => {
    // Above the valleys' 5 the basin holds 0 + 0.5 + 1 + 5 + 1 + 0 = 7.5; the peak alone holds 5 of it.
    expect(massShareBounds(shelf, 0, shelf.length, 4, none(8), 0.5, 'valley')).toEqual({ lo: 4, hi: 4, basinLo: 1, basinHi: 6 });
  });

  it('with valley, measures from the higher of two unequal valleys', () => {
    // Valleys 1 (row 1) and 4 (row 6): above 4 the basin holds 1 + 2 + 6 + 3 = 12, and three quarters (9) are
    // the peak and its denser neighbour. Above the lower valley (1) it would hold 27 and need rows 2-5.
    const density = [0, 1, 5, 6, 10, 7, 4, 0];
    expect(massShareBounds(density, 0, density.length, 4, none(8), 0.75, 'valley')).toMatchObject({ lo: 4, hi: 5 });
  });

  it('refuses a base other than zero or valley, naming the option', () => {
    expect(() => mergeLevelsOptions({ zoneBase: 'floor' as never })).toThrow(/^levels option zoneBase: zero or valley, got floor$/);
  });
});
