import { describe, it } from 'vitest';
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
