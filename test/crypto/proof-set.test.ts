/**
 * Proof sets and proof chains (W3C VC Data Integrity 1.0, 4.4; SPEC.md 6.4): verifyProofSet
 * verifies every proof of a set, and a proof with previousProof over the document holding the
 * proofs it names. The proofs are made here, by hand, with the four key pairs of the W3C
 * proof-set vectors (test/vectors/eddsa-jcs-2022/multiKeyPairs.json) on the W3C credential,
 * following the algorithm step by step: the hash data of each proof is computed here from its
 * statement, not by the function under test.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { signEd25519 } from '../../src/crypto/ed25519.js';
import { dataIntegrityHashData, verifyDataIntegrity, verifyProofSet } from '../../src/crypto/envelopes.js';
import { toDidKey } from '../../src/crypto/keys.js';
import { toBase58 } from '../../src/encoding/bytes.js';
import { importSecretKey, secretOf, type SigningKey } from '../../src/issue/keys.js';
import { ROOT, runCli } from '../helpers.js';

const VECTORS = join(ROOT, 'test/vectors/eddsa-jcs-2022');
const credential = JSON.parse(readFileSync(join(VECTORS, 'unsigned.json'), 'utf8')) as Record<string, unknown>;
const pairs = JSON.parse(readFileSync(join(VECTORS, 'multiKeyPairs.json'), 'utf8')) as Record<string, { publicKeyMultibase: string; privateKeyMultibase: string }>;
const keys = Object.values(pairs).map((p) => {
  const k = importSecretKey(p.privateKeyMultibase);
  if (!k.ok) throw new Error(k.message);
  return k.key;
});
const [k1, k2, k3, k4] = keys as [SigningKey, SigningKey, SigningKey, SigningKey];
const method = (k: SigningKey): string => `${toDidKey(k.publicKey)}#${toDidKey(k.publicKey).slice('did:key:'.length)}`;

/** A proof by `key` over `signed` (the document as this proof signs it), with its options. */
function prove(signed: Record<string, unknown>, key: SigningKey, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const options = { type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', created: '2023-02-24T23:36:38Z', verificationMethod: method(key), proofPurpose: 'assertionMethod', ...extra };
  const signature = signEd25519(dataIntegrityHashData(signed, options), secretOf(key));
  return { ...options, proofValue: `z${toBase58(signature)}` };
}

const p1 = prove(credential, k1, { id: 'urn:uuid:26329423-bec9-4b2e-88cb-a7c7d9dc4544' });
const p2 = prove(credential, k2, { id: 'urn:uuid:8cc9022b-6b14-4cf3-8571-74972c5feb54' });
// A chain: the third proof signed the credential holding the two it names, in that order; the
// fourth, the credential holding the third.
const p3 = prove({ ...credential, proof: [p1, p2] }, k3, { id: 'urn:uuid:d94f792a-c546-4d06-b38a-da070ab56c23', previousProof: [p1['id'], p2['id']] });
const p4 = prove({ ...credential, proof: [p3] }, k4, { previousProof: p3['id'] });
const set = { ...credential, proof: [p1, p2] };
const chain = { ...credential, proof: [p1, p2, p3, p4] };

t.test('a proof set verifies when each of its proofs does, and names each signer', async (t) => {
  const v = verifyProofSet(set, {});
  t.match(v, { ok: true, details: { signers: [toDidKey(k1.publicKey), toDidKey(k2.publicKey)] } });
  t.match(verifyProofSet({ ...credential, proof: p1 }, {}), { ok: true }, 'one proof, not in a list');
  t.match(verifyProofSet(JSON.parse(readFileSync(join(VECTORS, 'signedJCS.json'), 'utf8')), {}), { ok: true }, 'the W3C signed credential');
  t.match(verifyProofSet({ ...credential, name: 'Another Credential', proof: [p1, p2] }, {}), { ok: false, code: 'ERR_PROOF_INVALID', path: '/proof/0/proofValue' }, 'the credential changed after signing');
  t.match(verifyProofSet({ ...credential, proof: [p1, { ...p2, created: '2023-02-25T00:00:00Z' }] }, {}), { ok: false, code: 'ERR_PROOF_INVALID', path: '/proof/1/proofValue' }, 'the second proof changed');
  t.match(verifyProofSet({ ...credential, proof: [] }, {}), { ok: false, code: 'ERR_PROOF_MISSING', path: '/proof' });
  t.match(verifyProofSet({ ...credential, proof: [p1, 'z123'] }, {}), { ok: false, code: 'ERR_PROOF_MALFORMED', path: '/proof/1' });
  t.match(verifyProofSet({ ...credential, proof: [p1, { ...p2, verificationMethod: 'did:web:example.com#key-1' }] }, {}), { ok: false, code: 'ERR_KEY_UNRESOLVED', path: '/proof/1/verificationMethod' }, 'a key path names the proof it is in');
});

t.test('a proof chain: each chained proof signed the document holding the proofs it names', async (t) => {
  t.match(verifyProofSet(chain, {}), { ok: true, details: { signers: [k1, k2, k3, k4].map((k) => toDidKey(k.publicKey)) } });
  const { previousProof: _p, ...unchained } = p3;
  const asSet = prove(credential, k3, { id: p3['id'] });
  t.match(verifyProofSet({ ...credential, proof: [p1, p2, { ...asSet, previousProof: p3['previousProof'] }, p4] }, {}), { ok: false, code: 'ERR_PROOF_INVALID', path: '/proof/2/proofValue' }, 'a proof signed as one of a set, then claiming to follow two');
  t.match(verifyProofSet({ ...credential, proof: [p1, p2, { ...unchained, proofValue: p3['proofValue'] }, p4] }, {}), { ok: false, code: 'ERR_PROOF_INVALID', path: '/proof/2/proofValue' }, 'a chained proof stripped of its previousProof');
  t.match(verifyProofSet({ ...credential, proof: [p2, p3, p4] }, {}), { ok: false, code: 'ERR_PROOF_MALFORMED', path: '/proof/1/previousProof' }, 'a proof the chain follows removed');
  t.match(verifyProofSet({ ...credential, proof: [p1, p2, { ...p3, previousProof: [p2['id'], p1['id']] }, p4] }, {}), { ok: false, code: 'ERR_PROOF_INVALID', path: '/proof/2/proofValue' }, 'the proofs it follows named in another order');
  t.match(verifyProofSet({ ...credential, proof: [p1, p2, { ...p3, previousProof: [] }, p4] }, {}), { ok: false, code: 'ERR_PROOF_MALFORMED', path: '/proof/2/previousProof' }, 'an empty previousProof');
  t.match(verifyProofSet({ ...credential, proof: [{ ...p1, previousProof: p1['id'] }] }, {}), { ok: false, code: 'ERR_PROOF_MALFORMED', path: '/proof/0/previousProof' }, 'a proof cannot follow itself');
});

t.test('writ\'s own documents carry exactly one proof: verifyDataIntegrity refuses a set', async (t) => {
  t.match(verifyDataIntegrity(set, {}), { ok: false, code: 'ERR_PROOF_MISSING', path: '/proof' });
});

t.test('writ verify verifies any eddsa-jcs-2022 document, a proof set or chain included', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'writ-proof-set-'));
  writeFileSync(join(dir, 'chain.json'), JSON.stringify(chain, null, 2));
  writeFileSync(join(dir, 'tampered.json'), JSON.stringify({ ...chain, name: 'Another' }, null, 2));
  const detected = await runCli(['verify', 'chain.json', '--json'], { cwd: dir });
  t.equal(detected.code, 0, detected.out);
  t.match(JSON.parse(detected.out), { ok: true, files: [{ file: 'chain.json', type: 'data-integrity', ok: true }] }, 'a document no schema of the line recognises, secured by eddsa-jcs-2022 proofs, is verified by them');
  t.equal((await runCli(['verify', '--type', 'data-integrity', 'chain.json'], { cwd: dir })).code, 0, 'named');
  const tampered = await runCli(['verify', 'tampered.json', '--json'], { cwd: dir });
  t.equal(tampered.code, 1);
  t.match(JSON.parse(tampered.out), { ok: false, files: [{ ok: false, code: 'ERR_PROOF_INVALID', path: '/proof/0/proofValue' }] });
});
