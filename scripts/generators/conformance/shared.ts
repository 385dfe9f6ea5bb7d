/**
 * What every module of the conformance generator shares: the vectors made so far and
 * {@link vector}, which adds one (SPEC.md 13.1: `{ id, profile, description, spec, input,
 * context, expect }`); the expectations and contexts a vector states; the readers of the example
 * fixtures (SPEC.md 9) and of the standards' test data; and the small encoders the inputs are
 * written with (base64url files, bundles and their manifests).
 *
 * Every expectation is stated by the modules that use these helpers, from what the case is (a
 * tampered signature is ERR_SIG_INVALID), from a fixture's recorded sidecar, or from a standard's
 * published output; none is computed by the verifier under test.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROFILES } from '../../../src/conformance/case.js';
import { toBase64Url } from '../../../src/encoding/bytes.js';
import type { CaseOutcome, ConformanceContext, ConformanceProfile } from '../../../src/generated/types.js';
import { listFiles } from '../../../src/io/files.js';
import type { ErrorCode } from '../../../src/issues.js';
import { ROOT } from '../../lib/emit.js';

/**
 * A JSON document as the vectors handle it: a fixture, a copy of one, or a document made for a
 * case. Deliberately loose: most vectors are attacks, and an attack changes, deletes or retypes
 * whatever member it needs to, which the schemas' types would forbid.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Doc = Record<string, any>;

/**
 * Documents by path: a bundle's, a transaction folder's. As loose as {@link Doc}: the paths
 * read are the fixtures' own, and a missing one fails the run where it is read.
 */
export type Docs = Doc;

/** A change made to a copy of a document (see {@link mut}). */
export type Change = (doc: Doc) => unknown;

/** A vector's expectation (SPEC.md 13.1). */
export type Expect = CaseOutcome;

/** A vector's context: the fixed time and trust it needs (SPEC.md 13.1). */
export type Context = ConformanceContext;

/** The schema line the vectors are written for (`v1.0.0`). */
export const LINE: string = (JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { line: string }).line;
/** The standards' test data (RFC 8785, RFC 8032, W3C vc-di-eddsa), copied (test/vectors/PROVENANCE.md). */
export const VECTORS = join(ROOT, 'test', 'vectors');
/** The example fixtures of the line. */
export const EXAMPLES = join(ROOT, 'examples', LINE);

// ---------------------------------------------------------------------------------------------
// Output

/** Every vector made, by its repo-relative path, as the text written. */
export const out = new Map<string, string>();

/** A value as a generated file holds it: two-space JSON and a final line feed. */
export const text = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** A deep copy, through JSON. */
export const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A deep copy changed by `change`. */
export const mut = <T extends object>(value: T, change: Change): T => {
  const copy = clone(value);
  change(copy as Doc);
  return copy;
};

/**
 * Add one vector.
 *
 * @param id - `<profile>/<name>[/<name>...]`; its first segment is the profile.
 * @param spec - the SPEC.md section.
 * @param description - what it checks; for an attack, the attack.
 * @param input - the profile's input (SPEC.md 13.2).
 * @param context - the fixed time and trust.
 * @param expect - the answer.
 */
export function vector(id: string, spec: string, description: string, input: Readonly<Record<string, unknown>>, context: Context, expect: Expect): void {
  const path = `conformance/${LINE}/${id}.json`;
  if (out.has(path)) throw new Error(`two vectors named ${id}`);
  const profile = id.split('/')[0] as ConformanceProfile;
  if (!PROFILES.includes(profile)) throw new Error(`vector ${id}: ${profile} is not a profile of the suite`);
  out.set(path, text({ id, profile, description, spec, input, context, expect }));
}

// ---------------------------------------------------------------------------------------------
// Expectations and contexts

/** The case is accepted; for jcs, hash and replay, with its output or its hops. */
export const accept = (extra: Omit<Expect, 'verdict'> = {}): Expect => ({ verdict: 'accept', ...extra });

/** The case is refused with one code. */
export const reject = (code: ErrorCode): Expect => ({ verdict: 'reject', code });

