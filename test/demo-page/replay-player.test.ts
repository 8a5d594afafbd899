import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Kline } from '../../src/klines/kline';
import { createReplayPlayer, tickOf, TICKS_PER_BAR } from '../../demo/page/replay-player.js';

const BAR: Kline = { openTime: Date.UTC(2025, 0, 1), open: 100, high: 110, low: 96, close: 104, volume: 80, quoteVolume: 8_000 };

describe('replayed bar ticks', () => {
  it('the last tick of a bar is the recorded bar, closed', () => {
    expect(tickOf(BAR, TICKS_PER_BAR - 1)).toEqual({ ...BAR, closed: true });
  });

  it('an earlier tick is a forming bar whose close has moved its share of the way from open to close', () => {
    const tick = tickOf(BAR, 0);
    expect(tick.closed).toBe(false);
    expect(tick.close).toBeCloseTo(100 + (104 - 100) / TICKS_PER_BAR, 12);
  });

  it('a forming tick keeps high and low around its open and close', () => {
    for (let step = 0; step < TICKS_PER_BAR - 1; step++) {
      const tick = tickOf(BAR, step);
      expect(tick.high).toBeGreaterThanOrEqual(Math.max(tick.open, tick.close));
      expect(tick.low).toBeLessThanOrEqual(Math.min(tick.open, tick.close));
      expect(tick.high).toBeLessThanOrEqual(BAR.high);
      expect(tick.low).toBeGreaterThanOrEqual(BAR.low);
    }
  });

  it('a forming tick has its share of the volumes, and leaves absent ones absent', () => {
    const tick = tickOf(BAR, 1);
    expect(tick.volume).toBeCloseTo((80 * 2) / TICKS_PER_BAR, 12);
    expect(tick.quoteVolume).toBeCloseTo((8_000 * 2) / TICKS_PER_BAR, 12);
    expect(tick.takerBuyBase).toBeUndefined();
  });
});

describe('replay playback', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const bars: Kline[] = [BAR, { ...BAR, openTime: BAR.openTime + 3_600_000, open: 104, close: 101 }];
  const play = (onKline: (k: Kline) => void, onEnd: () => void) => createReplayPlayer(bars, { baseTickMs: 100, onKline, onRestart: () => {}, onEnd });

  it('plays every bar as its ticks, one per tick interval, the last of each closed', () => {
    const seen: Kline[] = [];
    play((k) => seen.push(k), () => {});
    vi.advanceTimersByTime(100 * TICKS_PER_BAR * bars.length);
    expect(seen).toHaveLength(TICKS_PER_BAR * bars.length);
    expect(seen.filter((k) => k.closed).map((k) => k.openTime)).toEqual(bars.map((b) => b.openTime));
  });

  it('says it is done once, on the tick after the last bar', () => {
    const done = vi.fn();
    play(() => {}, done);
    vi.advanceTimersByTime(100 * TICKS_PER_BAR * bars.length);
    expect(done).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(done).toHaveBeenCalledTimes(1);
  });

  it('stops when its stop function is called', () => {
    const seen: Kline[] = [];
    const { stop } = play((k) => seen.push(k), () => {});
    vi.advanceTimersByTime(250);
    stop();
    vi.advanceTimersByTime(10_000);
    expect(seen).toHaveLength(2);
  });
});

describe('replay controls', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const bars: Kline[] = [BAR, { ...BAR, openTime: BAR.openTime + 3_600_000, open: 104, close: 101 }];
  const ALL_TICKS = TICKS_PER_BAR * bars.length;

  function player(options: { paused?: boolean } = {}) {
    const seen: Kline[] = [];
    const restarts = vi.fn();
    const ended = vi.fn();
    const replay = createReplayPlayer(bars, { baseTickMs: 100, onKline: (k) => seen.push(k), onRestart: restarts, onEnd: ended, ...options });
    return { replay, seen, restarts, ended };
  }

  it('pause stops the ticks and play goes on from where it was', () => {
    const { replay, seen } = player();
    vi.advanceTimersByTime(250);
    replay.pause();
    vi.advanceTimersByTime(10_000);
    expect(seen).toHaveLength(2);
    expect(replay.state()).toBe('paused');
    replay.play();
    vi.advanceTimersByTime(100);
    expect(seen.map((k) => k.close)).toEqual([tickOf(BAR, 0).close, tickOf(BAR, 1).close, tickOf(BAR, 2).close]);
  });

  it('starts paused when asked and step plays exactly one tick', () => {
    const { replay, seen } = player({ paused: true });
    vi.advanceTimersByTime(10_000);
    expect(seen).toHaveLength(0);
    replay.step();
    replay.step();
    vi.advanceTimersByTime(10_000);
    expect(seen).toHaveLength(2);
    expect(replay.state()).toBe('paused');
  });

  it('at 10x speed plays ten ticks in the time of one', () => {
    const { replay, seen } = player({ paused: true });
    replay.setSpeed(10);
    replay.play();
    vi.advanceTimersByTime(50);
    expect(seen).toHaveLength(5);
  });

  it('keeps the speed between 1x and 60x', () => {
    const { replay, seen } = player({ paused: true });
    replay.setSpeed(1000);
    replay.play();
    vi.advanceTimersByTime(100);
    expect(seen.length).toBeLessThanOrEqual(60);
  });

  it('restart goes back to the first bar after onRestart', () => {
    const { replay, seen, restarts } = player();
    vi.advanceTimersByTime(500);
    replay.restart();
    expect(restarts).toHaveBeenCalledTimes(1);
    expect(replay.position().bar).toBe(0);
    seen.length = 0;
    vi.advanceTimersByTime(100);
    expect(seen[0]).toEqual(tickOf(BAR, 0));
  });

  it('says it ended after the last bar and play starts it over', () => {
    const { replay, ended, restarts } = player();
    vi.advanceTimersByTime(100 * (ALL_TICKS + 1));
    expect(ended).toHaveBeenCalledTimes(1);
    expect(replay.state()).toBe('ended');
    replay.play();
    expect(restarts).toHaveBeenCalledTimes(1);
    expect(replay.state()).toBe('playing');
  });

  it('with loop on starts over at the end instead of ending', () => {
    const { replay, ended, restarts, seen } = player();
    replay.setLoop(true);
    vi.advanceTimersByTime(100 * (ALL_TICKS + 1));
    expect(ended).not.toHaveBeenCalled();
    expect(restarts).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(100);
    expect(seen.at(-1)).toEqual(tickOf(BAR, 0));
  });
});
