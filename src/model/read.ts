/**
 * The model layer's intake (SPEC.md 3 and 5): every input a verification uses is read once,
 * into a frozen snapshot of plain JSON, and validated once against its schema and document
 * rules. What the verifiers check is that snapshot, and a snapshot's validation, recognition,
 * hash and compact-signature verdict are each computed once and kept (a frozen copy cannot
 * change), so no document is validated or recognised twice in one verification.
 */
import type { JsonValue, ParseJsonOptions } from '../encoding/json.js';
import { types } from 'node:util';
import { notPlainMessage, readSnapshot, snapshotJson } from '../encoding/snapshot.js';
import type { DocumentTypes } from '../generated/types.js';
import { fail, type Refusal, type Result, type Verdict } from '../issues.js';
import type { SchemaRegistry } from '../schema/registry.js';

/** JSON read from text or bytes into a frozen snapshot, or the first reason it was refused. */
export type ReadJsonResult = Result<JsonValue>;

/**
 * Read JSON text strictly (SPEC.md 3) into a frozen snapshot.
 *
 * @param input - JSON text, or its UTF-8 bytes.
 * @param options - size and depth limits, as {@link parseJson}'s.
 * @returns the frozen value, or the issue {@link parseJson} gives.
 * @example
 * ```ts
 * const r = readJson('{"a":[1]}');
 * // r.ok === true, Object.isFrozen(r.value) === true
 * ```
 */
export function readJson(input: string | Uint8Array, options: ParseJsonOptions = {}): ReadJsonResult {
  return readSnapshot(input, options);
}

/** A verifier's inputs read once, or the refusal of the first that is not plain JSON. */
export type InputsRead = { readonly ok: true; readonly values: readonly unknown[] } | Refusal;

/**
 * Read a public verifier's inputs once, each into a frozen snapshot, before anything reads a
 * member of any of them: a getter is never called, a Proxy never asked. An absent input
 * (`undefined`) stays absent.
 *
 * @param inputs - each input with the JSON Pointer its problems are reported under (`''` for
 *   the subject, `/intent` for the intent it is checked against, ...).
 * @returns the snapshots in the same order, or `ERR_JSON_NOT_PLAIN` / `ERR_JSON_TOO_DEEP` at
 *   the input's path and the pointer inside it.
 */
export function readInputs(...inputs: readonly (readonly [path: string, value: unknown])[]): InputsRead {
  const values: unknown[] = [];
  for (const [at, value] of inputs) {
    if (value === undefined) {
      values.push(undefined);
      continue;
    }
    const snap = snapshotJson(value);
    if (!snap.ok) return fail(snap.code, `${at}${snap.path}`, notPlainMessage(snap, at, at === '' ? 'the document' : at.slice(1)));
    values.push(snap.value);
  }
  return { ok: true, values };
}

/**
 * A verdict with the copy that was verified: a passing verdict carries it as `value` (as jose's
 * verify returns the payload it checked), so that the caller goes on with what was checked, not
 * with its own object, which it may change after.
 *
 * @param verdict - the verifier's verdict.
 * @param value - the snapshot it was reached on.
 * @returns the verdict, with `value` when it passes.
 */
export function verified(verdict: Verdict, value: unknown): Verdict {
  return verdict.ok && value !== undefined ? { ...verdict, value: value as JsonValue } : verdict;
}

/** A verifier's options read once, or why they cannot be. */
export type OptionsRead<T> = Result<T>;

/**
 * Read a verifier's options once, into a frozen copy of their own data members, before any
 * check reads them: a getter is never run and a Proxy never asked (a `now` that answers one
 * time for the check of its shape and another for the comparison would otherwise pass an
 * expired artifact). The DID documents and revocations are copied out of their Maps, each DID
 * document into a snapshot; the trust anchors into a snapshot.
 *
 * @param options - the options as the caller gave them.
 * @returns the frozen copy, or `ERR_USAGE_INVALID_ARGUMENT` naming the member at fault.
 * @example
 * ```ts
 * const o = readOptions({ now: 1776272775 });
 * o.ok && Object.isFrozen(o.value); // true
 * ```
 */
