// Shared by the render and panning bench pages: the query reader and the chart with the overlay.
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);

  /** A positive integer query parameter, or `fallback` when absent; a clear error otherwise. */
  function intParam(name, fallback) {
    var raw = params.get(name);
    if (raw === null) return fallback;
    var v = Number(raw);
    if (!Number.isInteger(v) || v <= 0) throw new Error('query ' + name + '=' + raw + ': expected a positive integer');
    return v;
  }

  /**
   * A width x height chart in #chart with `klines` as candles and the overlay (at most `rows` model rows) fed
   * the same klines; returns { container, chart, series, heatmap }.
   */
  function chartWithOverlay(klines, width, height, rows) {
    var container = document.getElementById('chart');
    container.style.width = width + 'px';
    container.style.height = height + 'px';
    var chart = LightweightCharts.createChart(container, {
      width: width,
      height: height,
      layout: { background: { type: 'solid', color: '#ffffff' }, textColor: '#333333', attributionLogo: false },
      // 5000 bars on ~1150 px need ~0.23 px a bar; the default minimum (0.5) would refuse the zoom.
      timeScale: { minBarSpacing: 0.01, rightOffset: 0 },
    });
    var series = chart.addSeries(LightweightCharts.CandlestickSeries);
    series.setData(klines.map(function (k) {
      return { time: k.openTime / 1000, open: k.open, high: k.high, low: k.low, close: k.close };
    }));
    var heatmap = LiqHeatmap.createLiquidationHeatmap(series, { model: { rows: rows } });
    heatmap.setData(klines);
    return { container: container, chart: chart, series: series, heatmap: heatmap };
  }

  window.benchChart = { intParam: intParam, chartWithOverlay: chartWithOverlay };
})();
