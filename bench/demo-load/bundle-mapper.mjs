import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join } from 'node:path';
import { REPO_ROOT } from '../../test/browser/static-server.mjs';

/** Maps positions in dist/index.umd.js to src/ through its source map (null when it has none). */
export function bundleMapper() {
  try {
    const map = new SourceMap(JSON.parse(readFileSync(join(REPO_ROOT, 'dist/index.umd.js.map'), 'utf8')));
    return (line, column) => {
      const entry = map.findEntry(line, column);
      if (!entry || !entry.originalSource) return null;
      const source = entry.originalSource.replace(/^.*?(?=(src|plugin)\/)/, '');
      return `${source}:${entry.originalLine + 1}`;
    };
  } catch {
    return () => null;
  }
}

/** Where a profile node's function lives: `demo/page/main.js:66`, `src/model/engine.ts:120 (bundle)`, `lightweight-charts`. */
export function frameKey(callFrame, mapper) {
  const name = callFrame.functionName || '(anonymous)';
  const url = callFrame.url;
  if (!url) return name;
  let where;
  const path = url.replace(/^https?:\/\/[^/]+/, '');
  if (path.startsWith('/vendor/')) where = `lightweight-charts:${callFrame.lineNumber + 1}`;
  else if (path.startsWith('/dist/index.umd.js')) where = mapper(callFrame.lineNumber, callFrame.columnNumber) ?? `dist/index.umd.js:${callFrame.lineNumber + 1}`;
  else if (path.startsWith('/demo/')) where = `demo/page/${path.slice('/demo/'.length)}:${callFrame.lineNumber + 1}`;
  else where = `${path}:${callFrame.lineNumber + 1}`;
  return `${name} (${where})`;
}
