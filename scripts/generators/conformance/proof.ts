/**
 * proof (SPEC.md 6.2, 6.4, 6.5, 12.1): eddsa-jcs-2022. The W3C vc-di-eddsa vector and attacks on it,
 * did:key and did:web methods (Multikey and JsonWebKey), the signed @context, times read through a
 * proof's expires, and Agent Commerce Rails station 1 and 2: the credentials and the agent card.
 */
import { join } from 'node:path';
import canonicalizeModule from 'canonicalize';
import { publicKeyOf, signEd25519 } from '../../../src/crypto/ed25519.js';
import { signDataIntegrity, type ProofOptions } from '../../../src/crypto/envelopes.js';
import { sha256Bytes } from '../../../src/crypto/hash.js';
import { fromBase58, toBase58, toHex } from '../../../src/encoding/bytes.js';
import { reprove, type Party } from '../../lib/parties.js';
import { accept, at, b64, mut, negativeZeroText, readJson, reject, utf8, vector, VECTORS, type Change, type Context, type Doc, type Expect } from './shared.js';
import { agentCredential, card, didContext, merchantCredential, merchantDid, NOV, P, T0 } from './world.js';
import { cardBy, credentialBy } from './builders.js';
import { hexBytes, L, le, leBytes, NON_CANONICAL, SMALL_ORDER } from './signature.js';

/** Dreamineering's verification method (did:web, its DID document supplied). */
const KEY1 = 'did:web:dreamineering.com#key-1';

type Serialize = (value: unknown) => string | undefined;
/** RFC 8785 by the canonicalize package itself, not writ's reader (CommonJS: at run time the default import is the function). */
const canonicalize: Serialize = ((canonicalizeModule as unknown as { default?: Serialize }).default ?? canonicalizeModule) as unknown as Serialize;

/** The W3C vc-di-eddsa test data (eddsa-jcs-2022), as published (test/vectors/eddsa-jcs-2022). */
const W3C = (file: string): Doc => readJson(join(VECTORS, 'eddsa-jcs-2022', file));
/** The W3C vector: a credential and its proof. */
const w3c = W3C('signedJCS.json');
/** The W3C test key's seed: its secretKeyMultibase is z and base58btc of 0x80 0x26 and the 32-byte seed. */
const w3cSeed = (fromBase58(W3C('keyPair.json').privateKeyMultibase.slice(1)) as Uint8Array).slice(2);
/** The W3C vector's proof options, without their @context, and the credential before it was proved. */
const { '@context': _c, ...w3cProofOptions } = W3C('proofConfigJCS.json');
const w3cOptions = w3cProofOptions as ProofOptions;
const w3cUnsigned = W3C('unsigned.json');
const proofVector = (name: string, spec: string, description: string, document: unknown, context: Context, expect: Expect, extra: Readonly<Record<string, unknown>> = {}): void => vector(`proof/${name}`, spec, description, { document, ...extra }, context, expect);
const credentialVector = (name: string, description: string, document: unknown, context: Context, expect: Expect): void => vector(`proof/credential/${name}`, '12.1', description, { operation: 'credential', document }, context, expect);
const cardVector = (name: string, description: string, document: unknown, credentials: unknown, context: Context, expect: Expect): void => vector(`proof/agent-card/${name}`, '12.1', description, { operation: 'agent_card', document, credentials }, context, expect);

