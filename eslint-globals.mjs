// The global names a file may use without declaring them, per environment, taken from what the tools
// already installed describe rather than from a hand-kept list: Node's own global object for scripts
// that run under Node, TypeScript's lib.dom.d.ts for scripts that run in a page.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** @param {Iterable<string>} names */
const readonly = (names) => Object.fromEntries([...names].map((name) => [name, 'readonly']));

/** The globals of the Node running ESLint (an ES module: no require, module or __dirname). */
export const nodeGlobals = readonly(Object.getOwnPropertyNames(globalThis));

const domLib = readFileSync(createRequire(import.meta.url).resolve('typescript/lib/lib.dom.d.ts'), 'utf8');

/** Every top-level `declare var` and `declare function` of lib.dom.d.ts (window, document, fetch, ...). */
export const browserGlobals = readonly(
  Array.from(domLib.matchAll(/^declare (?:var|function) (\w+)/gm), (match) => match[1]),
);

/** The UMD bundles the pages load before their own scripts. */
export const pageBundleGlobals = readonly(['LightweightCharts', 'LiqHeatmap']);
