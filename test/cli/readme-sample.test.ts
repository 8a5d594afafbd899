import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SHARED_BINANCE, sharedFile } from '../helpers/shared-data';
import { runCli } from './cli-helpers';

const README = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
const BLOCK = /<!-- cli-sample: (.+?) -->\n```\n\$ liq-heatmap [^\n]*\n([\s\S]*?)\n```\n<!-- \/cli-sample -->/.exec(README);
const args = BLOCK ? BLOCK[1].split(' ') : [];
const klines = args[args.indexOf('--klines') + 1] ?? '';
const data = sharedFile(klines, "the README's CLI sample");

describe.skipIf(!data.present)("the README's CLI sample", () => {
  it('is exactly what the same command prints today (npm run docs:sample rewrites it)', async () => {
    expect(BLOCK, 'README.md has a <!-- cli-sample --> block with its output').not.toBeNull();
    const run = args.map((arg, i) => (args[i - 1] === '--klines' ? SHARED_BINANCE + arg : arg));
    const result = await runCli(run);
    expect(result.status).toBe(0);
    expect(result.stdout.trimEnd()).toBe(BLOCK?.[2]);
  });
});
