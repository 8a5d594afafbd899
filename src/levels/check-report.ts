import type { LevelsReport } from './level';

/**
 * @internal Fails with a RangeError naming `argument` unless `report` has the shape of a {@link LevelsReport}
 * (an object with the `above`, `below` and `swept` lists): a clear message
 * instead of a TypeError from deep inside when `null` or the wrong object is passed.
 */
export function checkReport(report: unknown, where: string, argument = 'report'): asserts report is LevelsReport {
  const r = report as Partial<LevelsReport> | null | undefined;
  const what = `${where}: ${argument} must be a levels report (from modelLevels or computeLevels)`;
  if (typeof r !== 'object' || r === null) throw new RangeError(`${what}, got ${r === null ? 'null' : typeof r}`);
  for (const list of ['above', 'below', 'swept'] as const) {
    if (!Array.isArray(r[list])) throw new RangeError(`${what}; its ${list} is not a list`);
  }
}
