// @ts-check
// The "Plan" panel: entry, stop beyond the nearest liquidation zone against the trade, targets before
// the next zones ahead, drawn as labelled price lines; the entry line can be dragged to re-plan.
import { byTestId, inputByTestId, make, replaceChildren, selectByTestId, setText } from './dom.js';
import { showInputError } from './input-error.js';
import { bufferError, entryError } from './plan-input.js';
import { formatPrice } from './price-text.js';

const DRAG_TOLERANCE_PX = 6;

/** @typedef {import('./url-state.js').DemoState} DemoState */
/** @typedef {import('lightweight-charts').IChartApi} IChartApi */
/** @typedef {import('lightweight-charts').ISeriesApi<'Candlestick'>} CandleSeries */
/** @typedef {import('lightweight-charts').IPriceLine} IPriceLine */
/** @typedef {import('lightweight-charts').LineStyle} LineStyle */
/** @typedef {import('../../plugin/index').LiquidationHeatmap} LiquidationHeatmap */
/** @typedef {import('../../plugin/index').TradePlan} TradePlan */
/** @typedef {import('../../plugin/index').Level} Level */
/** @typedef {import('../../plugin/index').LevelsReport} LevelsReport */

/**
 * What the planner draws on and reads from.
 * @typedef {object} PlanContext
 * @property {LiquidationHeatmap} heatmap
 * @property {() => LevelsReport | null} levels the levels of the data shown; null while there is none (a load in progress, nothing recorded)
 * @property {CandleSeries} candles
 * @property {IChartApi} chart
 */

/** @param {number} price */
function fmt(price) {
  return formatPrice(price);
}

/**
 * A distance in % (targets' are signed), as the plan panel shows it.
 * @param {number | null} pct
 * @param {boolean} [signed]
 */
function pctText(pct, signed = false) {
  if (pct === null) return '–';
  return `${signed && pct >= 0 ? '+' : ''}${pct.toFixed(2)}%`;
}

/** @param {TradePlan['stop'] | null} stop */
function stopKey(stop) {
  return stop && stop.level ? `${stop.level.side}:${stop.level.low.toFixed(6)}:${stop.level.high.toFixed(6)}` : null;
}

/**
 * Creates the planner over `state` (reads `planSide`, `planEntry`, `planBuffer`; moves `planEntry` while
 * the entry line is dragged); `onChange(partial)` saves an edit. An entry more than 50% from the market
 * (from the URL, kept across new data, or left behind by the market) makes no plan and shows the inline
 * error, as a typed one does.
 * @param {() => PlanContext} context
 * @param {DemoState} state
 * @param {(partial: Partial<DemoState>) => void} onChange
 * @returns {{ refresh(): void, current(): TradePlan | null }}
 */
