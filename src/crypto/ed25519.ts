/**
 * Ed25519 (RFC 8032) for writ (SPEC.md 6.4): one verification rule, two implementations.
 *
 * The rule is RFC 8032 section 5.1.7 with the cofactorless equation, made strict by checks that
 * run before either implementation:
 * - the signature is 64 bytes and the key 32;
 * - S < L (non-canonical S is malleable);
 * - R and A are canonical encodings (y < p, and not "negative zero" x);
 * - neither R nor A is a point of small order (the eight points of the torsion subgroup).
 *
 * The portable path is @noble/curves' point arithmetic with the cofactorless equation, for
 * browsers and edge runtimes. The native path is node:crypto (OpenSSL), about 13 times faster,
 * with imported keys cached. OpenSSL and noble's own `verify` differ on inputs outside the rule
 * (noble's default, ZIP-215, accepts non-canonical encodings; even strict, it checks the
 * cofactored equation, which accepts an R or a key with a torsion component; OpenSSL accepts
 * small-order keys): the shared checks and the cofactorless equation remove every difference,
 * and the test suite runs both on every vector, malformed and mixed-order ones included, and
 * requires the same answer.
 */
import { createPrivateKey, createPublicKey, sign as nodeSign, verify as nodeVerify, type KeyObject } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519';
import { sha512 } from '@noble/hashes/sha2';
import { toBase64Url, toHex } from '../encoding/bytes.js';
import { WORK } from '../work.js';

/** Which implementation to use. */
export type Ed25519Backend = 'native' | 'portable';

/** Options of {@link verifyEd25519} and {@link signEd25519}. */
export interface Ed25519Options {
  /** Default: `native` where node:crypto is present (always, in Node.js). */
  readonly backend?: Ed25519Backend;
}

const P = 2n ** 255n - 19n;
const L = 2n ** 252n + 27742317777372353535851937790883648493n;

/** Little-endian bytes as a bigint. */
function le(bytes: Uint8Array): bigint {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i] as number);
  return n;
}

/** Canonical encodings of the eight points of small order (the torsion subgroup). */
const SMALL_ORDER = new Set(
  (() => {
    // The torsion points are the multiples of a point of order 8.
    const { ExtendedPoint } = ed25519;
    const t8 = ExtendedPoint.fromHex('c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a');
    const out: string[] = [];
    let q = ExtendedPoint.ZERO;
    for (let i = 0; i < 8; i++) {
      out.push(toHex(q.toRawBytes()));
      q = q.add(t8);
    }
    return out;
  })(),
);

/** Is a 32-byte point encoding canonical: y < p, and x's sign bit clear when x must be 0? */
function canonicalPoint(bytes: Uint8Array): boolean {
  const y = le(bytes) & ((1n << 255n) - 1n);
  if (y >= P) return false;
  const sign = ((bytes[31] as number) & 0x80) !== 0;
  return !(sign && (y === 1n || y === P - 1n));
}

/** Why {@link precheckEd25519} refuses an input, with its code, and which part is at fault. */
export interface Ed25519Refusal {
  /** The registered code: a wrong length or type is `ERR_SIG_MALFORMED`. */
  readonly code: 'ERR_SIG_MALFORMED' | 'ERR_SIG_NON_CANONICAL' | 'ERR_SIG_SMALL_ORDER';
  readonly reason: 'length' | 'non_canonical_s' | 'non_canonical_point' | 'small_order';
  readonly part: 'signature' | 'key';
}

const refusal = (reason: Ed25519Refusal['reason'], part: Ed25519Refusal['part']): Ed25519Refusal => ({
  code: reason === 'length' ? 'ERR_SIG_MALFORMED' : reason === 'small_order' ? 'ERR_SIG_SMALL_ORDER' : 'ERR_SIG_NON_CANONICAL',
  reason,
  part,
});

/**
 * The checks both implementations share (see the file comment). Never throws: a value that is
 * not a `Uint8Array` is refused as of the wrong length.
 *
 * @param signature - the signature bytes.
 * @param publicKey - the key bytes.
 * @returns why the input is refused before any curve arithmetic, or `undefined`.
 * @example
 * ```ts
 * precheckEd25519(new Uint8Array(64), new Uint8Array(32)); // { code: 'ERR_SIG_SMALL_ORDER', reason: 'small_order', part: 'key' }
 * ```
 */
export function precheckEd25519(signature: Uint8Array, publicKey: Uint8Array): Ed25519Refusal | undefined {
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== 32) return refusal('length', 'key');
  if (!(signature instanceof Uint8Array) || signature.length !== 64) return refusal('length', 'signature');
  if (!canonicalPoint(publicKey)) return refusal('non_canonical_point', 'key');
  if (SMALL_ORDER.has(toHex(publicKey))) return refusal('small_order', 'key');
  if (le(signature.subarray(32)) >= L) return refusal('non_canonical_s', 'signature');
  const r = signature.subarray(0, 32);
  if (!canonicalPoint(r)) return refusal('non_canonical_point', 'signature');
  if (SMALL_ORDER.has(toHex(r))) return refusal('small_order', 'signature');
  return undefined;
}

const KEY_CACHE_LIMIT = 1024;
const keyCache = new Map<string, KeyObject | null>();

/** The node:crypto key object of a public key, imported once (as JWK: SPKI import is slower). */
function nativeKey(publicKey: Uint8Array): KeyObject | null {
  const id = toHex(publicKey);
  let key = keyCache.get(id);
  if (key === undefined) {
    try {
      key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: toBase64Url(publicKey) }, format: 'jwk' });
    } catch {
      key = null;
    }
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.delete(keyCache.keys().next().value as string);
    keyCache.set(id, key);
  }
  return key;
}

