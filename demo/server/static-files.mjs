// @ts-check
import { readFile } from 'node:fs/promises';
import { extname, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** @type {Record<string, string>} */
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.map': 'application/json', '.png': 'image/png' };

/** URL prefixes served from the project, each mapped to one folder; nothing outside them is reachable. */
const MOUNTS = [
  ['/dist/', 'dist/'],
  ['/demo/', 'demo/page/'],
  ['/vendor/', 'node_modules/lightweight-charts/dist/'],
];

/** @typedef {{ file: string, type: string }} StaticTarget */

/**
 * The file for a URL path; null when the path is outside the mounts or tries to climb out;
 * `{ status: 400, error }` when it cannot be decoded (a malformed `%` escape) or holds a NUL.
 * @param {string} pathname
 * @returns {StaticTarget | { status: number, error: string, file?: undefined } | null}
 */
export function resolveStatic(pathname) {
  if (pathname === '/' || pathname === '/index.html') return { file: `${ROOT}demo/page/index.html`, type: TYPES['.html'] };
  for (const [prefix, folder] of MOUNTS) {
    if (!pathname.startsWith(prefix)) continue;
    const decoded = decodePath(pathname.slice(prefix.length));
    if (decoded === null) return { status: 400, error: 'malformed percent-encoding in the path' };
    if (decoded.includes('\0')) return { status: 400, error: 'NUL in the path' };
    const rest = normalize(decoded);
    if (rest.startsWith('..') || rest.includes(`${sep}..`) || rest.startsWith(sep)) return null;
    const type = TYPES[extname(rest)];
    return type ? { file: `${ROOT}${folder}${rest}`, type } : null;
  }
  return null;
}

/**
 * @param {string} text
 * @returns {string | null}
 */
function decodePath(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * The file's bytes, or null when it cannot be read.
 * @param {StaticTarget} target
 * @returns {Promise<Buffer | null>}
 */
export async function readStatic(target) {
  try {
    return await readFile(target.file);
  } catch {
    return null;
  }
}
