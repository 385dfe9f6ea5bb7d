/**
 * `writ schemas list [--json]`: the schemas of the current line, with their ids.
 */
import { SchemaRegistry } from '../schema/registry.js';
import { parseCommand } from './args.js';
import { type CliIo, type ExitCode, UsageError, printJson } from './io.js';

export const SCHEMAS_HELP = `Usage: writ schemas list [--json]

List the document schemas of the current line: short id, $id and title.

Options:
  --json      print a machine-readable list
  -h, --help  show this help
`;

/**
 * Run `writ schemas`.
 *
 * @param args - arguments after `schemas`.
 * @param io - streams and working folder.
 * @returns the exit status.
 */
export function runSchemas(args: readonly string[], io: CliIo): ExitCode {
  const { values, positionals } = parseCommand('schemas', args, {});
  if (values.help) {
    io.out(SCHEMAS_HELP);
    return 0;
  }
  const [sub, ...rest] = positionals;
  if (sub !== 'list') {
    throw new UsageError(sub === undefined ? 'ERR_USAGE_MISSING_ARGUMENT' : 'ERR_USAGE_UNKNOWN_COMMAND', `writ schemas: expected the subcommand list${sub === undefined ? '' : `, got ${JSON.stringify(sub)}`}`);
  }
  if (rest.length > 0) throw new UsageError('ERR_USAGE_INVALID_ARGUMENT', `writ schemas list: unexpected argument ${JSON.stringify(rest[0])}`);
  const registry = SchemaRegistry.open();
  const docs = registry.documents().map((e) => ({ id: e.id, $id: e.uri, path: `schemas/${registry.index.line}/${e.path}`, title: String(registry.schemaJson(e)['title'] ?? '') }));
  if (values.json) {
    printJson(io, { line: registry.index.line, schemas: docs });
    return 0;
  }
  const width = Math.max(...docs.map((d) => d.id.length));
  io.out(`Document schemas of line ${registry.index.line}:\n`);
  for (const d of docs) io.out(`  ${d.id.padEnd(width)}  ${d.title}\n`);
  return 0;
}
