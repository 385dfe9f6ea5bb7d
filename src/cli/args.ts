/**
 * Command-line parsing on node:util's parseArgs, strict: an unknown option or a missing value is
 * a usage error (exit 2) with a code, never silently ignored.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io.js';

/** The parsed value of each declared option: a string or a boolean, absent when not given. */
export type ParsedValues<O> = {
  [K in keyof O]: O[K] extends { type: 'boolean' } ? boolean : string | undefined;
};

/** Options every command takes. */
export const COMMON_OPTIONS = {
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

/**
 * Parse one command's arguments.
 *
 * @param command - the command's name, for messages.
 * @param args - the arguments after the command name.
 * @param options - the command's own options (merged with {@link COMMON_OPTIONS}).
 * @returns parseArgs' values and positionals.
 * @throws {@link UsageError} `ERR_USAGE_UNKNOWN_OPTION`, or `ERR_USAGE_INVALID_ARGUMENT` (a value
 *   missing, of the wrong kind, or empty, or an empty argument).
 * @example
 * ```ts
 * const { values, positionals } = parseCommand('verify', ['--now', '1776272790', 'token.json'], { now: { type: 'string' } });
 * ```
 */
export function parseCommand<O extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  args: readonly string[],
  options: O,
): { values: ParsedValues<O & typeof COMMON_OPTIONS>; positionals: string[] } {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...args], options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const message = (e as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new UsageError(code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? 'ERR_USAGE_UNKNOWN_OPTION' : 'ERR_USAGE_INVALID_ARGUMENT', `writ ${command}: ${message}`);
  }
  // An empty value names nothing: `--impl ''` is no command, `--vectors ''` or `''` no path (it
  // would resolve to the working folder). Said here once, for every option of every command.
  for (const [name, value] of Object.entries(parsed.values)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v === '') throw new UsageError('ERR_USAGE_INVALID_ARGUMENT', `writ ${command}: --${name} needs a value, and it was given an empty one`);
    }
  }
  for (const p of parsed.positionals) if (p === '') throw new UsageError('ERR_USAGE_INVALID_ARGUMENT', `writ ${command}: an argument is empty; name a file, a folder or an id`);
  return { values: parsed.values as unknown as ParsedValues<O & typeof COMMON_OPTIONS>, positionals: parsed.positionals };
}
