/**
 * Headless core of lwc-plugin-liquidation-heatmap: klines parsing, the liquidation model, levels and
 * placement. No DOM and no lightweight-charts: usable in Node, workers and bots
 * (`import ... from 'lwc-plugin-liquidation-heatmap/core'`).
 *
 * @packageDocumentation
 */
export * from './klines/index';
export * from './model/index';
export * from './levels/index';
export * from './binance/index';
export * from './evaluate/index';
