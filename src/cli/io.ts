/**
 * What a command needs from the outside world, passed in so that tests run commands in-process
 * and read their output. Only `bin.ts` binds it to the real process.
 */
import type { ErrorCode } from '../generated/error-codes.js';
import { WritError } from '../issues.js';

/** Streams and working folder of one command run. */
export interface CliIo {
  /** Write to standard output. */
  readonly out: (text: string) => void;
  /** Write to standard error. */
  readonly err: (text: string) => void;
  /** The folder relative paths are resolved against. */
  readonly cwd: string;
  /** The time, in Unix seconds, where a command needs it and --now is not given; the system clock when absent. */
  readonly clock?: () => number;
  /** Standard input, line by line, for `writ adapter`. */
  readonly lines?: () => AsyncIterable<string>;
}

/** Exit status: 0 all is well, 1 something was rejected, 2 the command line was wrong. */
export type ExitCode = 0 | 1 | 2;

/** A wrong command line, reported with exit status 2: a {@link WritError} with an `ERR_USAGE_*` code (or `ERR_IO_NOT_FOUND` for a missing path). */
export class UsageError extends WritError {
  constructor(code: ErrorCode, message: string) {
    super({ code, message });
    this.name = 'UsageError';
  }
}

/**
 * Print a value as one JSON document followed by a newline.
 *
 * @param io - where to print.
 * @param value - a JSON-serialisable value.
 */
export function printJson(io: CliIo, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}
