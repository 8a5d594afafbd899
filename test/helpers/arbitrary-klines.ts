import fc from 'fast-check';
import type { Kline } from '../../src/klines/kline';

const HOUR = 3_600_000;
const START = Date.UTC(2025, 0, 1);

interface Step {
  ret: number;
  up: number;
  down: number;
  volume: number;
  taker: number | null;
  quote: boolean;
  gap: number;
}

const step: fc.Arbitrary<Step> = fc.record({
  ret: fc.oneof(fc.double({ min: -0.03, max: 0.03, noNaN: true }), fc.double({ min: -0.6, max: 0.6, noNaN: true }), fc.constant(0)),
  up: fc.oneof(fc.double({ min: 0, max: 0.02, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }), fc.constant(0)),
  down: fc.oneof(fc.double({ min: 0, max: 0.02, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }), fc.constant(0)),
  volume: fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e9, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true })),
  taker: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
  quote: fc.boolean(),
  gap: fc.oneof(fc.constant(0), fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 5 })),
});

/** The largest volume the kline validator accepts (base, quote and taker). */
const MAX_VOLUME = 1e15;
/** Prices stay a decade under the validator's largest accepted price (1e12), wicks included. */
const MAX_CLOSE = 1e11;

/** Random and hostile but valid kline series: wild jumps, flat and zero-volume bars, gaps, tiny and huge prices. */
export function arbitraryKlines(maxLength = 80): fc.Arbitrary<Kline[]> {
  return fc
    .record({ exponent: fc.integer({ min: -4, max: 6 }), steps: fc.array(step, { minLength: 1, maxLength }) })
    .map(({ exponent, steps }) => {
      let price = Math.pow(10, exponent);
      let hour = 0;
      return steps.map((s) => {
        const open = price;
        const close = Math.min(MAX_CLOSE, Math.max(open * Math.exp(s.ret), Number.MIN_VALUE));
        const high = Math.max(open, close) * (1 + s.up);
        const low = Math.min(open, close) * (1 - Math.min(s.down, 0.99));
        hour += 1 + s.gap;
        price = close;
        const kline: Kline = { openTime: START + hour * HOUR, open, high, low, close, volume: s.volume };
        if (s.taker !== null) kline.takerBuyBase = s.volume * s.taker;
        if (s.quote) kline.quoteVolume = Math.min(MAX_VOLUME, (s.volume * (high + low + close)) / 3);
        return kline;
      });
    });
}
