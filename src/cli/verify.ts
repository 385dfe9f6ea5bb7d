/**
 * `writ verify <file|folder>... [--type <t>] [--now <time>] [--did <file>]... [--pin <hash>]... [--sealer <did>]... [--trust <file>] [--trust-anchor <hex>]... [--json]`:
 * the reference verifier on the command line (SPEC.md 12). A folder holding a bundle manifest
 * is replayed as a transaction (when it holds an intent trace) or verified as an evidence
 * bundle; files are verified each with the others as evidence.
 */
import { resolve } from 'node:path';
import type { TrustPolicy, VerificationReport } from '../generated/types.js';
import { isRecord, parseJson } from '../encoding/json.js';
import { issueOf, type Issue, type Verdict } from '../issues.js';
import type { SchemaRegistry } from '../schema/registry.js';
import { BUNDLE_MANIFEST_PATH, verifyBundle } from '../verify/bundle.js';
import { parseTime, registryOf, type VerifyContext } from '../verify/context.js';
import { verifyDocument } from '../verify/document.js';
import { verifyProofSet } from '../crypto/envelopes.js';
import { readBundleFolder } from '../io/bundle-folder.js';
import { replayTransaction } from '../verify/replay.js';
import { parseCommand } from './args.js';
import { type CliIo, type ExitCode, UsageError, printJson } from './io.js';
import { formatIssues } from './report.js';
import { pathKind, readFileCapped } from '../io/files.js';

export const VERIFY_HELP = `Usage: writ verify <file|folder>... [options]

Verify signed artifacts offline, with a stable code for every failure.

A folder holding ${BUNDLE_MANIFEST_PATH} is evidence: it is replayed as a transaction,
hop by hop (identity, manifest, capability chain, intent, mandates, settlement,
receipts), when it holds an intent trace, and otherwise verified as an evidence
bundle. Files are verified each with the others as evidence: a capability with the
capabilities it descends from, a receipt with its intent, a payment mandate with
the intent and cart mandates it names. What each file is, is read from its members.

Options:
  --type <t>            what the inputs are: transaction, bundle, data-integrity (any
                        document secured by eddsa-jcs-2022 proofs, a proof set
                        included; what no schema of the line recognises but such
                        proofs secure is verified so), or a document schema id
                        (see \`writ schemas list\`)
  --now <time>          the time of verification, RFC 3339 or Unix seconds. Default:
                        the clock; for a transaction, the time its trace was recorded
  --did <file>          a DID document you vouch for (did:web documents are never
                        fetched); may be repeated
  --pin <sha256:hash>   the hash of a DID document you vouch for: a bundle's own DID
                        documents count only when pinned; may be repeated
  --sealer <did>        a DID that may seal bundles; with one, a bundle must be sealed
                        by a sealer named. Without, a seal is reported, not trusted
  --trust <file>        a trust policy (bundle/trust-policy): sealers, pinned DID
                        document hashes and trust anchors, added to the options'
  --trust-anchor <hex>  a key root capabilities must be issued by; may be repeated
  --json                print a machine-readable report
  -h, --help            show this help

Exit status: 0 everything verified, 1 something did not, 2 usage error.
`;

/** One file's verdict, as printed with --json. */
export interface VerifyFileResult {
  readonly file: string;
  readonly type?: string;
  readonly ok: boolean;
  readonly code?: string;
  readonly path?: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
  /** What was not checked, because the evidence for it was not given. */
  readonly warnings?: readonly Issue[];
}

/**
 * Run `writ verify`.
 *
 * @param args - arguments after `verify`.
 * @param io - streams, working folder and clock.
 * @returns the exit status.
 */
