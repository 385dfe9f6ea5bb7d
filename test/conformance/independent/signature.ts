/**
 * A small Ed25519 verifier for the signature profile, written from SPEC.md 6.4 alone: the checks
 * before the equation in SPEC's order, then node:crypto's (OpenSSL's) cofactorless equation.
 * Each bug is one check left out, the way libraries that verify "permissively" leave it out.
 */
import type { Adapter } from '../../../src/conformance/adapters.js';
import { accept, implementation, reject } from './adapter.js';
import { hex, L, littleEndian, nonCanonical, smallOrder } from './kit.js';
import { createPublicKey, verify } from 'node:crypto';

/** The checks an implementer leaves out. */
export interface SignatureBugs {
  /** S is not compared with the group order: a malleable signature verifies. */
  readonly malleable?: boolean;
  /** A key of small order is not refused. */
  readonly smallOrderKey?: boolean;
  /** An R of small order is not refused. */
  readonly smallOrderR?: boolean;
  /** A non-canonical key encoding is not refused. */
  readonly nonCanonicalKey?: boolean;
}

/**
 * An Ed25519 verifier written from SPEC.md 6.4, with the given bugs.
 *
 * @param bugs - which checks to leave out; none gives a correct verifier.
 * @returns an implementation of the signature profile.
 */
export function signatureVerifier(bugs: SignatureBugs): Adapter {
  return implementation(`signature verifier ${JSON.stringify(bugs)}`, ['signature'], (c) => {
    const key = hex(c.input['public_key'], 32);
    const sig = hex(c.input['signature'], 64);
    const message = typeof c.input['message'] === 'string' && /^([0-9a-f]{2})*$/.test(c.input['message']) ? Buffer.from(c.input['message'], 'hex') : undefined;
    if (key === undefined || sig === undefined || message === undefined) return reject('ERR_SIG_MALFORMED');
    const r = sig.subarray(0, 32);
    if (bugs.nonCanonicalKey !== true && nonCanonical(key)) return reject('ERR_SIG_NON_CANONICAL');
    if (bugs.smallOrderKey !== true && smallOrder(key)) return reject('ERR_SIG_SMALL_ORDER');
    if (bugs.malleable !== true && littleEndian(sig.subarray(32)) >= L) return reject('ERR_SIG_NON_CANONICAL');
    if (nonCanonical(r)) return reject('ERR_SIG_NON_CANONICAL');
    if (bugs.smallOrderR !== true && smallOrder(r)) return reject('ERR_SIG_SMALL_ORDER');
    try {
      const k = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(key).toString('base64url') }, format: 'jwk' });
      return verify(null, message, k, sig) ? accept : reject('ERR_SIG_INVALID');
    } catch {
      return reject('ERR_SIG_INVALID');
    }
  });
}
