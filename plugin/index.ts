/**
 * lwc-plugin-liquidation-heatmap: the full package entry. It carries the headless core; the
 * lightweight-charts series primitive is added here as it lands.
 *
 * @packageDocumentation
 */
export * from '../src/index';
