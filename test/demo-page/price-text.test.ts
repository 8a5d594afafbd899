import { describe, expect, it } from 'vitest';
import { formatPrice, usePriceDecimals } from '../../demo/page/price-text.js';
import { useLibraryGlobal } from './library-global';

describe('prices beside the demo chart', () => {
  useLibraryGlobal();

  it("before any data a price is written as the library's formatPrice writes it", () => {
    expect(formatPrice(105129.04)).toBe('105,129.0');
  });

  it("with data a price has the chart's decimals and thousands separators", () => {
    usePriceDecimals(2);
    expect(formatPrice(105129.04)).toBe('105,129.04');
    usePriceDecimals(7);
    expect(formatPrice(0.00864231)).toBe('0.0086423');
  });
});
