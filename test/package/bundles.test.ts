import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';

const dist = (name: string) => fileURLToPath(new URL(`../../dist/${name}`, import.meta.url));
const read = (name: string) => readFileSync(dist(name), 'utf8');
const BUNDLES = ['index.mjs', 'index.cjs', 'index.umd.js', 'core.mjs', 'core.cjs', 'cli.mjs'];

describe('built package (npm test builds first)', () => {
  it('no bundle uses eval or new Function, so pages with a strict CSP work', () => {
    for (const name of BUNDLES) expect(read(name)).not.toMatch(/\beval\s*\(|new\s+Function\s*\(/);
  });

  it('the headless core entry imports nothing: no lightweight-charts, no DOM', () => {
    const core = read('core.mjs').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    expect(core).not.toMatch(/^\s*import\s/m);
    expect(core).not.toMatch(/\b(document|window|navigator)\s*\.|\bnew\s+(HTMLElement|OffscreenCanvas|Image)\b|getContext\(/);
  });

  it('the core entry loads in Node by ESM import and by require', async () => {
    const esm = await import(dist('core.mjs'));
    const cjs = createRequire(import.meta.url)(dist('core.cjs'));
    for (const api of [esm, cjs]) {
      expect(typeof api.LiquidationModel).toBe('function');
      expect(typeof api.parseKlines).toBe('function');
      expect(typeof api.modelLevels).toBe('function');
    }
  });

  it('the UMD bundle defines the global LiqHeatmap next to a global LightweightCharts', () => {
    const context: Record<string, unknown> = { LightweightCharts: {} };
    context.self = context;
    context.globalThis = context;
    vm.runInNewContext(read('index.umd.js'), context);
    const api = context.LiqHeatmap as Record<string, unknown>;
    expect(typeof api.LiquidationModel).toBe('function');
    expect(typeof api.suggestStop).toBe('function');
  });

  it('the plugin entry loads the core from the bundle beside it, so both entries share one LiquidationModel', async () => {
    const plugin = await import(dist('index.mjs'));
    const core = await import(dist('core.mjs'));
    expect(plugin.LiquidationModel).toBe(core.LiquidationModel);
    const require = createRequire(import.meta.url);
    expect(require(dist('index.cjs')).LiquidationModel).toBe(require(dist('core.cjs')).LiquidationModel);
  });

  it('ships bundled type declarations for both entries, the plugin types re-exporting the core types', () => {
    expect(read('core.d.ts')).toMatch(/declare class LiquidationModel/);
    expect(read('core.d.ts')).toMatch(/interface LevelsReport/);
    expect(read('index.d.ts')).toMatch(/\bLiquidationModel\b[^;]*from '\.\/core\.js';/);
    expect(read('index.d.cts')).toMatch(/\bLiquidationModel\b[^;]*from '\.\/core\.cjs';/);
  });

  it('every source map carries the text of each of its sources, which are not in the package', () => {
    const maps = readdirSync(fileURLToPath(new URL('../../dist/', import.meta.url))).filter((name) => name.endsWith('.map'));
    expect(maps).toContain('index.umd.js.map');
    for (const name of maps) {
      const map = JSON.parse(read(name)) as { sources: string[]; sourcesContent?: unknown[] };
      expect(map.sources.length, name).toBeGreaterThan(0);
      expect(map.sourcesContent?.length, `${name}: sourcesContent`).toBe(map.sources.length);
      map.sources.forEach((source, i) => expect(typeof map.sourcesContent?.[i], `${name}: ${source}`).toBe('string'));
    }
  });

  it('the CLI bundle is an executable node script', () => {
    expect(read('cli.mjs').startsWith('#!/usr/bin/env node')).toBe(true);
  });
});
