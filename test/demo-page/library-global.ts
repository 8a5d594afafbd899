import { afterAll, beforeAll, vi } from 'vitest';
import * as core from '../../src/index';

/**
 * Gives the suite the `window.LiqHeatmap` global the demo page's modules read (the page gets it from
 * the UMD bundle; here the headless core from source, which is what those modules use of it).
 */
export function useLibraryGlobal(): void {
  beforeAll(() => {
    vi.stubGlobal('window', { LiqHeatmap: core });
  });
  afterAll(() => {
    vi.unstubAllGlobals();
  });
}
