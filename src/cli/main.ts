/**
 * The `writ` command line: dispatch to a command, turn usage errors into exit status 2 with a
 * code, and never let an exception escape as a stack trace.
 */
import { readManifest } from '../io/manifest.js';
import { PACKAGE_ROOT } from '../paths.js';
import { WritError } from '../issues.js';
import { EXAMPLES_HELP, runExamples } from './examples.js';
import { INTEGRITY_HELP, runIntegrity } from './integrity.js';
import { KEYGEN_HELP, runKeygen } from './keygen.js';
import { DELEGATE_HELP, SEAL_HELP, SIGN_HELP, runDelegate, runSeal, runSign } from './issue.js';
import { CANONICALIZE_HELP, HASH_HELP, runCanonicalize, runHash } from './canonical.js';
import { type CliIo, type ExitCode, UsageError, printJson } from './io.js';
import { SCHEMAS_HELP, runSchemas } from './schemas.js';
import { VALIDATE_HELP, runValidate } from './validate.js';
import { VERIFY_HELP, runVerify } from './verify.js';
import { ADAPTER_HELP, CONFORMANCE_HELP, runAdapterCommand, runConformanceCommand } from './conformance.js';

const HELP = `Usage: writ <command> [options]

Commands:
  validate <file|folder|->...  validate documents against the schemas of the current line
  conformance                  run the conformance suite (--impl "<command>" for any implementation)
  adapter                      serve writ's implementation over the adapter protocol
  verify <file|folder>...      verify signatures, chains, budgets, mandates; replay a transaction
  integrity [dir]              check that a copy of the release boundary is intact
  examples [dir]               check example fixtures against the fixture convention
  keygen --out <file>          make an Ed25519 key pair in a new owner-only key file
  sign <file|-> --key <file>   sign a document with its envelope, verified before it is printed
  delegate <parent> --key <file> --subject <key>
                               delegate a narrower child of a capability
  seal <folder> --key <file>   write and prove a bundle's manifest, verified first
  canonicalize <file|->        print a JSON document's RFC 8785 canonical form
  hash <file|->...             print the sha256: hash of each document's canonical form
  schemas list                 list the document schemas and their ids
  schemas bundle <id>          one self-contained schema file for a document type
  help [command]               show help for a command

Options:
  --json        machine-readable output (every command)
  -h, --help    show help
  -v, --version show the package version and schema line

Exit status: 0 all is well, 1 something was rejected, 2 usage error.
`;

// A Map, not an object: a name given on the command line (`constructor`, `__proto__`) must never
// find what an object inherits.
const COMMANDS: ReadonlyMap<string, string> = new Map([
  ['validate', VALIDATE_HELP],
  ['verify', VERIFY_HELP],
  ['conformance', CONFORMANCE_HELP],
  ['adapter', ADAPTER_HELP],
  ['integrity', INTEGRITY_HELP],
  ['examples', EXAMPLES_HELP],
  ['keygen', KEYGEN_HELP],
  ['sign', SIGN_HELP],
  ['delegate', DELEGATE_HELP],
  ['seal', SEAL_HELP],
  ['canonicalize', CANONICALIZE_HELP],
  ['hash', HASH_HELP],
  ['schemas', SCHEMAS_HELP],
]);

/**
 * Run the command line.
 *
 * @param argv - arguments after the program name.
 * @param io - streams and working folder.
 * @param stdin - reads standard input (for `writ validate -`).
 * @returns the exit status: 0 all is well, 1 something was rejected, 2 usage error.
 */
export async function main(argv: readonly string[], io: CliIo, stdin: () => Promise<Uint8Array> = async () => new Uint8Array()): Promise<ExitCode> {
  const [command, ...args] = argv;
  const json = args.includes('--json');
  try {
    switch (command) {
      case 'validate':
        return await runValidate(args, io, stdin);
      case 'verify':
        return runVerify(args, io);
      case 'conformance':
        return await runConformanceCommand(args, io);
      case 'adapter':
        return await runAdapterCommand(args, io);
      case 'integrity':
        return runIntegrity(args, io);
      case 'examples':
        return runExamples(args, io);
      case 'keygen':
        return runKeygen(args, io);
      case 'sign':
        return await runSign(args, io, stdin);
      case 'delegate':
        return await runDelegate(args, io);
      case 'seal':
        return runSeal(args, io);
      case 'canonicalize':
        return await runCanonicalize(args, io, stdin);
      case 'hash':
        return await runHash(args, io, stdin);
      case 'schemas':
        return runSchemas(args, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h': {
        const topic = command === 'help' ? args[0] : undefined;
        const help = topic === undefined ? HELP : COMMANDS.get(topic);
        if (help === undefined) throw new UsageError('ERR_USAGE_UNKNOWN_COMMAND', `writ help: no command ${JSON.stringify(topic)}; the commands are ${[...COMMANDS.keys()].join(', ')}`);
        io.out(help);
        return command === undefined ? 2 : 0;
      }
      case '--version':
      case '-v': {
        const m = readManifest(PACKAGE_ROOT);
        io.out(m.ok ? `${m.manifest.name} ${m.manifest.version} (schema line ${m.manifest.line})\n` : `unknown version: ${m.message}\n`);
        return m.ok ? 0 : 1;
      }
      default:
        throw new UsageError('ERR_USAGE_UNKNOWN_COMMAND', `writ: no command ${JSON.stringify(command)}; run \`writ help\` for the list`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      if (json) printJson(io, { ok: false, error: { code: e.code, message: e.message } });
      else io.err(`${e.message}\n${e.code}: run \`writ help${command !== undefined && COMMANDS.has(command) ? ` ${command}` : ''}\` for usage\n`);
      return 2;
    }
    if (e instanceof WritError) {
      // The package itself is damaged (its index or manifest cannot be read).
      if (json) printJson(io, { ok: false, error: { code: e.code, message: e.message } });
      else io.err(`writ: ${e.message}\n${e.code}: check the installation with \`writ integrity\`\n`);
      return 1;
    }
    throw e;
  }
}
