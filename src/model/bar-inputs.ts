import type { KlineSeries } from '../klines/kline';
import { emptyBarInput, type BarInput } from './bar-input';
import type { KlineBuffer } from './kline-buffer';
import { alignOpenInterest, type OpenInterestPoint } from './open-interest';

/**
 * What the engine reads for each bar: the kline's fields, the open interest at its close (aligned to the
 * bars once, again when bars are added) and its mark-price range when mark klines were given. One input
 * object is filled and handed out again, so the per-bar loops allocate nothing.
 */
export class BarInputs {
  private points: readonly OpenInterestPoint[] = [];
  private aligned: Float64Array = new Float64Array(0);
  private mark = new Map<number, [number, number]>();
  private readonly input: BarInput = emptyBarInput();

  /** The open-interest history the inputs carry (empty: none). */
  get openInterest(): readonly OpenInterestPoint[] {
    return this.points;
  }

  /** Replaces the open-interest history and the mark-price klines (matched by open time). */
  setContext(openInterest: readonly OpenInterestPoint[], markPrice?: KlineSeries): void {
    this.setOpenInterest(openInterest);
    this.mark = new Map();
    if (markPrice) for (let i = 0; i < markPrice.length; i++) this.mark.set(markPrice.openTime[i], [markPrice.high[i], markPrice.low[i]]);
  }

  setOpenInterest(points: readonly OpenInterestPoint[]): void {
    this.points = points;
    this.realign();
  }

  /** Forgets the alignment of open interest to the bars (the bars were replaced). */
  realign(): void {
    this.aligned = new Float64Array(0);
  }

  /** The input of bar `i` of `bars` (the same object each call: read it before the next). */
  at(bars: KlineBuffer, i: number): BarInput {
    const input = this.input;
    input.time = bars.openTime[i];
    input.open = bars.open[i];
    input.high = bars.high[i];
    input.low = bars.low[i];
    input.close = bars.close[i];
    input.volume = bars.volume[i];
    input.quoteVolume = bars.quoteVolume[i];
    input.takerBuyBase = bars.takerBuyBase[i];
    input.openInterest = this.openInterestAt(bars, i);
    const mark = this.mark.size ? this.mark.get(input.time) : undefined;
    input.markHigh = mark ? mark[0] : NaN;
    input.markLow = mark ? mark[1] : NaN;
    return input;
  }

  private openInterestAt(bars: KlineBuffer, i: number): number {
    if (this.points.length === 0) return NaN;
    if (this.aligned.length < bars.length) {
      this.aligned = alignOpenInterest(bars.openTime, bars.length, bars.intervalMs, this.points, new Float64Array(bars.length + 64));
    }
    return this.aligned[i];
  }
}
