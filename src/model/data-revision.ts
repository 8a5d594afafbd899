let last = 0;

/** A process-wide increasing number: two models never share a data revision. */
export function nextDataRevision(): number {
  return ++last;
}
