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

/** Replay speeds offered, as multiples of the base pace. */
export const SPEEDS = [1, 2, 5, 10, 30, 60];

/**
 * What a replay is doing: `playing`, `paused`, or `ended` (all bars played, no loop).
 * @typedef {'playing' | 'paused' | 'ended'} ReplayState
 */

/**
 * A replay the trader drives: play/pause, speed, one tick at a time, restart, loop.
 * @typedef {object} ReplayPlayer
 * @property {() => void} play
 * @property {() => void} pause
 * @property {() => void} step plays one tick (pausing first)
 * @property {() => void} restart back to the first bar (`onRestart` runs first), keeping play or pause
 * @property {(speed: number) => void} setSpeed a multiple of the base pace, 1 to 60
 * @property {(loop: boolean) => void} setLoop at the end, start over instead of stopping
 * @property {() => ReplayState} state
 * @property {() => { bar: number, bars: number }} position bars played so far and in all
 * @property {() => void} stop for good (no more callbacks)
 */

/**
 * Plays `bars` as ticks, one every `baseTickMs / speed`, calling `onKline(kline)`; at the end calls
 * `onEnd()` and stops, or with loop on calls `onRestart()` and plays again. `onState` hears every change
 * of play state or position. Starts playing unless `paused`.
 * @param {readonly Kline[]} bars
 * @param {{ baseTickMs: number, paused?: boolean, onKline: (kline: Kline) => void, onRestart: () => void, onEnd: () => void, onState?: (state: ReplayState, position: { bar: number, bars: number }) => void }} options
 * @returns {ReplayPlayer}
 */
export function createReplayPlayer(bars, { baseTickMs, paused = false, onKline, onRestart, onEnd, onState = () => {} }) {
  let i = 0;
  let step = 0;
  let speed = 1;
  let loop = false;
  /** @type {ReplayState} */
  let state = 'paused';
  /** @type {ReturnType<typeof setInterval> | null} */
  let timer = null;

  const clear = () => {
    if (timer !== null) clearInterval(timer);
    timer = null;
  };
  /** @param {ReplayState} next */
  const become = (next) => {
    state = next;
    onState(state, { bar: i, bars: bars.length });
  };
  const rewind = () => {
    i = 0;
    step = 0;
    onRestart();
  };
  function tick() {
    if (i >= bars.length) {
      if (loop) {
        rewind();
        return;
      }
      clear();
      become('ended');
      onEnd();
      return;
    }
    onKline(tickOf(bars[i], step));
    step++;
    if (step === TICKS_PER_BAR) {
      step = 0;
      i++;
    }
    onState(state, { bar: i, bars: bars.length });
  }
  const schedule = () => {
    clear();
    timer = setInterval(tick, Math.max(1, baseTickMs / speed));
  };

  /** @type {ReplayPlayer} */
  const player = {
    play() {
      if (state === 'ended') rewind();
      become('playing');
      schedule();
    },
    pause() {
      clear();
      if (state === 'playing') become('paused');
    },
    step() {
      clear();
      if (state === 'ended') rewind();
      become('paused');
      tick();
    },
    restart() {
      const wasPlaying = state === 'playing';
      clear();
      rewind();
      if (wasPlaying) player.play();
      else become('paused');
    },
    setSpeed(next) {
      speed = Math.min(60, Math.max(1, next));
      if (state === 'playing') schedule();
    },
    setLoop(next) {
      loop = next;
    },
    state: () => state,
    position: () => ({ bar: i, bars: bars.length }),
    stop: clear,
  };
  if (!paused) player.play();
  return player;
}
