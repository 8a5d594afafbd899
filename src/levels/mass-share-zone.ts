import type { ZoneBase } from './levels-options';

/** Rows `[lo, hi]` of a zone and the basin `[basinLo, basinHi]` of its peak, all inclusive. */
export interface MassShareBounds {
  lo: number;
  hi: number;
  basinLo: number;
  basinHi: number;
}

/**
 * The zone around the peak at row `r` that holds `share` of its basin's mass: the basin is the rows
 * from the peak out to where density stops falling (a valley), reaches zero or meets a row `taken`
 * marks (relative to `from`); the zone grows from the peak one row at a time towards the denser
 * neighbour until it holds `share` of the basin's sum. A broad cluster gets a wide zone, a sharp one a
 * narrow zone, whatever the height of its peak. With `base` `valley` the mass counted is each row's
 * excess over the higher of the basin's two end rows.
 */
export function massShareBounds(density: ArrayLike<number>, from: number, to: number, r: number, taken: Uint8Array, share: number, base: ZoneBase = 'zero'): MassShareBounds {
  const free = (k: number) => k >= from && k < to && !taken[k - from] && density[k] > 0;
  let basinLo = r;
  let basinHi = r;
  while (free(basinLo - 1) && density[basinLo - 1] <= density[basinLo]) basinLo--;
  while (free(basinHi + 1) && density[basinHi + 1] <= density[basinHi]) basinHi++;
  const floor = base === 'valley' ? Math.max(density[basinLo], density[basinHi]) : 0;
  const mass = (k: number) => Math.max(0, density[k] - floor);
  let total = 0;
  for (let k = basinLo; k <= basinHi; k++) total += mass(k);
  const target = share * total;
  let lo = r;
  let hi = r;
  let sum = mass(r);
  while (sum < target && (lo > basinLo || hi < basinHi)) {
    const below = lo > basinLo ? density[lo - 1] : -1;
    const above = hi < basinHi ? density[hi + 1] : -1;
    if (above > below) sum += mass(++hi);
    else sum += mass(--lo);
  }
  return { lo, hi, basinLo, basinHi };
}