export function readOptions<T>(options: T): OptionsRead<T> {
  const usage = (message: string): OptionsRead<T> => (fail('ERR_USAGE_INVALID_ARGUMENT', '', `verify: ${message}`));
  // A Proxy first: even Array.isArray asks a Proxy (and throws on a revoked one).
  if (types.isProxy(options)) return usage('the options must be a plain object, not a Proxy');
  if (options === null || typeof options !== 'object' || Array.isArray(options)) return usage('the options must be an object with now (Unix seconds)');
  // A copy made here is read already: the verifiers hand it to each other as it is.
  if (READ_HERE.has(options)) return { ok: true, value: options };
  const out: Record<string, unknown> = {};
  for (const key of Reflect.ownKeys(options)) {
    if (typeof key === 'symbol') continue;
    const d = Object.getOwnPropertyDescriptor(options, key) as PropertyDescriptor;
    if (!Object.hasOwn(d, 'value')) return usage(`options.${key} is an accessor; it was not called (give its value)`);
    out[key] = d.value;
  }
  for (const key of ['documents', 'revocations'] as const) {
    const map = out[key];
    if (map === undefined || READ_HERE.has(map as object)) continue;
    // A Proxy first: instanceof would ask it for its prototype.
    if (types.isProxy(map) || !(map instanceof Map)) return usage(`options.${key} must be a Map`);
    // The Map's own entries, through Map.prototype: a subclass cannot answer differently.
    const copied = new Map<unknown, unknown>();
    for (const [k, v] of Map.prototype.entries.call(map) as IterableIterator<[unknown, unknown]>) {
      if (key === 'documents') {
        const snap = snapshotJson(v);
        if (!snap.ok) return usage(notPlainMessage(snap, '', `the DID document for ${String(k)}`));
        copied.set(k, snap.value);
      } else copied.set(k, v);
    }
    READ_HERE.add(copied);
    out[key] = copied;
  }
  for (const key of ['trustAnchors', 'sealers', 'pinnedDocuments'] as const) {
    if (out[key] === undefined) continue;
    const snap = snapshotJson(out[key]);
    if (!snap.ok) return usage(`options.${key} must be an array of strings`);
    out[key] = snap.value;
  }
  READ_HERE.add(Object.freeze(out));
  return { ok: true, value: out as T };
}

/** Option copies and Maps {@link readOptions} made: never handed to a caller, never changed. */
const READ_HERE = new WeakSet<object>();

/**
 * How every public verifier starts: its options read once ({@link readOptions}), then its inputs
 * ({@link readInputs}), named from the copy of the options, then the verification of the
 * snapshots. Nothing the caller holds is read after this.
 *
 * @param options - the verifier's options as the caller gave them.
 * @param inputs - the inputs to read, with the paths their problems are reported under, from the
 *   copy of the options.
 * @param verify - the verification, given the snapshots and the copy of the options.
 * @returns its verdict, or the refusal of options or inputs that are not plain data.
 * @example
 * ```ts
 * return readCall(options, (o) => [['', receipt], ['/intent', o.intent]], ([r, i], o) => verified(verifyReceiptModel(r, i, o), r));
 * ```
 */
export function readCall<O>(options: O, inputs: (options: O) => readonly (readonly [path: string, value: unknown])[], verify: (values: readonly unknown[], options: O) => Verdict): Verdict {
  const opts = readOptions(options);
  if (!opts.ok) return opts;
  const read = readInputs(...inputs(opts.value));
  if (!read.ok) return read;
  return verify(read.values, opts.value);
}

/** A document read and validated, typed as its schema proves, or the verdict that refuses it. */
export type DocumentRead<T> = { readonly ok: true; readonly doc: T } | Refusal;

/**
 * Read a document of a known type: snapshot, schema and document rules (SPEC.md 3, 5), once.
 *
 * @param registry - the schema line.
 * @param ref - the document's schema id.
 * @param doc - any value.
 * @param at - its path inside what is verified, for the verdict.
 * @param rules - apply the type's document rules too (SPEC.md 5.3); `false` where a verifier
 *   decides the same facts itself, with its own codes.
 * @returns the typed, frozen document, or the first problem as a failing verdict.
 * @example
 * ```ts
 * const r = readDocument(registry, 'receipt/tool-call', input);
 * if (r.ok) console.log(r.doc.kernel_key); // r.doc is a ToolCallReceipt
 * ```
 */
export function readDocument<K extends keyof DocumentTypes>(registry: SchemaRegistry, ref: K, doc: unknown, at = '', rules = true): DocumentRead<DocumentTypes[K]> {
  const r = registry.validateDocument(ref, doc, { allErrors: false, rules });
  if (r.ok) return { ok: true, doc: r.value };
  const issue = r.issues[0];
  if (issue === undefined) return fail('ERR_SCHEMA_VIOLATION', at, `${ref.replace(/[/.-]/g, ' ')}: the document is not valid`);
  return fail(issue.code, `${at}${issue.path}`, `${ref.replace(/[/.-]/g, ' ')}: ${issue.message}`, issue.keyword === undefined ? undefined : { keyword: issue.keyword });
}
