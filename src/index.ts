/**
 * Headless core of lwc-plugin-liquidation-heatmap: klines parsing, the liquidation model, levels and
 * placement, the Binance client. No DOM and no
 * lightweight-charts: usable in Node, workers and bots (`import ... from 'lwc-plugin-liquidation-heatmap/core'`).
 *
 * @packageDocumentation
 */
export * from './public-api';
