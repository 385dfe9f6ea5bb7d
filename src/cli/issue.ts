/**
 * The issuing side on the command line: `writ sign`, `writ delegate` and `writ seal`. Each reads
 * its signing key from a key file (`--key`, owner-only, as `writ keygen` writes it) or from an
 * environment variable holding the JWK (`--key-env`), never from the command line itself; each
 * verifies what it made, as a counterparty would, before writing it; nothing is written when that
 * fails (exit 1, with the verifier's code).
 */
import { join, resolve } from 'node:path';
import type { CapabilityToken } from '../generated/types.js';
import { toHex } from '../encoding/bytes.js';
import { parseJson } from '../encoding/json.js';
import { readBundleFolder } from '../io/bundle-folder.js';
import { pathKind, readFileCapped, writeFileWhole } from '../io/files.js';
import type { Issue, Refusal } from '../issues.js';
import { sealBundle } from '../issue/bundle.js';
import { delegateCapability } from '../issue/capability.js';
import { readKeyFile, readKeyFromEnv } from '../issue/key-file.js';
import { importPublicKey, isSigningKey, type SigningKey } from '../issue/keys.js';
import { signDocument } from '../issue/sign.js';
import { BUNDLE_MANIFEST_PATH } from '../verify/bundle.js';
import { registryOf } from '../verify/context.js';
import { parseCommand } from './args.js';
import { type CliIo, type ExitCode, UsageError, printJson } from './io.js';
import { formatIssues } from './report.js';
import { readDidDocuments, readTime } from './verify.js';

const KEY_OPTIONS = `  --key <file>          the signing key: a JWK key file, owner-only (writ keygen)
  --key-env <name>      or an environment variable holding the JWK`;
const CHECK_OPTIONS = `  --now <time>          the time of the check, RFC 3339 or Unix seconds. Default:
                        the time the artifact says it was made, else the clock
  --did <file>          a DID document the check may use (a did:web signer's);
                        may be repeated`;

export const SIGN_HELP = `Usage: writ sign <file|-> (--key <file> | --key-env <name>) [options]

Sign a document with the envelope its type takes (SPEC.md 6.4), and print it.
A capability token, revocation record or tool-call receipt gets the compact
envelope: its signer member (issuer, revoked_by, kernel_key) is set to the key,
or must already be it. A credential, agent card, mandate, intent trace or
bundle manifest gets an eddsa-jcs-2022 proof for assertionMethod by the key's
did:key method, or by --method. A governed intent gets its intent_hash. An old
signature or proof is replaced. The result is verified, with the --evidence
given, before it is printed: what the verifier would refuse is not signed.

Options:
${KEY_OPTIONS}
  --type <id>           the document's schema id, when its members do not say it
  --evidence <file>     a document the check may use (the parent chain of a
                        capability, the intent of a receipt, the mandates of a
                        payment); may be repeated
  --method <did-url>    the proof's verification method (default: did:key)
  --created <time>      the proof's created time, RFC 3339 (default: --now or now)
  --expires <time>      the proof's expiry, RFC 3339
${CHECK_OPTIONS}
  --out <file>          write the signed document there instead of printing it
  --json                print { ok, document, warnings } (or the error) as JSON
  -h, --help            show this help

Exit status: 0 signed, 1 the verifier refused it (nothing written), 2 usage error.
`;

export const DELEGATE_HELP = `Usage: writ delegate <parent> --subject <key> (--key <file> | --key-env <name>) [options]

Delegate a child of the capability in <parent>, signed by the parent's holder
(the key), one level deeper, naming its parent, carrying the parent's
delegation links and one more for this hop. The child is checked against its
parent (attenuation, SPEC.md 12.2) before it is printed: a child that widens
its parent is refused with the code the verifier gives it.

Options:
  --subject <key>       who holds the child: hex, Multikey, did:key, or a key file
${KEY_OPTIONS}
  --scope <file>        the child's scope (JSON); default: the parent's
  --ttl <seconds>       the child's lifetime; default: until the parent expires
  --expires <time>      the child's end, Unix seconds or RFC 3339
  --id <id>             the child's id (default: cap-<uuid>)
  --ancestors <file>    the parent's own ancestors, up to the root; may be repeated
  --no-link             carry no delegation link (as chio's tokens do)
${CHECK_OPTIONS}
  --out <file>          write the child there instead of printing it
  --json                print { ok, document, warnings } (or the error) as JSON
  -h, --help            show this help

Exit status: 0 delegated, 1 the verifier refused the child, 2 usage error.
`;

