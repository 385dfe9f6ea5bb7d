/**
 * The two envelopes against public vectors (SPEC.md 6.4): the W3C eddsa-jcs-2022 vector,
 * reproduced byte for byte at every intermediate step; chio's capability and receipt binding
 * vectors, each verifying as published and failing when tampered with.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { compactSigningBytes, dataIntegrityHashData, signDataIntegrity, verifyCompact, verifyDataIntegrity } from '../../src/crypto/envelopes.js';
import { sha256Bytes } from '../../src/crypto/hash.js';
import { canonicalJson } from '../../src/crypto/jcs.js';
import { fromMultikey } from '../../src/crypto/keys.js';
import { fromBase58, toHex } from '../../src/encoding/bytes.js';
import { VECTORS } from '../helpers.js';

const W3C = join(VECTORS, 'eddsa-jcs-2022');
const file = (name: string) => readFileSync(join(W3C, name), 'utf8');
const json = (name: string) => JSON.parse(file(name));
const td = new TextDecoder();

t.test('W3C eddsa-jcs-2022: every intermediate value, and the signature, byte for byte', async (t) => {
  const unsigned = json('unsigned.json');
  const config = json('proofConfigJCS.json');
  const canonDoc = canonicalJson(unsigned);
  t.same(canonDoc, { ok: true, text: file('canonDocJCS.txt') }, 'canonical document');
  t.same(canonicalJson(config), { ok: true, text: file('proofCanonJCS.txt') }, 'canonical proof configuration');
  t.equal(toHex(sha256Bytes(new TextEncoder().encode(file('canonDocJCS.txt')))), file('docHashJCS.txt'), 'document hash');
  t.equal(toHex(sha256Bytes(new TextEncoder().encode(file('proofCanonJCS.txt')))), file('proofHashJCS.txt'), 'proof configuration hash');
  t.equal(toHex(dataIntegrityHashData(unsigned, config)), file('combinedHashJCS.txt'), 'proof hash || document hash');
  const { privateKeyMultibase } = json('keyPair.json');
  const seed = (fromBase58(privateKeyMultibase.slice(1)) as Uint8Array).slice(2);
  const { '@context': _ctx, ...options } = config;
  for (const backend of ['native', 'portable'] as const) {
    const signed = signDataIntegrity(unsigned, options, seed, { backend });
    t.equal(signed.proof['proofValue'], file('sigBTC58JCS.txt'), `proofValue (${backend})`);
    t.equal(toHex((fromBase58((signed.proof['proofValue'] as string).slice(1)) as Uint8Array)), file('sigHexJCS.txt'), `signature hex (${backend})`);
    t.equal(JSON.stringify(signed), JSON.stringify(json('signedJCS.json')), `the signed credential, member order included (${backend})`);
  }
});

t.test('W3C eddsa-jcs-2022: the signed credential verifies, and a change anywhere fails', async (t) => {
  const signed = json('signedJCS.json');
  t.match(verifyDataIntegrity(signed), { ok: true, details: { signer: 'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2' } });
  t.match(verifyDataIntegrity(signed, { purpose: 'authentication' }), { ok: false, code: 'ERR_PROOF_PURPOSE' });
  t.match(verifyDataIntegrity({ ...signed, name: 'Alumni credential (edited)' }), { ok: false, code: 'ERR_PROOF_INVALID' });
  t.match(verifyDataIntegrity({ ...signed, proof: { ...signed.proof, created: '2023-02-24T23:36:39Z' } }), { ok: false, code: 'ERR_PROOF_INVALID' }, 'the proof options are signed too');
  t.match(verifyDataIntegrity({ ...signed, proof: { ...signed.proof, '@context': ['https://www.w3.org/ns/credentials/examples/v2'] } }), { ok: false, code: 'ERR_PROOF_CONTEXT_MISMATCH' });
  t.match(verifyDataIntegrity({ ...signed, proof: { ...signed.proof, cryptosuite: 'eddsa-rdfc-2022' } }), { ok: false, code: 'ERR_PROOF_UNSUPPORTED' });
  t.match(verifyDataIntegrity({ ...signed, proof: { ...signed.proof, proofValue: 'u' + signed.proof.proofValue.slice(1) } }), { ok: false, code: 'ERR_PROOF_MALFORMED' });
  t.match(verifyDataIntegrity(signed, { now: Date.parse('2030-01-01T00:00:00Z') / 1000 }), { ok: true }, 'no expires: time does not matter');
  t.ok(fromMultikey(json('keyPair.json').publicKeyMultibase));
});

t.test("chio's capability vectors: signature, delegation links and canonical body as published", async (t) => {
  const v = JSON.parse(readFileSync(join(VECTORS, 'chio/capability.v1.json'), 'utf8'));
  for (const c of v.cases) {
    t.equal(td.decode(compactSigningBytes(c.capability)), c.capability_body_canonical_json, `${c.id}: signed bytes`);
    t.equal(verifyCompact(c.capability, 'issuer').ok, c.expected.signature_valid, `${c.id}: token signature`);
    const links: Record<string, unknown>[] = c.capability.delegation_chain ?? [];
    const linksValid = links.every((l) => verifyCompact(l, 'delegator').ok);
    t.equal(linksValid, c.expected.delegation_chain_valid, `${c.id}: delegation links`);
  }
});

t.test("chio's receipt vectors: signature and parameter hash as published", async (t) => {
  const v = JSON.parse(readFileSync(join(VECTORS, 'chio/receipt.v1.json'), 'utf8'));
  for (const c of v.cases) {
    t.equal(td.decode(compactSigningBytes(c.receipt)), c.receipt_body_canonical_json, `${c.id}: signed bytes`);
    t.equal(verifyCompact(c.receipt, 'kernel_key').ok, c.expected.signature_valid, `${c.id}: signature`);
    const params = canonicalJson(c.receipt.action.parameters);
    const hashOk = params.ok && toHex(sha256Bytes(new TextEncoder().encode(params.text))) === c.receipt.action.parameter_hash;
    t.equal(hashOk, c.expected.parameter_hash_valid, `${c.id}: parameter hash`);
    t.equal(c.receipt.decision.verdict, c.expected.decision, `${c.id}: decision`);
  }
});

t.test('a tampered copy of every valid chio vector fails with ERR_SIG_INVALID', async (t) => {
  const cap = JSON.parse(readFileSync(join(VECTORS, 'chio/capability.v1.json'), 'utf8')).cases.find((c: { expected: { signature_valid: boolean } }) => c.expected.signature_valid).capability;
  t.match(verifyCompact({ ...cap, expires_at: cap.expires_at + 1 }, 'issuer'), { ok: false, code: 'ERR_SIG_INVALID', path: '/signature' });
  t.match(verifyCompact({ ...cap, issuer: cap.subject }, 'issuer'), { ok: false, code: 'ERR_SIG_INVALID' });
  const rcpt = JSON.parse(readFileSync(join(VECTORS, 'chio/receipt.v1.json'), 'utf8')).cases[0].receipt;
  t.match(verifyCompact({ ...rcpt, tool_name: 'other' }, 'kernel_key'), { ok: false, code: 'ERR_SIG_INVALID' });
  t.match(verifyCompact({ ...rcpt, algorithm: 'ed25519' }, 'kernel_key'), { ok: true }, 'algorithm is not signed, as chio specifies');
});

t.test('integers beyond 2^53 in signed content are refused, not guessed (SPEC.md 6.4)', async (t) => {
  const rcpt = JSON.parse(readFileSync(join(VECTORS, 'chio/receipt.v1.json'), 'utf8')).cases[0].receipt;
  t.match(verifyCompact({ ...rcpt, timestamp: 18446744073709551615 }, 'kernel_key'), { ok: false, code: 'ERR_JSON_UNSAFE_INTEGER', path: '/timestamp' });
  t.match(verifyCompact({ ...rcpt, timestamp: -0 }, 'kernel_key'), { ok: false, code: 'ERR_JSON_NEGATIVE_ZERO' });
});

t.test('malformed envelopes are refused with a code, never a throw', async (t) => {
  for (const bad of [null, 7, 'x', [], {}, { issuer: 5, signature: 'ab' }, { issuer: 'a'.repeat(64) }, { issuer: 'A'.repeat(64), signature: 'a'.repeat(128) }, { issuer: 'a'.repeat(64), signature: 'zz' }]) {
    const r = verifyCompact(bad, 'issuer');
    t.equal(r.ok, false);
    if (!r.ok) t.match(r.code, /^ERR_(SIG|JSON)_/);
  }
  for (const bad of [null, {}, { proof: 1 }, { proof: { type: 'DataIntegrityProof' } }, { proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', proofValue: 'z1' } }]) {
    const r = verifyDataIntegrity(bad);
    t.equal(r.ok, false);
  }
});
