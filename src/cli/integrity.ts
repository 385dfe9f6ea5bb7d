/**
 * `writ integrity [dir] [--ledger <file>] [--json]`: check a copy of the release boundary
 * (SPEC.md, "Checking a copy").
 */
import { resolve } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import { checkIntegrity } from '../release/integrity.js';
import { parseCommand } from './args.js';
import { type CliIo, type ExitCode, UsageError, printJson } from './io.js';
import { formatIssues } from './report.js';
import { pathKind } from '../io/files.js';

export const INTEGRITY_HELP = `Usage: writ integrity [dir] [--ledger <file>] [--json]

Check that a copy of the writ release boundary is intact: every file its
manifest.json declares is present, nothing else is, and each file's SHA-256
matches checksums.txt. Works on the installed package, a vendored folder or an
unpacked tarball. Without dir, checks the writ package that is running.

Options:
  --ledger <file>  check against this checksums.txt instead of the copy's own
                   (a copy's own ledger only shows it agrees with itself)
  --json           print a machine-readable report
  -h, --help       show this help

Exit status: 0 intact, 1 a file is missing, extra or altered (each is named),
2 usage error.
`;

/**
 * Run `writ integrity`.
 *
 * @param args - arguments after `integrity`.
 * @param io - streams and working folder.
 * @returns the exit status.
 */
export function runIntegrity(args: readonly string[], io: CliIo): ExitCode {
  const { values, positionals } = parseCommand('integrity', args, { ledger: { type: 'string' } });
  if (values.help) {
    io.out(INTEGRITY_HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError('ERR_USAGE_INVALID_ARGUMENT', 'writ integrity: give at most one folder');
  const dir = positionals[0] === undefined ? PACKAGE_ROOT : resolve(io.cwd, positionals[0]);
  if (!isDirectory(dir)) throw new UsageError('ERR_IO_NOT_FOUND', `writ integrity: ${positionals[0] ?? dir} is not a folder`);
  const ledger = values.ledger === undefined ? undefined : resolve(io.cwd, values.ledger);
  // Named on the command line, the ledger must be a regular file (it is read as one, never
  // waited on); a FIFO or a device is a usage error, as it is for every file a command names.
  const ledgerKind = ledger === undefined ? 'file' : pathKind(ledger);
  if (ledgerKind === 'missing') throw new UsageError('ERR_IO_NOT_FOUND', `writ integrity: --ledger ${values.ledger ?? ''} does not exist`);
  if (ledgerKind !== 'file') throw new UsageError('ERR_IO_READ', `writ integrity: --ledger ${values.ledger ?? ''} is not a regular file; writ reads regular files only`);
  const report = checkIntegrity(dir, ledger === undefined ? {} : { ledger });
  if (values.json) {
    printJson(io, { ok: report.ok, dir, ...(report.manifest ? { line: report.manifest.line, version: report.manifest.version } : {}), verified: report.verified, issues: report.issues });
    return report.ok ? 0 : 1;
  }
  const what = report.manifest ? ` (${report.manifest.name} ${report.manifest.version}, line ${report.manifest.line})` : '';
  io.out(`${dir}${what}\n`);
  if (report.ok) {
    io.out(`intact: ${report.verified} files match ${ledger ?? 'checksums.txt'}\n`);
    return 0;
  }
  io.out(formatIssues(report.issues));
  io.out(`NOT intact: ${report.issues.length} problem(s); ${report.verified} file(s) verified\n`);
  return 1;
}

function isDirectory(p: string): boolean {
  return pathKind(p) === 'folder';
}
