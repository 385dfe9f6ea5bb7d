/**
 * Read a value handed over in memory once, into a frozen copy of plain JSON (SPEC.md 3, "In
 * memory"). A verifier that read the caller's object several times could be told one thing by
 * its first read and another by its last: a getter that answers `"charged"` six times and
 * `"settled"` after, a Proxy, an object the caller changes between two calls. So every public
 * verifier reads its input through {@link snapshotJson} first and verifies the copy, and the
 * copy is what its verdict returns.
 *
 * Only what `JSON.parse` can produce is copied: `null`, booleans, finite numbers, strings,
 * arrays without holes or extra members, and objects whose prototype is `Object.prototype` or
 * `null` with own, enumerable data members named by strings. Anything else is refused with a
 * code and never called: accessors (getters are not run), Proxies, symbol-named or hidden
 * members, class instances (Date, Map, typed arrays), functions, `undefined`, BigInt, and
 * nesting deeper than {@link MAX_VALUE_DEPTH} or a cycle. A subtree shared by several parents
 * is read once.
 */
import { types } from 'node:util';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, parseJsonFrozen, type JsonValue, type MadeContainers, type ParseJsonOptions, type ParseJsonResult } from './json.js';
import { pointerAppend } from './pointer.js';
import type { Refusal, Result } from '../issues.js';

/** The deepest nesting of arrays and objects a value handed over in memory may have: the reader's default (SPEC.md 3). */
export const MAX_VALUE_DEPTH = DEFAULT_MAX_DEPTH;

/**
 * Why a value is not plain JSON: a {@link Refusal} with `ERR_JSON_NOT_PLAIN`; `ERR_JSON_TOO_DEEP`
 * past {@link MAX_VALUE_DEPTH} or for a cycle; `ERR_JSON_TOO_LARGE` when the value, written out
 * as JSON, would pass the reader's size limit; `ERR_JSON_LONE_SURROGATE` for a string or member
 * name JSON text cannot carry. `path` is the JSON Pointer of the first value at fault; `message`
 * says what it is.
 */
export type NotPlainJson = Refusal<'ERR_JSON_NOT_PLAIN' | 'ERR_JSON_TOO_DEEP' | 'ERR_JSON_TOO_LARGE' | 'ERR_JSON_LONE_SURROGATE'>;


/**
 * The words for a value that is not plain JSON, wherever it is reported.
 *
 * @param error - why it is not.
 * @param at - the pointer of the value inside what is verified (`/intent`), if any.
 * @param what - what the value is, for the sentence.
 * @returns e.g. `the document is not plain JSON at /status: an accessor ...`.
 * @example
 * ```ts
 * const s = snapshotJson(input);
 * if (!s.ok) console.log(notPlainMessage(s));
 * ```
 */
export function notPlainMessage(error: NotPlainJson, at = '', what = 'the document'): string {
  return `${what} is not plain JSON at ${at}${error.path || (at === '' ? 'its root' : '')}: ${error.message}`;
}

/** A snapshot taken, or why it could not be. */
export type SnapshotResult = Result<JsonValue, NotPlainJson>;

/**
 * Every object and array this module made, with its nesting (1 for a container of scalars) and
 * the length it has written out as JSON (a lower bound, escapes not counted). A subtree shared
 * by several parents is read once, but counts as often as it appears: without the two numbers a
 * value nested past the limit, or one whose written form is exponentially large, could be built
 * from snapshots that each pass.
 */
const SNAPSHOTS = new WeakMap<object, { readonly height: number; readonly size: number }>();

/** The largest value, as written out in JSON, that a snapshot may stand for: the reader's limit. */
const MAX_SIZE = DEFAULT_MAX_BYTES;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

class Refused {
  constructor(readonly refusal: NotPlainJson) {}
}

const refuse = (code: NotPlainJson['code'], path: string, message: string): never => {
  throw new Refused({ ok: false, code, path, message });
};

