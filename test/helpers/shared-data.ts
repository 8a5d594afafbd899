import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `../shared/data/binance/` beside the project (present in CI, absent in a user's clone). */
export const SHARED_BINANCE = fileURLToPath(new URL('../../../shared/data/binance/', import.meta.url));

/** Path of a shared data file and whether it exists; warns once with the reason when it does not. */
export function sharedFile(relative: string, what: string): { path: string; present: boolean } {
  const path = SHARED_BINANCE + relative;
  const present = existsSync(path);
  if (!present) console.warn(`${what} skipped: ${path} is absent (real data lives in ../shared beside the project)`);
  return { path, present };
}
