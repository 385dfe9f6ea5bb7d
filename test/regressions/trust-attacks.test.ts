/**
 * Regressions: an attack on the part-2 checks (sealing, counting, binding) found inputs that
 * crashed a verifier or passed as ok. Each is pinned here where a conformance vector cannot
 * express it (a caller's in-memory Map or context); the others are vectors in
 * conformance/v1.0.0/bundle and replay.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { signDataIntegrity, verifyDataIntegrity } from '../../src/crypto/envelopes.js';
import { fromBase58 } from '../../src/encoding/bytes.js';
import { verifyBundle } from '../../src/verify/bundle.js';
import { verifyCapabilityChain } from '../../src/verify/capability.js';
import { replayTransaction } from '../../src/verify/replay.js';
import { VECTORS } from '../helpers.js';
import { bundleOf, fixture, T0 } from './../verify/world.js';

const docs = {
  'capabilities/root-commander.json': fixture('capability/token', 'root-commander.incident-network'),
  'capabilities/vendor-liaison-agent.json': fixture('capability/token', 'vendor-liaison.incident-network'),
};
const files = bundleOf(docs);
const NOW = T0 + 20;

t.test('a bundle that is a Proxy, or a Map whose methods throw, is refused with a code, never read through its methods', async (t) => {
  for (const bad of [
    new Proxy(files, {}),
    new (class extends Map<string, Uint8Array> {
      override keys(): never {
        throw new Error('keys');
      }
      override get(): never {
        throw new Error('get');
      }
    })(files),
  ]) {
    t.doesNotThrow(() => verifyBundle(bad, { now: NOW }));
    t.doesNotThrow(() => replayTransaction(bad, { now: NOW }));
  }
  t.match(verifyBundle(new Proxy(files, {}), { now: NOW }).errors, [{ code: 'ERR_USAGE_INVALID_ARGUMENT' }]);
  const subclass = new (class extends Map<string, Uint8Array> {
    override get(): never {
      throw new Error('get');
    }
  })(files);
  t.equal(verifyBundle(subclass, { now: NOW }).ok, verifyBundle(files, { now: NOW }).ok, "a subclass is read through Map's own iterator, as the plain Map it holds");
});

t.test('the trust policy is read once: sealers and pinned documents with getters, or as Proxies, are refused with a code', async (t) => {
  const getter = Object.defineProperty([] as string[], 0, { get: () => 'did:key:z6Mk', enumerable: true });
  for (const sealers of [new Proxy(['did:key:z6Mk'], {}), getter]) {
    t.match(verifyBundle(files, { now: NOW, sealers }).errors, [{ code: 'ERR_USAGE_INVALID_ARGUMENT' }]);
    t.match(verifyBundle(files, { now: NOW, pinnedDocuments: sealers }).errors, [{ code: 'ERR_USAGE_INVALID_ARGUMENT' }]);
  }
});

t.test('a revocation time that is not whole Unix seconds is refused, not taken as "not yet revoked"', async (t) => {
  const vendor = docs['capabilities/vendor-liaison-agent.json'];
  const root = docs['capabilities/root-commander.json'];
  for (const at of ['soon', Number.NaN, undefined, { valueOf: () => { throw new Error('valueOf'); } }, -1, 1.5]) {
    const v = verifyCapabilityChain(vendor, { now: NOW, evidence: [root], revocations: new Map([[vendor.id, at as number]]) });
    t.match(v, { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT' }, String(at));
  }
  t.match(verifyCapabilityChain(vendor, { now: NOW, evidence: [root], revocations: new Map([[vendor.id, T0 + 15]]) }), { ok: false, code: 'ERR_CHAIN_REVOKED' }, 'a whole time still revokes');
});

t.test('an inline @context compares in canonical form: member order changes nothing', async (t) => {
  const w3c = (f: string) => JSON.parse(readFileSync(join(VECTORS, 'eddsa-jcs-2022', f), 'utf8'));
  const seed = (fromBase58(w3c('keyPair.json').privateKeyMultibase.slice(1)) as Uint8Array).slice(2);
  const { '@context': _c, ...options } = w3c('proofConfigJCS.json');
  const unsigned = { ...w3c('unsigned.json'), '@context': ['https://www.w3.org/ns/credentials/v2', { a: 'https://example.org/a', b: 'https://example.org/b' }] };
  const signed = signDataIntegrity(unsigned, { ...options, '@context': unsigned['@context'] }, seed);
  t.match(verifyDataIntegrity(signed), { ok: true });
  const reordered = { ...signed, '@context': ['https://www.w3.org/ns/credentials/v2', { b: 'https://example.org/b', a: 'https://example.org/a' }] };
  t.match(verifyDataIntegrity(reordered), { ok: true }, 'the same context with its members in another order');
  const appended = { ...signed, '@context': [...signed['@context'], 'https://attacker.example/v1'] };
  t.match(verifyDataIntegrity(appended), { ok: false, code: 'ERR_PROOF_CONTEXT_MISMATCH' }, 'an entry appended is still refused');
});
