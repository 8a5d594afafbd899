import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';

/** Largest input file the CLI reads: 256 MiB, far above years of 1-minute klines, well below V8's string limit. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** An input file the CLI cannot or will not read; the message names the file. */
export class InputFileError extends Error {
  override readonly name = 'InputFileError';
}

/**
 * The text of `file`, read only when it is a regular file of at most {@link MAX_INPUT_BYTES}. The file is
 * opened non-blocking and checked on the open descriptor, so a FIFO without a writer, `/dev/zero` or a
 * directory is refused at once instead of blocking or filling memory.
 * @throws InputFileError naming the file and what was wrong.
 */
export function readInputFile(file: string): string {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new InputFileError(`${file}: cannot read file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new InputFileError(`${file}: is ${kindOf(stats)}, not a regular file; give the path of a CSV or JSON file`);
    if (stats.size > MAX_INPUT_BYTES) {
      throw new InputFileError(`${file}: file is ${megabytes(stats.size)} MiB, above the ${megabytes(MAX_INPUT_BYTES)} MiB input limit`);
    }
    return readFileSync(fd, 'utf8');
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    throw new InputFileError(`${file}: cannot read file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  } finally {
    closeSync(fd);
  }
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'a special file';
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 0);
}
