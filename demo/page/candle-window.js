// The candles the chart holds. lightweight-charts' setData and its first paint cost time in proportion to
// the bars it is given (about 100 ms for 52k here), so a long history goes to the chart as its latest
// `size` bars, and older bars come in `size` at a time when the view nears the left edge. The model
// still reads the whole history; its older columns are simply off screen until their candles arrive.
const LEFT_MARGIN_BARS = 50;

function candleOf(k) {
  return { time: k.openTime / 1000, open: k.open, high: k.high, low: k.low, close: k.close, customValues: { volume: k.volume } };
}

/** `{ set(klines), update(k), shown(), total() }` over `series` on `chart`. */
export function createCandleWindow(chart, series, { size }) {
  const timeScale = chart.timeScale();
  let all = [];
  let shown = 0;
  let extending = false;

  function show(count) {
    shown = Math.min(all.length, count);
    const data = new Array(shown);
    for (let i = 0, from = all.length - shown; i < shown; i++) data[i] = candleOf(all[from + i]);
    series.setData(data);
  }

  function extend() {
    extending = false;
    const range = timeScale.getVisibleLogicalRange();
    if (!range || range.from > LEFT_MARGIN_BARS || shown >= all.length) return;
    const before = shown;
    show(shown + size);
    const added = shown - before;
    timeScale.setVisibleLogicalRange({ from: range.from + added, to: range.to + added });
  }

  timeScale.subscribeVisibleLogicalRangeChange((range) => {
    if (!range || extending || range.from > LEFT_MARGIN_BARS || shown >= all.length) return;
    // Not inside the chart's own range notification: the next task extends.
    extending = true;
    setTimeout(extend, 0);
  });

  return {
    /** Replaces the history (oldest first): the chart gets its latest `size` bars. */
    set(klines) {
      all = klines.slice();
      show(size);
    },
    /** A live kline: replaces the forming bar or appends a new one. */
    update(k) {
      const last = all[all.length - 1];
      if (last && k.openTime < last.openTime) return;
      if (last && k.openTime === last.openTime) all[all.length - 1] = k;
      else {
        all.push(k);
        shown++;
      }
      series.update(candleOf(k));
    },
    /** Bars the chart holds. */
    shown: () => shown,
    /** Bars of the history. */
    total: () => all.length,
  };
}
