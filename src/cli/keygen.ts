/**
 * `writ keygen --out <file> [--json]`: make an Ed25519 key pair, write it to a new owner-only key
 * file, and print its public forms. The secret goes to the file and nowhere else.
 */
import { resolve } from 'node:path';
import { writeKeyFile } from '../issue/key-file.js';
import { exportJwk, exportPublicKey, generateKeyPair } from '../issue/keys.js';
import { parseCommand } from './args.js';
import { type CliIo, type ExitCode, UsageError, printJson } from './io.js';

export const KEYGEN_HELP = `Usage: writ keygen --out <file> [--json]

Make an Ed25519 key pair and write it to <file> as a JWK (RFC 8037, with its
secret d), readable by its owner only (mode 600). The file must not exist: writ
never replaces a key file. Prints the public key in each form writ's documents
use: did:key, Multikey, hex (the compact envelope's signer members) and JWK.
The secret is never printed.

Options:
  --out <file>  the key file to create (required)
  --json        print the public forms as JSON
  -h, --help    show this help

Exit status: 0 the key was written, 2 usage error (no --out, or a file that
cannot be written).
`;

/**
 * Run `writ keygen`.
 *
 * @param args - arguments after `keygen`.
 * @param io - streams and working folder.
 * @returns the exit status.
 */
export function runKeygen(args: readonly string[], io: CliIo): ExitCode {
  const { values, positionals } = parseCommand('keygen', args, { out: { type: 'string' } });
  if (values.help) {
    io.out(KEYGEN_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError('ERR_USAGE_INVALID_ARGUMENT', `writ keygen: takes no positional arguments (got ${JSON.stringify(positionals[0])}); the key file is --out <file>`);
  if (values.out === undefined || values.out === '') throw new UsageError('ERR_USAGE_MISSING_ARGUMENT', 'writ keygen: --out <file> is required: the secret is written there, owner-only, and never printed');
  const path = resolve(io.cwd, values.out);
  const key = generateKeyPair();
  const refused = writeKeyFile(path, key);
  if (refused !== undefined) throw new UsageError(refused.code, `writ keygen: ${refused.message}`);
  const forms = { did_key: exportPublicKey(key, 'did-key'), multikey: exportPublicKey(key, 'multikey'), hex: exportPublicKey(key, 'hex'), jwk: exportJwk(key) };
  if (values.json) {
    printJson(io, { ok: true, key_file: values.out, ...forms });
    return 0;
  }
  io.out(`wrote ${values.out} (Ed25519 key pair, owner-only)\n`);
  io.out(`did:key   ${forms.did_key}\nmultikey  ${forms.multikey}\nhex       ${forms.hex}\njwk       ${JSON.stringify(forms.jwk)}\n`);
  return 0;
}
