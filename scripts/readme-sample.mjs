// Rewrites the README's CLI sample from a real run, so it cannot drift: `npm run docs:sample` (after a build).
// test/cli/readme-sample.test.ts runs the same command and fails when the README differs.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const README = fileURLToPath(new URL('../README.md', import.meta.url));
const SHARED = fileURLToPath(new URL('../../shared/data/binance/', import.meta.url));
const CLI = fileURLToPath(new URL('../dist/cli.mjs', import.meta.url));
const BLOCK = /<!-- cli-sample: (.+?) -->\n[\s\S]*?<!-- \/cli-sample -->/;

const text = readFileSync(README, 'utf8');
const match = BLOCK.exec(text);
if (!match) throw new Error('README.md has no <!-- cli-sample: ARGS --> block');
const args = match[1].split(' ');
const run = args.map((arg, i) => (args[i - 1] === '--klines' ? SHARED + arg : arg));
const output = execFileSync(process.execPath, [CLI, ...run], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
const shown = args.map((arg, i) => (args[i - 1] === '--klines' ? arg.split('/').pop() : arg)).join(' ');
const block = `<!-- cli-sample: ${match[1]} -->\n\`\`\`\n$ liq-heatmap ${shown}\n${output.trimEnd()}\n\`\`\`\n<!-- /cli-sample -->`;
writeFileSync(README, text.replace(BLOCK, block));
console.log(`README.md: CLI sample rewritten from \`liq-heatmap ${shown}\``);
