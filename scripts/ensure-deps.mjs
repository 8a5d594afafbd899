// @ts-check
// Installs the locked dependencies when node_modules is missing or does not hold what package-lock.json
// locks, so `npm start` and `npm test` work as the first command on a fresh clone. Uses nothing but Node.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** npm's record of what it installed (written by every install). */
const installed = `${root}node_modules/.package-lock.json`;
const lock = `${root}package-lock.json`;

/**
 * @param {string} file
 * @returns {Record<string, { version?: string, optional?: boolean }>}
 */
const packagesOf = (file) => JSON.parse(readFileSync(file, 'utf8')).packages ?? {};

/**
 * Why an install is needed, or null when node_modules holds every locked package at its locked version.
 * Compares contents, not file times: a checkout touches the lock without changing it. Optional packages
 * (other platforms' binaries) may be absent.
 */
function staleReason() {
  if (!existsSync(installed)) return 'node_modules is missing';
  const have = packagesOf(installed);
  for (const [path, locked] of Object.entries(packagesOf(lock))) {
    if (path === '' || locked.optional) continue;
    if (have[path]?.version !== locked.version) return `${path} is not at its locked version ${locked.version}`;
  }
  return null;
}

const reason = staleReason();
if (reason) {
  console.log(`${reason}: running npm ci (once)…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error(`npm ci failed (exit ${result.status ?? result.signal}); run it yourself to see why`);
    process.exit(1);
  }
}
