import { demoLoadTargetsFor } from '../targets.mjs';
import { fmt, taskFmt } from './format.mjs';

/** One case's row of the report table (cells in the section's column order) with its figures and targets. */
export function caseRow(c) {
  const targets = demoLoadTargetsFor(c);
  const each = (values) => (c.runs.length > 1 ? ` (${values.join(', ')})` : '');
  return {
    id: c.id,
    label: c.label,
    cells: [
      c.label,
      `${c.bars.toLocaleString('en-US')} (${c.candles.toLocaleString('en-US')})`,
      String(c.pages),
      `${fmt(c.loadMs)}${c.runs.length > 1 ? ' median' : ''}`,
      `${taskFmt(c.longestTaskMs)}${each(c.runs.map((r) => taskFmt(r.longestTaskMs)))}`,
      `${c.longTasks.length} in ${c.runs.length} load${c.runs.length > 1 ? 's' : ''}`,
      c.spec.from ? 'n/a (page open)' : `${taskFmt(c.startupLongestMs)}${each(c.runs.map((r) => taskFmt(r.startupLongestMs)))}`,
      c.progressSeen ? `yes (${c.progressSummary})` : 'no',
    ],
    bars: c.bars,
    candles: c.candles,
    pages: c.pages,
    loadMs: c.loadMs,
    longestTaskMs: c.longestTaskMs,
    longTasks: c.longTasks.length,
    startupLongestMs: c.startupLongestMs,
    runs: c.runs.length,
    progressSeen: c.progressSeen,
    targets,
    target: targets.length ? { text: targets.map((t) => t.text).join('; '), met: targets.every((t) => t.met) } : null,
  };
}
