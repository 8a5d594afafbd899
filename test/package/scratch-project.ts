import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runOrThrow } from './run-command';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONSUMERS = fileURLToPath(new URL('./consumers/', import.meta.url));
export const PACKAGE_NAME = 'lwc-plugin-liquidation-heatmap';

/** One file of `npm pack --json`. */
export interface PackedFile {
  path: string;
  size: number;
}

/** What `npm pack --json` reports of the tarball. */
export interface PackReport {
  filename: string;
  size: number;
  unpackedSize: number;
  files: PackedFile[];
}

export interface ScratchProject {
  /** The scratch project; the consumers from test/package/consumers are copied into it. */
  dir: string;
  tarball: string;
  pack: PackReport;
  /** The package as npm installed it, in the scratch project's node_modules. */
  installed: string;
}

/**
 * `npm pack`s the built package into a temporary directory and `npm install`s the tarball into a scratch
 * project, offline: lightweight-charts, ws and `@types/node` are installed by path from this project's
 * node_modules, so no registry is needed.
 */
export async function packAndInstall(): Promise<ScratchProject> {
  for (const file of ['dist/index.mjs', 'dist/core.d.cts', 'dist/index.umd.js']) {
    if (!existsSync(join(REPO_ROOT, file))) throw new Error(`${file} is missing: run \`npm run build\` before the package tests`);
  }
  const local = ['lightweight-charts', 'ws', '@types/node'].map((name) => join(REPO_ROOT, 'node_modules', name));
  for (const path of local) if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm ci\` first`);

  const dir = mkdtempSync(join(tmpdir(), 'liq-heatmap-pack-'));
  const packed = await runOrThrow('npm', ['pack', REPO_ROOT, '--pack-destination', dir, '--json', '--ignore-scripts'], dir);
  const [pack] = JSON.parse(packed.stdout) as PackReport[];
  const tarball = join(dir, pack.filename);

  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'scratch-consumer', private: true, type: 'module' }, null, 2));
  await runOrThrow(
    'npm',
    ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--install-links=false', '--loglevel=error', tarball, ...local],
    dir,
  );
  cpSync(CONSUMERS, dir, { recursive: true });
  return { dir, tarball, pack, installed: join(dir, 'node_modules', PACKAGE_NAME) };
}