export function proofVectors(): void {
  proofVector('w3c/eddsa-jcs-2022', '6.6', 'The W3C vc-di-eddsa test vector (eddsa-jcs-2022), as published.', w3c, at(0), accept());
  proofVector('w3c/credential-changed', '6.4', 'The W3C vector with its subject changed after signing.', mut(w3c, (d) => (d.credentialSubject.alumniOf = 'Another School')), at(0), reject('ERR_PROOF_INVALID'));
  proofVector('w3c/proof-options-changed', '6.4', 'The W3C vector with its proof\'s created time changed: the proof options are signed too.', mut(w3c, (d) => (d.proof.created = '2023-02-24T23:36:39Z')), at(0), reject('ERR_PROOF_INVALID'));
  proofVector('w3c/no-proof', '6.4', 'The W3C vector without its proof.', mut(w3c, (d) => delete d.proof), at(0), reject('ERR_PROOF_MISSING'));
  proofVector('w3c/rdfc-cryptosuite', '6.4', 'Cryptosuite substitution: the same proof relabelled eddsa-rdfc-2022, which canonicalises differently.', mut(w3c, (d) => (d.proof.cryptosuite = 'eddsa-rdfc-2022')), at(0), reject('ERR_PROOF_UNSUPPORTED'));
  // Time (SPEC.md 6.2): the W3C vector re-signed, with its key, under proof options that expire.
  // A leap second is the midnight after it; an expiry that does not read is refused, never
  // taken as "not expired".
  {
    const expiring = (expires: string): Doc => signDataIntegrity(w3cUnsigned, { ...w3cOptions, expires }, w3cSeed);
    const LEAP_MIDNIGHT = 1483228800; // 2017-01-01T00:00:00Z
    proofVector('w3c/expires-leap-second-passed', '6.2', 'A proof that expires at the leap second 2016-12-31T23:59:60Z, checked in 2026: expired, as the same proof expiring at 23:59:59 is (an implementation that cannot read the leap second must not skip the check).', expiring('2016-12-31T23:59:60Z'), at(T0), reject('ERR_PROOF_EXPIRED'));
    proofVector('w3c/expires-leap-second-at-midnight', '6.2', 'A proof that expires at the leap second 2016-12-31T23:59:60Z, checked at the midnight after it: the leap second is that midnight, so the proof has expired.', expiring('2016-12-31T23:59:60Z'), at(LEAP_MIDNIGHT), reject('ERR_PROOF_EXPIRED'));
    proofVector('w3c/expires-leap-second-not-yet', '6.2', 'A proof that expires at the leap second 2016-12-31T23:59:60Z, checked at 23:59:59: not yet expired.', expiring('2016-12-31T23:59:60Z'), at(LEAP_MIDNIGHT - 1), accept());
    proofVector('w3c/expires-offset-not-yet', '6.2', 'A proof that expires at 2017-01-01T01:00:00+01:00 (midnight UTC), checked one second before midnight UTC: not yet expired.', expiring('2017-01-01T01:00:00+01:00'), at(LEAP_MIDNIGHT - 1), accept());
    proofVector('w3c/expires-offset-passed', '6.2', 'A proof that expires at 2017-01-01T01:00:00+01:00 (midnight UTC), checked at midnight UTC: expired; an implementation that ignores the offset thinks it has an hour left.', expiring('2017-01-01T01:00:00+01:00'), at(LEAP_MIDNIGHT), reject('ERR_PROOF_EXPIRED'));
    proofVector('w3c/expires-fraction-not-yet', '6.2', 'A proof that expires at 2016-12-31T23:59:59.5Z, checked at 23:59:59: half a second is left (an implementation that drops the fraction thinks it has expired).', expiring('2016-12-31T23:59:59.5Z'), at(LEAP_MIDNIGHT - 1), accept());
    proofVector('w3c/expires-day-does-not-exist', '6.2', 'A proof whose expiry is 2030-02-30, a day that does not exist: refused, not taken as "not expired".', expiring('2030-02-30T00:00:00Z'), at(T0), reject('ERR_TIME_INVALID'));
    proofVector('w3c/expires-leap-second-not-utc', '6.2', 'A proof whose expiry is a leap second at noon UTC (2030-06-15T12:00:60Z), which cannot exist: refused.', expiring('2030-06-15T12:00:60Z'), at(T0), reject('ERR_TIME_INVALID'));
    proofVector('w3c/expires-no-offset', '6.2', 'A proof whose expiry has no offset (2099-01-01T00:00:00): not RFC 3339, refused rather than read as local time.', expiring('2099-01-01T00:00:00'), at(T0), reject('ERR_TIME_INVALID'));
  }
  proofVector('w3c/proof-value-not-multibase', '6.4', 'A proofValue in hex, not z + base58btc.', mut(w3c, (d) => (d.proof.proofValue = 'f' + '0'.repeat(128))), at(0), reject('ERR_PROOF_MALFORMED'));
  proofVector('w3c/proof-context-not-a-prefix', '6.4', "The proof's @context is not a prefix of the document's.", mut(w3c, (d) => (d.proof['@context'] = ['https://www.w3.org/ns/credentials/examples/v2'])), at(0), reject('ERR_PROOF_CONTEXT_MISMATCH'));
  proofVector('w3c/context-url-appended', '6.4', "Change a credential's meaning without breaking its proof: a context URL appended to the document's @context after signing. The W3C algorithm hashes the proof's @context in its place, so the proof still verifies there; writ refuses it.", mut(w3c, (d) => d['@context'].push('https://attacker.example/redefines-terms')), at(0), reject('ERR_PROOF_CONTEXT_MISMATCH'));
  proofVector('w3c/context-object-appended', '6.4', 'An inline context object appended to the document\'s @context after signing, redefining a term.', mut(w3c, (d) => d['@context'].push({ name: 'https://attacker.example/vocab#notTheName' })), at(0), reject('ERR_PROOF_CONTEXT_MISMATCH'));
  proofVector('w3c/did-key-fragment-of-another-key', '6.5', 'A did:key method whose fragment is not the DID\'s own key.', mut(w3c, (d) => (d.proof.verificationMethod = `${d.proof.verificationMethod.split('#')[0]}#${P.stranger.didKey.slice('did:key:'.length)}`)), at(0), reject('ERR_KEY_MALFORMED'));
  // Second routes (issue 11): each code reached through another part of the proof than above.
  proofVector('w3c/proof-moved-into-the-subject', '6.4', 'The W3C vector with its proof moved from the document into its credentialSubject: the document itself carries no proof, and one nested elsewhere does not count.', mut(w3c, (d) => ((d.credentialSubject.proof = d.proof), delete d.proof)), at(0), reject('ERR_PROOF_MISSING'));
  proofVector('w3c/not-a-data-integrity-proof', '6.4', 'Proof type substitution: the same proof relabelled Ed25519Signature2020, which is not a DataIntegrityProof.', mut(w3c, (d) => (d.proof.type = 'Ed25519Signature2020')), at(0), reject('ERR_PROOF_UNSUPPORTED'));
  proofVector('w3c/proof-value-63-bytes', '6.4', 'A proofValue that is z and base58btc, but of 63 bytes (the signature with its last byte cut off): not a 64-byte Ed25519 signature.', mut(w3c, (d) => (d.proof.proofValue = `z${toBase58((fromBase58(d.proof.proofValue.slice(1)) as Uint8Array).subarray(0, 63))}`)), at(0), reject('ERR_PROOF_MALFORMED'));
  {
    const x25519 = `z${toBase58(new Uint8Array([0xec, 0x01, ...P.stranger.pk]))}`;
    proofVector('w3c/did-key-not-ed25519', '6.5', 'A did:key method whose DID and fragment agree, but whose multicodec prefix (0xec 0x01) says X25519, not Ed25519: it is no Ed25519 key.', mut(w3c, (d) => (d.proof.verificationMethod = `did:key:${x25519}#${x25519}`)), at(0), reject('ERR_KEY_MALFORMED'));
  }
  proofVector('w3c/signed-unsafe-negative-integer', '3', 'The W3C vector with a member -9007199254740992 (-2^53) in its subject: signed content holding an integer beyond -(2^53 - 1), refused before the proof is checked.', mut(w3c, (d) => (d.credentialSubject.credits = -9007199254740992)), at(0), reject('ERR_JSON_UNSAFE_INTEGER'));
  proofVector('did-web/merchant-credential', '12.1', 'Agent Commerce Rails station 1: a third party verifies Dreamineering\'s self-issued credential with the did:web document it supplies.', merchantCredential, didContext(NOV), accept());
  proofVector('did-web/not-supplied', '6.5', 'A did:web method with no DID document supplied: never fetched.', merchantCredential, at(NOV), reject('ERR_KEY_UNRESOLVED'));
  proofVector('did-web/not-for-assertion', '6.5', 'The method is in the DID document but not under assertionMethod.', merchantCredential, at(NOV, { documents: [mut(merchantDid, (d) => (d.assertionMethod = []))] }), reject('ERR_PROOF_PURPOSE'));
  proofVector('expired-proof', '6.4', 'A proof whose expires time has passed.', reprove(agentCredential, P.merchant, undefined, { expires: '2026-11-01T09:00:00Z' }), didContext(NOV), reject('ERR_PROOF_EXPIRED'));
  // -0 does not survive JSON.stringify, so these cases give the document as text (SPEC.md 13.2).
  vector('proof/signed-negative-zero', '3', 'Signed content holding -0, which canonicalises to 0: two texts would share one signature.', { document_text: negativeZeroText(merchantCredential) }, didContext(NOV), reject('ERR_JSON_NEGATIVE_ZERO'));
  credentialVector('merchant.commerce-rails', 'Agent Commerce Rails station 1: the merchant credential, issued and proved by did:web:dreamineering.com.', merchantCredential, didContext(NOV), accept());
  credentialVector('agent.commerce-rails', 'Agent Commerce Rails station 1: the shopping agent\'s credential, issued by Dreamineering.', agentCredential, didContext(NOV), accept());
  credentialVector('proved-for-authentication', 'A credential proved for authentication: the proof does not assert it, even when the key is listed for authentication.', reprove(agentCredential, P.merchant, undefined, { proofPurpose: 'authentication' }), didContext(NOV), reject('ERR_PROOF_PURPOSE'));
  credentialVector('context-appended', 'A merchant credential whose @context gained a URL after signing: its terms could mean something else, and its proof would not show it.', mut(merchantCredential, (d) => d['@context'].push('https://attacker.example/v1')), didContext(NOV), reject('ERR_PROOF_CONTEXT_MISMATCH'));
  credentialVector('not-yet-valid', 'A credential used before its validFrom.', merchantCredential, didContext(Date.parse('2026-10-31T23:59:59Z') / 1000), reject('ERR_IDENTITY_NOT_YET_VALID'));
  credentialVector('expired', 'A credential used at its validUntil.', merchantCredential, didContext(Date.parse('2027-11-01T00:00:00Z') / 1000), reject('ERR_IDENTITY_EXPIRED'));
  credentialVector('agent-expired-by-an-offset', 'The agent credential re-issued by Dreamineering with validUntil 2026-11-01T12:00:00+02:00 (10:00 UTC), checked at 10:08 UTC: it has expired, though the text reads later.', reprove({ ...agentCredential, validUntil: '2026-11-01T12:00:00+02:00' }, P.merchant), didContext(NOV), reject('ERR_IDENTITY_EXPIRED'));
  credentialVector('agent-not-yet-valid-by-an-offset', 'The agent credential re-issued by Dreamineering with validFrom 2026-11-01T05:09:00-05:00 (10:09 UTC), checked at 10:08 UTC: not yet valid, though the text reads earlier.', reprove({ ...agentCredential, validFrom: '2026-11-01T05:09:00-05:00' }, P.merchant), didContext(NOV), reject('ERR_IDENTITY_NOT_YET_VALID'));
  credentialVector('issuer-impersonation', 'Issuer impersonation: a credential naming Dreamineering as issuer, proved by another key (a valid proof, by the wrong party).', reprove(mut(agentCredential, (d) => (d.credentialSubject.roles = ['buyer', 'seller'])), P.stranger, P.stranger.vm), didContext(NOV), reject('ERR_IDENTITY_ISSUER_MISMATCH'));
  cardVector('dreamineering.commerce-rails', 'Agent Commerce Rails station 2: the agent card verifies against the did:web document, and lists the merchant credential by its hash.', card, [merchantCredential], didContext(NOV), accept());
  cardVector('signed-by-another-did', 'Manifest spoofing: a card for did:web:dreamineering.com with cheaper prices, proved by another key.', reprove(mut(card, (d) => (d.tools[0].pricing.base_price.units = 1)), P.stranger, P.stranger.vm), [], didContext(NOV), reject('ERR_IDENTITY_ISSUER_MISMATCH'));
  cardVector('credential-swapped', 'The card lists a credential whose hash is not the hash of the credential given (a re-issued, changed credential).', card, [credentialBy(mut(merchantCredential, (d) => (d.name = 'changed')), P.merchant, KEY1, [merchantDid])], didContext(NOV), reject('ERR_IDENTITY_CREDENTIAL_MISMATCH'));
  cardVector('listed-hash-stale', 'The genuine merchant credential, given beside a card Dreamineering re-proved listing another hash for it: the card, not the credential, is what changed.', reprove(mut(card, (d) => (d.credentials[0].hash = `sha256:${'3'.repeat(64)}`)), P.merchant), [merchantCredential], didContext(NOV), reject('ERR_IDENTITY_CREDENTIAL_MISMATCH'));
  // Boundaries of keys (issue 11): a DID document's key given as a JsonWebKey.

  {
    const jwkDid = (x: string, change: Change = () => {}): Doc =>
      mut(merchantDid, (d) => {
        const vm = d.verificationMethod[0];
        delete vm.publicKeyMultibase;
        vm.type = 'JsonWebKey';
        vm.publicKeyJwk = { kty: 'OKP', crv: 'Ed25519', x };
        change(vm.publicKeyJwk);
      });
    const x = (party: Party): string => Buffer.from(party.hex, 'hex').toString('base64url');
    const jwkContext = (doc: Doc): Context => at(NOV, { documents: [doc] });
    proofVector('did-web/json-web-key', '6.5', "Dreamineering's credential, verified with its did:web document giving key-1 as a JsonWebKey (OKP, Ed25519) rather than a Multikey: the same key, so the proof verifies.", merchantCredential, jwkContext(jwkDid(x(P.merchant))), accept());
    proofVector('did-web/json-web-key-of-another-key', '6.5', "The did:web document's JsonWebKey holds a stranger's key: the merchant's proof does not verify under it.", merchantCredential, jwkContext(jwkDid(x(P.stranger))), reject('ERR_PROOF_INVALID'));
    proofVector('did-web/json-web-key-short', '6.5', "The JsonWebKey's x is 31 bytes: not an Ed25519 public key.", merchantCredential, jwkContext(jwkDid(Buffer.from(P.merchant.hex, 'hex').subarray(1).toString('base64url'))), reject('ERR_KEY_MALFORMED'));
    proofVector('did-web/json-web-key-x25519', '6.5', 'The JsonWebKey is an X25519 key (crv X25519), which cannot verify an Ed25519 signature.', merchantCredential, jwkContext(jwkDid(x(P.merchant), (k) => (k.crv = 'X25519'))), reject('ERR_KEY_MALFORMED'));
  }
  // crypto boundaries (mutation testing of src/crypto/)
  // Each vector below has one fault, named by its id, and is signed again when the fault is not the
  // signature: the W3C vector's key for did:key proofs, Dreamineering's for did:web ones (the
  // compact envelope's are in compact.ts). Expectations are SPEC.md 3, 6.3 to 6.5 and the error registry.
  {
    const w3cPk = publicKeyOf(w3cSeed);
    /** The W3C credential (or `doc`), proved again by the W3C key with its proof options changed. */
    const w3cProved = (change: Readonly<Record<string, unknown>> = {}, doc: Doc = w3cUnsigned): Doc => signDataIntegrity(doc, { ...w3cOptions, ...change } as ProofOptions, w3cSeed);
    const multibase = (bytes: Uint8Array): string => `z${toBase58(bytes)}`;
    const didKeyMethod = (mb: string): string => `did:key:${mb}#${mb}`;
    const ed25519Multikey = (key: Uint8Array): string => multibase(new Uint8Array([0xed, 0x01, ...key]));
    const signatureOf = (doc: Doc): Uint8Array => fromBase58(doc.proof.proofValue.slice(1)) as Uint8Array;
    const w3cSig = signatureOf(w3c);

    proofVector('not-an-object', '6.4', 'A secured document that is null, not an object: it carries no proof.', null, at(0), reject('ERR_PROOF_MISSING'));
    // proofValue (SPEC.md 6.4, check 1): z and base58btc of 64 bytes, nothing else.
    proofVector('w3c/proof-value-base58flickr-prefix', '6.4', 'A proofValue whose multibase prefix is Z (base58flickr), followed by the base58btc text of the genuine signature: only z (base58btc) is the envelope\'s encoding.', mut(w3c, (d) => (d.proof.proofValue = `Z${d.proof.proofValue.slice(1)}`)), at(0), reject('ERR_PROOF_MALFORMED'));
    proofVector('w3c/proof-value-not-a-string', '6.4', 'A proofValue that is a list holding the genuine proofValue, not a string.', mut(w3c, (d) => (d.proof.proofValue = [d.proof.proofValue])), at(0), reject('ERR_PROOF_MALFORMED'));
    proofVector('w3c/proof-value-65-bytes', '6.4', 'A proofValue that is z and base58btc of 65 bytes (the genuine signature and a zero byte): not a 64-byte Ed25519 signature.', mut(w3c, (d) => (d.proof.proofValue = multibase(new Uint8Array([...w3cSig, 0])))), at(0), reject('ERR_PROOF_MALFORMED'));
    // The checks before the equation (SPEC.md 6.4, checks 2 to 6) answer with their own codes in a
    // proof too, not with ERR_PROOF_INVALID.
    proofVector('w3c/proof-value-malleated', '6.4', 'Signature malleability in a proof: the genuine signature with S + L, which a lax verifier accepts as a second proofValue.', mut(w3c, (d) => (d.proof.proofValue = multibase(new Uint8Array([...w3cSig.subarray(0, 32), ...leBytes(le(w3cSig.subarray(32)) + L)])))), at(0), reject('ERR_SIG_NON_CANONICAL'));
    proofVector('w3c/proof-value-small-order-r', '6.4', 'A proofValue whose R is a point of order 8, with the genuine S.', mut(w3c, (d) => (d.proof.proofValue = multibase(new Uint8Array([...hexBytes(SMALL_ORDER['order-8']), ...w3cSig.subarray(32)])))), at(0), reject('ERR_SIG_SMALL_ORDER'));
    proofVector('did-key/small-order-key', '6.4', 'A proof by a did:key method whose key is the identity point, a key of small order: refused before the equation.', w3cProved({ verificationMethod: didKeyMethod(ed25519Multikey(hexBytes(SMALL_ORDER.identity))) }), at(0), reject('ERR_SIG_SMALL_ORDER'));
    proofVector('did-key/non-canonical-key', '6.4', 'A proof by a did:key method whose key is a non-canonical encoding (y = p).', w3cProved({ verificationMethod: didKeyMethod(ed25519Multikey(hexBytes(NON_CANONICAL['y-equals-p']))) }), at(0), reject('ERR_SIG_NON_CANONICAL'));

    // did:key (SPEC.md 6.5): did:key: + z + base58btc(0xed 0x01 + 32 bytes), and its method id <DID>#<multikey>.
    const didKeyVector = (name: string, description: string, mb: string): void => proofVector(`did-key/${name}`, '6.5', `The W3C credential proved again by its key under the did:key method ${description}: no Ed25519 did:key method.`, w3cProved({ verificationMethod: didKeyMethod(mb) }), at(0), reject('ERR_KEY_MALFORMED'));
    const w3cKeyBytes = new Uint8Array([0xed, 0x01, ...w3cPk]);
    didKeyVector('multibase-base16', 'whose multikey is the base16 multibase (f and lowercase hex) of the W3C key\'s 0xed 0x01 and 32 bytes', `f${toHex(w3cKeyBytes)}`);
    didKeyVector('multikey-not-base58', 'whose multikey is z and text with 0, O, I and l, which base58btc does not have', `z6Mk0OIl${ed25519Multikey(w3cPk).slice(8)}`);
    didKeyVector('multikey-33-bytes', 'whose multikey is 0xed 0x01 and the first 31 bytes of the W3C key (33 bytes)', multibase(w3cKeyBytes.subarray(0, 33)));
    didKeyVector('multikey-35-bytes', 'whose multikey is 0xed 0x01, the W3C key and a zero byte (35 bytes)', multibase(new Uint8Array([...w3cKeyBytes, 0])));
    didKeyVector('multicodec-ed-02', 'whose multikey starts 0xed 0x02, not 0xed 0x01', multibase(new Uint8Array([0xed, 0x02, ...w3cPk])));
    didKeyVector('multikey-leading-zero-byte', 'whose multikey is z, a 1 (base58btc for a leading zero byte) and the W3C key\'s multikey text', `z1${ed25519Multikey(w3cPk).slice(1)}`);
    proofVector('did-key/no-fragment', '6.5', 'The W3C credential proved again by its key under the did:key DID alone, without the #<multikey> fragment a did:key method id has.', w3cProved({ verificationMethod: `did:key:${ed25519Multikey(w3cPk)}` }), at(0), reject('ERR_KEY_MALFORMED'));
    proofVector('did-key/purpose-key-agreement', '6.5', 'The W3C credential proved again by its key for keyAgreement: an Ed25519 did:key lists its key for authentication, assertionMethod, capabilityInvocation and capabilityDelegation only.', w3cProved({ proofPurpose: 'keyAgreement' }), at(0), reject('ERR_PROOF_PURPOSE'));
    {
      const { verificationMethod: _vm, ...noMethod } = w3cOptions;
      proofVector('w3c/no-verification-method', '6.5', 'The W3C credential proved again by its key under proof options that name no verificationMethod: no key can be resolved.', signDataIntegrity(w3cUnsigned, noMethod as ProofOptions, w3cSeed), at(0), reject('ERR_KEY_UNRESOLVED'));
    }

    // @context (SPEC.md 6.4): the document's is exactly the proof's copy. Each document below was
    // proved with the @context the proof carries, then its own @context was changed.
    const ctx = w3cUnsigned['@context'];
    const withContext = (context: unknown): Doc => ({ ...w3cUnsigned, '@context': context });
    proofVector('w3c/context-entry-replaced', '6.4', "The document's second @context entry replaced after signing (the proof's copy and the document's have the same length and differ in one entry): a W3C-style verifier that hashed the proof's copy in its place would find the proof valid.", mut(w3cProved(), (d) => (d['@context'][1] = 'https://attacker.example/credentials/v2')), at(0), reject('ERR_PROOF_CONTEXT_MISMATCH'));
    proofVector('w3c/context-longer-in-the-proof', '6.4', "A proof made over three @context entries, on a document that carries only the first two: the proof's @context is not a prefix of the document's.", mut(w3cProved({}, withContext([...ctx, 'https://www.w3.org/ns/credentials/undefined-terms/v2'])), (d) => (d['@context'] = [...ctx])), at(0), reject('ERR_PROOF_CONTEXT_MISMATCH'));
    proofVector('w3c/context-removed-from-the-document', '6.4', 'The document\'s @context removed after signing, the proof keeping its copy.', mut(w3cProved(), (d) => delete d['@context']), at(0), reject('ERR_PROOF_CONTEXT_MISMATCH'));
    proofVector('w3c/context-a-single-string', '6.4', 'A document whose @context is one URL, a string rather than a list, proved with that same string as the proof\'s @context.', w3cProved({}, withContext(ctx[0])), at(0), accept());
    {
      const inline = { '@vocab': 'https://vc.example/vocab#', alumniOf: 'https://schema.org/alumniOf' };
      proofVector('w3c/context-object-members-reordered', '6.4', "A document whose @context holds an inline context object, proved with it, and then written with that object's members in another order: the two are one JSON value (compared in canonical form), so the proof verifies.", mut(w3cProved({}, withContext([ctx[0], inline])), (d) => (d['@context'][1] = { alumniOf: inline.alumniOf, '@vocab': inline['@vocab'] })), at(0), accept());
    }

    // expires (SPEC.md 6.2): expired at the instant itself.
    {
      const EXPIRY = T0 + 3600;
      const expiry = new Date(EXPIRY * 1000).toISOString().replace('.000Z', 'Z');
      proofVector('w3c/expires-at-now', '6.2', `A proof that expires at ${expiry}, checked at that second: it has expired.`, w3cProved({ expires: expiry }), at(EXPIRY), reject('ERR_PROOF_EXPIRED'));
      proofVector('w3c/expires-one-second-left', '6.2', `A proof that expires at ${expiry}, checked one second before: not yet expired.`, w3cProved({ expires: expiry }), at(EXPIRY - 1), accept());
      proofVector('w3c/expires-unix-seconds', '6.2', 'A proof whose expires is Unix seconds (a number), not an RFC 3339 date-time: refused, not taken as "not expired".', w3cProved({ expires: EXPIRY }), at(T0), reject('ERR_TIME_INVALID'));
    }

    // did:web (SPEC.md 6.5): the method must be listed under the proof's purpose in the supplied
    // DID document, and be one of its verification methods with one Ed25519 key.
    const method = (id: string, party: Party) => ({ id, type: 'Multikey', controller: 'did:web:dreamineering.com', publicKeyMultibase: party.multikey });
    const webDoc = (change: Change): Doc => mut(merchantDid, change);
    const webVector = (name: string, description: string, document: unknown, context: Context, expect: Expect): void => proofVector(`did-web/${name}`, '6.5', description, document, context, expect);
    const withDoc = (doc: Doc): Context => at(NOV, { documents: [doc] });
    webVector('relative-references', "Dreamineering's DID document declaring key-1 with the relative id #key-1 and listing #key-1 under assertionMethod: a relative reference is resolved against the document's DID.", merchantCredential, withDoc(webDoc((d) => ((d.verificationMethod[0].id = '#key-1'), (d.assertionMethod = ['#key-1']), (d.authentication = ['#key-1'])))), accept());
    webVector('two-keys', "Dreamineering's DID document declaring a stranger's key as key-0 before its own key-1, both listed under assertionMethod: the proof by key-1 resolves to key-1's key.", merchantCredential, withDoc(webDoc((d) => ((d.verificationMethod = [method('did:web:dreamineering.com#key-0', P.stranger), method(KEY1, P.merchant)]), (d.assertionMethod = ['did:web:dreamineering.com#key-0', KEY1])))), accept());
    webVector('two-keys-relative', 'The same two keys with relative ids, #key-0 (the stranger\'s) and #key-1, listed by relative reference: the proof by key-1 resolves to key-1\'s key.', merchantCredential, withDoc(webDoc((d) => ((d.verificationMethod = [method('#key-0', P.stranger), method('#key-1', P.merchant)]), (d.assertionMethod = ['#key-0', '#key-1'])))), accept());
    webVector('embedded-method', 'Key-1 embedded as an object under assertionMethod, and not declared in verificationMethod: an embedded method is a method of the document.', merchantCredential, withDoc(webDoc((d) => ((d.verificationMethod = []), (d.assertionMethod = [method(KEY1, P.merchant)])))), accept());
    webVector('embedded-method-relative-id', 'Key-1 embedded under assertionMethod with the relative id #key-1.', merchantCredential, withDoc(webDoc((d) => ((d.verificationMethod = []), (d.assertionMethod = [method('#key-1', P.merchant)])))), accept());
    webVector('embedded-method-of-another-id', "The document declares key-1, but assertionMethod holds only an embedded key-2 (a stranger's key): key-1 is not listed under assertionMethod.", merchantCredential, withDoc(webDoc((d) => (d.assertionMethod = [method('did:web:dreamineering.com#key-2', P.stranger)]))), reject('ERR_PROOF_PURPOSE'));
    webVector('listed-for-authentication-only', 'The document declares key-1 and key-2 (a stranger\'s key), lists key-2 under assertionMethod and key-1 under authentication only: key-1 is not listed under the proof\'s purpose.', merchantCredential, withDoc(webDoc((d) => ((d.verificationMethod = [method(KEY1, P.merchant), method('did:web:dreamineering.com#key-2', P.stranger)]), (d.assertionMethod = ['did:web:dreamineering.com#key-2']), (d.authentication = [KEY1])))), reject('ERR_PROOF_PURPOSE'));
    webVector('listed-not-declared', 'Key-1 listed under assertionMethod, but the document declares only key-2: key-1 is no verification method of the document.', merchantCredential, withDoc(webDoc((d) => (d.verificationMethod = [method('did:web:dreamineering.com#key-2', P.stranger)]))), reject('ERR_KEY_UNRESOLVED'));
    webVector('verification-method-not-a-list', "The document's verificationMethod is key-1's object itself, not a list of methods: it declares no method.", merchantCredential, withDoc(webDoc((d) => (d.verificationMethod = d.verificationMethod[0]))), reject('ERR_KEY_UNRESOLVED'));
    webVector('verification-method-holds-no-object', "The document's verificationMethod holds null and key-1's id as a string, no method object: key-1 is listed but not declared.", merchantCredential, withDoc(webDoc((d) => (d.verificationMethod = [null, KEY1]))), reject('ERR_KEY_UNRESOLVED'));
    webVector('assertion-method-not-a-list', "The document's assertionMethod is key-1's id as a string, not a list: nothing is listed under assertionMethod.", merchantCredential, withDoc(webDoc((d) => (d.assertionMethod = KEY1))), reject('ERR_PROOF_PURPOSE'));
    webVector('no-key', 'Key-1 declared with neither publicKeyMultibase nor publicKeyJwk.', merchantCredential, withDoc(webDoc((d) => delete d.verificationMethod[0].publicKeyMultibase)), reject('ERR_KEY_MALFORMED'));
    webVector('document-of-another-did', 'The only DID document supplied is for did:web:dreamineering.co (the same document with another id): none is supplied for did:web:dreamineering.com.', merchantCredential, withDoc(webDoc((d) => (d.id = 'did:web:dreamineering.co'))), reject('ERR_KEY_UNRESOLVED'));
    webVector('method-without-fragment', "Dreamineering's credential proved again by its key under the verificationMethod did:web:dreamineering.com, the DID without a fragment: that names the document, and is not listed under assertionMethod.", reprove(merchantCredential, P.merchant, 'did:web:dreamineering.com'), didContext(NOV), reject('ERR_PROOF_PURPOSE'));
    webVector('proof-purpose-a-list', 'Dreamineering\'s credential proved again by its key with proofPurpose ["assertionMethod"], a list, not a string: a purpose is one relation name.', reprove(merchantCredential, P.merchant, undefined, { proofPurpose: ['assertionMethod'] }), didContext(NOV), reject('ERR_PROOF_PURPOSE'));
    {
      const jwkDoc = (change: Change): Doc => webDoc((d) => {
        const vm = d.verificationMethod[0];
        delete vm.publicKeyMultibase;
        vm.type = 'JsonWebKey';
        vm.publicKeyJwk = { kty: 'OKP', crv: 'Ed25519', x: b64(P.merchant.pk) };
        change(vm.publicKeyJwk);
      });
      webVector('json-web-key-kty-ec', "Key-1 as a JsonWebKey with Dreamineering's x and crv Ed25519, but kty EC: an Ed25519 JWK is kty OKP.", merchantCredential, withDoc(jwkDoc((k) => (k.kty = 'EC'))), reject('ERR_KEY_MALFORMED'));
      webVector('json-web-key-x-not-a-string', "Key-1 as a JsonWebKey whose x is a number, not base64url text.", merchantCredential, withDoc(jwkDoc((k) => (k.x = 12345))), reject('ERR_KEY_MALFORMED'));
      webVector('json-web-key-with-private-member', "Key-1 as Dreamineering's JsonWebKey carrying its private member d (the example key's seed): a public key never has one.", merchantCredential, withDoc(jwkDoc((k) => (k.d = b64(P.merchant.seed)))), reject('ERR_KEY_MALFORMED'));
    }
  }
  // Exactly the signed @context, one key form, an absolute DID URL, and the compact envelope's order
  // (SPEC.md 6.4, 6.5): each rule with the side that passes and the side that does not.
  {
    const seed = w3cSeed;
    const options = w3cOptions;
    const unsigned = w3cUnsigned;
    const ctx = unsigned['@context'];
    const canonical = (v: unknown): string => canonicalize(v) as string;
    const webVector = (name: string, description: string, document: unknown, context: Context, expect: Expect): void => proofVector(`did-web/${name}`, '6.5', description, document, context, expect);
    const withDoc = (doc: Doc): Context => at(NOV, { documents: [doc] });
    const webDoc = (change: Change): Doc => mut(merchantDid, change);
    /** Proved as eddsa-jcs-2022 defines it, with exactly these proof options (no @context copied in). */
    const provedWith = (doc: Doc, proofOptions: Doc): Doc => {
      const { proof: _p, ...body } = doc;
      const hashData = new Uint8Array([...sha256Bytes(utf8(canonical(proofOptions))), ...sha256Bytes(utf8(canonical(body)))]);
      return { ...body, proof: { ...proofOptions, proofValue: `z${toBase58(signEd25519(hashData, seed))}` } };
    };
    proofVector('w3c/context-not-in-the-proof', '6.4', "The W3C credential proved under proof options that carry no @context: the document's own @context is then signed as part of the document, and the proof verifies.", provedWith(unsigned, options), at(0), accept());
    proofVector('w3c/context-not-in-the-proof-then-appended', '6.4', "The same proof without an @context of its own, on the document whose @context gained a URL after signing: the document hash no longer matches.", mut(provedWith(unsigned, options), (d) => d['@context'].push('https://attacker.example/redefines-terms')), at(0), reject('ERR_PROOF_INVALID'));
    proofVector('w3c/context-list-of-one-for-a-string', '6.4', "A document proved with the @context [\"https://www.w3.org/ns/credentials/v2\"], a list of one, whose @context was then written as that one string: not exactly the signed copy.", mut(provedWith({ ...unsigned, '@context': [ctx[0]] }, { ...options, '@context': [ctx[0]] }), (d) => (d['@context'] = ctx[0])), at(0), reject('ERR_PROOF_CONTEXT_MISMATCH'));
    proofVector('w3c/context-string-for-a-list-of-one', '6.4', 'The other way round: proved with the @context as one string, then written as a list of one.', mut(provedWith({ ...unsigned, '@context': ctx[0] }, { ...options, '@context': ctx[0] }), (d) => (d['@context'] = [ctx[0]])), at(0), reject('ERR_PROOF_CONTEXT_MISMATCH'));
    {
      const { '@context': _dc, ...withoutContext } = unsigned;
      proofVector('w3c/context-empty-list-on-a-document-without-one', '6.4', 'A document without an @context, proved under proof options whose @context is the empty list: the document has no copy of it.', provedWith(withoutContext, { ...options, '@context': [] }), at(0), reject('ERR_PROOF_CONTEXT_MISMATCH'));
    }

    // One key form per method; an absolute DID URL.
    webVector('method-with-both-key-forms', "Key-1 declared with its Multikey and also a JsonWebKey of the same key: a method holding two key forms could name two keys, and names none.", merchantCredential, withDoc(webDoc((d) => (d.verificationMethod[0].publicKeyJwk = { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(P.merchant.hex, 'hex').toString('base64url') }))), reject('ERR_KEY_MALFORMED'));
    webVector('relative-verification-method', "Dreamineering's credential proved again by its key under the verificationMethod #key-1, a relative reference with no DID to resolve it against: not a DID URL.", reprove(merchantCredential, P.merchant, '#key-1'), didContext(NOV), reject('ERR_KEY_MALFORMED'));
    webVector('relative-verification-method-and-a-document-without-an-id', 'The same proof by #key-1, with a supplied DID document whose id is the empty string and which lists #key-1: a relative method is still no DID URL, whatever document is given.', reprove(merchantCredential, P.merchant, '#key-1'), withDoc(webDoc((d) => ((d.id = ''), (d.verificationMethod[0].id = '#key-1'), (d.assertionMethod = ['#key-1'])))), reject('ERR_KEY_MALFORMED'));

  }
  {
    // Times (SPEC.md 6.2), through a proof's expires: each is read, or refused, as RFC 3339 says.
    const expiring = (expires: unknown): Doc => reprove(agentCredential, P.merchant, undefined, { expires });
    const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number => Date.UTC(y, mo - 1, d, h, mi, s) / 1000;
    const expiry = (name: string, description: string, expires: string, now: number, expect: Expect): void => proofVector(`encoding/expires/${name}`, '6.2', description, expiring(expires), didContext(now), expect);
    for (const [name, expires, valid] of [
      ['leap-day-2024', '2024-02-29T00:00:00Z', true],
      ['leap-day-2000', '2000-02-29T00:00:00Z', true],
      ['no-leap-day-2023', '2023-02-29T00:00:00Z', false],
      ['no-leap-day-2100', '2100-02-29T00:00:00Z', false],
      ['no-leap-day-1900', '1900-02-29T00:00:00Z', false],
      ['april-30', '2023-04-30T00:00:00Z', true],
      ['april-31', '2023-04-31T00:00:00Z', false],
      ['december-31', '2023-12-31T00:00:00Z', true],
      ['january-32', '2023-01-32T00:00:00Z', false],
      ['month-00', '2023-00-10T00:00:00Z', false],
      ['month-13', '2023-13-10T00:00:00Z', false],
      ['day-00', '2023-01-00T00:00:00Z', false],
      ['hour-23', '2023-01-01T23:00:00Z', true],
      ['hour-24', '2023-01-01T24:00:00Z', false],
      ['minute-59', '2023-01-01T00:59:00Z', true],
      ['minute-60', '2023-01-01T00:60:00Z', false],
      ['second-61', '2016-12-31T23:59:61Z', false],
      ['offset-plus-23-59', '2023-01-02T00:00:00+23:59', true],
      ['offset-plus-23-00', '2023-01-02T00:00:00+23:00', true],
      ['offset-plus-24-00', '2023-01-02T00:00:00+24:00', false],
      ['offset-minus-00-59', '2023-01-01T00:00:00-00:59', true],
      ['offset-minus-00-60', '2023-01-01T00:00:00-00:60', false],
      ['lower-case-t-and-z', '2023-01-01t00:00:00z', true],
      ['five-digit-year', '12023-01-01T00:00:00Z', false],
      ['sign-before-year', '+2023-01-01T00:00:00Z', false],
      ['text-after-zone', '2023-01-01T00:00:00Zjunk', false],
      ['space-for-t', '2023-01-01 00:00:00Z', false],
      ['fraction-without-digits', '2023-01-01T00:00:00.Z', false],
      ['long-fraction', '2023-01-01T00:00:00.000000000001Z', true],
    ] as const) {
      expiry(name, `A proof that expires at ${expires}, checked in 2026: ${valid ? 'a time that exists, so the proof has expired' : 'not a time RFC 3339 writes, or one that does not exist, so refused'}.`, expires, T0, reject(valid ? 'ERR_PROOF_EXPIRED' : 'ERR_TIME_INVALID'));
    }
    // The range of writ's clock (SPEC.md 6.2): an RFC 3339 time reads only from 1970-01-01T00:00:00Z
    // to 9999-12-31T23:59:59.999...Z, after its offset.
    for (const [name, expires, inRange, why] of [
      ['first-second-of-1970', '1970-01-01T00:00:00Z', true, 'the first second of writ\'s clock'],
      ['last-second-of-1969', '1969-12-31T23:59:59Z', false, 'one second before writ\'s clock begins'],
      ['offset-at-1970', '1970-01-01T01:00:00+01:00', true, '1970-01-01T00:00:00Z after its offset'],
      ['offset-before-1970', '1970-01-01T00:59:59+01:00', false, '1969-12-31T23:59:59Z after its offset, though its text reads 1970'],
      ['offset-past-9999', '9999-12-31T23:59:59-00:01', false, '10000-01-01T00:00:59Z after its offset, past writ\'s clock'],
      ['leap-second-past-9999', '9999-12-31T23:59:60Z', false, 'a leap second read as 10000-01-01T00:00:00Z, past writ\'s clock'],
    ] as const) {
      expiry(`range/${name}`, `A proof that expires at ${expires}, ${why}, checked in 2026: ${inRange ? 'it reads, so the proof has expired' : 'no time writ reads, so refused'}.`, expires, T0, reject(inRange ? 'ERR_PROOF_EXPIRED' : 'ERR_TIME_INVALID'));
    }
    expiry('range/fraction-of-the-last-second/at', 'A proof that expires at 9999-12-31T23:59:59.999Z, checked at 253402300799, the last Unix second: that second\'s fraction is still to come, so not yet expired.', '9999-12-31T23:59:59.999Z', utc(9999, 12, 31, 23, 59, 59), accept());
    proofVector('encoding/expires/a-number', '6.2', 'A proof whose expires is the number 1767225600, not an RFC 3339 string: refused.', expiring(1767225600), didContext(T0), reject('ERR_TIME_INVALID'));
    // The instant of each: expired at it, not one second before.
    for (const [name, expires, instant] of [
      ['mid-february', '2023-02-15T12:00:00Z', utc(2023, 2, 15, 12)],
      ['end-of-january', '2023-01-31T12:00:00Z', utc(2023, 1, 31, 12)],
      ['first-of-march', '2023-03-01T00:00:00Z', utc(2023, 3, 1)],
      ['leap-day-2024', '2024-02-29T12:00:00Z', utc(2024, 2, 29, 12)],
      ['march-2100', '2100-03-01T00:00:00Z', utc(2100, 3, 1)],
      ['march-2200', '2200-03-15T00:00:00Z', utc(2200, 3, 15)],
      ['december-2099', '2099-12-31T00:00:00Z', utc(2099, 12, 31)],
      ['year-9999', '9999-12-31T23:59:59Z', utc(9999, 12, 31, 23, 59, 59)],
      ['offset-plus-05-30', '2017-01-01T05:30:00+05:30', utc(2017, 1, 1)],
      ['offset-minus-05-30', '2016-12-31T18:30:00-05:30', utc(2017, 1, 1)],
      ['offset-minus-09-45', '2023-06-01T02:15:00-09:45', utc(2023, 6, 1, 12)],
      ['leap-second-at-minus-05-30', '2016-12-31T18:29:60-05:30', utc(2017, 1, 1)],
      ['leap-second-at-plus-01-00', '2017-01-01T00:59:60+01:00', utc(2017, 1, 1)],
    ] as const) {
      expiry(`${name}/at`, `A proof that expires at ${expires}, checked at that instant (Unix ${instant}): expired.`, expires, instant, reject('ERR_PROOF_EXPIRED'));
      expiry(`${name}/before`, `A proof that expires at ${expires}, checked one second before it (Unix ${instant - 1}): not yet expired.`, expires, instant - 1, accept());
    }
    expiry('leap-second-not-at-midnight-utc', 'A proof that expires at 2016-12-31T23:59:60+01:00, which is 22:59:60 UTC: no leap second there, refused.', '2016-12-31T23:59:60+01:00', T0, reject('ERR_TIME_INVALID'));
  }
  {
    // Byte encodings (SPEC.md 6.4, 6.5).
    const proofValued = (name: string, description: string, proofValue: string, expect: Expect): void => proofVector(`encoding/proof-value/${name}`, '6.4', description, mut(agentCredential, (d) => (d.proof.proofValue = proofValue)), didContext(NOV), expect);
    const sig = agentCredential.proof.proofValue.slice(1);
    proofValued('leading-one', 'The proofValue with a 1 before its base58btc: a zero byte, so 65 bytes, not a signature.', `z1${sig}`, reject('ERR_PROOF_MALFORMED'));
    proofValued('two-leading-ones', 'The proofValue with 11 before its base58btc: 66 bytes.', `z11${sig}`, reject('ERR_PROOF_MALFORMED'));
    proofValued('not-in-the-alphabet', 'The proofValue with a 0, which base58btc does not have, in place of its last character.', `z${sig.slice(0, -1)}0`, reject('ERR_PROOF_MALFORMED'));
    proofValued('l-not-in-the-alphabet', 'The proofValue with an l (not in base58btc) at its start.', `zl${sig.slice(1)}`, reject('ERR_PROOF_MALFORMED'));
    // A signature whose first byte is zero is written with a leading 1.
    let zeroLed: Doc | undefined;
    for (let i = 0; zeroLed === undefined; i++) {
      const d = reprove(agentCredential, P.merchant, undefined, { created: `2026-11-01T00:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z`, ...(i >= 3600 ? { nonce: String(i) } : {}) });
      if (fromBase58(d.proof.proofValue.slice(1))?.[0] === 0) zeroLed = d;
    }
    proofVector('encoding/proof-value/signature-with-a-zero-first-byte', '6.4', `The agent credential proved again until its signature's first byte is 0: base58btc writes it with a leading 1 (${zeroLed.proof.proofValue.slice(0, 6)}...), and it verifies.`, zeroLed, didContext(NOV), accept());
    proofVector('encoding/proof-value/signature-with-a-zero-first-byte-dropped', '6.4', 'The same proof with its leading 1 dropped: 63 bytes.', mut(zeroLed, (d) => (d.proof.proofValue = `z${d.proof.proofValue.slice(2)}`)), didContext(NOV), reject('ERR_PROOF_MALFORMED'));
    // JWK x (base64url without padding, one spelling).
    const x = Buffer.from(P.merchant.hex, 'hex').toString('base64url');
    const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const nonCanonical = `${x.slice(0, -1)}${B64[B64.indexOf(x.at(-1) as string) | 1]}`;
    const jwkDoc = (xValue: string): Doc => mut(merchantDid, (d) => {
      delete d.verificationMethod[0].publicKeyMultibase;
      d.verificationMethod[0].type = 'JsonWebKey';
      d.verificationMethod[0].publicKeyJwk = { kty: 'OKP', crv: 'Ed25519', x: xValue };
    });
    const jwkVector = (name: string, description: string, xValue: string, expect: Expect): void => proofVector(`encoding/jwk-x/${name}`, '6.5', description, merchantCredential, at(NOV, { documents: [jwkDoc(xValue)] }), expect);
    jwkVector('canonical', "Dreamineering's key as a JsonWebKey, x its base64url: the credential verifies.", x, accept());
    jwkVector('trailing-bits-set', `The same x with its last character ${x.at(-1)} written ${nonCanonical.at(-1)}: the unused bits are set, a second spelling of the same key, refused.`, nonCanonical, reject('ERR_KEY_MALFORMED'));
    jwkVector('padded', 'The same x with = padding.', `${x}=`, reject('ERR_KEY_MALFORMED'));
    jwkVector('standard-alphabet-padded', 'x written in standard base64, with its = padding.', Buffer.from(P.merchant.hex, 'hex').toString('base64'), reject('ERR_KEY_MALFORMED'));
    jwkVector('one-character-over', 'x with one more character (44 characters, length 1 modulo 4 beyond a whole group).', `${x}A`, reject('ERR_KEY_MALFORMED'));
  }
  // Mutation boundaries, RFC 3339 times (SPEC.md 6.2): src/encoding/time.ts.
  {
    // A fraction of zeros only is no fraction (SPEC.md 6.2: the fraction is compared digit by
    // digit, so ...:00.0Z is the instant ...:00Z): a proof expiring at it has expired at that
    // whole second, and not one second before.
    const zeroExpiring = (expires: string): Doc => reprove(agentCredential, P.merchant, undefined, { expires });
    const zeroInstant = Date.UTC(2023, 1, 15, 12, 0, 0) / 1000;
    for (const [name, expires] of [
      ['fraction-0', '2023-02-15T12:00:00.0Z'],
      ['fraction-000', '2023-02-15T12:00:00.000Z'],
    ] as const) {
      proofVector(`encoding/expires/${name}/at`, '6.2', `A proof that expires at ${expires}, a fraction of zeros only, so the instant 2023-02-15T12:00:00Z; checked at that instant (Unix ${zeroInstant}): expired.`, zeroExpiring(expires), didContext(zeroInstant), reject('ERR_PROOF_EXPIRED'));
      proofVector(`encoding/expires/${name}/before`, '6.2', `A proof that expires at ${expires}, checked one second before it (Unix ${zeroInstant - 1}): not yet expired.`, zeroExpiring(expires), didContext(zeroInstant - 1), accept());
    }
  }
  {
    // Identity (SPEC.md 12.1): credentials and agent cards.
    credentialVector('proof-expired', 'The agent credential re-proved by Dreamineering with a proof that expires at 2026-11-01T09:00:00Z, checked at 10:08: the proof has expired, whatever the credential\'s own validity.', reprove(agentCredential, P.merchant, undefined, { expires: '2026-11-01T09:00:00Z' }), didContext(NOV), reject('ERR_PROOF_EXPIRED'));
    credentialVector('issuer-as-object', 'The agent credential re-issued by Dreamineering with its issuer as an object { id, name } whose id is did:web:dreamineering.com, the DID that proves it: the same issuer, so it verifies.', credentialBy({ ...agentCredential, issuer: { id: 'did:web:dreamineering.com', name: 'Dreamineering' } }, P.merchant, KEY1, [merchantDid]), didContext(NOV), accept());
    credentialVector('no-subject', 'An agent credential without its credentialSubject: a required member missing, refused by the schema before its proof is looked at.', mut(agentCredential, (d) => delete d.credentialSubject), didContext(NOV), reject('ERR_SCHEMA_REQUIRED'));
    cardVector('no-name', 'An agent card without its name: a required member missing, refused by the schema before its proof is looked at.', mut(card, (d) => delete d.name), [merchantCredential], didContext(NOV), reject('ERR_SCHEMA_REQUIRED'));
    cardVector('credentials-not-an-array', 'The genuine agent card, with the credentials to check it against given as an object rather than an array: a malformed argument, refused as such.', card, { [merchantCredential.id]: merchantCredential }, didContext(NOV), reject('ERR_USAGE_INVALID_ARGUMENT'));
    cardVector('listed-credential-proof-broken', 'The genuine agent card, given the merchant credential it lists with its name changed after proving (not re-proved): the credential\'s own verification fails, and that failure is the answer.', card, [mut(merchantCredential, (d) => (d.name = 'changed'))], didContext(NOV), reject('ERR_PROOF_INVALID'));
    cardVector('listed-credential-expired', 'The genuine agent card with the merchant credential it lists, checked at 2027-11-01T00:00:00Z, the credential\'s validUntil: the listed credential has expired.', card, [merchantCredential], didContext(Date.parse('2027-11-01T00:00:00Z') / 1000), reject('ERR_IDENTITY_EXPIRED'));
    cardVector('no-credentials-listed', 'An agent card Dreamineering re-proved without a credentials member: it lists nothing to check, so it verifies.', cardBy(mut(card, (d) => delete d.credentials), P.merchant, KEY1, [merchantDid]), [], didContext(NOV), accept());
  }
}