/**
 * Copy a value into frozen plain JSON, or say why it is not plain JSON. A value that is already
 * a snapshot is returned as it is, at no cost. Objects of the copy have no prototype, so nothing
 * added to `Object.prototype` can be read through them.
 *
 * @param value - any value.
 * @returns `{ ok: true, value }` with the frozen copy, or a {@link NotPlainJson} refusal with
 *   `ERR_JSON_NOT_PLAIN`, `ERR_JSON_TOO_DEEP`, `ERR_JSON_TOO_LARGE` or `ERR_JSON_LONE_SURROGATE`
 *   and the JSON Pointer of the value at fault.
 * @example
 * ```ts
 * snapshotJson({ a: [1, 'x'] });                         // { ok: true, value: { a: [1, 'x'] } }, frozen
 * snapshotJson({ get status() { return 'charged'; } });  // ERR_JSON_NOT_PLAIN at /status; the getter is not run
 * ```
 */
export function snapshotJson(value: unknown): SnapshotResult {
  if (value !== null && typeof value === 'object' && SNAPSHOTS.has(value)) return { ok: true, value: value as JsonValue };
  try {
    const [copied] = copy(value, '', 0, new Map(), new Set());
    return { ok: true, value: copied };
  } catch (e) {
    if (e instanceof Refused) return e.refusal;
    throw e;
  }
}

/**
 * Read JSON text strictly (SPEC.md 3) straight into a snapshot: the answer of {@link parseJson}
 * followed by {@link snapshotJson}, without the copy. The reader builds each object without a
 * prototype and freezes each container as it closes it; they are registered as snapshots once
 * the whole text is read, and only when the value is within the snapshot's limits (which the
 * reader's own can be set past): otherwise the snapshot is taken as {@link snapshotJson} takes
 * it of any value, and refused with its code and path.
 *
 * @param input - JSON text, or its UTF-8 bytes.
 * @param options - as {@link parseJson}'s.
 * @returns the frozen value, or the refusal {@link parseJson} or {@link snapshotJson} gives.
 * @example
 * ```ts
 * const r = readSnapshot('{"a":[1]}');
 * r.ok && isSnapshot(r.value); // true
 * ```
 */
export function readSnapshot(input: string | Uint8Array, options: ParseJsonOptions = {}): ParseJsonResult {
  const made: MadeContainers = [];
  const parsed = parseJsonFrozen(input, options, made);
  const root = made[made.length - 1];
  if (!parsed.ok || root === undefined) return parsed;
  if (root[1] > MAX_VALUE_DEPTH || root[2] > MAX_SIZE) return snapshotJson(parsed.value);
  for (const [container, height, size] of made) SNAPSHOTS.set(container, { height, size });
  return parsed;
}

/**
 * Whether a value is a snapshot this module made (frozen plain JSON).
 *
 * @param value - any value.
 * @returns true for an object or array {@link snapshotJson} returned or made inside one.
 * @example
 * ```ts
 * const s = snapshotJson({ a: 1 });
 * s.ok && isSnapshot(s.value); // true
 * ```
 */
export function isSnapshot(value: unknown): boolean {
  return value !== null && typeof value === 'object' && SNAPSHOTS.has(value);
}

type Copied = readonly [value: JsonValue, height: number, size: number];

function copy(value: unknown, path: string, depth: number, done: Map<object, Copied>, open: Set<object>): Copied {
  switch (typeof value) {
    case 'string':
      if (LONE_SURROGATE.test(value)) refuse('ERR_JSON_LONE_SURROGATE', path, 'a string with an unpaired UTF-16 surrogate, which JSON text cannot carry');
      return [value, 0, value.length + 2];
    case 'boolean':
      return [value, 0, value ? 4 : 5];
    case 'number':
      return Number.isFinite(value) ? [value, 0, String(value).length] : refuse('ERR_JSON_NOT_PLAIN', path, 'a non-finite number');
    case 'object':
      break;
    default:
      return refuse('ERR_JSON_NOT_PLAIN', path, `a ${typeof value}`);
  }
  if (value === null) return [null, 0, 4];
  const known = SNAPSHOTS.get(value);
  const seen = known === undefined ? done.get(value) : [value as JsonValue, known.height, known.size] as const;
  if (seen !== undefined) {
    // A subtree read before (here or in an earlier snapshot) still counts at this place.
    if (depth + seen[1] > MAX_VALUE_DEPTH) refuse('ERR_JSON_TOO_DEEP', path, `nesting deeper than ${MAX_VALUE_DEPTH} levels`);
    return seen;
  }
  if (open.has(value)) return refuse('ERR_JSON_TOO_DEEP', path, 'a cycle: the value contains itself');
  if (depth >= MAX_VALUE_DEPTH) return refuse('ERR_JSON_TOO_DEEP', path, `nesting deeper than ${MAX_VALUE_DEPTH} levels`);
  // A Proxy can answer every question differently each time it is asked: refuse it unasked.
  if (types.isProxy(value)) return refuse('ERR_JSON_NOT_PLAIN', path, 'a Proxy');
  open.add(value);
  const made = Array.isArray(value) ? copyArray(value, path, depth, done, open) : copyObject(value, path, depth, done, open);
  open.delete(value);
  const [out, height, size] = made;
  if (size > MAX_SIZE) refuse('ERR_JSON_TOO_LARGE', path, `a value that would be more than ${MAX_SIZE} bytes as JSON text (a subtree shared many times counts each time)`);
  Object.freeze(out);
  SNAPSHOTS.set(out as object, { height, size });
  done.set(value, made);
  return made;
}

