// @ts-check
// The candles the chart holds. lightweight-charts' setData and its first paint cost time in proportion to
// the bars it is given (about 100 ms for 52k here), so a long history goes to the chart as its latest
// `size` bars, and older bars come in `size` at a time when the view nears the left edge. The model
// still reads the whole history; its older columns are simply off screen until their candles arrive.
// The history is kept as plain number arrays (unboxed doubles), not 52k kline objects the garbage
// collector would have to walk for as long as the page is open.
const LEFT_MARGIN_BARS = 50;

/** @typedef {import('lightweight-charts').IChartApi} IChartApi */
/** @typedef {import('lightweight-charts').ISeriesApi<'Candlestick'>} CandleSeries */
/** @typedef {import('lightweight-charts').CandlestickData<import('lightweight-charts').UTCTimestamp>} Candle */
/** @typedef {import('../../plugin/index').Kline} Kline */
/** @typedef {{ time: number[], open: number[], high: number[], low: number[], close: number[], volume: number[] }} Columns */

/**
 * The chart's share of a long history.
 * @typedef {object} CandleWindow
 * @property {(klines: readonly Kline[]) => void} set replaces the history (oldest first): the chart gets its latest `size` bars
 * @property {(k: Kline) => void} update a live kline: replaces the forming bar or appends a new one
 * @property {() => number} shown bars the chart holds
 * @property {() => number} total bars of the history
 */

/** @returns {Columns} */
function emptyColumns() {
  return { time: [], open: [], high: [], low: [], close: [], volume: [] };
}

/**
 * @param {Columns} columns
 * @param {number} i
 * @param {Kline} k
 */
function put(columns, i, k) {
  columns.time[i] = k.openTime / 1000;
  columns.open[i] = k.open;
  columns.high[i] = k.high;
  columns.low[i] = k.low;
  columns.close[i] = k.close;
  columns.volume[i] = k.volume;
}

/**
 * @param {Columns} columns
 * @param {number} i
 * @returns {Candle}
 */
function candleAt(columns, i) {
  const { time, open, high, low, close, volume } = columns;
  return { time: /** @type {import('lightweight-charts').UTCTimestamp} */ (time[i]), open: open[i], high: high[i], low: low[i], close: close[i], customValues: { volume: volume[i] } };
}

/**
 * The candle window over `series` on `chart`, `size` bars at a time.
 * @param {IChartApi} chart
 * @param {CandleSeries} series
 * @param {{ size: number }} options
 * @returns {CandleWindow}
 */
export function createCandleWindow(chart, series, { size }) {
  const timeScale = chart.timeScale();
  let columns = emptyColumns();
  let shown = 0;
  let extending = false;
  const total = () => columns.time.length;

  /** @param {number} count */
  function show(count) {
    shown = Math.min(total(), count);
    const data = new Array(shown);
    for (let i = 0, from = total() - shown; i < shown; i++) data[i] = candleAt(columns, from + i);
    series.setData(data);
  }

  function extend() {
    extending = false;
    const range = timeScale.getVisibleLogicalRange();
    if (!range || range.from > LEFT_MARGIN_BARS || shown >= total()) return;
    const before = shown;
    show(shown + size);
    const added = shown - before;
    timeScale.setVisibleLogicalRange({ from: range.from + added, to: range.to + added });
  }

  timeScale.subscribeVisibleLogicalRangeChange((range) => {
    if (!range || extending || range.from > LEFT_MARGIN_BARS || shown >= total()) return;
    // Not inside the chart's own range notification: the next task extends.
    extending = true;
    setTimeout(extend, 0);
  });

  return {
    /** Replaces the history (kline objects, oldest first): the chart gets its latest `size` bars. */
    set(klines) {
      columns = emptyColumns();
      for (let i = 0; i < klines.length; i++) put(columns, i, klines[i]);
      show(size);
    },
    /** A live kline: replaces the forming bar or appends a new one. */
    update(k) {
      const n = total();
      const time = k.openTime / 1000;
      if (n > 0 && time < columns.time[n - 1]) return;
      const i = n > 0 && time === columns.time[n - 1] ? n - 1 : n;
      put(columns, i, k);
      if (i === n) shown++;
      series.update(candleAt(columns, i));
    },
    /** Bars the chart holds. */
    shown: () => shown,
    /** Bars of the history. */
    total,
  };
}
