import type { ISeriesApi, SeriesType, Time } from 'lightweight-charts';
import type { LiquidationHeatmapPrimitive } from '../../plugin/liquidation-heatmap-primitive';

/**
 * A stand-in for lightweight-charts' chart and series with the calls the primitive makes: a time scale
 * where bar `i` (open time `times[i]` seconds) sits at logical `i`, x = `i * spacing`, and a linear (or
 * logarithmic) price scale over `[low, high]` mapped to `[height, 0]`. It counts live subscriptions and
 * can be removed like `chart.remove()`.
 */
export function fakeChart(
  times: number[],
  options: { spacing?: number; low: number; high: number; height?: number; log?: boolean; mode?: number; lastValue?: number; background?: string; font?: { family: string; size: number } },
) {
  const spacing = options.spacing ?? 6;
  const height = options.height ?? 400;
  const dataHandlers = new Set<() => void>();
  const formatter = { format: (price: number) => price.toFixed(2) };
  let updates = 0;
  let visible = { from: 0, to: times.length - 1 };
  const element = { parentElement: {} as object | null };
  const project = (p: number) => (options.log ? Math.log(p) : p);
  const priceToCoordinate = (price: number) => {
    if (options.log && price <= 0) return null;
    return height - ((project(price) - project(options.low)) / (project(options.high) - project(options.low))) * height;
  };
  const chart = {
    chartElement: () => element,
    options: () => ({ layout: { background: { type: 'solid', color: options.background ?? '#ffffff' }, fontFamily: options.font?.family ?? 'Arial', fontSize: options.font?.size ?? 12 } }),
    timeScale: () => ({
      getVisibleLogicalRange: () => visible,
      timeToIndex: (time: number) => {
        const i = times.indexOf(time);
        return i < 0 ? null : i;
      },
      logicalToCoordinate: (logical: number) => logical * spacing,
      timeToCoordinate: (time: number) => (times.includes(time) ? times.indexOf(time) * spacing : null),
      options: () => ({ barSpacing: spacing }),
      width: () => times.length * spacing,
    }),
  };
  const series = {
    priceToCoordinate,
    data: () => times.map((time) => ({ time })),
    dataByIndex: (index: number) => (times.length ? { time: times[Math.min(index, times.length - 1)] } : null),
    priceFormatter: () => formatter,
    options: () => ({ lastValueVisible: options.lastValue !== undefined }),
    lastValueData: () => (options.lastValue === undefined ? { noData: true } : { noData: false, price: options.lastValue }),
    getPane: () => ({ getHeight: () => height }),
    priceScale: () => ({ options: () => ({ mode: options.mode ?? (options.log ? 1 : 0) }) }),
    subscribeDataChanged: (h: () => void) => dataHandlers.add(h),
    unsubscribeDataChanged: (h: () => void) => dataHandlers.delete(h),
    attachPrimitive(primitive: LiquidationHeatmapPrimitive) {
      primitive.attached({ chart, series, requestUpdate: () => updates++, horzScaleBehavior: {} } as never);
    },
    detachPrimitive(primitive: LiquidationHeatmapPrimitive) {
      primitive.detached();
    },
  };
  return {
    chart,
    // Only the members above exist; the primitive and rowGeometry use no others.
    series: series as unknown as ISeriesApi<SeriesType, Time>,
    dataHandlers,
    updates: () => updates,
    setVisible: (from: number, to: number) => (visible = { from, to }),
    /** What `chart.remove()` does to the chart's element: takes it out of its container. */
    remove: () => (element.parentElement = null),
  };
}

/** Minimal canvas globals for the image surface outside a browser: an OffscreenCanvas whose context records uploads. */
export function installFakeCanvas(): { uploads: unknown[][] } {
  const uploads: unknown[][] = [];
  const g = globalThis as Record<string, unknown>;
  g.ImageData ??= class {
    constructor(
      readonly data: Uint8ClampedArray,
      readonly width: number,
      readonly height: number,
    ) {}
  };
  g.OffscreenCanvas = class {
    constructor(
      readonly width: number,
      readonly height: number,
    ) {}
    getContext() {
      return { putImageData: (...args: unknown[]) => uploads.push(args) };
    }
  };
  return { uploads };
}
