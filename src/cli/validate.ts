/**
 * `writ validate <file|dir|->... [--schema <id>] [--json]`: validate documents against the
 * schemas of the current line (SPEC.md, "Validation"). The schema is named with --schema or
 * recognised from each document's own members.
 */
import { join, resolve } from 'node:path';
import { parseJson } from '../encoding/json.js';
import { issueOf, WritError, type Issue } from '../issues.js';
import { SchemaRegistry } from '../schema/registry.js';
import { parseCommand } from './args.js';
import { type CliIo, type ExitCode, UsageError, printJson } from './io.js';
import { formatIssues } from './report.js';
import { pathKind, readFileCapped, walkFolder } from '../io/files.js';

export const VALIDATE_HELP = `Usage: writ validate <file|folder|->... [--schema <id>] [--json]

Validate JSON documents against the schemas of the current line. A folder stands for
every *.json file under it; - reads one document from standard input.

Options:
  --schema <id>  validate every document against this schema: a short id such as
                 commercial/checkout.request, a $id, or a schema path. Without it,
                 each document's schema is recognised from its own members.
  --json         print a machine-readable report
  -h, --help     show this help

Exit status: 0 every document is valid, 1 one or more are not, 2 usage error
(unknown option, unknown schema, a file that does not exist).
`;

/** One document's outcome, as printed with --json. */
export interface ValidateFileResult {
  /** The path as given (or `-` for standard input). */
  readonly file: string;
  /** The schema id used, when one was found. */
  readonly schema?: string;
  /** True when the document is valid. */
  readonly ok: boolean;
  /** Why not. */
  readonly issues: readonly Issue[];
}

/**
 * Run `writ validate`.
 *
 * @param args - arguments after `validate`.
 * @param io - streams and working folder.
 * @param stdin - reads standard input, for `-`.
 * @returns the exit status.
 */
export async function runValidate(args: readonly string[], io: CliIo, stdin: () => Promise<Uint8Array>): Promise<ExitCode> {
  const { values, positionals } = parseCommand('validate', args, { schema: { type: 'string' } });
  if (values.help) {
    io.out(VALIDATE_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('ERR_USAGE_MISSING_ARGUMENT', 'writ validate: name at least one file, folder, or - for standard input');
  const registry = SchemaRegistry.open();
  const forced = values.schema;
  if (forced !== undefined) {
    const entry = registry.find(forced);
    if (entry === undefined || entry.kind !== 'document') {
      throw new UsageError('ERR_SCHEMA_UNKNOWN', `writ validate: no document schema ${JSON.stringify(forced)} in line ${registry.index.line}; run \`writ schemas list\` for the ids`);
    }
  }
  const inputs: { file: string; read: () => Promise<Uint8Array> }[] = [];
  const missing: ValidateFileResult[] = [];
  for (const p of positionals) {
    if (p === '-') {
      inputs.push({ file: '-', read: stdin });
      continue;
    }
    const abs = resolve(io.cwd, p);
    const kind = pathKind(abs);
    const isDir = kind === 'folder';
    if (kind === 'missing') {
      missing.push({ file: p, ok: false, issues: [{ code: 'ERR_IO_NOT_FOUND', path: '', message: `${p} does not exist` }] });
      continue;
    }
    if (!isDir) {
      inputs.push({ file: p, read: async () => readOrThrow(abs) });
      continue;
    }
    // A folder: its *.json files. A link is read as what it leads to, if that is a regular file
    // (readFileCapped checks the file it opened); a FIFO, socket or device named *.json is
    // reported and never opened, and so is a part of the folder that cannot be read.
    const problems = walkFolder(abs, (e) => {
      if (!e.path.endsWith('.json')) return;
      const f = join(p, e.path);
      const refused = new WritError({ code: 'ERR_IO_READ', message: `${f} is not a regular file (a FIFO, socket or device); writ reads regular files only` });
      inputs.push({ file: f, read: e.kind === 'other' ? async () => Promise.reject(refused) : async () => readOrThrow(resolve(io.cwd, f)) });
    });
    for (const problem of problems) inputs.push({ file: join(p, problem.path), read: async () => Promise.reject(new WritError({ code: problem.code, message: problem.message })) });
  }
  const results: ValidateFileResult[] = [...missing];
  for (const input of inputs) {
    let bytes: Uint8Array;
    try {
      bytes = await input.read();
    } catch (e) {
      // A file too large or not regular (WritError), standard input past the limit, or a stream that failed.
      const code = e instanceof WritError ? e.code : 'ERR_IO_READ';
      results.push({ file: input.file, ok: false, issues: [{ code, path: '', message: `cannot read ${input.file}: ${(e as Error).message}` }] });
      continue;
    }
    results.push(validateOne(registry, input.file, bytes, forced));
  }
  const valid = results.filter((r) => r.ok).length;
  const exit: ExitCode = missing.length > 0 ? 2 : valid === results.length ? 0 : 1;
  if (values.json) {
    printJson(io, { ok: exit === 0, line: registry.index.line, counts: { valid, invalid: results.length - valid }, files: results });
    return exit;
  }
  for (const r of results) {
    const schema = r.schema === undefined ? '' : ` (${r.schema})`;
    if (r.ok) io.out(`${r.file}: valid${schema}\n`);
    else io.out(`${r.file}: ${r.issues[0]?.code === 'ERR_IO_NOT_FOUND' ? 'not found' : 'invalid'}${schema}\n${formatIssues(r.issues)}`);
  }
  if (results.length > 1) io.out(`${results.length} documents: ${valid} valid, ${results.length - valid} not\n`);
  return exit;
}

function validateOne(registry: SchemaRegistry, file: string, bytes: Uint8Array, forced: string | undefined): ValidateFileResult {
  const parsed = parseJson(bytes);
  if (!parsed.ok) return { file, ok: false, issues: [issueOf(parsed)] };
  let schema = forced;
  if (schema === undefined) {
    const detected = registry.detect(parsed.value);
    if (!detected.ok) return { file, ok: false, issues: [issueOf(detected)] };
    schema = detected.schema.id;
  }
  const id = registry.find(schema)?.id ?? schema;
  const result = registry.validate(id, parsed.value);
  return result.ok ? { file, schema: id, ok: true, issues: [] } : { file, schema: id, ok: false, issues: result.issues };
}

/** A file's bytes (a regular file, to the reader's cap), or the reason, with its code, for the caller to report. */
function readOrThrow(path: string): Uint8Array {
  const r = readFileCapped(path);
  if (!r.ok) throw new WritError({ code: r.code, message: r.message });
  return r.bytes;
}
