/**
 * SHA-256, and how writ writes a hash in a document: `sha256:` followed by 64 lowercase hex
 * digits (SPEC.md 6.3).
 */
import { sha256 } from '@noble/hashes/sha2';
import { toHex } from '../encoding/bytes.js';
import { canonicalBytes } from './jcs.js';

/**
 * SHA-256 of some bytes.
 *
 * @param bytes - the bytes.
 * @returns the 32-byte digest.
 */
export function sha256Bytes(bytes: Uint8Array): Uint8Array {
  return sha256(bytes);
}

/**
 * The `sha256:<hex>` hash of a JSON value's canonical form: how one document names another.
 *
 * @param value - plain JSON.
 * @returns `sha256:` and 64 lowercase hex digits.
 * @example
 * ```ts
 * documentHash({}); // 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a'
 * ```
 */
export function documentHash(value: unknown): string {
  return `sha256:${toHex(sha256(canonicalBytes(value)))}`;
}
