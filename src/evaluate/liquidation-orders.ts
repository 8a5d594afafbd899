import type { Side } from '../model/side';

/** One liquidation order (Binance `forceOrder`). `side` is the liquidated position: SELL = a long, BUY = a short. */
export interface LiquidationOrder {
  time: number;
  symbol: string;
  side: Side;
  /**
   * Price the order is scored at: its fill (`average_price`) when recorded; else `price`, the order's limit
   * (Binance's bankruptcy price, beyond the fill), until {@link estimateMissingFills} replaces it.
   */
  price: number;
  /** The `price` column (the liquidation order's limit) when filled. */
  limit?: number;
  /** Where {@link price} comes from: the recorded fill (absent means this too), the limit, or a fill estimated from the limit. */
  fill?: 'recorded' | 'limit' | 'estimated';
  /** USD size: `usd_size_recorded` when present, else price x quantity. */
  notional: number;
  /** True when {@link notional} is price x quantity (no recorded USD size), so it follows the price. */
  notionalFromPrice?: boolean;
  /** 1-based line in the file. */
  row: number;
}

// Plain decimals only: Number() would also take 0x10, 0b1, 0o7 and 0x1p3-like text, which no recording means.
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Bad liquidation input; the message names the file, the row and the field. */
export class LiquidationFileError extends Error {
  override readonly name = 'LiquidationFileError';
}

/**
 * Liquidation orders from a CSV with a header (columns as in Binance `forceOrder` recordings:
 * `time, symbol, side`, `price` and/or `average_price` (a row needs one of them filled), optional
 * `usd_size_recorded`, and a quantity column `accumulated_filled_quantity` / `filled_quantity` /
 * `last_filled_quantity` / `original_quantity`), sorted by time. Blank optional fields are read as absent.
 */
export function parseLiquidationCsv(text: string, source = 'liquidations'): LiquidationOrder[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0].split(',').map((h) => h.trim().toLowerCase());
  const column = (name: string) => header.indexOf(name);
  for (const required of ['time', 'symbol', 'side']) {
    if (column(required) < 0) throw new LiquidationFileError(`${source}, row 1: missing column ${required}`);
  }
  const quantityColumn =
    ['accumulated_filled_quantity', 'filled_quantity', 'last_filled_quantity', 'original_quantity', 'quantity'].map(column).find((i) => i >= 0) ?? -1;
  const usdColumn = column('usd_size_recorded');
  const avgColumn = column('average_price');
  const priceColumn = column('price');
  if (priceColumn < 0 && avgColumn < 0) throw new LiquidationFileError(`${source}, row 1: missing column price or average_price`);
  if (usdColumn < 0 && quantityColumn < 0) throw new LiquidationFileError(`${source}, row 1: missing column usd_size_recorded or a quantity column`);
  const orders: LiquidationOrder[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const cells = lines[i].split(',');
    const row = i + 1;
    const fail = (field: string, reason: string): never => {
      throw new LiquidationFileError(`${source}, row ${row}, field ${field}: ${reason}`);
    };
    const number = (index: number, field: string, required: boolean): number | undefined => {
      const raw = (cells[index] ?? '').trim();
      if (raw === '') return required ? fail(field, 'empty') : undefined;
      const value = DECIMAL.test(raw) ? Number(raw) : NaN;
      if (!Number.isFinite(value) || value < 0) fail(field, `not a non-negative number: ${raw}`);
      return value;
    };
    const time = number(column('time'), 'time', true) as number;
    const sideText = (cells[column('side')] ?? '').trim().toUpperCase();
    if (sideText !== 'SELL' && sideText !== 'BUY') fail('side', `unknown side '${sideText}' (expected SELL for a long liquidated, BUY for a short)`);
    const listed = priceColumn >= 0 ? number(priceColumn, 'price', false) : undefined;
    const average = avgColumn >= 0 ? number(avgColumn, 'average_price', false) : undefined;
    const recorded = average !== undefined && average > 0;
    const price = (recorded ? average : listed) ?? fail(priceColumn >= 0 ? 'price' : 'average_price', 'empty, and no average_price to use instead');
    if (!(price > 0)) fail(listed !== undefined ? 'price' : 'average_price', 'must be positive');
    const usd = usdColumn >= 0 ? number(usdColumn, 'usd_size_recorded', false) : undefined;
    const quantity = quantityColumn >= 0 ? number(quantityColumn, header[quantityColumn], false) : undefined;
    const notional = usd ?? (quantity !== undefined ? quantity * price : fail('usd_size_recorded', 'empty and no quantity to derive it'));
    const symbol = (cells[column('symbol')] ?? '').trim().toUpperCase();
    if (!symbol) fail('symbol', 'empty');
    orders.push({
      time: time < 1e11 ? time * 1000 : time,
      symbol,
      side: sideText === 'SELL' ? 'long' : 'short',
      price,
      ...(listed !== undefined && listed > 0 ? { limit: listed } : {}),
      fill: recorded ? 'recorded' : 'limit',
      notional,
      ...(usd === undefined ? { notionalFromPrice: true } : {}),
      row,
    });
  }
  return orders.sort((a, b) => a.time - b.time || a.row - b.row);
}

/** A burst of liquidations of one symbol: consecutive orders less than `gapMs` apart. */
export interface LiquidationWindow {
  symbol: string;
  /** Time of the first order. */
  t0: number;
  orders: LiquidationOrder[];
}

/** Groups orders per symbol into windows of orders less than `gapMs` (default 2 h) apart. */
export function groupWindows(orders: readonly LiquidationOrder[], gapMs = 2 * 3_600_000): LiquidationWindow[] {
  const bySymbol = new Map<string, LiquidationOrder[]>();
  for (const order of orders) {
    const list = bySymbol.get(order.symbol) ?? [];
    list.push(order);
    bySymbol.set(order.symbol, list);
  }
  const windows: LiquidationWindow[] = [];
  for (const [symbol, list] of bySymbol) {
    let current: LiquidationWindow | null = null;
    for (const order of list) {
      if (!current || order.time - current.orders[current.orders.length - 1].time >= gapMs) {
        current = { symbol, t0: order.time, orders: [] };
        windows.push(current);
      }
      current.orders.push(order);
    }
  }
  return windows.sort((a, b) => a.t0 - b.t0 || a.symbol.localeCompare(b.symbol));
}
