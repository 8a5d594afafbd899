import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { useDemoInBrowser } from './demo-in-browser';
import { describeBrowserOnRecordings } from './describe-browser';
import { openPage, waitForReady } from './page-harness';
import { required } from './demo-required';

async function typeInto(page: Page, testId: string, value: string) {
  await page.fill(`[data-testid=${testId}]`, value);
  await page.press(`[data-testid=${testId}]`, 'Enter');
  await page.locator(`[data-testid=${testId}]`).blur();
}

describeBrowserOnRecordings('demo plan checks its inputs and flags weak targets; alerts are one per place (real chromium)', () => {
  const demo = useDemoInBrowser(() => ({ BINANCE_REST_URL: 'http://127.0.0.1:9' }));

  async function open(query: string) {
    const opened = await openPage(demo.browser, `${demo.url}?tick=0&${query}`, { width: 1280, height: 900 });
    await waitForReady(opened.page, 30_000);
    return opened;
  }

  it('refuses a zero, negative or far-away entry with an inline error and keeps the plan', async () => {
    const { page, close } = await open('planSide=long');
    try {
      const error = page.getByTestId('plan-entry-error');
      for (const [typed, message] of [
        ['0', /^entry must be a positive price \(got 0\)$/],
        ['-5', /^entry must be a positive price \(got -5\)$/],
        ['5', /^entry 5\.\d+ is more than 50% from the price [\d,.]+ \(use [\d,.]+ to [\d,.]+\)$/],
      ] as const) {
        await typeInto(page, 'plan-entry', typed);
        expect(await error.isVisible()).toBe(true);
        expect(await error.textContent()).toMatch(message);
        expect(await page.getByTestId('plan-entry').getAttribute('aria-invalid')).toBe('true');
        expect(await page.evaluate(() => window.demo.state.planEntry)).toBe(0);
        expect(new URL(page.url()).searchParams.get('planEntry')).toBeNull();
      }
      const price = Number(required(await page.getByTestId('price').textContent(), 'a price').replace(/,/g, ''));
      await typeInto(page, 'plan-entry', String(Math.round(price)));
      expect(await error.isVisible()).toBe(false);
      expect(await page.evaluate(() => window.demo.state.planEntry)).toBe(Math.round(price));
    } finally {
      await close();
    }
  });

  it('an entry from the URL more than 50% from the market gets the inline error and no plan', async () => {
    const { page, close } = await open('planSide=long&planEntry=1');
    try {
      const error = page.getByTestId('plan-entry-error');
      expect(await error.isVisible()).toBe(true);
      expect(await error.textContent()).toMatch(/^entry 1\.\d+ is more than 50% from the price [\d,.]+ \(use [\d,.]+ to [\d,.]+\)$/);
      expect(await page.getByTestId('plan-entry').getAttribute('aria-invalid')).toBe('true');
      expect(await page.evaluate(() => window.demo.planner.current())).toBeNull();
      expect(await page.evaluate(() => window.demo.candles.priceLines().length)).toBe(0);
      expect(await page.getByTestId('plan-stop').textContent()).toBe('–');
    } finally {
      await close();
    }
  });

  it('an entry the market moves more than 50% away from gets the inline error and no plan', async () => {
    const marketPrice = (page: Page) => page.evaluate(() => window.demo.heatmap.levels()?.price ?? Number.NaN);
    // The replay is the same on every page: learn on one how far its first ticks move the price.
    const probe = await open('');
    let steps = 0;
    let before = 0;
    let after = 0;
    try {
      before = await marketPrice(probe.page);
      for (after = before; after === before && steps < 5; steps++) {
        // A step plays its tick in the click's handler.
        await probe.page.getByTestId('replay-step').click();
        after = await marketPrice(probe.page);
      }
    } finally {
      await probe.close();
    }
    expect(after).not.toBe(before);
    // Halfway between the edges of the range at the two prices: inside it before the ticks, outside after.
    const edge = after < before ? 1 + 0.5 : 1 - 0.5;
    const entry = Number((edge * ((before + after) / 2)).toPrecision(12));
    const { page, close } = await open(`planSide=long&planEntry=${entry}`);
    try {
      expect(await marketPrice(page)).toBe(before);
      expect(await page.evaluate(() => window.demo.planner.current()?.entry)).toBe(entry);
      for (let i = 0; i < steps; i++) await page.getByTestId('replay-step').click();
      await expect.poll(() => marketPrice(page)).toBe(after);
      expect(await page.getByTestId('plan-entry-error').isVisible()).toBe(true);
      expect(await page.getByTestId('plan-entry-error').textContent()).toMatch(/^entry [\d,.]+ is more than 50% from the price /);
      expect(await page.evaluate(() => window.demo.planner.current())).toBeNull();
      expect(await page.evaluate(() => window.demo.candles.priceLines().length)).toBe(0);
    } finally {
      await close();
    }
  });

  it('a new symbol clears the entry to the market price, in the box and the URL', async () => {
    const { page, close } = await open('planSide=long');
    try {
      const price = Number(required(await page.getByTestId('price').textContent(), 'a price').replace(/,/g, ''));
      await typeInto(page, 'plan-entry', String(Math.round(price)));
      expect(await page.evaluate(() => window.demo.state.planEntry)).toBe(Math.round(price));
      await typeInto(page, 'symbol', 'ETHUSDT');
      await expect.poll(() => page.evaluate(() => window.demo.state.symbol)).toBe('ETHUSDT');
      await waitForReady(page, 30_000);
      expect(await page.evaluate(() => window.demo.state.planEntry)).toBe(0);
      expect(new URL(page.url()).searchParams.get('planEntry')).toBeNull();
      expect(await page.getByTestId('plan-entry').inputValue()).toBe('');
      expect(await page.getByTestId('plan-entry-error').isVisible()).toBe(false);
      const plan = required(await page.evaluate(() => window.demo.planner.current()), 'a plan on ETHUSDT');
      expect(plan.entry).toBe(await page.evaluate(() => window.demo.heatmap.levels()?.price));
    } finally {
      await close();
    }
  });

  it('refuses a stop buffer outside 0..5 % with an inline error', async () => {
    const { page, close } = await open('planSide=long');
    try {
      await typeInto(page, 'plan-buffer', '7');
      expect(await page.getByTestId('plan-buffer-error').textContent()).toBe('buffer must be from 0 to 5 % (got 7)');
      expect(await page.evaluate(() => window.demo.state.planBuffer)).toBe(0.1);
      await typeInto(page, 'plan-buffer', '0.5');
      expect(await page.getByTestId('plan-buffer-error').isVisible()).toBe(false);
      expect(await page.evaluate(() => window.demo.state.planBuffer)).toBe(0.5);
    } finally {
      await close();
    }
  });

  it('refuses an alert distance outside 0..20 % with an inline error and keeps the one in use', async () => {
    const { page, close } = await open('');
    try {
      const error = page.getByTestId('alert-pct-error');
      await typeInto(page, 'alert-pct', '50');
      expect(await error.isVisible()).toBe(true);
      expect(await error.textContent()).toBe('alert distance must be from 0 to 20 % (got 50)');
      expect(await page.getByTestId('alert-pct').getAttribute('aria-invalid')).toBe('true');
      expect(await page.evaluate(() => window.demo.state.alertPct)).toBe(0.5);
      expect(new URL(page.url()).searchParams.get('alertPct')).toBeNull();
      await typeInto(page, 'alert-pct', '2');
      expect(await error.isVisible()).toBe(false);
      expect(await page.getByTestId('alert-pct').getAttribute('aria-invalid')).toBe('false');
      expect(await page.evaluate(() => window.demo.state.alertPct)).toBe(2);
      expect(new URL(page.url()).searchParams.get('alertPct')).toBe('2');
      expect(await page.getByTestId('alert-pct').inputValue()).toBe('2');
    } finally {
      await close();
    }
  });

  it('flags a target whose reward is below its risk (under 1R) and only those', async () => {
    const { page, close } = await open('planSide=long');
    try {
      // An entry whose plan has a target under 1R and one at or above it, found on the model itself.
      const entry = await page.evaluate(() => {
        const price = window.demo.heatmap.levels()?.price ?? Number.NaN;
        for (let k = -300; k <= 300; k++) {
          for (const side of ['long', 'short'] as const) {
            const e = Number((price * (1 + k / 10_000)).toPrecision(8));
            const plan = window.demo.heatmap.planTrade({ side, entry: e, bufferPct: 0.1 });
            const rr = plan?.targets.map((t) => t.rewardToRisk ?? Infinity) ?? [];
            if (rr.some((r) => r < 1) && rr.some((r) => r >= 1)) return { entry: e, side };
          }
        }
        return null;
      });
      const found = required(entry, 'an entry with targets on both sides of 1R');
      await page.selectOption('[data-testid=plan-side]', found.side);
      await typeInto(page, 'plan-entry', String(found.entry));
      const targets = await page.evaluate(() => window.demo.planner.current()?.targets.map((t) => t.rewardToRisk) ?? []);
      expect(targets.length).toBeGreaterThan(1);
      const rows = await page.$$eval('[data-testid=plan-targets] li', (items) => items.map((li) => ({ poor: li.classList.contains('poor-rr'), text: li.textContent ?? '' })));
      expect(rows.map((r) => r.poor)).toEqual(targets.map((rr) => rr !== null && rr < 1));
      for (const row of rows) expect(row.text.includes('reward below risk')).toBe(row.poor);
    } finally {
      await close();
    }
  });

  it('switching side re-plans without a "stop moved" notice', async () => {
    const { page, close } = await open('planSide=long');
    try {
      await expect.poll(() => page.getByTestId('plan-stop').textContent()).not.toBe('–');
      const longStop = await page.evaluate(() => window.demo.planner.current()?.stop.price);
      await page.selectOption('[data-testid=plan-side]', 'short');
      await expect.poll(() => page.evaluate(() => window.demo.planner.current()?.side)).toBe('short');
      expect(await page.evaluate(() => window.demo.planner.current()?.stop.price)).not.toBe(longStop);
      expect(await page.getByTestId('plan-notes').textContent()).not.toMatch(/stop moved/);
      await page.selectOption('[data-testid=plan-side]', 'long');
      expect(await page.getByTestId('plan-notes').textContent()).not.toMatch(/stop moved/);
    } finally {
      await close();
    }
  });

  it('never alerts twice within the cool-down for levels within one row (0.1 %) of each other', async () => {
    const { page, close } = await open('alertPct=1&range=3d');
    try {
      await page.getByTestId('replay-speed').selectOption('60');
      await page.getByTestId('replay-play').click();
      await expect.poll(() => page.getByTestId('status').textContent(), { timeout: 30_000 }).toMatch(/replay finished/);
      const items = await page.$$eval('[data-testid=alerts] li', (li) =>
        li.map((e) => {
          const d = (e as HTMLElement).dataset;
          return { key: `${d.type}:${d.side}`, price: Number(d.price), time: Number(d.time), text: e.textContent };
        }),
      );
      expect(items.length).toBeGreaterThan(1);
      for (let i = 0; i < items.length; i++) {
        for (let j = i + 1; j < items.length; j++) {
          const [a, b] = [items[i], items[j]];
          if (a.key !== b.key || Math.abs(a.time - b.time) >= 12 * 3_600_000) continue;
          expect(Math.abs(a.price - b.price) / Math.min(a.price, b.price), `${a.text} / ${b.text}`).toBeGreaterThan(0.001);
        }
      }
    } finally {
      await close();
    }
  });
});
