/**
 * The worked examples of SPEC.md 6.6 are what writ computes: every value printed there is
 * recomputed here, so that the specification cannot drift from the implementation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { publicKeyOf } from '../src/crypto/ed25519.js';
import { compactSigningBytes, dataIntegrityHashData, signCompact, signDataIntegrity } from '../src/crypto/envelopes.js';
import { documentHash, sha256Bytes } from '../src/crypto/hash.js';
import { canonicalJson } from '../src/crypto/jcs.js';
import { fromMultikey } from '../src/crypto/keys.js';
import { fromBase58, toHex } from '../src/encoding/bytes.js';
import { ROOT, VECTORS } from './helpers.js';

const spec = readFileSync(join(ROOT, 'SPEC.md'), 'utf8');
const section = spec.slice(spec.indexOf('### 6.6 Worked examples'), spec.indexOf('## 7. The families'));
const shows = (value: string): boolean => section.includes(value);

t.test('canonical form and hash', async (t) => {
  const r = canonicalJson(JSON.parse('{"b":1,"a":[1e21,"é"]}'));
  t.ok(r.ok);
  if (r.ok) t.ok(shows(`\`${r.text}\``), '6.6 shows the canonical form');
  t.ok(shows(documentHash({})), '6.6 shows the hash of {}');
});

t.test('the W3C eddsa-jcs-2022 vector, step by step', async (t) => {
  const dir = join(VECTORS, 'eddsa-jcs-2022');
  const json = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8'));
  const combined = toHex(dataIntegrityHashData(json('unsigned.json'), json('proofConfigJCS.json')));
  t.ok(shows(combined.slice(0, 64)), '6.6 shows the proof configuration hash');
  t.ok(shows(combined.slice(64)), '6.6 shows the document hash');
  const { publicKeyMultibase, privateKeyMultibase } = json('keyPair.json');
  t.ok(shows(publicKeyMultibase), '6.6 shows the vector key');
  const seed = (fromBase58(privateKeyMultibase.slice(1)) as Uint8Array).slice(2);
  const { '@context': _c, ...options } = json('proofConfigJCS.json');
  const signed = signDataIntegrity(json('unsigned.json'), options, seed);
  t.ok(shows((signed.proof as { proofValue: string }).proofValue), '6.6 shows the proofValue, re-signed');
  t.same(fromMultikey(publicKeyMultibase), publicKeyOf(seed));
});

t.test('the compact example', async (t) => {
  const seed = sha256Bytes(new TextEncoder().encode('writ/v1.0.0/examples/other/stranger'));
  const pk = toHex(publicKeyOf(seed));
  t.ok(shows(toHex(seed)), '6.6 shows the private key');
  t.ok(shows(pk), '6.6 shows the public key');
  const signed = signCompact({ capability_id: 'cap-example', revoked_at: 1776272790, revoked_by: pk }, seed);
  t.ok(shows(`\`${new TextDecoder().decode(compactSigningBytes(signed))}\``), '6.6 shows the signed bytes');
  t.ok(shows(signed.signature), '6.6 shows the signature');
});
