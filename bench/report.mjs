/**
 * Formats benchmark results: a markdown report (machine, one table per section, notes) or one JSON
 * object. A section is `{ id, title, subjectLabel, baselineLabel, rows, notes }`, each row
 * `{ id, label, unit: 'ms' | 'µs', model, baseline, ratio, target }` with `model` / `baseline` summaries
 * `{ median, min, max, runs }`; new sections (e.g. a headless-browser render benchmark) use the same shape.
 * A row may carry several targets as `targets: [{ text, met }]` (then `target` is their conjunction); a
 * section that could not run has `skipped: 'reason'` (and no rows), one that failed `error: 'message'`.
 * A section whose figures are not a subject-vs-baseline comparison (e.g. the demo-under-load section) gives
 * its own `columns: ['Case', ...]` and each row `cells` (strings, one per column); Target and Met follow.
 */

export function formatMarkdown(result) {
  const m = result.machine;
  const lines = [];
  lines.push(`# ${result.package} ${result.version} benchmark`, '');
  lines.push(`Machine: Node ${m.node} (V8 ${m.v8}), ${m.platform} ${m.arch}, ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, load ${m.loadAverage.join(' ')}`);
  lines.push(`Date: ${result.date}; total bench time ${result.totalSeconds.toFixed(1)} s`, '');
  lines.push(`> ${result.note}`, '');
  for (const section of result.sections) lines.push(...formatSection(section), '');
  return `${lines.join('\n').trimEnd()}\n`;
}

function formatSection(section) {
  const notes = section.notes.map((note) => `- ${note}`);
  if (section.skipped) return [`## ${section.title}`, '', `Skipped: ${section.skipped}`, ...(notes.length ? ['', ...notes] : [])];
  if (section.error) return [`## ${section.title}`, '', `FAILED: ${section.error}`, ...(notes.length ? ['', ...notes] : [])];
  if (Array.isArray(section.columns)) {
    const body = section.rows.map((row) => [
      ...row.cells,
      rowTargets(row).length ? rowTargets(row).map((t) => t.text).join('; ') : '-',
      rowTargets(row).length ? rowTargets(row).map((t) => (t.met ? 'yes' : 'no')).join('; ') : '-',
    ]);
    return [`## ${section.title}`, '', ...table([...section.columns, 'Target', 'Met'], body), '', ...notes];
  }
  const header = [
    'Case',
    `${section.subjectLabel} median (min-max)`,
    `${section.baselineLabel} median (min-max)`,
    'Speed-up',
    'Target',
    'Met',
  ];
  const body = section.rows.map((row) => [
    row.label,
    formatSummary(row.model, row.unit),
    formatSummary(row.baseline, row.unit),
    `${formatRatio(row.ratio)}x`,
    rowTargets(row).length ? rowTargets(row).map((t) => t.text).join('; ') : '-',
    rowTargets(row).length ? rowTargets(row).map((t) => (t.met ? 'yes' : 'no')).join('; ') : '-',
  ]);
  return [`## ${section.title}`, '', ...table(header, body), '', ...notes];
}

function rowTargets(row) {
  if (Array.isArray(row.targets)) return row.targets;
  return row.target ? [row.target] : [];
}

function table(header, body) {
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((r) => r[c].length)));
  const line = (cells) => `| ${cells.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)];
}

function formatSummary(s, unit) {
  if (s.runs === 1) return formatTime(s.median, unit);
  return `${formatTime(s.median, unit)} (${formatTime(s.min, unit, false)}-${formatTime(s.max, unit)})`;
}

/** `12.3 ms`, `1.23 s`, `18.4 µs`; without the unit when `withUnit` is false (ranges). */
function formatTime(value, unit, withUnit = true) {
  let v = value;
  let u = unit;
  if (unit === 'ms' && value >= 1000) {
    v = value / 1000;
    u = 's';
  }
  const digits = v >= 100 ? 0 : v >= 10 ? 1 : 2;
  const text = v.toFixed(digits);
  return withUnit ? `${text} ${u}` : text;
}

function formatRatio(r) {
  if (!Number.isFinite(r)) return String(r);
  return r >= 100 ? r.toFixed(0) : r.toFixed(1);
}

/** The whole result as one JSON object, numbers rounded to 4 decimals. */
export function formatJson(result) {
  return `${JSON.stringify(result, (_key, value) => (typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1e4) / 1e4 : value), 2)}\n`;
}
