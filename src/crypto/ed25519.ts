/**
 * Ed25519 (RFC 8032) with strict verification: non-canonical S and non-canonical point encodings
 * are rejected (`zip215: false`), so that one message has exactly one valid signature per key
 * (SPEC.md 6.4).
 */
import { ed25519 } from '@noble/curves/ed25519';

/**
 * The public key of a 32-byte Ed25519 seed (RFC 8032 private key).
 *
 * @param seed - 32 bytes.
 * @returns the 32-byte public key.
 */
export function publicKeyOf(seed: Uint8Array): Uint8Array {
  return ed25519.getPublicKey(seed);
}

/**
 * Sign a message (no pre-hash).
 *
 * @param message - the bytes signed.
 * @param seed - the 32-byte private seed.
 * @returns the 64-byte signature.
 */
export function sign(message: Uint8Array, seed: Uint8Array): Uint8Array {
  return ed25519.sign(message, seed);
}

/**
 * Verify a signature strictly. Never throws: malformed keys and signatures are just invalid.
 *
 * @param signature - 64 bytes.
 * @param message - the bytes that were signed.
 * @param publicKey - 32 bytes.
 * @returns true when the signature is valid under RFC 8032's strict rules.
 */
export function verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== 64 || publicKey.length !== 32) return false;
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}