/** An own member as a data value, or a refusal: accessors are never called. */
function dataMember(holder: object, key: string, path: string): unknown {
  const d = Object.getOwnPropertyDescriptor(holder, key) as PropertyDescriptor;
  // Object.hasOwn, not `in`: a `value` added to Object.prototype must not make an accessor look like data.
  if (!Object.hasOwn(d, 'value')) return refuse('ERR_JSON_NOT_PLAIN', path, 'an accessor (getter or setter), which JSON cannot carry; it was not called');
  if (d.enumerable !== true) return refuse('ERR_JSON_NOT_PLAIN', path, 'a hidden (non-enumerable) member');
  return d.value;
}

function copyArray(value: unknown[], path: string, depth: number, done: Map<object, Copied>, open: Set<object>): Copied {
  if (Object.getPrototypeOf(value) !== Array.prototype) return refuse('ERR_JSON_NOT_PLAIN', path, 'an array of a class of its own');
  const keys = Reflect.ownKeys(value);
  const length = value.length;
  // Own keys of a plain array: its indices, then "length". More means extra or symbol members.
  if (keys.length !== length + 1) {
    for (let i = 0; i < length; i++) if (!Object.hasOwn(value, i)) return refuse('ERR_JSON_NOT_PLAIN', `${path}/${i}`, 'a hole in an array');
    return refuse('ERR_JSON_NOT_PLAIN', path, 'an array with members besides its items');
  }
  const out: JsonValue[] = new Array<JsonValue>(length);
  let height = 0;
  let size = 2 + Math.max(0, length - 1);
  for (let i = 0; i < length; i++) {
    const at = `${path}/${i}`;
    if (!Object.hasOwn(value, i)) return refuse('ERR_JSON_NOT_PLAIN', at, 'a hole in an array');
    const [v, h, n] = copy(dataMember(value, String(i), at), at, depth + 1, done, open);
    out[i] = v;
    height = Math.max(height, h);
    size = Math.min(size + n, MAX_SIZE + 1);
  }
  return [out, height + 1, size];
}

function copyObject(value: object, path: string, depth: number, done: Map<object, Copied>, open: Set<object>): Copied {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return refuse('ERR_JSON_NOT_PLAIN', path, 'an object that is not a plain JSON object (a class instance)');
  // No prototype: a member the document lacks can never be read from Object.prototype.
  const out = Object.create(null) as { [member: string]: JsonValue };
  const keys = Reflect.ownKeys(value);
  let height = 0;
  let size = 2 + Math.max(0, keys.length - 1);
  for (const key of keys) {
    if (typeof key === 'symbol') return refuse('ERR_JSON_NOT_PLAIN', path, `a member named by a symbol (${String(key)})`);
    const at = pointerAppend(path, key);
    if (LONE_SURROGATE.test(key)) refuse('ERR_JSON_LONE_SURROGATE', at, 'a member name with an unpaired UTF-16 surrogate, which JSON text cannot carry');
    const [v, h, n] = copy(dataMember(value, key, at), at, depth + 1, done, open);
    // defineProperty, not assignment: no setter anywhere can intercept a member, "__proto__" included.
    Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
    height = Math.max(height, h);
    size = Math.min(size + key.length + 3 + n, MAX_SIZE + 1);
  }
  return [out, height + 1, size];
}