/** The case is refused with every one of these codes (a bundle's, a release's), sorted. */
export const rejectAll = (...codes: ErrorCode[]): Expect => ({ verdict: 'reject', codes: [...codes].sort() as [ErrorCode, ...ErrorCode[]] });

/** A context: the time of verification and what else the case needs. */
export const at = (now: number, extra: Omit<Context, 'now'> = {}): Context => ({ now, ...extra });

// ---------------------------------------------------------------------------------------------
// Fixtures and test data

/** A JSON file, read. */
export const readJson = (path: string): Doc => JSON.parse(readFileSync(path, 'utf8')) as Doc;

/**
 * An example fixture: `fixture('capability/token', 'root-commander.incident-network')` is
 * examples/<line>/capability/token/valid/token.root-commander.incident-network.json.
 */
export const fixture = (id: string, name: string, kind = 'valid'): Doc => {
  const [family, doc] = id.split('/') as [string, string];
  return readJson(join(EXAMPLES, family, doc, kind, `${doc}.${name}.json`));
};

/** The documents of a transaction folder of examples/ (transactions/<name>), by path, without its manifest. */
export const transactionDocs = (name: string): Docs => {
  const dir = join(EXAMPLES, 'transactions', name);
  return Object.fromEntries(listFiles(dir).filter((f) => f !== 'bundle-manifest.json').map((f) => [f, readJson(join(dir, f))]));
};

// ---------------------------------------------------------------------------------------------
// Encodings

export const b64 = (bytes: Uint8Array): string => toBase64Url(bytes);
export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
/** An amount of chio money in US cents. */
export const usd = (units: number): { units: number; currency: string } => ({ units, currency: 'USD' });
/** `sha256:<hex>` of some bytes. */
export const sha256 = (bytes: Uint8Array | string): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/** A document's JSON text with a member holding -0, which JSON.stringify cannot write (these cases give the text, SPEC.md 13.2). */
export const negativeZeroText = (doc: Doc): string => JSON.stringify({ ...doc, zero: 0.5 }).replace('"zero":0.5', '"zero":-0');

/** A file as a vector gives it: its bytes, base64url. */
export interface FileBytes {
  base64: string;
}
/** A symbolic link as a vector gives it: where it points. */
export interface Symlink {
  symlink: string;
}
/** Files made by {@link files} and {@link bundle}, by path. */
export type Files = Record<string, FileBytes>;
/** The files of a bundle or a release copy as a vector gives them, by path: bytes or symbolic links. */
export type FileTree = Readonly<Record<string, FileBytes | Symlink>>;

/** A file as a vector gives it: a UTF-8 JSON text (or the text given), base64url. */
export const file = (doc: unknown): FileBytes => ({ base64: b64(utf8(typeof doc === 'string' ? doc : text(doc))) });

/** Files as a vector gives them, by path (see {@link file}). */
export const files = (docs: Readonly<Record<string, unknown>>): Files => Object.fromEntries(Object.entries(docs).map(([path, doc]) => [path, file(doc)]));

/** A file's JSON content. */
export const unpack = (file: FileBytes | undefined): Doc => {
  if (file === undefined) throw new Error('no such file');
  return JSON.parse(Buffer.from(file.base64, 'base64url').toString('utf8')) as Doc;
};

/** The JSON documents of some files, without the bundle manifest. */
export const unpackAll = (f: Files): Docs =>
  Object.fromEntries(Object.entries(f).filter(([p]) => p !== 'bundle-manifest.json').map(([p, file]) => [p, unpack(file)]));

/** A bundle: the documents and a manifest of their hashes, changed by `manifestChange`. */
export const bundle = (docs: Readonly<Record<string, unknown>>, manifestChange: Change = () => {}): Files => {
  const f = files(docs);
  const artifacts = Object.fromEntries(Object.entries(f).map(([path, { base64 }]) => [path, sha256(Buffer.from(base64, 'base64url'))]));
  return { ...f, 'bundle-manifest.json': { base64: b64(utf8(text(mut({ bundle_id: 'conformance-bundle', artifacts }, manifestChange)))) } };
};
