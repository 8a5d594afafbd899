import { expect, it } from 'vitest';
import { describeBrowser } from './describe-browser';
import { useFixturePage } from './fixture-page';
import { expectNoConsoleErrors, readPixels, saveScreenshot } from './page-harness';

interface LabelState {
  labels: string[];
  axisLabels: { y: number; text: string }[];
  lastValueY: number | null;
  axisWidth: number;
  paneWidth: number;
  paneHeight: number;
}

interface ShowSpec {
  height: number;
  theme?: string;
  mode?: number;
  overlay?: boolean;
}

declare global {
  interface Window {
    /** The handle fixtures/labels.js leaves on the page. */
    labels: {
      show(spec: ShowSpec): Promise<void>;
      state(): LabelState;
      removeThenCallAll(): Promise<{ results: Record<string, unknown>; pending: string; warnings: string[] }>;
    };
  }
}

/** Height of a label box at lightweight-charts' default 12 px font (text plus padding). */
const LABEL_BOX = 20;

describeBrowser('level labels belong to the host lightweight-charts chart', () => {
  const fixture = useFixturePage('labels', { width: 800, height: 700 });

  const show = (spec: ShowSpec) => fixture.page.evaluate((s) => window.labels.show(s), spec);
  const state = () => fixture.page.evaluate(() => window.labels.state());

  it('a 200 px chart gets at most three level labels, and none on the series last-value label', async () => {
    await show({ height: 200 });
    const s = await state();
    expect(s.labels.length).toBeGreaterThan(0);
    expect(s.labels.length).toBeLessThanOrEqual(3);
    expect(s.axisLabels.length).toBeLessThanOrEqual(3);
    expect(s.lastValueY).not.toBeNull();
    for (const label of s.axisLabels) expect(Math.abs(label.y - (s.lastValueY as number))).toBeGreaterThanOrEqual(LABEL_BOX);
  });

  it('on a light theme the label boxes are light: no dark pixel in the pane', async () => {
    await show({ height: 480, theme: 'light' });
    const s = await state();
    expect(s.labels.length).toBeGreaterThan(0);
    const image = await readPixels(fixture.page, '[data-testid=chart]');
    const dpr = await fixture.page.evaluate(() => window.devicePixelRatio);
    let dark = 0;
    for (let y = 0; y < Math.floor(s.paneHeight * dpr); y++) {
      for (let x = 0; x < Math.floor(s.paneWidth * dpr); x++) {
        const i = (y * image.width + x) * 4;
        if (Math.max(image.data[i], image.data[i + 1], image.data[i + 2]) < 100) dark++;
      }
    }
    await saveScreenshot(fixture.page, 'labels-light', '[data-testid=chart]');
    expect(dark).toBe(0);
  });

  for (const [mode, name] of [
    [2, 'percentage'],
    [3, 'indexed to 100'],
  ] as const) {
    it(`the overlay does not widen the price axis in ${name} mode`, async () => {
      await show({ height: 480, mode, overlay: false });
      const bare = await state();
      await show({ height: 480, mode });
      const withOverlay = await state();
      expect(withOverlay.labels.length).toBeGreaterThan(0);
      expect(withOverlay.axisWidth).toBe(bare.axisWidth);
    });
  }

  it('level labels show prices in the series format (two decimals for this series)', async () => {
    await show({ height: 480 });
    const s = await state();
    for (const label of s.labels) expect(label).toMatch(/(^|\| )\d+\.\d{2} \|/);
    for (const label of s.axisLabels) expect(label.text).toMatch(/^\d+\.\d{2}$/);
  });

  it('after chart.remove() every handle method is a no-op with one warning, and a pending load settles quietly', async () => {
    await show({ height: 300 });
    const outcome = await fixture.page.evaluate(() => window.labels.removeThenCallAll());
    expect(outcome.results).toEqual({
      setData: 'undefined',
      update: 'stale',
      updateRaw: 'stale',
      applyOptions: 'undefined',
      options: 'object',
      levels: null,
      planTrade: null,
      densityAt: null,
      levelAtCoordinate: null,
      getSeries: true,
      setDataAsync: 'undefined',
      setOpenInterest: 'undefined',
      detach: 'undefined',
    });
    expect(['resolved', 'AbortError']).toContain(outcome.pending);
    expect(outcome.warnings).toHaveLength(1);
    expect(outcome.warnings[0]).toMatch(/after chart\.remove\(\) does nothing/);
    expectNoConsoleErrors(fixture.errors);
  });
});
