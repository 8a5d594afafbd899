/** A longest task: the long-task API reports only tasks over 50 ms, so 0 means none over 50 ms. */
export function taskFmt(ms) {
  return ms > 0 ? fmt(ms) : 'none > 50 ms';
}

export function fmt(ms) {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '-';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return `${ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)} ms`;
}

/** The first lines of an error, on one line, at most 400 characters. */
export function oneLine(error) {
  const text = String(error?.message ?? error).split('\n').filter((line) => line.trim()).slice(0, 3).join(' | ');
  return text.length > 400 ? `${text.slice(0, 400)}...` : text;
}

/** ` (at f (file:line) <- g (file:line))`: the first frames of a page error's stack, origins dropped. */
export function stackHead(stack) {
  const frames = String(stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 3)
    .map((line) => line.trim().slice(3).replace(/https?:\/\/[^/]+\//g, ''));
  return frames.length ? ` (at ${frames.join(' <- ')})` : '';
}