export function runVerify(args: readonly string[], io: CliIo): ExitCode {
  const { values, positionals } = parseCommand('verify', args, {
    type: { type: 'string' },
    now: { type: 'string' },
    did: { type: 'string', multiple: true },
    pin: { type: 'string', multiple: true },
    sealer: { type: 'string', multiple: true },
    trust: { type: 'string' },
    'trust-anchor': { type: 'string', multiple: true },
  });
  if (values.help) {
    io.out(VERIFY_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('ERR_USAGE_MISSING_ARGUMENT', 'writ verify: name at least one file or folder');
  const registry = registryOf({});
  const type = values.type;
  if (type !== undefined && type !== 'transaction' && type !== 'bundle' && type !== DATA_INTEGRITY && registry.find(type)?.kind !== 'document') {
    throw new UsageError('ERR_USAGE_INVALID_ARGUMENT', `writ verify: --type must be transaction, bundle, data-integrity or a document schema id, not ${JSON.stringify(type)}`);
  }
  const now = values.now === undefined ? undefined : readTime(values.now);
  const policy = values.trust === undefined ? undefined : readPolicy(values.trust, io, registry);
  const anchors = [...(policy?.trust_anchors ?? []), ...trustAnchors((values['trust-anchor'] as unknown as string[] | undefined) ?? [])];
  const pins = [...(policy?.pinned_documents ?? []), ...listed('--pin', (values.pin as unknown as string[] | undefined) ?? [], /^sha256:[0-9a-f]{64}$/, 'a document hash, sha256: and 64 lowercase hex digits')];
  const sealers = [...(policy?.sealers ?? []), ...listed('--sealer', (values.sealer as unknown as string[] | undefined) ?? [], /^did:[a-z0-9]+:[A-Za-z0-9._:%-]+$/, 'a DID, such as did:key:z6Mk... or did:web:example.com')];
  const base: Omit<VerifyContext, 'now'> = {
    registry,
    documents: readDidDocuments((values.did as unknown as string[] | undefined) ?? [], io, registry),
    ...(anchors.length === 0 ? {} : { trustAnchors: anchors }),
    ...(pins.length === 0 ? {} : { pinnedDocuments: pins }),
    ...(policy?.sealers === undefined && values.sealer === undefined ? {} : { sealers }),
  };
  const folders: string[] = [];
  const files: string[] = [];
  for (const p of positionals) {
    const kind = pathKind(resolve(io.cwd, p));
    if (kind === 'missing') throw new UsageError('ERR_IO_NOT_FOUND', `writ verify: ${p} does not exist`);
    (kind === 'folder' ? folders : files).push(p);
  }
  if ((type === 'transaction' || type === 'bundle') && files.length > 0) {
    throw new UsageError('ERR_USAGE_INVALID_ARGUMENT', `writ verify: --type ${type} takes bundle folders, and ${files[0]} is a file`);
  }
  const clock = io.clock ?? (() => Math.floor(Date.now() / 1000));
  let ok = true;
  const reports: { input: string; kind: 'transaction' | 'bundle'; report: VerificationReport }[] = [];
  for (const folder of folders) {
    const read = readBundleFolder(resolve(io.cwd, folder));
    const traced = holdsTrace(read.files, registry);
    const kind = type === 'bundle' || type === 'transaction' ? type : traced !== undefined ? 'transaction' : 'bundle';
    const at = now ?? (kind === 'transaction' ? (traced ?? clock()) : clock());
    const report = kind === 'transaction' ? replayTransaction(read.files, { ...base, now: at, readIssues: read.issues }) : verifyBundle(read.files, { ...base, now: at, readIssues: read.issues });
    ok &&= report.ok;
    reports.push({ input: folder, kind, report });
  }
  const results = verifyFiles(files, type, { ...base, now: now ?? clock() }, io);
  ok &&= results.every((r) => r.ok);
  if (values.json) {
    printJson(io, {
      ok,
      ...(reports.length > 0 ? { bundles: reports.map((r) => ({ input: r.input, kind: r.kind, ...r.report })) } : {}),
      ...(results.length > 0 ? { verified_at: new Date((now ?? clock()) * 1000).toISOString().replace('.000Z', 'Z'), files: results } : {}),
    });
    return ok ? 0 : 1;
  }
  for (const r of reports) io.out(formatReport(r.input, r.kind, r.report));
  for (const r of results) {
    const warned = (r.warnings ?? []).length === 0 ? '' : `  ${(r.warnings ?? []).length} warning(s):\n${formatIssues(r.warnings ?? [], '    ')}`;
    io.out(r.ok ? `${r.file}: verified (${r.type ?? 'unknown type'})\n  ${r.message}\n${warned}` : `${r.file}: FAILED${r.type === undefined ? '' : ` (${r.type})`}\n${formatIssues([{ code: r.code as Issue['code'], path: r.path ?? '', message: r.message }])}`);
  }
  return ok ? 0 : 1;
}

/**
 * A `--now` value: RFC 3339 or Unix seconds.
 *
 * @param text - the option's value.
 * @param command - the command, for the message.
 * @returns Unix seconds.
 * @throws {@link UsageError} `ERR_USAGE_INVALID_ARGUMENT` for a time writ cannot read.
 */
export function readTime(text: string, command = 'verify'): number {
  try {
    return parseTime(text);
  } catch (e) {
    throw new UsageError('ERR_USAGE_INVALID_ARGUMENT', `writ ${command}: --now: ${(e as Error).message}`);
  }
}

/** A trust policy file (bundle/trust-policy), read and validated; a bad one is a usage error. */
function readPolicy(path: string, io: CliIo, registry: SchemaRegistry): TrustPolicy {
  const read = readFileCapped(resolve(io.cwd, path));
  if (!read.ok) throw new UsageError(read.code === 'ERR_IO_NOT_FOUND' ? 'ERR_IO_NOT_FOUND' : 'ERR_IO_READ', `writ verify: --trust ${read.message}`);
  const parsed = parseJson(read.bytes);
  const valid = parsed.ok ? registry.validateDocument('bundle/trust-policy', parsed.value) : parsed;
  if (!valid.ok) throw new UsageError('ERR_USAGE_INVALID_ARGUMENT', `writ verify: --trust ${path} is not a trust policy: ${valid.code} at ${valid.path || '(root)'}: ${valid.message}`);
  return valid.value;
}

function listed(option: string, values: readonly string[], form: RegExp, what: string): string[] {
  for (const v of values) if (!form.test(v)) throw new UsageError('ERR_USAGE_INVALID_ARGUMENT', `writ verify: ${option} ${JSON.stringify(v)} is not ${what}`);
  return [...values];
}

function trustAnchors(keys: readonly string[]): string[] {
  for (const k of keys) if (!/^[0-9a-f]{64}$/.test(k)) throw new UsageError('ERR_USAGE_INVALID_ARGUMENT', `writ verify: --trust-anchor ${JSON.stringify(k)} is not an Ed25519 key in 64 lowercase hex digits`);
  return [...keys];
}

/**
 * `--did` files: DID documents the caller vouches for, each read and validated.
 *
 * @param paths - the files.
 * @param io - the working folder.
 * @param registry - the schemas.
 * @param command - the command, for messages.
 * @returns DID -> document.
 * @throws {@link UsageError} for a file that cannot be read or is not a DID document.
 */
export function readDidDocuments(paths: readonly string[], io: CliIo, registry: SchemaRegistry, command = 'verify'): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const p of paths) {
    const read = readFileCapped(resolve(io.cwd, p));
    if (!read.ok) throw new UsageError(read.code === 'ERR_IO_NOT_FOUND' ? 'ERR_IO_NOT_FOUND' : 'ERR_IO_READ', `writ ${command}: --did ${read.message}`);
    const parsed = parseJson(read.bytes);
    const valid = parsed.ok ? registry.validate('identity/did-document', parsed.value) : undefined;
    if (!parsed.ok || valid?.ok !== true) {
      const issue = parsed.ok ? (valid?.ok === false ? valid : undefined) : parsed;
      throw new UsageError('ERR_USAGE_INVALID_ARGUMENT', `writ ${command}: --did ${p} is not a DID document: ${issue?.code ?? ''} at ${issue?.path || '(root)'}: ${issue?.message ?? ''}`);
    }
    out.set((parsed.value as { id: string }).id, parsed.value);
  }
  return out;
}

