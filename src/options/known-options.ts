import { editDistance } from './edit-distance';

/** Furthest a misspelt option may be from a known name for the error to suggest it. */
const SUGGEST_WITHIN = 2;

/**
 * @internal Throws a `RangeError` for the first key of `options` that is not in `known`, e.g.
 * `applyOptions: unknown option 'treshold' (did you mean 'threshold'?)`, so a misspelt option is refused
 * instead of silently ignored. Keys count whatever their value, `undefined` included.
 */
export function checkKnownOptions(options: object, known: readonly string[], where: string): void {
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const near = closestName(key, known);
    throw new RangeError(`${where}: unknown option '${key}'${near === undefined ? '' : ` (did you mean '${near}'?)`}`);
  }
}

/** The known name nearest to `name` when it is within {@link SUGGEST_WITHIN} edits (case ignored), else undefined. */
function closestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = SUGGEST_WITHIN + 1;
  for (const candidate of known) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}
