/**
 * SHA-256, and how writ writes a hash in a document: `sha256:` followed by 64 lowercase hex
 * digits (SPEC.md 6.3). Native (node:crypto) and portable (@noble/hashes) give the same bytes.
 */
import { createHash } from 'node:crypto';
import { sha256 } from '@noble/hashes/sha2';
import { toHex } from '../encoding/bytes.js';
import { snapshotJson } from '../encoding/snapshot.js';
import { WORK } from '../work.js';
import { canonicalBytes } from './jcs.js';

/**
 * SHA-256 of some bytes.
 *
 * @param bytes - the bytes.
 * @param options - `portable` for @noble/hashes; node:crypto otherwise.
 * @returns the 32-byte digest.
 * @example
 * ```ts
 * toHex(sha256Bytes(new TextEncoder().encode('abc'))); // 'ba7816bf...f20015ad'
 * ```
 */
export function sha256Bytes(bytes: Uint8Array, options: { readonly backend?: 'native' | 'portable' } = {}): Uint8Array {
  WORK.hashes++;
  if (options.backend === 'portable') return sha256(bytes);
  return new Uint8Array(createHash('sha256').update(bytes).digest());
}

/**
 * The `sha256:<hex>` hash of a JSON value's canonical form: how one document names another.
 *
 * @param value - plain JSON.
 * @returns `sha256:` and 64 lowercase hex digits.
 * @throws TypeError when `value` is not plain JSON (a programming error).
 * @example
 * ```ts
 * documentHash({}); // 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a'
 * ```
 */
export function documentHash(value: unknown): string {
  // A snapshot is frozen, so its hash is taken once.
  const snap = snapshotJson(value);
  if (!snap.ok) throw new TypeError(`not plain JSON at ${snap.path || '(root)'}: ${snap.message}`);
  const v = snap.value;
  const known = v !== null && typeof v === 'object' ? HASHES.get(v) : undefined;
  if (known !== undefined) return known;
  const hash = `sha256:${toHex(sha256Bytes(canonicalBytes(v)))}`;
  if (v !== null && typeof v === 'object') HASHES.set(v, hash);
  return hash;
}

const HASHES = new WeakMap<object, string>();
