import { describe, expect, it } from 'vitest';
import { findZones } from '../../src/levels/find-zones';
import { massShareBounds } from '../../src/levels/mass-share-zone';
import { mergeLevelsOptions } from '../../src/levels/levels-options';

const none = (rows: number) => new Uint8Array(rows);

describe('zones by mass share (levels option zoneMassShare)', () => {
  it('grows a zone from its peak towards the denser neighbour until it holds the share of the basin', () => {
    // Basin rows 1-6 hold 20; half is 10: the peak (8) and its denser neighbour above (5).
    const density = [0, 1, 2, 4, 8, 5, 0.5, 0];
    expect(massShareBounds(density, 0, density.length, 4, none(8), 0.5)).toEqual({ lo: 4, hi: 5, basinLo: 1, basinHi: 6 });
  });

  it("ends a basin at a valley, so a neighbouring cluster's mass does not widen the zone", () => {
    const density = [9, 3, 1, 3, 6, 3];
    expect(massShareBounds(density, 0, density.length, 4, none(6), 0.5)).toMatchObject({ basinLo: 2, basinHi: 5 });
  });

  it('gives a broad flat-topped cluster a zone holding half its mass, where the 80 %-of-peak rule takes nearly all of it', () => {
    const density = [0, 8, 9, 9.5, 10, 9.5, 9, 8, 0];
    const byFloor = findZones(density, 0, density.length, 0, 0.8)[0];
    const byMass = findZones(density, 0, density.length, 0, 0.8, 0.5)[0];
    expect([byFloor.lo, byFloor.hi]).toEqual([1, 7]);
    // The basin holds 63: the peak, then its neighbours (ties go below) until 31.5 is reached.
    expect([byMass.lo, byMass.hi]).toEqual([2, 5]);
    expect(byMass.sum).toBeCloseTo(9 + 9.5 + 10 + 9.5, 9);
  });

  it("claims the whole basin, so a weaker peak beyond the zone but inside the basin's valley starts its own zone only past it", () => {
    const density = [0, 2, 4, 10, 4, 2, 3, 0];
    const zones = findZones(density, 0, density.length, 0, 0.8, 0.5);
    expect(zones.map((z) => [z.peakRow, z.lo, z.hi])).toEqual([
      [3, 2, 3],
      [6, 6, 6],
    ]);
  });
});

describe('levels option zoneMassShare', () => {
  it('refuses a share outside [0, 1], naming the option', () => {
    expect(() => mergeLevelsOptions({ zoneMassShare: 1.5 })).toThrow(/^levels option zoneMassShare: must be a number in \[0, 1\], got 1.5$/);
  });
});
