import type { LiquidationModel } from '../../src/model/liquidation-model';

/** Raw long then short values of columns `[from, to)`, as bytes: compares columns bit for bit. */
export function columnBytes(model: LiquidationModel, from = 0, to = model.length): Buffer {
  const parts: Buffer[] = [];
  for (const side of ['long', 'short'] as const) {
    for (let i = from; i < to; i++) {
      const values = model.columnAt(i)[side];
      parts.push(Buffer.from(values.buffer, values.byteOffset, values.byteLength));
    }
  }
  return Buffer.concat(parts);
}

/** Sum of a side's raw values over all columns. */
export function sideSum(model: LiquidationModel, side: 'long' | 'short'): number {
  let sum = 0;
  for (let i = 0; i < model.length; i++) for (const v of model.columnAt(i)[side]) sum += v;
  return sum;
}

/** Number of raw cells (both sides, all columns) that are negative, NaN or infinite. */
export function badCells(model: LiquidationModel): number {
  let bad = 0;
  for (let i = 0; i < model.length; i++) {
    const { long, short } = model.columnAt(i);
    for (let r = 0; r < long.length; r++) if (!(long[r] >= 0 && short[r] >= 0 && long[r] < Infinity && short[r] < Infinity)) bad++;
  }
  return bad;
}
