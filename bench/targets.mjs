/** Performance targets from the issue, keyed by benchmark row id. */
export const MODEL_TARGETS = {
  'ready-20000': { text: '< 60 ms median', met: (row) => row.model.median < 60 },
  'recompute-5000': { text: '>= 15x vs baseline', met: (row) => row.ratio >= 15 },
  'tick-20000': { text: '< 50 µs median', met: (row) => row.model.median < 50 },
};

/** `{ text, met }` for a row, or null when the row has no target. */
export function targetFor(targets, row) {
  const target = targets[row.id];
  return target ? { text: target.text, met: target.met(row) } : null;
}

/** Render targets from the issue: overlay draw time by device pixel ratio, and speed-up over the fillRect baseline. */
export const RENDER_TARGETS = {
  maxMsByDpr: { 1: 1, 2: 2.5 },
  minRatio: 30,
};

/** The `{ text, met }` targets of a render row (`row.model` is the overlay) drawn at `dpr`. */
export function renderTargetsFor(row, dpr) {
  const out = [];
  const maxMs = RENDER_TARGETS.maxMsByDpr[dpr];
  if (maxMs !== undefined) out.push({ text: `<= ${maxMs} ms median`, met: row.model.median <= maxMs });
  out.push({ text: `>= ${RENDER_TARGETS.minRatio}x vs baseline`, met: row.ratio >= RENDER_TARGETS.minRatio });
  return out;
}

/** Demo-under-load targets from the issue: no main-thread task over 50 ms while a long history loads, and visible paging progress. */
export const DEMO_LOAD_TARGETS = {
  maxTaskMs: 50,
  text: 'no main-thread task > 50 ms while loading; progress shown',
};

/** The `{ text, met }` targets of a demo-load case (`longTasks`: the tasks over 50 ms observed while loading, over every load; `progressSeen`: "pages N of M" shown). */
export function demoLoadTargetsFor(c) {
  if (c.spec?.coldRenderer) return [];
  return [
    { text: `no main-thread task > ${DEMO_LOAD_TARGETS.maxTaskMs} ms while loading`, met: c.longTasks.every((t) => t.duration <= DEMO_LOAD_TARGETS.maxTaskMs) },
    { text: 'progress shown', met: c.progressSeen === true },
  ];
}

/** Panning targets from the issue: what the overlay may add to a repaint while panning, by device pixel ratio. */
export const PAN_TARGETS = {
  maxAddedMsByDpr: { 1: 1, 2: 2.5 },
};
