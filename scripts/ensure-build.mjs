// @ts-check
// Builds dist/ only when it is missing or older than anything it is built from, so a warm `npm start`
// serves at once. `--force` builds regardless.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** What the demo and the tests load from dist/. */
const OUTPUTS = ['index.umd.js', 'index.mjs', 'index.cjs', 'core.mjs', 'core.cjs', 'cli.mjs', 'index.d.ts', 'core.d.ts'];
const SOURCE_DIRS = ['src', 'plugin'];
const SOURCE_FILES = ['rollup.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

/**
 * The newest modification time (ms) of the files under `dir`.
 * @param {string} dir
 * @returns {number}
 */
function newestUnder(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Why a build is needed, or null when dist/ is newer than its sources. */
export function buildReason() {
  const outputs = OUTPUTS.map((name) => join(root, 'dist', name));
  const missing = outputs.find((path) => !existsSync(path));
  if (missing) return `${missing.slice(root.length)} is missing`;
  const oldestOutput = Math.min(...outputs.map((path) => statSync(path).mtimeMs));
  const newestSource = Math.max(
    ...SOURCE_DIRS.map((dir) => newestUnder(join(root, dir))),
    ...SOURCE_FILES.map((file) => statSync(join(root, file)).mtimeMs),
  );
  return newestSource > oldestOutput ? 'sources changed since the last build' : null;
}

const reason = process.argv.includes('--force') ? 'asked to (--force)' : buildReason();
if (reason) {
  console.log(`building dist/ (${reason})…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
