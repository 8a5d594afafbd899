import { barsInSpacing, isMonthly } from '../klines/bar-spacing';
import type { Kline, KlineGap } from '../klines/kline';

/** Most klines Binance returns per request. */
export const KLINES_PAGE_LIMIT = 1500;

/** Progress of a paged kline download. */
export interface KlineRangeProgress {
  /** Pages received so far. */
  pagesDone: number;
  /** Pages expected, estimated from the time range; equals `pagesDone` on the last page. */
  pagesTotal: number;
  /** Distinct bars collected so far. */
  bars: number;
}

/** A kline range collected page by page. */
export interface KlineRange {
  /** Bars oldest first, each open time once, within the requested range (the last may still be forming). */
  klines: Kline[];
  /** Holes between consecutive bars (Binance maintenance, delistings); reported, not filled. */
  gaps: KlineGap[];
  /** Requests made. */
  pages: number;
}

/** One page: klines with open time from `startTime` (to `endTime` when given), at most `limit`. */
export type FetchKlinePage = (startTime: number, endTime: number | undefined, limit: number) => Promise<Kline[]>;

/** What {@link collectKlineRange} pages over. */
export interface KlineRangeSpec {
  startTime: number;
  endTime?: number;
  intervalMs: number;
  /** Used to estimate the page count when `endTime` is open. */
  now: number;
  onProgress?: (progress: KlineRangeProgress) => void;
}

/**
 * Pages through a kline range by `startTime` (the next page starts one interval after the last
 * bar received; for monthly bars 1 ms after it, since months differ in length). Stops at `endTime`,
 * on a short page, or when a page does not advance. Bars outside the range are dropped; a bar seen
 * twice (page overlap) keeps its latest copy; gaps are collected.
 */
export async function collectKlineRange(fetchPage: FetchKlinePage, spec: KlineRangeSpec): Promise<KlineRange> {
  const { startTime, endTime, intervalMs, onProgress } = spec;
  const span = Math.max(0, (endTime ?? spec.now) - startTime);
  const estimate = Math.max(1, Math.ceil((Math.floor(span / intervalMs) + 1) / KLINES_PAGE_LIMIT));
  const klines: Kline[] = [];
  let pages = 0;
  let from = startTime;
  for (;;) {
    const page = await fetchPage(from, endTime, KLINES_PAGE_LIMIT);
    pages++;
    for (const kline of page) {
      if (kline.openTime < startTime || (endTime !== undefined && kline.openTime > endTime)) continue;
      const last = klines.length - 1;
      if (last >= 0 && kline.openTime < klines[last].openTime) continue;
      if (last >= 0 && kline.openTime === klines[last].openTime) klines[last] = kline;
      else klines.push(kline);
    }
    const lastOpen = page.length > 0 ? page[page.length - 1].openTime : undefined;
    const next = lastOpen === undefined ? undefined : lastOpen + (isMonthly(intervalMs) ? 1 : intervalMs);
    const done =
      page.length < KLINES_PAGE_LIMIT || next === undefined || next <= from || (endTime !== undefined && next > endTime);
    onProgress?.({ pagesDone: pages, pagesTotal: done ? pages : Math.max(estimate, pages + 1), bars: klines.length });
    if (done) break;
    from = next;
  }
  return { klines, gaps: findGaps(klines, intervalMs), pages };
}

/** Gaps between consecutive open times, as in `KlineSeries.gaps`. */
export function findGaps(klines: readonly Kline[], intervalMs: number): KlineGap[] {
  const gaps: KlineGap[] = [];
  for (let i = 1; i < klines.length; i++) {
    const after = klines[i - 1].openTime;
    const before = klines[i].openTime;
    const bars = barsInSpacing(before - after, intervalMs);
    if (bars !== undefined && bars > 1) gaps.push({ after, before, missing: bars - 1 });
  }
  return gaps;
}
