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

// `.` re-exports the core, so the core's modules all land in core.mjs/core.cjs and index imports them from
// there: one copy of each class for users of both entries, and core keeps importing nothing.
const entries = { index: 'plugin/index.ts', core: 'src/index.ts' };

/**
 * src/index.ts only re-exports, and rollup would otherwise route the chart entry past it to the modules
 * themselves, leaving them in a chunk shared by both entries. Keeping it as a real dependency of the chart
 * entry keeps every module of src/ in the core bundle, which the chart entry imports.
 */

/**
 * Whitespace out and local variables shortened; function and class names kept, so stack traces and error
 * names read as in the source (the source maps ship beside the bundles for the rest).
 */
const compact = () => terser({ compress: { keep_classnames: true, keep_fnames: true, keep_infinity: true }, mangle: { keep_classnames: true, keep_fnames: true }, format: { comments: false } });

/** Fails the build when rollup splits out a chunk that is not an entry (the package exports no such file). */
const entriesOnly = () => ({
  name: 'entries-only',
  generateBundle(_options, bundle) {
    const extra = Object.values(bundle).filter((file) => file.type === 'chunk' && !file.isEntry);
    if (extra.length) this.error(`unexpected shared chunk(s) ${extra.map((file) => file.fileName).join(', ')}: every module of src/ must be reachable from src/index.ts`);
  },
});

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
    input: entries,
    external,
    // The core entry publishes a curated API, but the chart entry also needs some of its internals: the core
    // bundle may export those too (not in its types), so it stays one file rather than a facade over a chunk.
    preserveEntrySignatures: 'allow-extension',
    plugins: [ts(), entriesOnly()],
    output: [
      { dir: 'dist', format: 'es', entryFileNames: '[name].mjs', ...sourcemap, plugins: [compact()] },
      { dir: 'dist', format: 'cjs', entryFileNames: '[name].cjs', ...sourcemap, plugins: [compact()] },
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
      ...sourcemap,
      sourcemapExcludeSources: true,
      plugins: [terser({ format: { comments: false } })],
    },
  },
  {
    input: 'src/cli/main.ts',
    external,
    plugins: [ts()],
    // The CLI carries its own copy of what it uses (evaluation included, which the entries do not publish), minified.
    output: { file: 'dist/cli.mjs', format: 'es', banner: '#!/usr/bin/env node', ...sourcemap, plugins: [terser({ format: { comments: false } })] },
  },
  {
    input: entries,
    external,
    plugins: [dts({ compilerOptions: { stripInternal: true } }), entriesOnly(), umdTypes()],
    output: [
      { dir: 'dist', format: 'es', entryFileNames: '[name].d.ts' },
      { dir: 'dist', format: 'es', entryFileNames: '[name].d.cts', plugins: [esmTypeImportsInCjs()] },
    ],
  },
];