export function createPlanner(context, state, onChange) {
  /** @type {IPriceLine[]} */
  const lines = [];
  /** @type {TradePlan | null} */
  let plan = null;
  /** The stop's zone last planned, and for which side and entry: a new side, entry or data is a new plan, not a moved stop. */
  /** @type {{ key: string, level: Level, plannedFor: string } | null} */
  let previousStop = null;
  let reason = '';
  const entryInput = inputByTestId('plan-entry');
  /** Why the text typed in the entry box was refused; null once the box holds the entry in use. */
  /** @type {string | null} */
  let typedEntryError = null;
  /** Why the state's entry makes no plan at the current price. */
  /** @type {string | null} */
  let entryInUseError = null;
  /** The entry the box last showed: the box follows the state only when that changes, so a tick never overwrites typing. */
  let shownEntry = Number.NaN;

  /** The typed text's error first (it is what the box shows), else the entry in use's. */
  const showEntryError = () => showInputError(entryInput, 'plan-entry-error', typedEntryError ?? entryInUseError);

  /** Puts the state's entry in the box when it changed since the box last showed it (accepted, dragged, a new symbol); a refused text stays until then. */
  function showEntryInUse() {
    if (state.planEntry === shownEntry) return;
    shownEntry = state.planEntry;
    entryInput.value = state.planEntry > 0 ? String(state.planEntry) : '';
    typedEntryError = null;
  }

  function clearLines() {
    const { candles } = context();
    for (let line = lines.pop(); line; line = lines.pop()) candles.removePriceLine(line);
  }

  /**
   * @param {number} price
   * @param {string} color
   * @param {string} title
   * @param {LineStyle} style
   */
  function line(price, color, title, style) {
    lines.push(context().candles.createPriceLine({ price, color, lineWidth: 2, lineStyle: style, axisLabelVisible: true, title }));
  }

  /** Re-plans from the latest levels; says why when the stop's zone changed (for example because it was swept). */
  function refresh() {
    const { heatmap, levels } = context();
    clearLines();
    showEntryInUse();
    const report = levels();
    entryInUseError = report && state.planEntry > 0 ? entryError(String(state.planEntry), report.price) : null;
    showEntryError();
    if (!report) {
      // New data replaces the old through a moment with none: its first plan is a fresh one, not a moved stop.
      previousStop = null;
      reason = '';
    }
    if (!state.planSide || !report || entryInUseError !== null) {
      plan = null;
      render();
      return;
    }
    const entry = state.planEntry > 0 ? state.planEntry : report.price;
    plan = heatmap.planTrade({ side: state.planSide, entry, bufferPct: state.planBuffer });
    const key = stopKey(plan && plan.stop);
    const plannedFor = `${state.planSide}:${state.planEntry}:${state.planBuffer}`;
    if (previousStop && previousStop.plannedFor !== plannedFor) {
      previousStop = null;
      reason = '';
    }
    if (previousStop && key !== previousStop.key) {
      const old = previousStop.level;
      const swept = report.swept.find((z) => z.side === old.side && z.high >= old.low && z.low <= old.high);
      reason = swept ? `stop moved: the zone ${fmt(old.low)}–${fmt(old.high)} was swept` : `stop moved: the nearest zone changed (was ${fmt(old.low)}–${fmt(old.high)})`;
    }
    previousStop = key && plan && plan.stop.level ? { key, level: plan.stop.level, plannedFor } : null;
    if (plan) {
      const { LineStyle } = window.LightweightCharts;
      line(plan.entry, '#e6edf3', 'entry', LineStyle.Solid);
      if (plan.stop.price !== null) line(plan.stop.price, '#f85149', `stop ${pctText(plan.stop.distancePct)}`, LineStyle.Dashed);
      plan.targets.forEach((t, i) => line(t.price, '#3fb950', `T${i + 1} ${t.rewardToRisk === null ? '' : `${t.rewardToRisk.toFixed(1)}R`}`, LineStyle.Dashed));
    }
    render();
  }

  function render() {
    entryInput.placeholder = plan ? fmt(plan.entry) : 'current price';
    if (!plan) {
      setText('plan-stop', '–');
      replaceChildren('plan-targets', []);
      setText('plan-notes', '');
      return;
    }
    const { stop } = plan;
    setText('plan-stop', stop.price === null ? stop.reason : `${fmt(stop.price)} (${pctText(stop.distancePct)}), ${stop.reason}`);
    replaceChildren(
      'plan-targets',
      plan.targets.map((t, i) => {
        const poor = t.rewardToRisk !== null && t.rewardToRisk < 1;
        const text = `T${i + 1} ${fmt(t.price)} (${pctText(t.distancePct, true)}${t.rewardToRisk === null ? '' : `, ${t.rewardToRisk.toFixed(2)}R`}), ${t.reason}${poor ? ' · reward below risk' : ''}`;
        return make('li', { text, className: poor ? 'poor-rr' : '', title: poor ? 'this target pays less than the stop risks (below 1R)' : '' });
      }),
    );
    setText('plan-notes', [reason, ...plan.notes].filter(Boolean).join(' · '));
  }

  const side = selectByTestId('plan-side');
  const buffer = inputByTestId('plan-buffer');
  side.value = state.planSide;
  showEntryInUse();
  buffer.value = String(state.planBuffer);
  side.addEventListener('change', () => onChange({ planSide: /** @type {DemoState['planSide']} */ (side.value) }));
  entryInput.addEventListener('change', () => {
    typedEntryError = entryError(entryInput.value, context().levels()?.price ?? null);
    if (typedEntryError === null) {
      shownEntry = Number.NaN;
      onChange({ planEntry: entryInput.value.trim() === '' ? 0 : Number(entryInput.value) });
      showEntryInUse();
    }
    showEntryError();
  });
  buffer.addEventListener('change', () => {
    const error = bufferError(buffer.value);
    showInputError(buffer, 'plan-buffer-error', error);
    if (error === null) onChange({ planBuffer: Number(buffer.value) });
  });

  // Dragging the entry line re-plans live (pointer events: mouse and touch alike); the URL is written
  // once, when the drag ends.
  const container = byTestId('chart');
  let dragging = false;
  /** @param {PointerEvent} event */
  const paneY = (event) => event.clientY - container.getBoundingClientRect().top;
  container.addEventListener('pointerdown', (event) => {
    if (!plan) return;
    const lineY = context().candles.priceToCoordinate(plan.entry);
    if (lineY === null || Math.abs(lineY - paneY(event)) > DRAG_TOLERANCE_PX) return;
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
      container.style.cursor = lineY !== null && Math.abs(lineY - paneY(event)) <= DRAG_TOLERANCE_PX ? 'ns-resize' : '';
      return;
    }
    const price = candles.coordinateToPrice(paneY(event));
    if (price !== null && price > 0) {
      state.planEntry = Number(price.toPrecision(8));
      entryInput.value = String(state.planEntry);
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