export const SEAL_HELP = `Usage: writ seal <folder> (--key <file> | --key-env <name>) [options]

Seal an evidence bundle: write <folder>/${BUNDLE_MANIFEST_PATH} listing every other
file with the SHA-256 of its bytes, proved (eddsa-jcs-2022) by the key. The
bundle is verified first as \`writ verify --sealer <this key's DID>\` would, and
the manifest is written only if it verifies (an old manifest is replaced).

Options:
${KEY_OPTIONS}
  --transaction <kind>  purchase, procurement or delegated-fix: the artifacts the
                        bundle must hold (SPEC.md 12.8)
  --bundle-id <id>      the bundle's id
  --method <did-url>    the proof's verification method (default: did:key)
  --expires <time>      the seal's expiry, RFC 3339
${CHECK_OPTIONS}
  --json                print { ok, manifest, report } (or the error) as JSON
  -h, --help            show this help

Exit status: 0 sealed, 1 the bundle would not verify (nothing written), 2 usage error.
`;

const KEY_ARGS = { key: { type: 'string' }, 'key-env': { type: 'string' } } as const;
const CHECK_ARGS = { now: { type: 'string' }, did: { type: 'string', multiple: true } } as const;

/** The signing key of `--key` or `--key-env`, exactly one of them. */
function signingKey(command: string, values: { key?: string | undefined; 'key-env'?: string | undefined }, io: CliIo): SigningKey {
  if ((values.key === undefined) === (values['key-env'] === undefined)) {
    throw new UsageError('ERR_USAGE_MISSING_ARGUMENT', `writ ${command}: give the signing key as --key <file> or --key-env <name>, one of them (never on the command line itself)`);
  }
  if (values.key !== undefined) {
    const read = readKeyFile(resolve(io.cwd, values.key));
    if (!read.ok) throw new UsageError(read.code === 'ERR_IO_NOT_FOUND' ? 'ERR_IO_NOT_FOUND' : 'ERR_USAGE_INVALID_ARGUMENT', `writ ${command}: --key ${read.message}`);
    if (!isSigningKey(read.key)) throw new UsageError('ERR_USAGE_INVALID_ARGUMENT', `writ ${command}: --key ${values.key} holds a public key; signing needs the key file writ keygen wrote, with its secret`);
    return read.key;
  }
  const read = readKeyFromEnv(values['key-env'] as string, io.env ?? process.env);
  if (!read.ok) throw new UsageError(read.code === 'ERR_IO_NOT_FOUND' ? 'ERR_IO_NOT_FOUND' : 'ERR_USAGE_INVALID_ARGUMENT', `writ ${command}: --key-env ${read.message}`);
  return read.key;
}

/** A JSON file (or standard input), read as writ reads every document; a bad one is a usage error. */
async function readDocumentFile(command: string, option: string, file: string, io: CliIo, stdin?: () => Promise<Uint8Array>): Promise<unknown> {
  let bytes: Uint8Array;
  if (file === '-' && stdin !== undefined) bytes = await stdin();
  else {
    const read = readFileCapped(resolve(io.cwd, file));
    if (!read.ok) throw new UsageError(read.code === 'ERR_IO_NOT_FOUND' ? 'ERR_IO_NOT_FOUND' : 'ERR_USAGE_INVALID_ARGUMENT', `writ ${command}: ${option}${read.message}`);
    bytes = read.bytes;
  }
  const parsed = parseJson(bytes);
  if (!parsed.ok) throw new UsageError('ERR_USAGE_INVALID_ARGUMENT', `writ ${command}: ${option}${file} is not JSON writ reads: ${parsed.code} at ${parsed.path || '(root)'}: ${parsed.message}`);
  return parsed.value;
}

const many = (v: unknown): string[] => (v as string[] | undefined) ?? [];

/** The context every issuing command checks under: the time and the DID documents given. */
function checkContext(command: string, values: { now?: string | undefined; did?: unknown }, io: CliIo) {
  const registry = registryOf({});
  return {
    registry,
    ...(values.now === undefined ? {} : { now: readTime(values.now, command) }),
    documents: readDidDocuments(many(values.did), io, registry, command),
  };
}

/** Print (or write) what was made, or the refusal; the exit status. */
function answer(io: CliIo, json: boolean, out: string | undefined, made: { ok: true; value: unknown; warnings: readonly Issue[] } | Refusal): ExitCode {
  if (!made.ok) {
    const error = { code: made.code, path: made.path, message: made.message };
    if (json) printJson(io, { ok: false, error });
    else io.err(`refused: nothing was written\n${formatIssues([error])}`);
    return 1;
  }
  const text = `${JSON.stringify(made.value, null, 2)}\n`;
  if (out !== undefined) {
    const wrote = writeFileWhole(resolve(io.cwd, out), text);
    if (wrote !== undefined) throw new UsageError('ERR_USAGE_INVALID_ARGUMENT', wrote.message);
  }
  const warnings = made.warnings.map(({ code, path, message }) => ({ code, path, message }));
  if (json) printJson(io, { ok: true, ...(out === undefined ? { document: made.value } : { written: out }), warnings });
  else {
    if (out === undefined) io.out(text);
    else io.err(`wrote ${out}\n`);
    if (warnings.length > 0) io.err(`not checked, for want of evidence:\n${formatIssues(warnings)}`);
  }
  return 0;
}

