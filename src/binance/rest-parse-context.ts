import type { OpenInterestPoint } from '../model/open-interest';
import type { OpenInterestNow, PremiumIndex, SymbolInfo, Ticker24h } from './binance-types';
import { asArray, asRecord, MalformedField, readNumber, readString, readTime } from './rest-fields';

/**
 * Parsers of the market-context bodies (`/fapi/v1/premiumIndex`, `/fapi/v1/openInterest`,
 * `/futures/data/openInterestHist`, `/fapi/v1/ticker/24hr`, `/fapi/v1/exchangeInfo`).
 * Each throws {@link MalformedField} naming the first field of the wrong shape.
 */

/** `/fapi/v1/premiumIndex?symbol=` body. */
export function parsePremiumIndex(body: unknown): PremiumIndex {
  const path = 'premiumIndex';
  const r = asRecord(body, path);
  return {
    symbol: readString(r, 'symbol', path),
    markPrice: readNumber(r, 'markPrice', path),
    indexPrice: readNumber(r, 'indexPrice', path),
    lastFundingRate: readNumber(r, 'lastFundingRate', path),
    nextFundingTime: readTime(r, 'nextFundingTime', path),
    time: readTime(r, 'time', path),
  };
}

/** `/fapi/v1/openInterest?symbol=` body. */
export function parseOpenInterest(body: unknown): OpenInterestNow {
  const path = 'openInterest';
  const r = asRecord(body, path);
  return {
    symbol: readString(r, 'symbol', path),
    openInterest: readNumber(r, 'openInterest', path),
    time: readTime(r, 'time', path),
  };
}

/** `/futures/data/openInterestHist` body: rows oldest first (sorted here if Binance ever is not). */
export function parseOpenInterestHist(body: unknown): OpenInterestPoint[] {
  const points = asArray(body, 'openInterestHist').map((row, i): OpenInterestPoint => {
    const path = `openInterestHist[${i}]`;
    const r = asRecord(row, path);
    return {
      // Recorded bodies carry the timestamp as a string ("1583127900000"), the docs as a number.
      timestamp: readTime(r, 'timestamp', path),
      sumOpenInterest: readNumber(r, 'sumOpenInterest', path),
      sumOpenInterestValue: readNumber(r, 'sumOpenInterestValue', path),
    };
  });
  return points.sort((a, b) => a.timestamp - b.timestamp);
}

/** `/fapi/v1/ticker/24hr?symbol=` body. */
export function parseTicker24h(body: unknown): Ticker24h {
  const path = 'ticker24hr';
  const r = asRecord(body, path);
  return {
    symbol: readString(r, 'symbol', path),
    lastPrice: readNumber(r, 'lastPrice', path),
    priceChangePercent: readNumber(r, 'priceChangePercent', path),
    highPrice: readNumber(r, 'highPrice', path),
    lowPrice: readNumber(r, 'lowPrice', path),
    quoteVolume: readNumber(r, 'quoteVolume', path),
  };
}

/**
 * Every symbol of an `/fapi/v1/exchangeInfo` body, by name. A symbol without a `PRICE_FILTER` or
 * with a tick size that is not positive is a wrong shape.
 */
export function parseExchangeSymbols(body: unknown): Map<string, SymbolInfo> {
  const symbols = asArray(asRecord(body, 'exchangeInfo').symbols, 'exchangeInfo.symbols');
  const out = new Map<string, SymbolInfo>();
  symbols.forEach((entry, i) => {
    const path = `exchangeInfo.symbols[${i}]`;
    const r = asRecord(entry, path);
    const symbol = readString(r, 'symbol', path);
    const filters = asArray(r.filters, `${path}.filters`);
    const index = filters.findIndex((f) => asRecord(f, `${path}.filters[]`).filterType === 'PRICE_FILTER');
    if (index < 0) throw new MalformedField(`${path}.filters`, `no PRICE_FILTER for ${symbol}`);
    const filterPath = `${path}.filters[${index}]`;
    const tickSize = readNumber(asRecord(filters[index], filterPath), 'tickSize', filterPath);
    if (!(tickSize > 0)) throw new MalformedField(`${filterPath}.tickSize`, `not positive: ${tickSize}`);
    out.set(symbol, { symbol, tickSize, status: readString(r, 'status', path) });
  });
  return out;
}
