/**
 * Ed25519 public key encodings (SPEC.md 6.5): raw 32 bytes as lowercase hex (the compact
 * envelope), Multikey `z6Mk...` (multibase base58btc of the multicodec header 0xed 0x01 and the
 * key), and `did:key:z6Mk...`.
 */
import { fromBase58, fromHex, toBase58 } from '../encoding/bytes.js';

const ED25519_HEADER = [0xed, 0x01] as const;

/**
 * Multikey text of an Ed25519 public key.
 *
 * @param publicKey - 32 bytes.
 * @returns `z6Mk...`.
 * @example
 * ```ts
 * toMultikey(pk); // 'z6Mk...'
 * ```
 */
export function toMultikey(publicKey: Uint8Array): string {
  return `z${toBase58(new Uint8Array([...ED25519_HEADER, ...publicKey]))}`;
}

/**
 * The Ed25519 public key in a Multikey string.
 *
 * @param multikey - `z` + base58btc(0xed 0x01 + 32 bytes).
 * @returns the 32 bytes, or `undefined` when the text is not an Ed25519 Multikey.
 * @example
 * ```ts
 * fromMultikey('z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2'); // the W3C vector's 32-byte key
 * ```
 */
export function fromMultikey(multikey: string): Uint8Array | undefined {
  if (!multikey.startsWith('z')) return undefined;
  const bytes = fromBase58(multikey.slice(1));
  if (bytes === undefined || bytes.length !== 34 || bytes[0] !== ED25519_HEADER[0] || bytes[1] !== ED25519_HEADER[1]) return undefined;
  const key = bytes.slice(2);
  return toMultikey(key) === multikey ? key : undefined;
}

// Stryker disable all: the issuing side (signing), which no verification vector can reach; producer conformance is to measure it
/**
 * The did:key DID of an Ed25519 public key.
 *
 * @param publicKey - 32 bytes.
 * @returns `did:key:z6Mk...`.
 * @example
 * ```ts
 * toDidKey(pk); // 'did:key:z6Mk...'
 * ```
 */
export function toDidKey(publicKey: Uint8Array): string {
  return `did:key:${toMultikey(publicKey)}`;
}
// Stryker restore all

// Stryker disable all: the issuing side (signing), which no verification vector can reach; producer conformance is to measure it
/**
 * The did:key verification method id of an Ed25519 public key: `did:key:<mb>#<mb>`.
 *
 * @param publicKey - 32 bytes.
 * @returns the DID URL.
 * @example
 * ```ts
 * didKeyVerificationMethod(pk); // 'did:key:z6Mk...#z6Mk...'
 * ```
 */
export function didKeyVerificationMethod(publicKey: Uint8Array): string {
  const mb = toMultikey(publicKey);
  return `did:key:${mb}#${mb}`;
}
// Stryker restore all

/**
 * The Ed25519 public key in 64 lowercase hex digits.
 *
 * @param hex - the text.
 * @returns 32 bytes, or `undefined`.
 * @example
 * ```ts
 * fromKeyHex(receipt.kernel_key)?.length; // 32
 * ```
 */
export function fromKeyHex(hex: string): Uint8Array | undefined {
  const bytes = fromHex(hex);
  return bytes?.length === 32 ? bytes : undefined;
}
