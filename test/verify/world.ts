/**
 * The source documents' world for the verifier tests: the example fixtures, and the keys that signed them
 * (derived as the examples generator derives them, from public labels, by the same kit), so that a test
 * can change an artifact and sign it again, to isolate one rule.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publicKeyOf } from '../../src/crypto/ed25519.js';
import { signCompact, signDataIntegrity } from '../../src/crypto/envelopes.js';
import { documentHash, sha256Bytes } from '../../src/crypto/hash.js';
import { didKeyVerificationMethod, toDidKey, toMultikey } from '../../src/crypto/keys.js';
import { toHex } from '../../src/encoding/bytes.js';
import { ROOT } from '../helpers.js';
import { makeParties } from '../../scripts/lib/party-kit.js';

// The parties over the sources, not the build: a test never reaches dist/.
const kit = makeParties({ publicKeyOf, signCompact, signDataIntegrity, documentHash, sha256Bytes, didKeyVerificationMethod, toDidKey, toMultikey, toHex });
const PARTIES = kit.PARTIES;

export const LINE = 'v1.0.0';
export const EXAMPLES = join(ROOT, 'examples', LINE);

export type { Party } from '../../scripts/lib/party-kit.js';
export const party = kit.party;

/** A valid fixture, `capability/token` + `root-commander.incident-network`. */
export function fixture<T = any>(id: string, name: string): T {
  const [family, doc] = id.split('/') as [string, string];
  return JSON.parse(readFileSync(join(EXAMPLES, family, doc, 'valid', `${doc}.${name}.json`), 'utf8')) as T;
}

/** A deep copy changed by `change`. */
export function changed<T>(value: T, change: (copy: any) => void): T {
  const copy = JSON.parse(JSON.stringify(value));
  change(copy);
  return copy as T;
}

export const { rehash, reprove, resign } = kit;

/** A bundle in memory: each document as canonical-free pretty JSON, and a manifest of their hashes. */
export function bundleOf(docs: Readonly<Record<string, unknown>>, bundleId = 'test-bundle'): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const artifacts: Record<string, string> = {};
  for (const [path, doc] of Object.entries(docs)) {
    const bytes = new TextEncoder().encode(`${JSON.stringify(doc, null, 2)}\n`);
    files.set(path, bytes);
    artifacts[path] = `sha256:${toHex(sha256Bytes(bytes))}`;
  }
  files.set('bundle-manifest.json', new TextEncoder().encode(JSON.stringify({ bundle_id: bundleId, artifacts })));
  return files;
}

export const T0 = 1776272775;
export const parties = PARTIES;

/** One valid artifact of each signed kind, for the property tests. */
export const SAMPLES: readonly Record<string, unknown>[] = [
  fixture('capability/token', 'provider-executor.incident-network'),
  fixture('intent/governed-intent', 'commerce-network'),
  fixture('receipt/tool-call', 'buyer.commerce-network'),
  fixture('receipt/receipt-pair', 'commerce-network'),
  fixture('mandate/payment-mandate', 'commerce-rails'),
  fixture('identity/agent-credential', 'shopping-agent.commerce-rails'),
  fixture('discovery/agent-card', 'dreamineering.commerce-rails'),
  fixture('settlement/budget-authorization', 'allowed.commerce-network'),
  fixture('settlement/settlement-reconciliation', 'commerce-network'),
  fixture('receipt/intent-trace', 'settled.commerce-rails'),
];
