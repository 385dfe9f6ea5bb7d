// @ts-check
/**
 * The parties of the examples and their public test keys (SPEC.md 9): each party's Ed25519
 * private key is the SHA-256 of `writ/<line>/examples/<label>`. Shared by the generators and the
 * tests, so that a label is spelt once.
 */
import { publicKeyOf } from '../../dist/crypto/ed25519.js';
import { sha256Bytes } from '../../dist/crypto/hash.js';
import { didKeyVerificationMethod, toDidKey, toMultikey } from '../../dist/crypto/keys.js';
import { toHex } from '../../dist/encoding/bytes.js';

/** Every party of the examples, by the name the generators and tests use, with its label. */
export const PARTY_LABELS = {
  trust000: 'seed-000/trust-control',
  buyerKernel: 'seed-000/buyer-kernel',
  providerKernel: 'seed-000/provider-kernel',
  commander: 'seed-001/commander-agent',
  triage: 'seed-001/triage-agent',
  change: 'seed-001/change-agent',
  liaison: 'seed-001/vendor-liaison-agent',
  coordinator: 'seed-001/provider-coordinator',
  executor: 'seed-001/provider-executor',
  opsKernel: 'seed-001/provider-ops-kernel',
  merchant: 'seed-002/dreamineering',
  user: 'seed-002/user',
  agent: 'seed-002/shopping-agent',
  recorder: 'seed-002/trace-recorder',
  trust002: 'seed-002/trust-control',
  agentKernel: 'seed-002/shopping-agent-kernel',
  toolsKernel: 'seed-002/dreamineering-tools-kernel',
  stranger: 'other/stranger',
};

/**
 * A party's keys, from its label.
 *
 * @param {string} label - e.g. `seed-001/commander-agent`.
 * @param {string} line - the schema line, `v1.0.0`.
 */
export function party(label, line = 'v1.0.0') {
  const seed = sha256Bytes(new TextEncoder().encode(`writ/${line}/examples/${label}`));
  const pk = publicKeyOf(seed);
  return { label, seed, pk, hex: toHex(pk), multikey: toMultikey(pk), didKey: toDidKey(pk), vm: didKeyVerificationMethod(pk) };
}

/** Every party, by name. */
export const PARTIES = Object.fromEntries(Object.entries(PARTY_LABELS).map(([name, label]) => [name, party(label)]));