/**
 * Forget the node:crypto key objects imported so far. The cache only saves time; forgetting it
 * changes no answer. The mutation test (mutation/vectors.spec.ts) calls it before every vector,
 * so that each vector imports its keys as a first use in a fresh process would.
 *
 * @returns nothing.
 * @example
 * ```ts
 * forgetImportedKeys();
 * ```
 */
export function forgetImportedKeys(): void {
  keyCache.clear();
}

/**
 * Verify an Ed25519 signature under writ's strict rule. Never throws.
 *
 * @param signature - 64 bytes.
 * @param message - the bytes signed (no pre-hash).
 * @param publicKey - 32 bytes.
 * @param options - which implementation; both give the same answer.
 * @returns true when the signature is valid.
 * @example
 * ```ts
 * verifyEd25519(sig, new TextEncoder().encode('hello chio'), key); // true for chio's signing vector
 * ```
 */
export function verifyEd25519(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array, options: Ed25519Options = {}): boolean {
  if (!(message instanceof Uint8Array) || precheckEd25519(signature, publicKey) !== undefined) return false;
  WORK.signatures++;
  try {
    if ((options.backend ?? 'native') === 'portable') return portableVerify(signature, message, publicKey);
    const key = nativeKey(publicKey);
    return key !== null && nodeVerify(null, message, key, signature);
  } catch {
    return false;
  }
}

/**
 * The cofactorless equation with @noble/curves' point arithmetic: R = [S]B − [k]A, compared as
 * encodings, as OpenSSL does. (noble's own `verify` checks the cofactored equation
 * [8][S]B = [8]R + [8][k]A, which also accepts an R or A with a torsion component; OpenSSL does
 * not, and the two paths must agree.) Called after {@link precheckEd25519}.
 */
function portableVerify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  const { ExtendedPoint } = ed25519;
  const A = ExtendedPoint.fromHex(publicKey, false);
  const r = signature.subarray(0, 32);
  const k = le(sha512(new Uint8Array([...r, ...publicKey, ...message]))) % L;
  const expected = ExtendedPoint.BASE.multiplyUnsafe(le(signature.subarray(32))).subtract(A.multiplyUnsafe(k));
  const encoded = expected.toRawBytes();
  return encoded.every((b, i) => b === r[i]);
}

// Stryker disable all: the issuing side (signing), which no verification vector can reach; producer conformance is to measure it
/**
 * The public key of a 32-byte Ed25519 seed (the RFC 8032 private key).
 *
 * @param seed - 32 bytes.
 * @param options - which implementation; both give the same key.
 * @returns the 32-byte public key.
 * @throws TypeError when the seed is not 32 bytes (a caller's mistake, not bad data).
 * @example
 * ```ts
 * const pk = publicKeyOf(seed); // 32 bytes
 * ```
 */
export function publicKeyOf(seed: Uint8Array, options: Ed25519Options = {}): Uint8Array {
  if (!(seed instanceof Uint8Array) || seed.length !== 32) throw new TypeError('publicKeyOf: the seed must be a Uint8Array of 32 bytes');
  if ((options.backend ?? 'native') === 'portable') return ed25519.getPublicKey(seed);
  // The SubjectPublicKeyInfo of an Ed25519 key is a 12-byte header and the 32-byte key (RFC 8410).
  return new Uint8Array(createPublicKey(nativeSecretKey(seed)).export({ format: 'der', type: 'spki' }).subarray(12));
}

/** The DER header of an Ed25519 private key, the seed follows (RFC 8410 section 7). */
const PKCS8_HEADER = [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20];

/**
 * The node:crypto private key of a seed, imported as PKCS #8 so that OpenSSL derives the public
 * key (a JWK import needs it given, and @noble/curves takes some 2 ms to derive it). The DER copy
 * of the seed is overwritten once imported.
 */
function nativeSecretKey(seed: Uint8Array): KeyObject {
  const der = Buffer.alloc(48);
  der.set(PKCS8_HEADER);
  der.set(seed, 16);
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } finally {
    der.fill(0);
  }
}
// Stryker restore all

// Stryker disable all: the issuing side (signing), which no verification vector can reach; producer conformance is to measure it
/**
 * Sign a message (no pre-hash). Ed25519 is deterministic: both implementations give the same
 * signature.
 *
 * @param message - the bytes to sign.
 * @param seed - the 32-byte private seed.
 * @param options - which implementation.
 * @returns the 64-byte signature.
 * @throws TypeError when the message or seed is not a Uint8Array, or the seed is not 32 bytes.
 * @example
 * ```ts
 * const sig = signEd25519(new TextEncoder().encode('hello'), seed);
 * verifyEd25519(sig, new TextEncoder().encode('hello'), publicKeyOf(seed)); // true
 * ```
 */
export function signEd25519(message: Uint8Array, seed: Uint8Array, options: Ed25519Options = {}): Uint8Array {
  if (!(message instanceof Uint8Array)) throw new TypeError('signEd25519: the message must be a Uint8Array');
  if (!(seed instanceof Uint8Array) || seed.length !== 32) throw new TypeError('signEd25519: the seed must be a Uint8Array of 32 bytes');
  if ((options.backend ?? 'native') === 'portable') return ed25519.sign(message, seed);
  return new Uint8Array(nodeSign(null, message, nativeSecretKey(seed)));
}
// Stryker restore all
