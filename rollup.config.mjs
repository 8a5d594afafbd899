import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

const external = ['lightweight-charts', 'fancy-canvas', 'ws', /^node:/];
// The TSDoc ships in the .d.ts files; the JavaScript drops comments to keep the package small.
const ts = () =>
  typescript({
    tsconfig: './tsconfig.json',
    compilerOptions: { declaration: false, removeComments: true, outDir: 'dist' },
    include: ['src/**/*.ts', 'plugin/**/*.ts'],
  });

// @rollup/plugin-typescript reports sources one level too far up (../../src/...); from dist/ they are ../src/.
const sourcemap = { sourcemap: true, sourcemapPathTransform: (source) => source.replace(/^(\.\.\/)+/, '../') };

const entries = { index: 'plugin/index.ts', core: 'src/index.ts' };
// The chart entry, the core and the CLI are bundled together: the core's modules land in one shared file
// (dist/shared.mjs / .cjs) that all three import, so users of both entries get one copy of each class and
// the CLI does not carry a second copy of the model (that kept the package over 1 MB unpacked). The name is
// fixed, not hashed: a rebuild replaces the file instead of leaving the old one in the package.
const jsEntries = { ...entries, cli: 'src/cli/main.ts' };

/** The CLI is an ES module only: its CommonJS twin is dropped from that output. */
const withoutCjsCli = () => ({
  name: 'without-cjs-cli',
  generateBundle(_options, bundle) {
    for (const name of Object.keys(bundle)) if (name.startsWith('cli.cjs')) delete bundle[name];
  },
});

/**
 * Whitespace out and local variables shortened; function and class names kept, so stack traces and error
 * names read as in the source (the source maps ship beside the bundles for the rest).
 */
const compact = () => terser({ compress: { keep_classnames: true, keep_fnames: true, keep_infinity: true }, mangle: { keep_classnames: true, keep_fnames: true }, format: { comments: false } });

/**
 * lightweight-charts is ESM only, so the CommonJS declarations import its types with
 * `resolution-mode: import` (TypeScript 5.3+); a plain import is error TS1479 for CommonJS consumers.
 */
const esmTypeImportsInCjs = () => ({
  name: 'esm-type-imports-in-cjs',
  renderChunk(code, chunk) {
    const rewritten = code.replace(
      /^import \{([^}]*)\} from 'lightweight-charts';$/gm,
      "import type {$1} from 'lightweight-charts' with { 'resolution-mode': 'import' };",
    );
    const left = rewritten.split('\n').find((line) => /from 'lightweight-charts';$/.test(line));
    if (left) this.error(`${chunk.fileName}: cannot add resolution-mode to this import of lightweight-charts: ${left}`);
    return rewritten;
  },
});

/** Types for `import '.../umd'`: the bundle then defines the global `LiqHeatmap` and exports nothing. */
const umdTypes = () => ({
  name: 'umd-types',
  generateBundle() {
    this.emitFile({
      type: 'asset',
      fileName: 'umd.d.ts',
      source: [
        "import type * as Api from './index.js';",
        '',
        'declare global {',
        '  /** The plugin and core API, defined by dist/index.umd.js when it runs as a script or an ES module. */',
        '  var LiqHeatmap: typeof Api;',
        '}',
        '',
        'export {};',
        '',
      ].join('\n'),
    });
  },
});

export default [
  {
    input: jsEntries,
    external,
    // Each entry exports exactly its API; what the entries share is in the shared file.
    preserveEntrySignatures: 'strict',
    plugins: [ts()],
    output: [
      { dir: 'dist', format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'shared.mjs', banner: (chunk) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : ''), ...sourcemap, plugins: [compact()] },
      { dir: 'dist', format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'shared.cjs', ...sourcemap, plugins: [compact(), withoutCjsCli()] },
    ],
  },
  {
    input: 'plugin/index.ts',
    external,
    plugins: [ts()],
    output: {
      file: 'dist/index.umd.js',
      format: 'umd',
      name: 'LiqHeatmap',
      globals: { 'lightweight-charts': 'LightweightCharts' },
      // The map ships in the package without src/, so it carries the sources' text (sourcesContent).
      ...sourcemap,
      plugins: [terser({ format: { comments: false } })],
    },
  },
  {
    input: entries,
    external,
    plugins: [dts({ compilerOptions: { stripInternal: true } }), umdTypes()],
    output: [
      { dir: 'dist', format: 'es', entryFileNames: '[name].d.ts' },
      { dir: 'dist', format: 'es', entryFileNames: '[name].d.cts', plugins: [esmTypeImportsInCjs()] },
    ],
  },
];
