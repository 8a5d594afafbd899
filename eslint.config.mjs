import tseslint from 'typescript-eslint';
import tsdoc from 'eslint-plugin-tsdoc';
import { browserGlobals, nodeGlobals, pageBundleGlobals } from './eslint-globals.mjs';

/** Scripts that run in a page: the demo's modules, and the classic scripts of the bench and test pages. */
const PAGE_MODULES = ['demo/page/**/*.js', 'bench/demo-load/page-probe.mjs'];
const PAGE_SCRIPTS = ['bench/render/**/*.js', 'test/browser/fixtures/**/*.js'];

export default tseslint.config(
  // The consumers import the package by its name, resolved only inside the scratch projects they are copied to.
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'test/package/consumers/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `let x; const y = make(() => x?.use()); x = y.part;`: a callback made before x exists may read it.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    files: ['**/*.ts', '**/*.mts', '**/*.cts'],
    plugins: { tsdoc },
    rules: { 'tsdoc/syntax': 'error' },
  },
  {
    // TypeScript checks names in .ts files; plain JavaScript needs no-undef and the globals of where it runs.
    files: ['**/*.js', '**/*.mjs'],
    rules: { 'no-undef': 'error' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ignores: [...PAGE_MODULES, ...PAGE_SCRIPTS],
    languageOptions: { globals: nodeGlobals },
  },
  {
    files: PAGE_MODULES,
    languageOptions: { globals: { ...browserGlobals, ...pageBundleGlobals } },
  },
  {
    files: PAGE_SCRIPTS,
    languageOptions: { sourceType: 'script', globals: { ...browserGlobals, ...pageBundleGlobals } },
  },
);
