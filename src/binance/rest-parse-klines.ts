import { klineFromRestRow } from '../klines/from-rest-row';
import type { Kline } from '../klines/kline';
import { KlineError } from '../klines/kline-error';
import { asArray, MalformedField } from './rest-fields';

/**
 * A `/fapi/v1/klines` body (an array of 12-element rows of strings and numbers) as klines, oldest
 * first. Open times must strictly increase, as Binance sends them.
 * @throws MalformedField naming the row and field, e.g. `klines[3].high: not a number: "abc"`.
 */
export function parseKlineRows(body: unknown): Kline[] {
  const rows = asArray(body, 'klines');
  const klines: Kline[] = [];
  for (let i = 0; i < rows.length; i++) {
    let kline: Kline;
    try {
      kline = klineFromRestRow(rows[i], i + 1);
    } catch (error) {
      if (!(error instanceof KlineError)) throw error;
      throw new MalformedField(`klines[${i}]${error.field !== undefined ? `.${error.field}` : ''}`, error.reason);
    }
    const previous = klines[klines.length - 1];
    if (previous !== undefined && kline.openTime <= previous.openTime) {
      throw new MalformedField(`klines[${i}].openTime`, `${kline.openTime} does not follow ${previous.openTime}`);
    }
    klines.push(kline);
  }
  return klines;
}