/** The recorded time of the bundle's intent trace, if it holds one. */
function holdsTrace(files: ReadonlyMap<string, Uint8Array>, registry: SchemaRegistry): number | undefined {
  for (const [path, bytes] of files) {
    if (path === BUNDLE_MANIFEST_PATH || !path.endsWith('.json')) continue;
    const parsed = parseJson(bytes);
    if (!parsed.ok) continue;
    const detected = registry.detect(parsed.value);
    if (detected.ok && detected.schema.id === 'receipt/intent-trace') {
      const recorded = isRecord(parsed.value) ? parsed.value['recorded_at'] : undefined;
      if (typeof recorded !== 'string') return undefined;
      try {
        return parseTime(recorded);
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The type a document secured by eddsa-jcs-2022 proofs alone is verified as: any such document, a proof set included. */
const DATA_INTEGRITY = 'data-integrity';

/**
 * Whether a document is no document of the line but carries eddsa-jcs-2022 proofs (a W3C
 * credential of another vocabulary, a did:webvh log entry): it is then verified by its proofs.
 */
function plainDataIntegrity(doc: unknown, ctx: VerifyContext): boolean {
  if (!isRecord(doc) || registryOf(ctx).detect(doc).ok) return false;
  const proofs = Array.isArray(doc['proof']) ? doc['proof'] : [doc['proof']];
  return proofs.length > 0 && proofs.every((p) => isRecord(p) && p['type'] === 'DataIntegrityProof' && p['cryptosuite'] === 'eddsa-jcs-2022');
}

/** A proof-set verdict with the type it was verified as. */
const asDataIntegrity = (v: Verdict): Verdict => ({ ...v, details: { type: DATA_INTEGRITY, ...v.details } });

function verifyFiles(files: readonly string[], type: string | undefined, ctx: VerifyContext, io: CliIo): VerifyFileResult[] {
  const read = files.map((file) => {
    const bytes = readFileCapped(resolve(io.cwd, file));
    if (!bytes.ok) return { file, issue: issueOf({ ...bytes, path: '' }) };
    // Signed content is read as it was signed: a number in another form than RFC 8785's is refused.
    const parsed = parseJson(bytes.bytes, { canonicalNumbers: true });
    return parsed.ok ? { file, doc: parsed.value as unknown } : { file, issue: issueOf(parsed) };
  });
  const docs = read.filter((r) => 'doc' in r).map((r) => (r as { doc: unknown }).doc);
  return read.map((r): VerifyFileResult => {
    if ('issue' in r && r.issue !== undefined) return { file: r.file, ok: false, code: r.issue.code, path: r.issue.path, message: r.issue.message };
    const doc = (r as { doc: unknown }).doc;
    const v = type === DATA_INTEGRITY || (type === undefined && plainDataIntegrity(doc, ctx)) ? asDataIntegrity(verifyProofSet(doc, { documents: ctx.documents ?? new Map(), now: ctx.now })) : verifyDocument(doc, { ...ctx, evidence: docs.filter((d) => d !== doc), type });
    const found = v.details?.['type'];
    const { type: _t, ...details } = v.details ?? {};
    const rest = Object.keys(details).length > 0 ? { details } : {};
    return v.ok
      ? { file: r.file, ...(typeof found === 'string' ? { type: found } : {}), ok: true, message: v.message, ...rest, ...((v.warnings ?? []).length === 0 ? {} : { warnings: v.warnings }) }
      : { file: r.file, ...(typeof found === 'string' ? { type: found } : {}), ok: false, code: v.code, path: v.path, message: v.message, ...rest };
  });
}

function formatReport(input: string, kind: 'transaction' | 'bundle', report: VerificationReport): string {
  // A report that passes is "verified" only under a seal the trust policy names; otherwise it is
  // what it is, internally consistent, and says who sealed it (SPEC.md 12.8, trust).
  const seal = report.seal;
  const verdict = !report.ok
    ? 'FAILED'
    : seal === undefined || seal.status === 'trusted'
      ? `verified${seal?.sealer === undefined ? '' : `, sealed by ${seal.sealer}`}`
      : seal.status === 'unsealed'
        ? 'internally consistent, NOT sealed: nobody vouches for it'
        : `internally consistent, sealed by ${seal.sealer ?? 'an unknown key'}, which no --sealer names`;
  const lines = [`${input}: ${kind} ${report.subject ?? ''} at ${report.verified_at ?? ''}: ${verdict}\n`];
  for (const hop of report.hops ?? []) {
    lines.push(hop.ok ? `  ok      ${hop.hop.padEnd(16)} ${(hop.artifacts ?? []).length} artifact(s)\n` : `  FAILED  ${hop.hop.padEnd(16)} ${hop.code} at ${hop.path || '(root)'}\n          ${hop.message}\n`);
  }
  const hopped = new Set((report.hops ?? []).filter((h) => !h.ok).map((h) => `${h.code} ${h.path}`));
  const rest = report.errors.filter((e) => !hopped.has(`${e.code} ${e.path}`));
  if (rest.length > 0) lines.push(`  ${report.hops === undefined ? '' : 'also '}${rest.length} problem(s):\n`, formatIssues(rest as Issue[], '    '));
  if ((report.warnings ?? []).length > 0) lines.push(`  ${(report.warnings ?? []).length} warning(s):\n`, formatIssues((report.warnings ?? []) as Issue[], '    '));
  return lines.join('');
}
