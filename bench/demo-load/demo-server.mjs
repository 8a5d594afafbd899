import { spawn } from 'node:child_process';
import { REPO_ROOT } from '../../test/browser/static-server.mjs';

/** Starts `node demo/server.mjs` on a free port against the `fake` Binance; resolves with its URL once it prints it. */
export async function startDemoServer(fake) {
  const child = spawn(process.execPath, ['demo/server.mjs'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', BINANCE_REST_URL: fake.url, BINANCE_WS_URL: fake.wsUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo server printed no URL within 10 s: ${output}`)), 10_000);
    const onData = (chunk) => {
      output += chunk;
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`demo server exited (${code ?? signal}) before printing its URL: ${output}`));
    });
  });
  return {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
    },
  };
}
