import { runCli } from '../../src/cli/main';

/** Exit code and output of one in-process CLI run (stdout and stderr as the binary would print them). */
export interface InProcessResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `liq-heatmap ...args` in this process through `runCli`. */
export async function runInProcess(args: readonly string[]): Promise<InProcessResult> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, (text) => (stdout += `${text}\n`), (text) => (stderr += `${text}\n`));
  return { status, stdout, stderr };
}
