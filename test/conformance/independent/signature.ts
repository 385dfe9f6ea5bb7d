/**
 * A small Ed25519 verifier for the signature profile, written from SPEC.md 6.4 alone: the checks
 * before the equation in SPEC's order, then node:crypto's (OpenSSL's) cofactorless equation.
 * Each bug is one check left out, the way libraries that verify "permissively" leave it out.
 */
import type { Adapter } from '../../../src/conformance/adapters.js';
import { accept, implementation, reject } from './adapter.js';
import { ed25519, hex, type Ed25519Bugs } from './kit.js';

/** The checks an implementer leaves out. */
export type SignatureBugs = Ed25519Bugs;

/**
 * An Ed25519 verifier written from SPEC.md 6.4, with the given bugs.
 *
 * @param bugs - which checks to leave out; none gives a correct verifier.
 * @returns an implementation of the signature profile.
 */
export function signatureVerifier(bugs: SignatureBugs): Adapter {
  return implementation(`signature verifier ${JSON.stringify(bugs)}`, ['signature'], (c) => {
    const message = typeof c.input['message'] === 'string' && /^([0-9a-f]{2})*$/.test(c.input['message']) ? Buffer.from(c.input['message'], 'hex') : undefined;
    if (message === undefined) return reject('ERR_SIG_MALFORMED');
    const refused = ed25519(hex(c.input['public_key'], 32), hex(c.input['signature'], 64), message, 'ERR_SIG_MALFORMED', 'ERR_SIG_INVALID', bugs);
    return refused === undefined ? accept : reject(refused);
  });
}
