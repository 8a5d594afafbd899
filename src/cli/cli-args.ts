import { parseTime } from './parse-time';

/** Parsed command line: the command, `--name value` options and bare `--flags`. */
export interface CliArgs {
  command: string | undefined;
  options: Map<string, string>;
  /** Every value given for each option, in order (`options` keeps the last): for options that may repeat, e.g. `--grid`. */
  repeated: Map<string, string[]>;
  flags: Set<string>;
  /** Options given with no value (`--top` last, or followed by another option): refused once the command says whether it knows them. */
  valueless: Set<string>;
}

/** Options that take no value. */
const FLAGS = new Set(['json', 'help', 'version']);

/** Thrown for a malformed command line; the CLI prints it with the usage and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  const options = new Map<string, string>();
  const repeated = new Map<string, string[]>();
  const flags = new Set<string>();
  const valueless = new Set<string>();
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h') {
      flags.add('help');
    } else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq > 0 ? eq : undefined);
      if (FLAGS.has(name)) {
        flags.add(name);
        continue;
      }
      const value = eq > 0 ? arg.slice(eq + 1) : argv[i + 1];
      if (value === undefined || (eq < 0 && value.startsWith('--'))) {
        valueless.add(name);
        continue;
      }
      if (eq < 0) i++;
      options.set(name, value);
      repeated.set(name, [...(repeated.get(name) ?? []), value]);
    } else if (command === undefined) {
      command = arg;
    } else {
      throw new UsageError(`unexpected argument '${arg}'`);
    }
  }
  return { command, options, repeated, flags, valueless };
}

/** Fails with a usage error on any option or flag not in `known`, then on a known option given no value. */
export function checkKnownOptions(args: CliArgs, known: readonly string[]): void {
  for (const name of [...args.options.keys(), ...args.flags, ...args.valueless]) {
    if (name !== 'help' && !known.includes(name)) throw new UsageError(`unknown option --${name} for '${args.command}'`);
  }
  for (const name of args.valueless) throw new UsageError(`option --${name} needs a value`);
}

/** A whole-number option in `[min, max]`, or `fallback` when absent. */
export function intOption(args: CliArgs, name: string, fallback: number, min: number, max: number): number {
  const raw = args.options.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got '${raw}'`);
  return value;
}

/**
 * Epoch ms from `--name` given as epoch ms (digits, 1e9 and up; seconds and microseconds are normalised) or
 * ISO 8601 (UTC unless it names a zone), or undefined when absent. See {@link parseTime}.
 */
export function timeOption(args: CliArgs, name: string): number | undefined {
  const raw = args.options.get(name);
  if (raw === undefined) return undefined;
  const value = parseTime(raw.trim());
  if (value === undefined) {
    throw new UsageError(`--${name} must be epoch ms (e.g. 1737936000000) or an ISO 8601 time (e.g. 2025-01-27T00:00Z), got '${raw}'`);
  }
  return value;
}
