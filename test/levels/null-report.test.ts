import { describe, expect, it } from 'vitest';
import { LevelAlerts } from '../../src/levels/alerts';
import type { LevelsReport } from '../../src/levels/level';
import { planTrade } from '../../src/levels/plan-trade';

const nothing = null as unknown as LevelsReport;

describe('a missing levels report is named, not a TypeError from inside', () => {
  it('planTrade(null, ...) throws a RangeError naming the report argument', () => {
    expect(() => planTrade(nothing, { side: 'long', entry: 100 })).toThrow(new RangeError('planTrade: report must be a levels report (from modelLevels or computeLevels), got null'));
  });

  it('planTrade with an object that is not a report names the missing list', () => {
    expect(() => planTrade({ price: 1 } as unknown as LevelsReport, { side: 'short', entry: 100 })).toThrow(/planTrade: report must be a levels report.*above/);
  });

  it('LevelAlerts.check(null) throws a RangeError naming the report argument', () => {
    const alerts = new LevelAlerts({ approachPct: 1 });
    expect(() => alerts.check(nothing)).toThrow(new RangeError('LevelAlerts.check: report must be a levels report (from modelLevels or computeLevels), got null'));
  });
});
