import { describe, expect, it } from 'vitest';
import { LiquidationFileError, parseLiquidationCsv } from '../../src/evaluate/liquidation-orders';

const HEADER = 'time,symbol,side,price,usd_size_recorded';
const line = (price: string) => `${HEADER}\n1723897051510,BTCUSDT,SELL,${price},100\n`;

describe('liquidation orders take plain decimal numbers only', () => {
  for (const price of ['0x1p3', '0x10', '0b101', '0o17']) {
    it(`refuses the price ${price}, naming file, row and field`, () => {
      expect(() => parseLiquidationCsv(line(price), 'liq.csv')).toThrow(LiquidationFileError);
      expect(() => parseLiquidationCsv(line(price), 'liq.csv')).toThrow(`liq.csv, row 2, field price: not a non-negative number: ${price}`);
    });
  }

  it('still reads decimals with exponents', () => {
    expect(parseLiquidationCsv(line('5.8911e4'), 'liq.csv')[0].price).toBe(58911);
  });
});
