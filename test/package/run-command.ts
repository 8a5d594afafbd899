import { execFile } from 'node:child_process';

export interface CommandResult {
  /** The command line, for messages. */
  command: string;
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion and resolves with its exit code and output (never rejects on a non-zero exit). */
export function runCommand(file: string, args: readonly string[], cwd: string): Promise<CommandResult> {
  const command = [file, ...args].join(' ');
  return new Promise((resolve, reject) => {
    execFile(file, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(new Error(`${command} (in ${cwd}) did not run: ${error.message}`));
      else resolve({ command, code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

/** Like {@link runCommand}, but rejects with the command's output when it exits non-zero. */
export async function runOrThrow(file: string, args: readonly string[], cwd: string): Promise<CommandResult> {
  const result = await runCommand(file, args, cwd);
  if (result.code !== 0) throw new Error(`${result.command} (in ${cwd}) exited ${result.code}:\n${result.stderr}${result.stdout}`);
  return result;
}
