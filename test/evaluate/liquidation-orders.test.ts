import { describe, expect, it } from 'vitest';
import { groupWindows, LiquidationFileError, parseLiquidationCsv, type LiquidationOrder } from '../../src/evaluate/liquidation-orders';

const HOUR = 3_600_000;
const HEADER = 'time,time_utc,symbol,side,original_quantity,price,average_price,order_status,last_filled_quantity,accumulated_filled_quantity,usd_size_recorded,source';
/** The column layout of forceOrder_multi_dev.csv. */
const MULTI = 'time,symbol,side,order_type,price,average_price,original_quantity,filled_quantity,usd_size_recorded,source';

function order(price: number, notional: number, side: 'long' | 'short' = 'long', time = 0): LiquidationOrder {
  return { time, symbol: 'ETHUSDT', side, price, notional, row: 2 };
}

describe('liquidation orders', () => {
  it('reads SELL as a long liquidated and BUY as a short, at the average price and recorded USD size', () => {
    const orders = parseLiquidationCsv(`${HEADER}\n1723897051510,x,BTCUSDT,SELL,0.006,58911.00,59145.00,FILLED,0.006,0.006,353.466,src\n1723896324103,x,BTCUSDT,BUY,0.044,59298.69,,FILLED,0.044,0.044,,src\n`);
    expect(orders[0]).toMatchObject({ side: 'short', price: 59298.69, notional: 0.044 * 59298.69, row: 3 });
    expect(orders[1]).toMatchObject({ side: 'long', price: 59145, notional: 353.466, row: 2 });
  });

  it('reads a row with a blank price at its average_price', () => {
    const [o] = parseLiquidationCsv(`${MULTI}\n1723896145249,BNBUSDT,BUY,LIMIT,,529.980,0.60,0.60,319.5708,src\n`);
    expect(o).toMatchObject({ symbol: 'BNBUSDT', side: 'short', price: 529.98, notional: 319.5708 });
  });

  it('reads a row with a blank average_price at its price, and a file without a price column at average_price', () => {
    const [a] = parseLiquidationCsv(`${MULTI}\n1723896145249,BNBUSDT,SELL,LIMIT,532.618,,0.60,0.60,319.5708,src\n`);
    expect(a).toMatchObject({ side: 'long', price: 532.618 });
    const [b] = parseLiquidationCsv('time,symbol,side,average_price,usd_size_recorded\n1723896145249,BNBUSDT,SELL,529.98,100\n');
    expect(b).toMatchObject({ price: 529.98, notional: 100 });
  });

  it('reads blank optional fields as absent: a blank USD size is derived from the filled quantity', () => {
    const [o] = parseLiquidationCsv(`${MULTI}\n1723896145249,BNBUSDT,BUY,,532.618,530,,0.5,,\n`);
    expect(o.notional).toBeCloseTo(265, 9);
  });

  it('a row with neither price nor average_price names the file, row and field', () => {
    expect(() => parseLiquidationCsv(`${MULTI}\n1,BNBUSDT,BUY,LIMIT,1,1,1,1,1,s\n2,BNBUSDT,BUY,LIMIT,,,1,1,1,s\n`, 'liq.csv')).toThrow(/liq\.csv, row 3, field price: empty, and no average_price/);
  });

  it('names the row and field of a bad line: unknown side, non-numeric price, missing column', () => {
    expect(() => parseLiquidationCsv(`${HEADER}\n1,x,BTCUSDT,HOLD,1,1,1,F,1,1,1,s\n`, 'liq.csv')).toThrow(/liq\.csv, row 2, field side: unknown side 'HOLD'/);
    expect(() => parseLiquidationCsv(`${HEADER}\n1,x,BTCUSDT,SELL,1,1,1,F,1,1,1,s\n2,x,BTCUSDT,BUY,1,abc,,F,1,1,1,s\n`, 'liq.csv')).toThrow(/liq\.csv, row 3, field price: not a non-negative number: abc/);
    expect(() => parseLiquidationCsv(`${MULTI}\n1,BNBUSDT,BUY,LIMIT,1,x1,1,1,1,s\n`, 'liq.csv')).toThrow(/liq\.csv, row 2, field average_price: not a non-negative number: x1/);
    expect(() => parseLiquidationCsv('time,symbol,price\n1,BTCUSDT,1\n', 'liq.csv')).toThrow(LiquidationFileError);
    expect(() => parseLiquidationCsv('time,symbol,price\n1,BTCUSDT,1\n', 'liq.csv')).toThrow(/row 1: missing column side/);
    expect(() => parseLiquidationCsv('time,symbol,side,usd_size_recorded\n1,BTCUSDT,SELL,1\n', 'liq.csv')).toThrow(/row 1: missing column price or average_price/);
  });

  it('groups orders less than 2 h apart per symbol into windows', () => {
    const t = Date.UTC(2025, 0, 1);
    const orders = [order(1, 1, 'long', t), order(1, 1, 'short', t + HOUR), order(1, 1, 'long', t + HOUR + 2 * HOUR), { ...order(1, 1, 'long', t + 10), symbol: 'BTCUSDT' }];
    const windows = groupWindows(orders);
    expect(windows.map((w) => [w.symbol, w.t0, w.orders.length])).toEqual([
      ['ETHUSDT', t, 2],
      ['BTCUSDT', t + 10, 1],
      ['ETHUSDT', t + 3 * HOUR, 1],
    ]);
  });
});
