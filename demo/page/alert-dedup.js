// @ts-check
// One alert for one place: levels within one price row of each other are the same place to a trader,
// so an alert of the same kind and side near one already shown within the cool-down is dropped.

/** @typedef {import('../../plugin/index').LevelAlert} LevelAlert */

/**
 * @param {number} rowPct the price grid's row height in % of price
 * @param {number} cooldownMs
 */
export function createAlertDedup(rowPct, cooldownMs) {
  /** @type {{ type: string, side: string, price: number, time: number }[]} */
  let shown = [];
  return {
    /**
     * True when `alert` repeats one shown within the cool-down at a level within one row; else records it and returns false.
     * @param {LevelAlert} alert
     */
    isRepeat(alert) {
      shown = shown.filter((s) => alert.time - s.time < cooldownMs);
      const { type, time } = alert;
      const { side, price } = alert.level;
      const near = shown.some((s) => s.type === type && s.side === side && (Math.abs(s.price - price) / Math.min(s.price, price)) * 100 <= rowPct * (1 + 1e-9));
      if (near) return true;
      shown.push({ type, side, price, time });
      return false;
    },
  };
}