/**
 * Proof sets and chains (SPEC.md 6.4, W3C VC Data Integrity 1.0, 4.4), in the proof profile's
 * `set` operation: the W3C credential proved by the four key pairs of the W3C proof-set vectors,
 * each proof's hash data stated here from the algorithm (a chained proof signs the credential
 * holding, as its `proof`, the list of the proofs it names).
 */
export function proofSetVectors(): void {
  const pairs = readJson(join(VECTORS, 'eddsa-jcs-2022', 'multiKeyPairs.json')) as Record<string, { publicKeyMultibase: string; privateKeyMultibase: string }>;
  const seeds = Object.values(pairs).map((p) => (fromBase58(p.privateKeyMultibase.slice(1)) as Uint8Array).slice(2));
  const methodOf = (seed: Uint8Array): string => {
    const mb = `z${toBase58(new Uint8Array([0xed, 0x01, ...publicKeyOf(seed)]))}`;
    return `did:key:${mb}#${mb}`;
  };
  const prove = (signed: Doc, seed: Uint8Array, extra: Doc = {}): Doc => {
    const options = { type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', created: '2023-02-24T23:36:38Z', verificationMethod: methodOf(seed), proofPurpose: 'assertionMethod', ...extra };
    const hash = new Uint8Array([...sha256Bytes(utf8(canonicalize(options) as string)), ...sha256Bytes(utf8(canonicalize(signed) as string))]);
    return { ...options, proofValue: `z${toBase58(signEd25519(hash, seed))}` };
  };
  const [s1, s2, s3, s4] = seeds as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];
  const p1 = prove(w3cUnsigned, s1, { id: 'urn:uuid:26329423-bec9-4b2e-88cb-a7c7d9dc4544' });
  const p2 = prove(w3cUnsigned, s2, { id: 'urn:uuid:8cc9022b-6b14-4cf3-8571-74972c5feb54' });
  const p3 = prove({ ...w3cUnsigned, proof: [p1, p2] }, s3, { id: 'urn:uuid:d94f792a-c546-4d06-b38a-da070ab56c23', previousProof: [p1['id'], p2['id']] });
  const p4 = prove({ ...w3cUnsigned, proof: [p3] }, s4, { previousProof: p3['id'] });
  const asSet = prove(w3cUnsigned, s3, { id: p3['id'], previousProof: p3['previousProof'] });
  const setVector = (name: string, description: string, proofs: unknown, expect: Expect, doc: Doc | null = w3cUnsigned): void =>
    vector(`proof/set/${name}`, '6.4', description, { operation: 'set', document: doc === null ? [{ ...w3cUnsigned, proof: proofs }] : { ...doc, proof: proofs } }, at(0), expect);
  setVector('two-proofs', 'The W3C credential with a proof set of two, by two keys, each over the credential alone: each verifies.', [p1, p2], accept());
  setVector('one-proof-not-in-a-list', 'The W3C credential with one proof, not in a list, through the set operation: as a single proof.', p1, accept());
  setVector('chain', 'A chain of four: two proofs over the credential, a third over the credential holding those two (its previousProof names both, in order), a fourth over the credential holding the third.', [p1, p2, p3, p4], accept());
  setVector('credential-changed', 'The proof set of two, the credential\'s name changed after both signed.', [p1, p2], reject('ERR_PROOF_INVALID'), { ...w3cUnsigned, name: 'Another Credential' });
  setVector('second-proof-changed', 'The proof set of two, the second proof\'s created time changed after it signed: the first verifies, the second does not.', [p1, { ...p2, created: '2023-02-25T00:00:00Z' }], reject('ERR_PROOF_INVALID'));
  setVector('empty', 'A proof set with no proof.', [], reject('ERR_PROOF_MISSING'));
  setVector('not-an-object', 'A proof set whose second member is a string, not a proof.', [p1, 'z123'], reject('ERR_PROOF_MALFORMED'));
  setVector('chained-proof-signed-alone', 'The chain with its third proof made over the credential alone (as in a set), then naming the two proofs it claims to follow: it did not sign them.', [p1, p2, asSet, p4], reject('ERR_PROOF_INVALID'));
  setVector('chain-followed-proof-removed', 'The chain without its first proof: the third names a proof the set does not hold.', [p2, p3, p4], reject('ERR_PROOF_MALFORMED'));
  setVector('chain-previous-in-another-order', 'The chain with the third proof\'s previousProof listing the two it follows in the other order: it signed them in the order it named, so the list it names now is another document.', [p1, p2, { ...p3, previousProof: [p2['id'], p1['id']] }, p4], reject('ERR_PROOF_INVALID'));
  setVector('chain-previous-empty', 'A proof whose previousProof is an empty list, naming nothing.', [p1, p2, { ...p3, previousProof: [] }, p4], reject('ERR_PROOF_MALFORMED'));
  setVector('document-not-an-object', 'The set operation given, for a document, a list holding the credential with its proof: a list carries no proof.', [p1], reject('ERR_PROOF_MISSING'), null);
  const numbered = prove(w3cUnsigned, s1, { id: 5 });
  const afterNumbered = prove({ ...w3cUnsigned, proof: [numbered, p2] }, s3, { previousProof: [5, p2['id']] });
  setVector('chain-previous-not-a-string', 'A chain whose first proof has the id 5, a number, and whose third names it and the second, signed over the credential holding both: previousProof names proofs by their string ids, so the 5 in it names none.', [numbered, p2, afterNumbered], reject('ERR_PROOF_MALFORMED'));
  setVector('one-key-twice-second-changed', 'A set of two proofs by the same key, the second with its created time changed after it signed: each proof is verified on its own, so the first one\'s success says nothing of the second.', [p1, { ...p1, created: '2023-02-25T00:00:00Z' }], reject('ERR_PROOF_INVALID'));
  setVector('second-key-unresolved', 'A set whose second proof names a did:web method whose DID document was not supplied: the key is not resolved.', [p1, { ...p2, verificationMethod: 'did:web:example.com#key-1' }], reject('ERR_KEY_UNRESOLVED'));
  setVector('proof-follows-itself', 'A proof whose previousProof is its own id: no other proof of the set has it.', [{ ...p1, previousProof: p1['id'] }], reject('ERR_PROOF_MALFORMED'));
}