/**
 * Run `writ sign`.
 *
 * @param args - arguments after `sign`.
 * @param io - streams, working folder, environment.
 * @param stdin - reads standard input, for `-`.
 * @returns the exit status.
 */
export async function runSign(args: readonly string[], io: CliIo, stdin: () => Promise<Uint8Array>): Promise<ExitCode> {
  const { values, positionals } = parseCommand('sign', args, {
    ...KEY_ARGS,
    ...CHECK_ARGS,
    type: { type: 'string' },
    evidence: { type: 'string', multiple: true },
    method: { type: 'string' },
    created: { type: 'string' },
    expires: { type: 'string' },
    out: { type: 'string' },
  });
  if (values.help) {
    io.out(SIGN_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'ERR_USAGE_MISSING_ARGUMENT' : 'ERR_USAGE_INVALID_ARGUMENT', 'writ sign: name one document, or - for standard input');
  const key = signingKey('sign', values, io);
  const ctx = checkContext('sign', values, io);
  const doc = await readDocumentFile('sign', '', positionals[0] as string, io, stdin);
  const evidence: unknown[] = [];
  for (const f of many(values.evidence)) evidence.push(await readDocumentFile('sign', '--evidence ', f, io));
  const made = signDocument(doc, key, {
    ...ctx,
    evidence,
    ...(values.type === undefined ? {} : { type: values.type }),
    ...(values.method === undefined ? {} : { verificationMethod: values.method }),
    ...(values.created === undefined ? {} : { created: values.created }),
    ...(values.expires === undefined ? {} : { expires: values.expires }),
  });
  return answer(io, values.json, values.out, made);
}

/** A `--subject`: a key in any public form, or a key file. */
function subjectOf(text: string, io: CliIo): string {
  const direct = importPublicKey(text);
  if (direct.ok) return toHex(direct.key.publicKey);
  if (pathKind(resolve(io.cwd, text)) === 'file') {
    const read = readKeyFile(resolve(io.cwd, text));
    if (read.ok) return toHex(read.key.publicKey);
    throw new UsageError('ERR_USAGE_INVALID_ARGUMENT', `writ delegate: --subject ${read.message}`);
  }
  throw new UsageError('ERR_USAGE_INVALID_ARGUMENT', `writ delegate: --subject ${JSON.stringify(text)} is neither a public key (hex, Multikey, did:key) nor a key file`);
}

/**
 * Run `writ delegate`.
 *
 * @param args - arguments after `delegate`.
 * @param io - streams, working folder, environment.
 * @returns the exit status.
 */
export async function runDelegate(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommand('delegate', args, {
    ...KEY_ARGS,
    ...CHECK_ARGS,
    subject: { type: 'string' },
    scope: { type: 'string' },
    ttl: { type: 'string' },
    expires: { type: 'string' },
    id: { type: 'string' },
    ancestors: { type: 'string', multiple: true },
    'no-link': { type: 'boolean', default: false },
    out: { type: 'string' },
  });
  if (values.help) {
    io.out(DELEGATE_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'ERR_USAGE_MISSING_ARGUMENT' : 'ERR_USAGE_INVALID_ARGUMENT', 'writ delegate: name one parent capability file');
  if (values.subject === undefined) throw new UsageError('ERR_USAGE_MISSING_ARGUMENT', 'writ delegate: --subject <key> is required: who holds the child');
  if (values.ttl !== undefined && values.expires !== undefined) throw new UsageError('ERR_USAGE_INVALID_ARGUMENT', 'writ delegate: give --ttl or --expires, not both');
  const ttl = values.ttl === undefined ? undefined : Number(values.ttl);
  if (ttl !== undefined && (!/^[1-9][0-9]*$/.test(values.ttl as string) || !Number.isSafeInteger(ttl))) throw new UsageError('ERR_USAGE_INVALID_ARGUMENT', `writ delegate: --ttl ${JSON.stringify(values.ttl)} is not a whole number of seconds above 0`);
  const subject = subjectOf(values.subject, io);
  const key = signingKey('delegate', values, io);
  const ctx = checkContext('delegate', values, io);
  const parent = (await readDocumentFile('delegate', '', positionals[0] as string, io)) as CapabilityToken;
  const scope = values.scope === undefined ? undefined : await readDocumentFile('delegate', '--scope ', values.scope, io);
  const ancestors: CapabilityToken[] = [];
  for (const f of many(values.ancestors)) ancestors.push((await readDocumentFile('delegate', '--ancestors ', f, io)) as CapabilityToken);
  const made = delegateCapability(
    parent,
    {
      subject,
      ...(scope === undefined ? {} : { scope: scope as CapabilityToken['scope'] }),
      ...(ttl === undefined ? {} : { ttl_secs: ttl }),
      ...(values.expires === undefined ? {} : { expires_at: readTime(values.expires, 'delegate') }),
      ...(values.id === undefined ? {} : { id: values.id }),
      ...(values['no-link'] ? { link: false } : {}),
    },
    key,
    { ...ctx, ancestors },
  );
  return answer(io, values.json, values.out, made);
}

/**
 * Run `writ seal`.
 *
 * @param args - arguments after `seal`.
 * @param io - streams, working folder, environment.
 * @returns the exit status.
 */
export function runSeal(args: readonly string[], io: CliIo): ExitCode {
  const { values, positionals } = parseCommand('seal', args, {
    ...KEY_ARGS,
    ...CHECK_ARGS,
    transaction: { type: 'string' },
    'bundle-id': { type: 'string' },
    method: { type: 'string' },
    expires: { type: 'string' },
  });
  if (values.help) {
    io.out(SEAL_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'ERR_USAGE_MISSING_ARGUMENT' : 'ERR_USAGE_INVALID_ARGUMENT', 'writ seal: name one bundle folder');
  const dir = resolve(io.cwd, positionals[0] as string);
  if (pathKind(dir) !== 'folder') throw new UsageError(pathKind(dir) === 'missing' ? 'ERR_IO_NOT_FOUND' : 'ERR_USAGE_INVALID_ARGUMENT', `writ seal: ${positionals[0]} is not a folder`);
  const transaction = values.transaction;
  if (transaction !== undefined && !['purchase', 'procurement', 'delegated-fix'].includes(transaction)) {
    throw new UsageError('ERR_USAGE_INVALID_ARGUMENT', `writ seal: --transaction must be purchase, procurement or delegated-fix, not ${JSON.stringify(transaction)}`);
  }
  const key = signingKey('seal', values, io);
  const ctx = checkContext('seal', values, io);
  const folder = readBundleFolder(dir);
  if (folder.issues.length > 0) {
    const error = folder.issues[0] as Issue;
    if (values.json) printJson(io, { ok: false, error });
    else io.err(`refused: nothing was written\n${formatIssues(folder.issues)}`);
    return 1;
  }
  const sealed = sealBundle(
    folder.files,
    {
      ...(values['bundle-id'] === undefined ? {} : { bundle_id: values['bundle-id'] }),
      ...(transaction === undefined ? {} : { transaction: transaction as 'purchase' | 'procurement' | 'delegated-fix' }),
    },
    key,
    { ...ctx, ...(values.method === undefined ? {} : { verificationMethod: values.method }), ...(values.expires === undefined ? {} : { expires: values.expires }) },
  );
  if (!sealed.ok) {
    const report = (sealed.details as { report?: { errors?: Issue[] } } | undefined)?.report;
    if (values.json) printJson(io, { ok: false, error: { code: sealed.code, path: sealed.path, message: sealed.message }, ...(report === undefined ? {} : { report }) });
    else io.err(`refused: nothing was written; the bundle would not verify\n${formatIssues(report?.errors ?? [sealed])}`);
    return 1;
  }
  const wrote = writeFileWhole(join(dir, BUNDLE_MANIFEST_PATH), sealed.bytes);
  if (wrote !== undefined) throw new UsageError('ERR_USAGE_INVALID_ARGUMENT', wrote.message);
  const warnings = sealed.warnings.map(({ code, path, message }) => ({ code, path, message }));
  if (values.json) printJson(io, { ok: true, written: join(positionals[0] as string, BUNDLE_MANIFEST_PATH), manifest: sealed.manifest, report: sealed.report });
  else {
    io.out(`sealed ${join(positionals[0] as string, BUNDLE_MANIFEST_PATH)}: ${Object.keys(sealed.manifest.artifacts).length} artifact(s), by ${sealed.report.seal?.sealer ?? 'the key'}\n`);
    if (warnings.length > 0) io.err(`not checked, for want of evidence:\n${formatIssues(warnings)}`);
  }
  return 0;
}
