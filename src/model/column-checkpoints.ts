import type { EngineState } from './engine';

/** Closed bars from one checkpoint to the next: a column read first replays at most this many bars. */
export const CHECKPOINT_BARS = 64;

/**
 * Whether bar `i` starts a checkpoint span: the first bar, and the first bar of each span of
 * {@link CHECKPOINT_BARS} intervals counted from the epoch. Spans follow open times, not positions in the
 * series, so the pruning floor refreshed at these bars is the same whatever history was loaded.
 */
export function isCheckpointBar(openTime: ArrayLike<number>, i: number, intervalMs: number): boolean {
  if (i === 0 || !(intervalMs > 0)) return true;
  const span = CHECKPOINT_BARS * intervalMs;
  return Math.floor(openTime[i] / span) !== Math.floor(openTime[i - 1] / span);
}

/**
 * The model's columns are built when first read: a full recompute only advances the state bar by bar and
 * keeps a checkpoint of it at each checkpoint bar (whose column it writes). A column read later is built by
 * replaying its span from the checkpoint before it. This keeps which columns are built, and the checkpoints.
 */
export class ColumnCheckpoints {
  private bars: number[] = [];
  private states: (EngineState | null)[] = [];
  /** Checkpoints before this one were dropped (their columns are no longer kept). */
  private head = 0;
  private built = new Uint8Array(0);
  /** Dropped checkpoints' states, whose arrays the next checkpoints reuse. */
  private spares: EngineState[] = [];

  clear(): void {
    // A recompute saves about as many checkpoints as the last: their arrays are reused, not collected.
    this.spares = this.states.filter((state): state is EngineState => state !== null);
    this.bars = [];
    this.states = [];
    this.head = 0;
    this.built.fill(0);
  }

  /** Keeps `state` as the engine's state after applying bar `i` (ascending `i`). */
  save(i: number, state: EngineState): void {
    this.bars.push(i);
    this.states.push(state);
  }

  /** Drops the checkpoints no kept column needs (all but the last at or before `oldest`). */
  dropBefore(oldest: number): void {
    const { bars, states } = this;
    while (this.head + 1 < bars.length && bars[this.head + 1] <= oldest) {
      const dropped = states[this.head];
      if (dropped && this.spares.length < 4) this.spares.push(dropped);
      states[this.head++] = null;
    }
    if (this.head > 1024 && this.head * 2 > bars.length) {
      this.bars = bars.slice(this.head);
      this.states = states.slice(this.head);
      this.head = 0;
    }
  }

  /** A dropped checkpoint's state to save the next one into, if any. */
  spare(): EngineState | undefined {
    return this.spares.pop();
  }

  /** The last checkpoint at or before column `i` and the bar where its span ends (the next checkpoint), or null. */
  spanOf(i: number): { bar: number; state: EngineState; end: number } | null {
    const { bars, states } = this;
    let low = this.head;
    let high = bars.length - 1;
    if (high < low || bars[low] > i) return null;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (bars[mid] <= i) low = mid;
      else high = mid - 1;
    }
    const state = states[low];
    if (!state) return null;
    return { bar: bars[low], state, end: low + 1 < bars.length ? bars[low + 1] : Infinity };
  }

  isBuilt(i: number): boolean {
    return i < this.built.length && this.built[i] === 1;
  }

  markBuilt(i: number): void {
    if (i >= this.built.length) {
      const grown = new Uint8Array(Math.max(i + 1, this.built.length * 2, 1024));
      grown.set(this.built);
      this.built = grown;
    }
    this.built[i] = 1;
  }
}
