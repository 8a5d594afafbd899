import { nextTask } from '../scheduling/next-task';
import type { Kline, KlineSeries } from './kline';
import { KlineSeriesBuilder, type KlineSeriesOptions } from './to-series';

/** Pacing of {@link toKlineSeriesAsync}. */
export interface SeriesPacing {
  /** Work per slice before yielding, in ms. Default 8. */
  sliceMs?: number;
  signal?: AbortSignal;
}

const ROWS_PER_CHECK = 512;

/**
 * {@link toKlineSeries} in slices of about `sliceMs`, yielding a task between them: converting a long
 * history does not hold the main thread. Same result and errors; rejects with the signal's reason
 * when aborted.
 */
export async function toKlineSeriesAsync(klines: readonly Kline[], options: KlineSeriesOptions = {}, pacing: SeriesPacing = {}): Promise<KlineSeries> {
  const builder = new KlineSeriesBuilder(klines, options);
  const sliceMs = pacing.sliceMs ?? 8;
  let start = performance.now();
  while (builder.fill(ROWS_PER_CHECK) > 0) {
    if (performance.now() - start < sliceMs) continue;
    await nextTask();
    if (pacing.signal?.aborted) throw pacing.signal.reason;
    start = performance.now();
  }
  return builder.finish();
}
