/**
 * `writ schemas list [--json]`: the schemas of the current line, with their ids.
 */
import { resolve } from 'node:path';
import { bundleSchema } from '../schema/bundle.js';
import { SchemaRegistry } from '../schema/registry.js';
import { parseCommand } from './args.js';
import { type CliIo, type ExitCode, UsageError, printJson } from './io.js';
import { writeFileWhole } from '../io/files.js';

export const SCHEMAS_HELP = `Usage: writ schemas list [--json]
       writ schemas bundle <id> [--out <file>]

list    the document schemas of the current line: short id, $id and title
bundle  one self-contained JSON Schema 2020-12 file for a document type: the
        schema with every schema it references embedded under $defs, each
        keeping its $id, for vendoring a single type into another runtime

Options:
  --out <file>  write the bundle to a file instead of standard output
  --json        print a machine-readable list
  -h, --help    show this help
`;

/**
 * Run `writ schemas`.
 *
 * @param args - arguments after `schemas`.
 * @param io - streams and working folder.
 * @returns the exit status.
 */
export function runSchemas(args: readonly string[], io: CliIo): ExitCode {
  const { values, positionals } = parseCommand('schemas', args, { out: { type: 'string' } });
  if (values.help) {
    io.out(SCHEMAS_HELP);
    return 0;
  }
  const [sub, ...rest] = positionals;
  if (sub === 'bundle') return runBundle(rest, values.out, io);
  if (sub !== 'list') {
    throw new UsageError(sub === undefined ? 'ERR_USAGE_MISSING_ARGUMENT' : 'ERR_USAGE_UNKNOWN_COMMAND', `writ schemas: expected the subcommand list or bundle${sub === undefined ? '' : `, got ${JSON.stringify(sub)}`}`);
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

function runBundle(args: readonly string[], out: string | undefined, io: CliIo): ExitCode {
  if (args.length !== 1) throw new UsageError(args.length === 0 ? 'ERR_USAGE_MISSING_ARGUMENT' : 'ERR_USAGE_INVALID_ARGUMENT', 'writ schemas bundle: name exactly one schema id');
  const registry = SchemaRegistry.open();
  const bundled = bundleSchema(registry, args[0] as string);
  if (!bundled.ok) {
    if (bundled.code === 'ERR_SCHEMA_UNKNOWN') throw new UsageError('ERR_SCHEMA_UNKNOWN', `writ schemas bundle: ${bundled.message}; run \`writ schemas list\``);
    io.err(`writ schemas bundle: ${bundled.code}: ${bundled.message}\n`);
    return 1;
  }
  const text = `${JSON.stringify(bundled.schema, null, 2)}\n`;
  if (out === undefined) io.out(text);
  else {
    const failed = writeFileWhole(resolve(io.cwd, out), text);
    if (failed !== undefined) throw new UsageError(failed.code, `writ schemas bundle: ${failed.message}`);
  }
  return 0;
}
