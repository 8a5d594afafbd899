import { describe, it } from 'vitest';
import { sharedFile } from '../helpers/shared-data';
import { chromiumAvailable, chromiumMissingReason, inCI } from './chromium.mjs';

/**
 * `describe` for tests that need chromium. Without chromium it skips with a warning on a developer's
 * machine, and fails when `CI` is set (CI installs chromium, so a missing one is a broken setup).
 */
export function describeBrowser(name: string, fn: () => void): void {
  if (chromiumAvailable()) {
    describe(name, fn);
    return;
  }
  const reason = chromiumMissingReason();
  if (inCI()) {
    describe(name, () => {
      it('has chromium (required when CI is set)', () => {
        throw new Error(`${name}: ${reason}`);
      });
    });
    return;
  }
  console.warn(`${name} skipped: ${reason}`);
  describe.skip(name, fn);
}

/**
 * `describeBrowser` for demo tests that need the recorded klines in `../shared` (offline the demo replays
 * recordings only): skipped with a message in a user's clone without them.
 */
export function describeBrowserOnRecordings(name: string, fn: () => void): void {
  if (sharedFile('klines', name).present) describeBrowser(name, fn);
  else describe.skip(name, fn);
}
