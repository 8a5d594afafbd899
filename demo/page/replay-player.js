// @ts-check
// Plays recorded bars as if they were live: each bar arrives as a few growing ticks, then closes.
export const TICKS_PER_BAR = 4;

/** @typedef {import('../../plugin/index').Kline} Kline */

/**
 * A forming-bar tick `step` of `TICKS_PER_BAR` on the way from `bar.open` to the recorded bar.
 * @param {Kline} bar
 * @param {number} step
 * @returns {Kline}
 */
export function tickOf(bar, step) {
  if (step >= TICKS_PER_BAR - 1) return { ...bar, closed: true };
  const f = (step + 1) / TICKS_PER_BAR;
  const close = bar.open + (bar.close - bar.open) * f;
  return {
    ...bar,
    close,
    high: Math.max(bar.open, close, bar.open + (bar.high - bar.open) * f),
    low: Math.min(bar.open, close, bar.open + (bar.low - bar.open) * f),
    volume: bar.volume * f,
    quoteVolume: bar.quoteVolume === undefined ? undefined : bar.quoteVolume * f,
    takerBuyBase: bar.takerBuyBase === undefined ? undefined : bar.takerBuyBase * f,
    closed: false,
  };
}

/**
 * Plays `bars` every `tickMs`, calling `onKline(kline)`, then `onDone()`; returns a stop function.
 * @param {readonly Kline[]} bars
 * @param {number} tickMs
 * @param {(kline: Kline) => void} onKline
 * @param {() => void} onDone
 * @returns {() => void}
 */
export function playReplay(bars, tickMs, onKline, onDone) {
  let i = 0;
  let step = 0;
  const timer = setInterval(() => {
    if (i >= bars.length) {
      clearInterval(timer);
      onDone();
      return;
    }
    onKline(tickOf(bars[i], step));
    step++;
    if (step === TICKS_PER_BAR) {
      step = 0;
      i++;
    }
  }, tickMs);
  return () => clearInterval(timer);
}
