import type { Estimate } from './bootstrap';
import type { CrossValidation, CvSelection } from './cross-validate';
import { DEFAULT_JITTER, type JitterSpread } from './density-jitter';
import type { EvaluationSummary, GroupSummary } from './evaluation-summary';
import { formatJitter } from './format-jitter';
import { settingLabel } from './option-grid';

const num = (v: number | null) => (v === null ? '-' : v.toFixed(2));
const pct = (v: number | null) => (v === null ? '-' : `${(100 * v).toFixed(0)}%`);
const est = (e: Estimate) => (e.value === null ? '-' : `${num(e.value)} [${num(e.low)}, ${num(e.high)}]`);

/** Compact USD amount: 1.2M, 35.4k, 830. */
export function usd(v: number): string {
  if (v >= 1e6) return `${(v / 1e6).toFixed(1)}M`;
  if (v >= 1e3) return `${(v / 1e3).toFixed(1)}k`;
  return v.toFixed(0);
}

function row(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
}

/**
 * The summary as tables: lift vs prior per side and pooled (USD and count), its spread under density
 * jitter when given, zones, per symbol; then a plain verdict.
 */
export function formatSummary(s: EvaluationSummary, jitter: JitterSpread | null = null): string {
  const groups: [string, GroupSummary][] = [
    ['long', s.long],
    ['short', s.short],
    ['pooled', s.pooled],
  ];
  const w = [13, 7, 6, 7, 18, 18, 19, 18, 18];
  const lines = [
    'Heatmap lift against the near-price prior on the same rows (1.00 = chance; [90 % bootstrap interval over windows])',
    row(['', 'windows', 'orders', 'USD', 'model, by USD', 'prior, by USD', 'model - prior USD', 'model, by count', 'prior, by count'], w),
    ...groups.map(([label, g]) =>
      row([label, String(g.windows), String(g.orders), usd(g.notional), est(g.usd.heatmapLift), est(g.usd.priorLift), est(g.usd.liftOverPrior), est(g.count.heatmapLift), est(g.count.priorLift)], w),
    ),
    ...(jitter ? ['', formatJitter(jitter)] : []),
    '',
    'Zones of the reported levels (lift = capture / coverage of the traversed range)',
    row(['', 'zone lift USD', 'zone lift count', 'coverage', 'capture USD'], [13, 18, 18, 8, 11]),
    ...groups.map(([label, g]) => row([label, est(g.usd.zoneLift), est(g.count.zoneLift), pct(g.count.zoneCoverage), pct(g.usd.zoneCapture)], [13, 18, 18, 8, 11])),
    '',
    'Per symbol (both sides)',
    row(['symbol', 'windows', 'orders', 'USD', 'model USD', 'prior USD', 'model count', 'prior count', 'zone lift USD', 'coverage'], [13, 7, 6, 7, 9, 9, 11, 11, 13, 8]),
    ...Object.entries(s.bySymbol).map(([symbol, g]) =>
      row(
        [symbol, String(g.windows), String(g.orders), usd(g.notional), num(g.usd.heatmapLift.value), num(g.usd.priorLift.value), num(g.count.heatmapLift.value), num(g.count.priorLift.value), num(g.usd.zoneLift.value), pct(g.count.zoneCoverage)],
        [13, 7, 6, 7, 9, 9, 11, 11, 13, 8],
      ),
    ),
    '',
    verdict(s.pooled),
  ];
  return lines.join('\n');
}

/** One plain sentence: does the heatmap beat the near-price prior, pooled by USD? It "beats" or "loses to" it only when the difference's interval is clear of zero. */
export function verdict(g: GroupSummary): string {
  const d = g.usd.liftOverPrior;
  if (d.value === null) return 'No scored window: nothing to compare.';
  const clear = d.low !== null && d.high !== null && (d.low > 0 || d.high < 0);
  const word = d.value === 0 ? 'ties with' : clear ? (d.value > 0 ? 'beats' : 'loses to') : d.value > 0 ? 'scores above' : 'scores below';
  const reading = clear ? ', clear of zero' : d.value === 0 ? '' : `, which includes zero: not shown to ${d.value > 0 ? 'beat' : 'lose to'} it`;
  return `Pooled by USD the heatmap ${word} the near-price prior (lift ${num(g.usd.heatmapLift.value)} vs ${num(g.usd.priorLift.value)}; difference ${num(d.value)}, 90 % interval ${num(d.low)} to ${num(d.high)}${reading}). By count: ${num(g.count.heatmapLift.value)} vs ${num(g.count.priorLift.value)}.`;
}

/** The cross-validation: held-out figures (the summary tables, with the held-out spread under density jitter when given) and the setting each fold chose. */
export function formatCrossValidation(cv: CrossValidation, jitter: JitterSpread | null = null): string {
  const w = [10, 7, 6, 10, 10, 0];
  return [
    `Leave-one-day-out cross-validation over ${cv.settings.length} settings: each day is scored with the setting that had the highest ${selectionText(cv.selection)} on the other days (ties: zone lift). Every figure below is held-out.`,
    '',
    row(['day', 'windows', 'orders', 'model USD', 'prior USD', 'chosen setting'], w),
    ...cv.folds.map((f) => row([f.day, String(f.windows), String(f.orders), num(f.heatmapLift), num(f.priorLift), `  ${settingLabel(cv.settings[f.chosen])}`], w)),
    '',
    formatSummary(cv.summary, jitter),
  ].join('\n');
}

function selectionText(selection: CvSelection): string {
  if (selection.by === 'lift') return 'pooled heatmap lift (USD)';
  const j = { ...DEFAULT_JITTER, ...selection.jitter };
  return `median pooled heatmap lift (USD) over ${j.draws} draws with every row's density jittered within ±${+(j.amplitude * 100).toPrecision(3)} % (then the lift as scored)`;
}
