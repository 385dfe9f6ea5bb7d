/**
 * `writ examples [dir] [--json]`: check example fixtures against the fixture convention
 * (SPEC.md, "Fixtures"): valid fixtures validate, each invalid one fails for exactly the reason
 * its sidecar records.
 */
import { join, resolve } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import { checkFixtures } from '../schema/fixtures.js';
import { SchemaRegistry } from '../schema/registry.js';
import { parseCommand } from './args.js';
import { type CliIo, type ExitCode, UsageError, printJson } from './io.js';
import { formatIssues } from './report.js';
import { pathKind } from '../io/files.js';

export const EXAMPLES_HELP = `Usage: writ examples [dir] [--json]

Check a folder of example fixtures laid out as examples/<line>/<family>/<group>/
{valid,invalid}/<document>.<case>.json: every valid fixture must validate and be
recognised as its schema; every invalid fixture must fail for exactly the one
reason its <document>.<case>.expect.json records. Without dir, checks the
examples shipped with writ.

Options:
  --json      print a machine-readable report
  -h, --help  show this help

Exit status: 0 every fixture behaves as recorded, 1 one or more do not,
2 usage error.
`;

/**
 * Run `writ examples`.
 *
 * @param args - arguments after `examples`.
 * @param io - streams and working folder.
 * @returns the exit status.
 */
export function runExamples(args: readonly string[], io: CliIo): ExitCode {
  const { values, positionals } = parseCommand('examples', args, {});
  if (values.help) {
    io.out(EXAMPLES_HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError('ERR_USAGE_INVALID_ARGUMENT', 'writ examples: give at most one folder');
  const registry = SchemaRegistry.open();
  const dir = positionals[0] === undefined ? join(PACKAGE_ROOT, 'examples', registry.index.line) : resolve(io.cwd, positionals[0]);
  if (pathKind(dir) !== 'folder') throw new UsageError('ERR_IO_NOT_FOUND', `writ examples: ${positionals[0] ?? dir} is not a folder`);
  const report = checkFixtures(dir, registry);
  const failed = report.results.filter((r) => !r.ok);
  if (values.json) {
    printJson(io, { ok: report.ok, dir, counts: { fixtures: report.results.length, failed: failed.length }, results: report.results });
    return report.ok ? 0 : 1;
  }
  for (const r of failed) io.out(`${r.file}${r.schema ? ` (${r.schema}, ${r.kind})` : ''}\n${formatIssues(r.issues)}`);
  const valid = report.results.filter((r) => r.kind === 'valid').length;
  io.out(`${dir}: ${report.results.length} fixtures (${valid} valid, ${report.results.length - valid} invalid): ${failed.length === 0 ? 'all behave as recorded' : `${failed.length} do not`}\n`);
  return report.ok ? 0 : 1;
}
