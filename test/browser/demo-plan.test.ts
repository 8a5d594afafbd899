import { expect, it } from 'vitest';
import { must } from '../helpers/must';
import { useDemoInBrowser } from './demo-in-browser';
import { describeBrowserOnRecordings } from './describe-browser';
import { expectNoConsoleErrors, openPage, saveScreenshot, waitForReady } from './page-harness';

const UNREACHABLE = [/^http 502: .*\/api\/binance\//, /502 \(Bad Gateway\)/];

describeBrowserOnRecordings('demo trade planner and level alerts (real chromium)', () => {
  const demo = useDemoInBrowser(() => ({ BINANCE_REST_URL: 'http://127.0.0.1:9' }));

  it('setting side and entry draws entry, stop and targets on the chart and lists them in the panel', async () => {
    const { page, errors, close } = await openPage(demo.browser, `${demo.url}?tick=0`, { width: 1280, height: 900 });
    try {
      await waitForReady(page, 30_000);
      await page.selectOption('[data-testid=plan-side]', 'long');
      const price = Number(must(await page.textContent('[data-testid=price]'), 'the price text').replace(/,/g, ''));
      const entry = Math.round(price * 0.999);
      await page.fill('[data-testid=plan-entry]', String(entry));
      await page.press('[data-testid=plan-entry]', 'Enter');
      await page.locator('[data-testid=plan-entry]').blur();
      await expect.poll(() => page.textContent('[data-testid=plan-stop]')).toMatch(/beyond the long zone|no significant/);
      const plan = must(await page.evaluate(() => window.demo.planner.current()), 'a trade plan');
      expect(plan.entry).toBe(entry);
      if (plan.stop.price !== null) expect(plan.stop.price).toBeLessThan(must(plan.stop.level, 'the stop zone').low);
      const titles = await page.evaluate(() => (window.demo.candles.priceLines?.() ?? []).map((l) => l.options().title));
      expect(titles).toContain('entry');
      if (plan.stop.price !== null) expect(titles.some((t: string) => t.startsWith('stop'))).toBe(true);
      expect(await page.$$eval('[data-testid=plan-targets] li', (li) => li.length)).toBe(plan.targets.length);
      const url = new URL(page.url());
      expect(url.searchParams.get('planSide')).toBe('long');
      expect(Number(url.searchParams.get('planEntry'))).toBe(entry);
      await saveScreenshot(page, 'demo-plan');
      expectNoConsoleErrors(errors, UNREACHABLE);
    } finally {
      await close();
    }
  });

  it('dragging the entry line re-plans', async () => {
    const { page, close } = await openPage(demo.browser, `${demo.url}?tick=0&planSide=long`, { width: 1280, height: 900 });
    try {
      await waitForReady(page, 30_000);
      await expect.poll(() => page.evaluate(() => window.demo.planner.current() !== null)).toBe(true);
      const before = must(await page.evaluate(() => window.demo.planner.current()), 'a trade plan');
      const y = must(await page.evaluate((p) => window.demo.candles.priceToCoordinate(p), before.entry), 'the y of the entry');
      const box = must(await page.locator('#chart').boundingBox(), 'the chart box');
      await page.mouse.move(box.x + box.width * 0.4, box.y + y);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.4, box.y + y + 40, { steps: 8 });
      await page.mouse.up();
      const after = must(await page.evaluate(() => window.demo.planner.current()), 'a trade plan');
      expect(after.entry).toBeLessThan(before.entry);
      expect(Number(new URL(page.url()).searchParams.get('planEntry'))).toBeCloseTo(after.entry, 0);
    } finally {
      await close();
    }
  });

  it('a replayed series raises approaching and swept alerts, never repeated for a level within the cool-down (12 bars)', async () => {
    const { page, errors, close } = await openPage(demo.browser, `${demo.url}?tick=15&alertPct=1&range=3d`, { width: 1280, height: 900 });
    try {
      await waitForReady(page, 30_000);
      await expect.poll(() => page.textContent('[data-testid=status]'), { timeout: 30_000 }).toMatch(/replay finished/);
      const items = await page.$$eval('[data-testid=alerts] li', (li) =>
        li.map((e) => ({ type: (e as HTMLElement).dataset.type, level: (e as HTMLElement).dataset.level, time: Number((e as HTMLElement).dataset.time), text: e.textContent })),
      );
      expect(items.some((i) => i.type === 'approaching')).toBe(true);
      expect(items.some((i) => i.type === 'swept')).toBe(true);
      // Dated in UTC with the year, and "within" a distance, not a signed move.
      for (const item of items) expect(item.text).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC /);
      for (const item of items.filter((i) => i.type === 'approaching')) expect(item.text).toMatch(/ price within \d+\.\d+% of /);
      const last = new Map<string, number>();
      for (const item of [...items].reverse()) {
        const key = `${item.type}:${item.level}`;
        const previous = last.get(key);
        if (previous !== undefined) expect(item.time - previous, `repeated alert ${key}: ${item.text}`).toBeGreaterThanOrEqual(12 * 3_600_000);
        last.set(key, item.time);
      }
      await saveScreenshot(page, 'demo-alerts');
      expectNoConsoleErrors(errors, UNREACHABLE);
    } finally {
      await close();
    }
  });
});
