import { describe, expect, it } from 'vitest';
import { CHECKPOINT_BARS, ColumnCheckpoints, isCheckpointBar } from '../../src/model/column-checkpoints';
import type { EngineState } from '../../src/model/engine';

const HOUR = 3_600_000;

function times(startHour: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => (startHour + i) * HOUR);
}

function checkpointTimes(openTime: number[]): number[] {
  return openTime.filter((_, i) => isCheckpointBar(openTime, i, HOUR));
}

const state = (tag: number): EngineState => ({ lastTime: tag }) as unknown as EngineState;

describe('column checkpoints', () => {
  it('checkpoint bars follow open times: two histories of the same market share them after their first bar', () => {
    const long = times(1000, 400);
    const short = times(1137, 263);
    expect(checkpointTimes(short).slice(1)).toEqual(checkpointTimes(long).filter((t) => t > short[0]));
    expect(checkpointTimes(long).slice(1).every((t) => (t / HOUR) % CHECKPOINT_BARS === 0)).toBe(true);
  });

  it('the first bar, and a bar after a gap into a new span, is a checkpoint bar', () => {
    const openTime = [...times(10, 5), ...times(10 + 3 * CHECKPOINT_BARS, 5)];
    expect(isCheckpointBar(openTime, 0, HOUR)).toBe(true);
    expect(isCheckpointBar(openTime, 5, HOUR)).toBe(true);
    expect(isCheckpointBar(openTime, 6, HOUR)).toBe(false);
  });

  it('a column\'s span starts at the last checkpoint at or before it and ends at the next', () => {
    const c = new ColumnCheckpoints();
    c.save(0, state(0));
    c.save(50, state(50));
    c.save(114, state(114));
    expect(c.spanOf(0)).toMatchObject({ bar: 0, end: 50 });
    expect(c.spanOf(49)).toMatchObject({ bar: 0, end: 50 });
    expect(c.spanOf(50)).toMatchObject({ bar: 50, end: 114 });
    expect(c.spanOf(500)).toMatchObject({ bar: 114, end: Infinity });
    expect(c.spanOf(50)?.state.lastTime).toBe(50);
  });

  it('dropping before a column keeps the checkpoint that column needs', () => {
    const c = new ColumnCheckpoints();
    for (let i = 0; i < 10; i++) c.save(i * 64, state(i));
    c.dropBefore(200);
    expect(c.spanOf(100)).toBeNull();
    expect(c.spanOf(200)).toMatchObject({ bar: 192, end: 256 });
    expect(c.spare()?.lastTime).toBeDefined();
  });

  it('a built column stays built until cleared', () => {
    const c = new ColumnCheckpoints();
    c.markBuilt(5000);
    expect(c.isBuilt(5000)).toBe(true);
    expect(c.isBuilt(4999)).toBe(false);
    c.clear();
    expect(c.isBuilt(5000)).toBe(false);
  });
});
