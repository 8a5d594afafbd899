// The "Plan" panel: entry, stop beyond the nearest liquidation zone against the trade, targets before
// the next zones ahead, drawn as labelled price lines; the entry line can be dragged to re-plan.
const $ = (id) => document.getElementById(id);
const DRAG_TOLERANCE_PX = 6;

function fmt(price) {
  return window.LiqHeatmap.formatPrice(price);
}

/** Creates the planner; `context()` returns { heatmap, candles, chart }, `onChange(partialState)` saves it. */
export function createPlanner(context, state, onChange) {
  const lines = [];
  let plan = null;
  let previousStop = null;
  let reason = '';

  function clearLines() {
    const { candles } = context();
    while (lines.length) candles.removePriceLine(lines.pop());
  }

  function line(price, color, title, style) {
    lines.push(context().candles.createPriceLine({ price, color, lineWidth: 2, lineStyle: style, axisLabelVisible: true, title }));
  }

  function stopKey(stop) {
    return stop && stop.level ? `${stop.level.side}:${stop.level.low.toFixed(6)}:${stop.level.high.toFixed(6)}` : null;
  }

  /** Re-plans from the latest levels; says why when the stop's zone changed (for example because it was swept). */
  function refresh() {
    const { heatmap } = context();
    clearLines();
    const report = heatmap.levels();
    if (!state.planSide || !report) {
      plan = null;
      render();
      return;
    }
    const entry = state.planEntry > 0 ? state.planEntry : report.price;
    plan = heatmap.planTrade({ side: state.planSide, entry, bufferPct: state.planBuffer });
    const key = stopKey(plan && plan.stop);
    if (previousStop && key !== previousStop.key) {
      const old = previousStop.level;
      const swept = report.swept.find((z) => z.side === old.side && z.high >= old.low && z.low <= old.high);
      reason = swept ? `stop moved: the zone ${fmt(old.low)}–${fmt(old.high)} was swept` : `stop moved: the nearest zone changed (was ${fmt(old.low)}–${fmt(old.high)})`;
    }
    previousStop = key && plan.stop.level ? { key, level: plan.stop.level } : null;
    if (plan) {
      line(plan.entry, '#e6edf3', 'entry', 0);
      if (plan.stop.price !== null) line(plan.stop.price, '#f85149', `stop ${plan.stop.distancePct.toFixed(2)}%`, 2);
      plan.targets.forEach((t, i) => line(t.price, '#3fb950', `T${i + 1} ${t.rewardToRisk === null ? '' : `${t.rewardToRisk.toFixed(1)}R`}`, 2));
    }
    render();
  }

  function render() {
    $('plan-entry').placeholder = plan ? fmt(plan.entry) : 'current price';
    if (!plan) {
      $('plan-stop').textContent = '–';
      $('plan-targets').replaceChildren();
      $('plan-notes').textContent = '';
      return;
    }
    $('plan-stop').textContent = plan.stop.price === null ? plan.stop.reason : `${fmt(plan.stop.price)} (${plan.stop.distancePct.toFixed(2)}%), ${plan.stop.reason}`;
    $('plan-targets').replaceChildren(
      ...plan.targets.map((t, i) => {
        const li = document.createElement('li');
        li.textContent = `T${i + 1} ${fmt(t.price)} (${t.distancePct >= 0 ? '+' : ''}${t.distancePct.toFixed(2)}%${t.rewardToRisk === null ? '' : `, ${t.rewardToRisk.toFixed(2)}R`}), ${t.reason}`;
        return li;
      }),
    );
    $('plan-notes').textContent = [reason, ...plan.notes].filter(Boolean).join(' · ');
  }

  $('plan-side').value = state.planSide;
  $('plan-entry').value = state.planEntry > 0 ? String(state.planEntry) : '';
  $('plan-buffer').value = String(state.planBuffer);
  $('plan-side').addEventListener('change', () => onChange({ planSide: $('plan-side').value }));
  $('plan-entry').addEventListener('change', () => {
    const value = Number($('plan-entry').value);
    onChange({ planEntry: value > 0 ? value : 0 });
  });
  $('plan-buffer').addEventListener('change', () => {
    const value = Number($('plan-buffer').value);
    if (value >= 0 && value <= 5) onChange({ planBuffer: value });
  });

  // Dragging the entry line re-plans live (pointer events: mouse and touch alike).
  const container = document.getElementById('chart');
  let dragging = false;
  container.addEventListener('pointerdown', (event) => {
    if (!plan) return;
    const { candles } = context();
    const y = event.clientY - container.getBoundingClientRect().top;
    const lineY = candles.priceToCoordinate(plan.entry);
    if (lineY === null || Math.abs(lineY - y) > DRAG_TOLERANCE_PX) return;
    dragging = true;
    container.setPointerCapture(event.pointerId);
    context().chart.applyOptions({ handleScroll: false, handleScale: false });
    event.preventDefault();
    event.stopPropagation();
  }, { capture: true });
  container.addEventListener('pointermove', (event) => {
    const { candles } = context();
    if (!dragging) {
      const lineY = plan ? candles.priceToCoordinate(plan.entry) : null;
      const y = event.clientY - container.getBoundingClientRect().top;
      container.style.cursor = lineY !== null && Math.abs(lineY - y) <= DRAG_TOLERANCE_PX ? 'ns-resize' : '';
      return;
    }
    const price = candles.coordinateToPrice(event.clientY - container.getBoundingClientRect().top);
    if (price !== null && price > 0) {
      state.planEntry = Number(price.toPrecision(8));
      $('plan-entry').value = String(state.planEntry);
      refresh();
    }
  });
  const endDrag = () => {
    if (!dragging) return;
    dragging = false;
    context().chart.applyOptions({ handleScroll: true, handleScale: true });
    onChange({ planEntry: state.planEntry });
  };
  container.addEventListener('pointerup', endDrag);
  container.addEventListener('pointercancel', endDrag);

  return { refresh, current: () => plan };
}
