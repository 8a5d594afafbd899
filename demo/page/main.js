/* global LightweightCharts, LiqHeatmap */
const statusLine = document.getElementById('status');

function setStatus(text) {
  statusLine.textContent = text;
}

function levelItem(level, unit) {
  const li = document.createElement('li');
  for (const text of [LiqHeatmap.formatPrice(level.price), LiqHeatmap.formatNotional(level.notional, unit), LiqHeatmap.formatPct(level.distancePct)]) {
    const span = document.createElement('span');
    span.textContent = text;
    li.append(span);
  }
  return li;
}

function showReport(report) {
  document.getElementById('levels-above').replaceChildren(...[...report.above].reverse().map((l) => levelItem(l, report.unit)));
  document.getElementById('levels-below').replaceChildren(...report.below.map((l) => levelItem(l, report.unit)));
  document.getElementById('price').textContent = `price ${LiqHeatmap.formatPrice(report.price)}`;
  document.getElementById('bias').textContent = `bias: ${report.bias.label} (ratio ${report.bias.ratio.toFixed(2)})`;
}

async function main() {
  const chart = LightweightCharts.createChart(document.getElementById('chart'), {
    autoSize: true,
    layout: { background: { color: '#0d1117' }, textColor: '#d0d7de' },
    grid: { vertLines: { color: '#1f2630' }, horzLines: { color: '#1f2630' } },
    timeScale: { timeVisible: true },
  });
  const candles = chart.addSeries(LightweightCharts.CandlestickSeries, {});
  const response = await fetch('/api/replay');
  if (!response.ok) throw new Error(`replay data: HTTP ${response.status}`);
  const body = await response.json();
  const series = LiqHeatmap.parseKlines(body.rows, { source: 'replay' });
  const data = [];
  for (let i = 0; i < series.length; i++) {
    data.push({ time: series.openTime[i] / 1000, open: series.open[i], high: series.high[i], low: series.low[i], close: series.close[i] });
  }
  candles.setData(data);
  const heatmap = LiqHeatmap.createLiquidationHeatmap(candles);
  heatmap.setData(series);
  showReport(heatmap.levels());
  setStatus(`replay: ${body.label}, ${series.length} bars`);
}

main().catch((error) => setStatus(`error: ${error.message}`));
