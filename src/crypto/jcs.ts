/**
 * Canonical JSON, RFC 8785 (SPEC.md 6.3), through `canonicalize`, which passes the
 * RFC's test data. It is given plain parsed JSON only: the library silently drops `undefined`
 * members, honours `toJSON` and would serialise a Date or a Map in ways no other implementation
 * shares, so anything else is refused before it gets there.
 */
import canonicalizeModule from 'canonicalize';
import { pointerAppend } from '../encoding/pointer.js';
import { MAX_VALUE_DEPTH, snapshotJson, type NotPlainJson } from '../encoding/snapshot.js';

type Serialize = (input: unknown) => string | undefined;
// The package is CommonJS (`module.exports = serialize`) with ESM-style typings: at run time the
// default import is the function itself.
const canonicalize: Serialize = ((canonicalizeModule as unknown as { default?: Serialize }).default ?? canonicalizeModule) as Serialize;

/** Why a value cannot be canonicalised: it is not plain JSON (SPEC.md 3, "In memory"). */
export type CanonicalError = NotPlainJson;

export { MAX_VALUE_DEPTH };

/**
 * The first value inside `value` that is not plain JSON, if any (see {@link snapshotJson}):
 * an accessor (never called), a Proxy, a symbol-named or hidden member, a non-finite number,
 * `undefined`, a function, a BigInt, an object that is not a plain object or array, or nesting
 * deeper than {@link MAX_VALUE_DEPTH} or a cycle. Which numbers signed content may hold is
 * decided when it is read, not here.
 *
 * @param value - any value.
 * @returns the problem, or `undefined` for plain JSON.
 * @example
 * ```ts
 * notPlainJson({ a: 1n }); // { ok: false, code: 'ERR_JSON_NOT_PLAIN', path: '/a', message: 'a bigint' }
 * ```
 */
export function notPlainJson(value: unknown): CanonicalError | undefined {
  const s = snapshotJson(value);
  return s.ok ? undefined : s;
}

/**
 * RFC 8785 canonical form of a plain JSON value.
 *
 * @param value - plain parsed JSON.
 * @returns the canonical text, or the first value that is not plain JSON.
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [1e21, 'é'] }); // { ok: true, text: '{"a":[1e+21,"é"],"b":1}' }
 * ```
 */
export function canonicalJson(value: unknown): { ok: true; text: string } | CanonicalError {
  // The canonical form is taken of the snapshot: nothing the caller holds is read twice.
  const s = snapshotJson(value);
  if (!s.ok) return s;
  // canonicalize honours a toJSON anywhere on the prototype chain. A snapshot's objects have no
  // prototype, but its arrays inherit Array.prototype and Object.prototype: if either carries a
  // toJSON (prototype pollution), the bytes would be the polluter's, so nothing is canonicalised.
  if (Object.hasOwn(Array.prototype, 'toJSON') || Object.hasOwn(Object.prototype, 'toJSON')) {
    return { ok: false, code: 'ERR_JSON_NOT_PLAIN', path: '', message: "the runtime's Object.prototype or Array.prototype has a toJSON member (prototype pollution): no canonical form can be trusted" };
  }
  const text = canonicalize(s.value);
  if (text === undefined) return { ok: false, code: 'ERR_JSON_NOT_PLAIN', path: '', message: 'a value canonicalize cannot serialise' };
  return { ok: true, text };
}

/**
 * Canonical UTF-8 bytes of a value known to be plain JSON (a document writ built itself).
 *
 * @param value - plain JSON.
 * @returns the canonical bytes.
 * @throws TypeError when `value` is not plain JSON (a programming error, not bad input).
 */
export function canonicalBytes(value: unknown): Uint8Array {
  const r = canonicalUtf8(value);
  if (!r.ok) throw new TypeError(`not plain JSON at ${r.path || '(root)'}: ${r.message}`);
  return r.bytes;
}

/**
 * Canonical UTF-8 bytes of any value, or why it has none: what a verifier uses, since it must
 * refuse with a code where a signer may throw.
 *
 * @param value - any value.
 * @returns the bytes, or the first value that is not plain JSON.
 * @example
 * ```ts
 * canonicalUtf8({ b: 1, a: 2 }); // { ok: true, bytes: <UTF-8 of {"a":2,"b":1}> }
 * ```
 */
export function canonicalUtf8(value: unknown): { ok: true; bytes: Uint8Array } | CanonicalError {
  const r = canonicalJson(value);
  return r.ok ? { ok: true, bytes: new TextEncoder().encode(r.text) } : r;
}

/** A number signed content may not hold, and where. */
export interface SignedContentIssue {
  readonly code: 'ERR_JSON_NEGATIVE_ZERO' | 'ERR_JSON_UNSAFE_INTEGER';
  readonly path: string;
  readonly message: string;
}

/**
 * The first number in a value that signed content may not hold (SPEC.md 3): -0, which
 * canonicalises to 0, and an integer beyond ±(2^53 − 1), which readers round differently.
 *
 * @param value - a parsed JSON value.
 * @param path - pointer of `value` (for recursion).
 * @returns the problem, or `undefined`.
 */
export function signedContentIssue(value: unknown, path = ''): SignedContentIssue | undefined {
  if (typeof value === 'number') {
    if (Object.is(value, -0)) return { code: 'ERR_JSON_NEGATIVE_ZERO', path, message: 'signed content holds -0; write 0' };
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
      return { code: 'ERR_JSON_UNSAFE_INTEGER', path, message: `signed content holds ${value}, an integer beyond ±(2^53 − 1); write it as a string` };
    }
    return undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const issue = signedContentIssue(value[i], `${path}/${i}`);
      if (issue !== undefined) return issue;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const issue = signedContentIssue(v, pointerAppend(path, k));
      if (issue !== undefined) return issue;
    }
  }
  return undefined;
}
