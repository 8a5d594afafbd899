/** Performance targets from the issue, keyed by benchmark row id. */
export const MODEL_TARGETS = {
  'recompute-20000': { text: '< 60 ms median', met: (row) => row.model.median < 60 },
  'recompute-5000': { text: '>= 15x vs baseline', met: (row) => row.ratio >= 15 },
  'tick-20000': { text: '< 50 µs median', met: (row) => row.model.median < 50 },
};

/** `{ text, met }` for a row, or null when the row has no target. */
export function targetFor(targets, row) {
  const target = targets[row.id];
  return target ? { text: target.text, met: target.met(row) } : null;
}
