/**
 * Broken implementations, one realistic bug each, to prove the suite catches them (issue 5: "the
 * suite proves its own power"). Each is a working implementation of its profiles with one bug
 * switched on: a small independent chain verifier, a small mandate-chain verifier, a budget
 * reconciler, and two canonicalisers and a signature check as people write them. With no bug
 * switched on, the small verifiers pass every vector of their profiles (a test holds it), so a
 * failure is the bug's and nothing else's.
 */
import { createHash } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519';
import { fromHex } from '../../src/encoding/bytes.js';
import { accept, implementation, reject } from './independent/adapter.js';
import { budgetKeeper } from './independent/budget.js';

export { implementation };

// ---------------------------------------------------------------------------------------------
// Canonical form by sorted JSON.stringify: JSON.parse keeps the last duplicate, keeps lone
// surrogates, nests without limit and turns 1e400 into Infinity (written null).

function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortDeep((v as Record<string, unknown>)[k])]));
  return v;
}
export const sortedStringify = implementation('sorted JSON.stringify', ['jcs', 'hash'], (c) => {
  const raw = typeof c.input['bytes'] === 'string' ? Buffer.from(c.input['bytes'], 'base64url').toString('utf8') : String(c.input['text']);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return reject('ERR_JSON_SYNTAX');
  }
  const text = JSON.stringify(sortDeep(value));
  return { verdict: 'accept', output: c.profile === 'jcs' ? text : `sha256:${createHash('sha256').update(text).digest('hex')}` };
});

// ---------------------------------------------------------------------------------------------
// Permissive Ed25519: @noble/curves' default (ZIP-215), no checks before the equation.

export const zip215 = implementation('ZIP-215 Ed25519', ['signature'], (c) => {
  const [key, sig, message] = ['public_key', 'signature', 'message'].map((k) => fromHex(String(c.input[k])));
  if (key === undefined || sig === undefined || message === undefined || key.length !== 32 || sig.length !== 64) return reject('ERR_SIG_MALFORMED');
  try {
    return ed25519.verify(sig, message, key) ? accept : reject('ERR_SIG_INVALID');
  } catch {
    return reject('ERR_SIG_INVALID');
  }
});

// The small chain and mandate verifiers are in independent/: written from SPEC.md alone, each
// with its bugs to switch on.
export { chainVerifier, type ChainBugs } from './independent/chain.js';
export { mandateVerifier, type MandateBugs } from './independent/mandate.js';

// ---------------------------------------------------------------------------------------------
// Reconcile-spend that charges an overrun instead of failing the receipt: the independent budget
// keeper with that one line changed.

export const overrunCharged = budgetKeeper({ overrunCharged: true });

