import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { publint } from 'publint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, type CommandResult } from './run-command';
import { packAndInstall, PACKAGE_NAME, REPO_ROOT, type ScratchProject } from './scratch-project';

const TSC = join(REPO_ROOT, 'node_modules/typescript/bin/tsc');
const ATTW = join(REPO_ROOT, 'node_modules/@arethetypeswrong/cli/dist/index.js');

let project: ScratchProject;
// The slow checks (one tsc per resolution mode, attw) start together in beforeAll; each test awaits its own.
let typeChecks: Record<string, Promise<CommandResult>>;
let attw: Promise<CommandResult>;

const typeCheck = (consumer: string) => runCommand(process.execPath, [TSC, '-p', consumer, '--listFiles'], project.dir);

/** The package's declaration files a tsc run read, by name (from `--listFiles`). */
function packageTypesRead(result: CommandResult): string[] {
  const marker = `/node_modules/${PACKAGE_NAME}/dist/`;
  return result.stdout
    .split('\n')
    .filter((line) => line.includes(marker))
    .map((line) => line.slice(line.indexOf(marker) + marker.length))
    .sort();
}

function expectCleanTypeCheck(result: CommandResult): void {
  expect(result.code, `${result.command} reported:\n${result.stdout.split('\n').filter((line) => line.includes('error TS')).join('\n')}`).toBe(0);
}

beforeAll(async () => {
  project = await packAndInstall();
  typeChecks = Object.fromEntries(['bundler', 'node16', 'node10', 'headless'].map((consumer) => [consumer, typeCheck(consumer)]));
  attw = runCommand(process.execPath, [ATTW, project.tarball, '--format', 'json'], project.dir);
  await Promise.allSettled([...Object.values(typeChecks), attw]);
}, 120_000);

afterAll(() => {
  if (project) rmSync(project.dir, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('stays under 850 kB unpacked without its source map, and the map, sources included, under 800 kB', () => {
    const map = project.pack.files.find((file) => file.path === 'dist/index.umd.js.map');
    expect(map).toBeDefined();
    expect(project.pack.unpackedSize - (map?.size ?? 0)).toBeLessThan(850_000);
    expect(map?.size).toBeLessThan(800_000);
  });

  it('ships the licence, the readme, the bundles and their types, and no source map but the minified UMD one', () => {
    const paths = project.pack.files.map((file) => file.path);
    expect(paths).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'dist/cli.mjs']));
    for (const entry of ['index', 'core']) {
      expect(paths).toEqual(expect.arrayContaining([`dist/${entry}.mjs`, `dist/${entry}.cjs`, `dist/${entry}.d.ts`, `dist/${entry}.d.cts`]));
    }
    expect(paths).toEqual(expect.arrayContaining(['dist/index.umd.js', 'dist/umd.d.ts']));
    expect(paths.filter((path) => path.endsWith('.map'))).toEqual(['dist/index.umd.js.map']);
  });

  it('passes publint with no message', async () => {
    const { messages } = await publint({ pkgDir: project.installed, pack: false, level: 'suggestion', strict: true });
    expect(messages).toEqual([]);
  });

  it('passes attw for ., /core and /umd under node10, node16 (CJS and ESM) and bundler', async () => {
    const result = await attw;
    const report = JSON.parse(result.stdout) as { analysis: { problems: unknown[]; entrypoints: Record<string, unknown> } };
    expect(Object.keys(report.analysis.entrypoints)).toEqual(expect.arrayContaining(['.', './core', './umd']));
    expect(report.analysis.problems).toEqual([]);
  });
});

describe('installed into a project', () => {
  it('bundles an ES module consumer with esbuild from the installed files, one copy of the core, the UMD kept for its global', async () => {
    const result = await build({
      absWorkingDir: project.dir,
      entryPoints: ['esm-bundle/entry.mjs'],
      outfile: 'esm-bundle/out.mjs',
      bundle: true,
      format: 'esm',
      platform: 'browser',
      metafile: true,
      logLevel: 'silent',
    });
    expect(result.warnings).toEqual([]);
    // The core's modules live once, in the file the entries share.
    const inputs = Object.keys(result.metafile.inputs).sort();
    const shared = inputs.filter((input) => /\/dist\/shared\.mjs$/.test(input));
    expect(shared).toHaveLength(1);
    expect(inputs).toEqual([
      'esm-bundle/entry.mjs',
      `node_modules/${PACKAGE_NAME}/dist/core.mjs`,
      `node_modules/${PACKAGE_NAME}/dist/index.mjs`,
      `node_modules/${PACKAGE_NAME}/dist/index.umd.js`,
      shared[0],
    ]);
    const run = await runCommand(process.execPath, ['esm-bundle/out.mjs'], project.dir);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      oneModelClass: true,
      createLiquidationHeatmap: 'function',
      price: 102,
      globalLiqHeatmap: 'function',
    });
  });

  it('require() gives CommonJS consumers one LiquidationModel across ., /core and /umd', async () => {
    const script = [
      `const plugin = require('${PACKAGE_NAME}');`,
      `const core = require('${PACKAGE_NAME}/core');`,
      `const umd = require('${PACKAGE_NAME}/umd');`,
      'console.log(plugin.LiquidationModel === core.LiquidationModel && umd.LiquidationModel === core.LiquidationModel);',
    ].join('\n');
    const run = await runCommand(process.execPath, ['--input-type=commonjs', '-e', script], project.dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe('true');
  });

  it('links the liq-heatmap bin, which runs', async () => {
    const run = await runCommand(join(project.dir, 'node_modules/.bin/liq-heatmap'), ['--help'], project.dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^usage:\n\s+liq-heatmap levels/);
  });
});

describe('strict TypeScript consumers type-check against the installed types', () => {
  it('moduleResolution bundler: ., /core and the global declared by /umd, from the ESM declarations', async () => {
    const result = await typeChecks.bundler;
    expectCleanTypeCheck(result);
    expect(packageTypesRead(result)).toEqual(['core.d.ts', 'index.d.ts', 'umd.d.ts']);
  });

  it('moduleResolution node16: an ES module consumer gets the .d.ts types, a CommonJS one the .d.cts types', async () => {
    const result = await typeChecks.node16;
    expectCleanTypeCheck(result);
    expect(packageTypesRead(result)).toEqual(['core.d.cts', 'core.d.ts', 'index.d.cts', 'index.d.ts']);
  });

  it('moduleResolution node (node10): . and /core resolve, /core through typesVersions', async () => {
    const result = await typeChecks.node10;
    expectCleanTypeCheck(result);
    expect(packageTypesRead(result)).toEqual(['core.d.cts', 'index.d.cts']);
  });

  it('a headless Node consumer of /core needs no DOM lib (ES2022 and @types/node only)', async () => {
    const result = await typeChecks.headless;
    expectCleanTypeCheck(result);
    expect(packageTypesRead(result)).toEqual(['core.d.cts', 'core.d.ts']);
  });
});
