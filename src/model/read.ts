/**
 * The model layer's intake (SPEC.md 3 and 5): every input a verification uses is read once,
 * into a frozen snapshot of plain JSON, and validated once against its schema and document
 * rules. What the verifiers check is that snapshot, and a snapshot's validation, recognition,
 * hash and compact-signature verdict are each computed once and kept (a frozen copy cannot
 * change), so no document is validated or recognised twice in one verification.
 */
import { parseJson, type JsonValue, type ParseJsonOptions } from '../encoding/json.js';
import { snapshotJson } from '../encoding/snapshot.js';
import { fail, type Issue, type Verdict } from '../issues.js';

/** JSON read from text or bytes into a frozen snapshot, or the first reason it was refused. */
export type ReadJsonResult = { readonly ok: true; readonly value: JsonValue } | { readonly ok: false; readonly issue: Issue };

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
  const parsed = parseJson(input, options);
  if (!parsed.ok) return parsed;
  const snap = snapshotJson(parsed.value);
  // What the strict reader returns is plain JSON within the same depth limit: a snapshot of it
  // cannot fail, but if it did, the refusal is reported, never dropped.
  return snap.ok ? { ok: true, value: snap.value } : { ok: false, issue: { code: snap.error.code, path: snap.error.path, message: snap.error.reason } };
}

/** A verifier's inputs read once, or the refusal of the first that is not plain JSON. */
export type InputsRead = { readonly ok: true; readonly values: readonly unknown[] } | { readonly ok: false; readonly verdict: Verdict };

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
    if (!snap.ok) return { ok: false, verdict: fail(snap.error.code, `${at}${snap.error.path}`, `${at === '' ? 'the document' : at.slice(1)} is not plain JSON at ${at}${snap.error.path || ''}: ${snap.error.reason}`) };
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
