import type { OpenInterestPoint } from '../model/open-interest';
import type { BinanceRestClient } from './rest-client';
import { OPEN_INTEREST_PERIODS, type OpenInterestPeriod } from './rest-validate';

/** Rows asked for: Binance's maximum per request. */
const OPEN_INTEREST_ROWS = 500;

/** The period to ask for: the interval's own when `wanted` is `true` and Binance offers it. */
export function openInterestPeriod(wanted: boolean | OpenInterestPeriod, interval: string): OpenInterestPeriod | undefined {
  if (wanted === false) return undefined;
  if (wanted !== true) return wanted;
  return (OPEN_INTEREST_PERIODS as readonly string[]).includes(interval) ? (interval as OpenInterestPeriod) : undefined;
}

/**
 * Open-interest history, best effort: a failure resolves to a warning instead of rejecting, unless
 * `signal` aborted (then it rejects, so a cancelled load is not reported as a missing open interest).
 */
export async function fetchOpenInterest(
  rest: BinanceRestClient,
  symbol: string,
  period: OpenInterestPeriod,
  signal: AbortSignal,
): Promise<{ points?: OpenInterestPoint[]; warning?: string }> {
  try {
    return { points: await rest.openInterestHist({ symbol, period, limit: OPEN_INTEREST_ROWS, signal }) };
  } catch (error) {
    if (signal.aborted) throw error;
    return { warning: `open interest unavailable (${(error as Error).message}); sizes are relative heat` };
  }
}
