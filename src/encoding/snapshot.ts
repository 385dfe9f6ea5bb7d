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
import { DEFAULT_MAX_DEPTH, type JsonValue } from './json.js';
import { pointerAppend } from './pointer.js';

/** The deepest nesting of arrays and objects a value handed over in memory may have: the reader's default (SPEC.md 3). */
export const MAX_VALUE_DEPTH = DEFAULT_MAX_DEPTH;

/** Why a value is not plain JSON. */
export interface NotPlainJson {
  /** `ERR_JSON_NOT_PLAIN`, or `ERR_JSON_TOO_DEEP` past {@link MAX_VALUE_DEPTH} or for a cycle. */
  readonly code: 'ERR_JSON_NOT_PLAIN' | 'ERR_JSON_TOO_DEEP';
  /** JSON Pointer of the first value that is not plain JSON. */
  readonly path: string;
  /** What it is, for a person. */
  readonly reason: string;
}

/** A snapshot taken, or why it could not be. */
export type SnapshotResult = { readonly ok: true; readonly value: JsonValue } | { readonly ok: false; readonly error: NotPlainJson };

/** Every object and array this module made: frozen plain JSON, safe to use as it is. */
const SNAPSHOTS = new WeakSet<object>();

class Refusal {
  constructor(readonly error: NotPlainJson) {}
}

const refuse = (code: NotPlainJson['code'], path: string, reason: string): never => {
  throw new Refusal({ code, path, reason });
};

/**
 * Copy a value into frozen plain JSON, or say why it is not plain JSON. A value that is already
 * a snapshot is returned as it is, at no cost.
 *
 * @param value - any value.
 * @returns `{ ok: true, value }` with the frozen copy, or `{ ok: false, error }` with
 *   `ERR_JSON_NOT_PLAIN` or `ERR_JSON_TOO_DEEP` and the JSON Pointer of the value at fault.
 * @example
 * ```ts
 * snapshotJson({ a: [1, 'x'] });                         // { ok: true, value: { a: [1, 'x'] } }, frozen
 * snapshotJson({ get status() { return 'charged'; } });  // ERR_JSON_NOT_PLAIN at /status; the getter is not run
 * ```
 */
export function snapshotJson(value: unknown): SnapshotResult {
  if (value !== null && typeof value === 'object' && SNAPSHOTS.has(value)) return { ok: true, value: value as JsonValue };
  try {
    return { ok: true, value: copy(value, '', 0, new Map(), new Set()) };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, error: e.error };
    throw e;
  }
}

/**
 * Whether a value is a snapshot this module made (frozen plain JSON).
 *
 * @param value - any value.
 * @returns true for an object or array {@link snapshotJson} returned or made inside one.
 */
export function isSnapshot(value: unknown): boolean {
  return value !== null && typeof value === 'object' && SNAPSHOTS.has(value);
}

function copy(value: unknown, path: string, depth: number, done: Map<object, JsonValue>, open: Set<object>): JsonValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : refuse('ERR_JSON_NOT_PLAIN', path, 'a non-finite number');
    case 'object':
      break;
    default:
      return refuse('ERR_JSON_NOT_PLAIN', path, `a ${typeof value}`);
  }
  if (value === null) return null;
  if (SNAPSHOTS.has(value)) return value as JsonValue;
  const seen = done.get(value);
  if (seen !== undefined) return seen;
  if (open.has(value)) return refuse('ERR_JSON_TOO_DEEP', path, 'a cycle: the value contains itself');
  if (depth >= MAX_VALUE_DEPTH) return refuse('ERR_JSON_TOO_DEEP', path, `nesting deeper than ${MAX_VALUE_DEPTH} levels`);
  // A Proxy can answer every question differently each time it is asked: refuse it unasked.
  if (types.isProxy(value)) return refuse('ERR_JSON_NOT_PLAIN', path, 'a Proxy');
  open.add(value);
  const out = Array.isArray(value) ? copyArray(value, path, depth, done, open) : copyObject(value, path, depth, done, open);
  open.delete(value);
  Object.freeze(out);
  SNAPSHOTS.add(out);
  done.set(value, out);
  return out;
}

/** An own member as a data value, or a refusal: accessors are never called. */
function dataMember(holder: object, key: string, path: string): unknown {
  const d = Object.getOwnPropertyDescriptor(holder, key) as PropertyDescriptor;
  if (!('value' in d)) return refuse('ERR_JSON_NOT_PLAIN', path, 'an accessor (getter or setter), which JSON cannot carry; it was not called');
  if (d.enumerable !== true) return refuse('ERR_JSON_NOT_PLAIN', path, 'a hidden (non-enumerable) member');
  return d.value;
}

function copyArray(value: unknown[], path: string, depth: number, done: Map<object, JsonValue>, open: Set<object>): JsonValue[] {
  if (Object.getPrototypeOf(value) !== Array.prototype) return refuse('ERR_JSON_NOT_PLAIN', path, 'an array of a class of its own');
  const keys = Reflect.ownKeys(value);
  const length = value.length;
  // Own keys of a plain array: its indices, then "length". More means extra or symbol members.
  if (keys.length !== length + 1) {
    for (let i = 0; i < length; i++) if (!Object.hasOwn(value, i)) return refuse('ERR_JSON_NOT_PLAIN', `${path}/${i}`, 'a hole in an array');
    return refuse('ERR_JSON_NOT_PLAIN', path, 'an array with members besides its items');
  }
  const out: JsonValue[] = new Array<JsonValue>(length);
  for (let i = 0; i < length; i++) {
    const at = `${path}/${i}`;
    if (!Object.hasOwn(value, i)) return refuse('ERR_JSON_NOT_PLAIN', at, 'a hole in an array');
    out[i] = copy(dataMember(value, String(i), at), at, depth + 1, done, open);
  }
  return out;
}

function copyObject(value: object, path: string, depth: number, done: Map<object, JsonValue>, open: Set<object>): { [member: string]: JsonValue } {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return refuse('ERR_JSON_NOT_PLAIN', path, 'an object that is not a plain JSON object (a class instance)');
  const out: { [member: string]: JsonValue } = {};
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key === 'symbol') return refuse('ERR_JSON_NOT_PLAIN', path, `a member named by a symbol (${String(key)})`);
    const at = pointerAppend(path, key);
    const v = copy(dataMember(value, key, at), at, depth + 1, done, open);
    // defineProperty, not assignment: a member named "__proto__" must stay an own data member.
    if (key === '__proto__') Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
    else out[key] = v;
  }
  return out;
}
