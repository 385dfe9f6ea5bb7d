/**
 * What a command needs from the outside world, passed in so that tests run commands in-process
 * and read their output. Only `bin.ts` binds it to the real process.
 */
import type { ErrorCode } from '../generated/error-codes.js';
import { readStreamCapped, type Chunks } from '../io/streams.js';
import { WritError } from '../issues.js';

/** Streams and working folder of one command run. */
export interface CliIo {
  /** Write to standard output. */
  readonly out: (text: string) => void;
  /** Write to standard error. */
  readonly err: (text: string) => void;
  /** The folder relative paths are resolved against. */
  readonly cwd: string;
  /** The environment, for `--key-env`; the process's when absent. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The time, in Unix seconds, where a command needs it and --now is not given; the system clock when absent. */
  readonly clock?: () => number;
  /**
   * Standard input as it arrives, in chunks, for `writ adapter`: it is split into lines there,
   * each bounded by the JSON reader's limit (a longer line is refused, never held whole).
   */
  readonly input?: () => AsyncIterable<Uint8Array | string>;
  /** Standard input already split into lines (tests), for `writ adapter` when `input` is absent. */
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

/**
 * Standard input as `writ validate -` reads it: whole, to the JSON reader's limit and no further.
 * Past the limit, reading stops and the stream is destroyed, however much more it holds.
 *
 * @param source - standard input (or any stream of chunks).
 * @param maxBytes - the most it may hold; default the JSON reader's limit (16 MiB).
 * @returns its bytes.
 * @throws {@link WritError} `ERR_JSON_TOO_LARGE` past the limit, `ERR_IO_READ` when the stream fails.
 * @example
 * ```ts
 * main(process.argv.slice(2), io, () => readInput(process.stdin));
 * ```
 */
export async function readInput(source: Chunks, maxBytes?: number): Promise<Uint8Array> {
  const read = await readStreamCapped(source, maxBytes);
  if (!read.ok) throw new WritError(read);
  return read.bytes;
}
