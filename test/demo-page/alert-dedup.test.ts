import { describe, expect, it } from 'vitest';
import { createAlertDedup } from '../../demo/page/alert-dedup.js';
import type { LevelAlert } from '../../src/levels/alerts';

const HOUR = 3_600_000;

function alert(id: number, price: number, time: number, type: LevelAlert['type'] = 'approaching', side: 'long' | 'short' = 'long'): LevelAlert {
  return { type, id, price, time, distancePct: 0, level: { price, low: price, high: price, side, strength: 1, notional: 1, distancePct: 0, firstSeen: 0 } } as LevelAlert;
}

describe('alert de-duplication', () => {
  it('drops an alert for another level within one row (0.1 %) of one just shown', () => {
    const dedup = createAlertDedup(0.1, 12 * HOUR);
    expect(dedup.isRepeat(alert(1, 100_000, 0))).toBe(false);
    expect(dedup.isRepeat(alert(2, 100_090, HOUR))).toBe(true);
  });

  it('keeps an alert for a level more than one row away', () => {
    const dedup = createAlertDedup(0.1, 12 * HOUR);
    dedup.isRepeat(alert(1, 100_000, 0));
    expect(dedup.isRepeat(alert(2, 100_200, HOUR))).toBe(false);
  });

  it('keeps an alert of another kind or side at the same place', () => {
    const dedup = createAlertDedup(0.1, 12 * HOUR);
    dedup.isRepeat(alert(1, 100_000, 0));
    expect(dedup.isRepeat(alert(2, 100_000, HOUR, 'swept'))).toBe(false);
    expect(dedup.isRepeat(alert(3, 100_000, HOUR, 'approaching', 'short'))).toBe(false);
  });

  it('lets the same place alert again once the cool-down has passed', () => {
    const dedup = createAlertDedup(0.1, 12 * HOUR);
    dedup.isRepeat(alert(1, 100_000, 0));
    expect(dedup.isRepeat(alert(2, 100_050, 12 * HOUR))).toBe(false);
  });
});
