/**
 * Credentials and agent cards, issued (src/issue/identity.ts): the committed fixtures rebuilt
 * byte for byte from the parties' keys, and what the verifier refuses refused with its code.
 */
import t from 'tap';
import { documentHash } from '../../src/crypto/hash.js';
import { issueAgentCard, issueCredential } from '../../src/issue/identity.js';
import { verifyDocument } from '../../src/verify/document.js';
import { agent, didKeyOf, documents, fixture, fixtureText, handProved, MERCHANT_VM, merchant, publicOnly, stranger, text, vmOf, without } from './examples.js';

const AT_MIDNIGHT = { verificationMethod: MERCHANT_VM, documents };

t.test('the merchant and agent credentials of the fixtures, byte for byte', async (t) => {
  for (const name of ['dreamineering-self-issued.commerce-rails', 'issuer-object-with-status', 'valid-for-one-second']) {
    const want = fixture('identity/merchant-credential', name);
    // The type is left to the builder: a subject with a legal_name is a merchant's.
    const made = issueCredential(without(want, 'proof', 'type'), merchant, AT_MIDNIGHT);
    t.ok(made.ok, name);
    if (!made.ok) continue;
    t.equal(text(made.value), fixtureText('identity/merchant-credential', name), `merchant-credential.${name}`);
    t.same(made.warnings, []);
  }
  for (const name of ['shopping-agent.commerce-rails', 'seller-agent-with-expiry']) {
    const want = fixture('identity/agent-credential', name);
    const made = issueCredential({ ...without(want, 'proof'), type: 'AgentCredential' }, merchant, AT_MIDNIGHT);
    t.ok(made.ok, name);
    if (made.ok) t.equal(text(made.value), fixtureText('identity/agent-credential', name), `agent-credential.${name}`);
  }
});

t.test('agent-credential.valid-for-one-second: the same credential and proof, its validUntil written after its subject', async (t) => {
  // The generator spread validUntil onto a finished credential, so the fixture has it last; the
  // builder writes the schema's order. The canonical form, hence the hash and the proof, is one.
  const want = fixture('identity/agent-credential', 'valid-for-one-second');
  const made = issueCredential(without(want, 'proof'), merchant, AT_MIDNIGHT);
  t.ok(made.ok);
  if (!made.ok) return;
  t.equal(documentHash(made.value), documentHash(want), 'the same document');
  t.equal(made.value.proof.proofValue, want.proof.proofValue, 'the same proof');
  t.not(text(made.value), fixtureText('identity/agent-credential', 'valid-for-one-second'), 'written in another member order');
  t.same(Object.keys(made.value), ['@context', 'id', 'type', 'issuer', 'validFrom', 'validUntil', 'credentialSubject', 'proof']);
});

t.test('the defaults: a did:key issuer, a fresh id, validFrom the time of the check', async (t) => {
  const now = 1793491200; // 2026-11-01T00:00:00Z
  const made = issueCredential({ credentialSubject: { id: didKeyOf(agent), operator: didKeyOf(merchant) } }, merchant, { now });
  t.ok(made.ok);
  if (!made.ok) return;
  const vc = made.value;
  t.equal(vc.issuer, didKeyOf(merchant));
  t.match(vc.id, /^urn:uuid:[0-9a-f-]{36}$/);
  t.same(vc.type, ['VerifiableCredential', 'AgentCredential'], 'a subject with an operator is an agent\'s');
  t.equal(vc.validFrom, '2026-11-01T00:00:00Z');
  t.equal(vc.proof.created, vc.validFrom);
  t.equal(vc.proof.verificationMethod, vmOf(merchant));
  t.ok(Object.isFrozen(vc));
  t.ok(verifyDocument(vc, { now }).ok, 'a counterparty accepts it');
  const later = issueCredential({ credentialSubject: { id: didKeyOf(agent), operator: didKeyOf(merchant) } }, merchant, { created: '2026-11-01T00:00:00.250Z' });
  t.ok(later.ok, 'a validFrom inside a second is checked at the next whole second');
});

t.test('a credential the verifier refuses is refused with its code', async (t) => {
  const want = fixture('identity/agent-credential', 'shopping-agent.commerce-rails');
  const body = without(want, 'proof');
  const now = 1793491200;

  // Issued in another's name: the issuer is the stranger's did:key, the proof the merchant's key.
  const named = { ...body, issuer: didKeyOf(stranger) };
  const made = issueCredential(named, merchant, { now });
  const hand = verifyDocument(handProved(named, merchant, vmOf(merchant), want.validFrom), { now });
  t.equal(made.ok, false);
  t.equal(hand.ok, false);
  if (!made.ok && !hand.ok) {
    t.equal(made.code, 'ERR_IDENTITY_ISSUER_MISMATCH');
    t.equal(made.code, hand.code, 'the code a hand-assembled copy gets');
    t.equal(made.path, hand.path);
  }

  // A key not in the issuer's DID document, under the issuer's method.
  const forged = issueCredential(body, stranger, AT_MIDNIGHT);
  t.match(forged, { ok: false, code: 'ERR_PROOF_INVALID', path: '/proof/proofValue' });
  // The did:web issuer's document not given.
  t.match(issueCredential(body, merchant, { verificationMethod: MERCHANT_VM }), { ok: false, code: 'ERR_KEY_UNRESOLVED' });
  // Document rules and schema, as the verifier has them.
  t.match(issueCredential({ ...body, validUntil: '2026-10-31T23:59:59Z' }, merchant, AT_MIDNIGHT), { ok: false, code: 'ERR_RULE_TIME_ORDER', path: '/validUntil' });
  t.match(issueCredential({ ...body, validUtnil: '2027-01-01T00:00:00Z' } as never, merchant, AT_MIDNIGHT), { ok: false, code: 'ERR_SCHEMA_ADDITIONAL_PROPERTY', path: '/validUtnil' }, 'a misspelt member is refused, never dropped');
  t.match(issueCredential({ ...body, credentialSubject: { ...body.credentialSubject, roles: ['admin'] } }, merchant, AT_MIDNIGHT), { ok: false, code: 'ERR_SCHEMA_ENUM' });
  // Checked at another time than its own: not yet valid, then expired.
  t.match(issueCredential(body, merchant, { ...AT_MIDNIGHT, now: now - 1 }), { ok: false, code: 'ERR_IDENTITY_NOT_YET_VALID' });
  t.match(issueCredential({ ...body, validUntil: '2026-11-01T00:00:01Z' }, merchant, { ...AT_MIDNIGHT, now: now + 1 }), { ok: false, code: 'ERR_IDENTITY_EXPIRED' });
});

t.test('what is not a signing key or not an input is refused, never thrown', async (t) => {
  const body = without(fixture('identity/agent-credential', 'shopping-agent.commerce-rails'), 'proof');
  for (const key of [publicOnly(merchant), undefined, null, 'did:key:z6Mk', { publicKey: merchant.publicKey, signing: true }]) {
    t.match(issueCredential(body, key, AT_MIDNIGHT), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT', path: '/issuer' });
  }
  for (const [input, path] of [
    [null, ''],
    [[body], ''],
    [{ ...body, type: 'OperatorCredential' }, '/type'],
    [{ ...body, type: undefined, credentialSubject: { id: didKeyOf(agent) } }, '/type'],
    [{ ...body, issuer: { name: 'no id' } }, '/issuer'],
  ] as const) {
    t.match(issueCredential(input as never, merchant, AT_MIDNIGHT), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT', path }, `refused at ${path || 'the root'}`);
  }
  t.match(issueCredential(body, merchant, {}), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT', path: '/verificationMethod' }, 'a did:web issuer names its key');
  t.match(issueCredential(body, merchant, { ...AT_MIDNIGHT, verificationMethod: '#key-1' }), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT', path: '/verificationMethod' });
  t.match(issueCredential(body, merchant, { ...AT_MIDNIGHT, created: 'yesterday' }), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT', path: '/created' });
  t.match(issueCredential(body, merchant, { ...AT_MIDNIGHT, now: 1.5 }), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT', path: '/now' });
  t.match(issueCredential(body, merchant, null as never), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT', path: '' });
  const trap = { ...body, get name() { return 'read twice'; } };
  t.match(issueCredential(trap, merchant, AT_MIDNIGHT), { ok: false, code: 'ERR_JSON_NOT_PLAIN', path: '/name' }, 'an accessor is refused, not called');
  t.match(issueCredential({ ...body, description: 1n } as never, merchant, AT_MIDNIGHT), { ok: false, code: 'ERR_JSON_NOT_PLAIN', path: '/description' });
  t.match(issueCredential({ ...body, credentialSubject: { ...body.credentialSubject, name: undefined } }, merchant, AT_MIDNIGHT), { ok: false, code: 'ERR_JSON_NOT_PLAIN', path: '/credentialSubject/name' }, 'content must be JSON');
  t.ok(issueCredential({ ...body, description: undefined }, merchant, AT_MIDNIGHT).ok, 'an input member that is undefined is absent');
  t.match(issueCredential(body, merchant, { ...AT_MIDNIGHT, verificationMethod: 'did:web:x#\uD800' }), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT', path: '/verificationMethod' });
});

t.test('the agent cards of the fixtures, byte for byte', async (t) => {
  const credential = fixture('identity/merchant-credential', 'dreamineering-self-issued.commerce-rails');
  const want = fixture('discovery/agent-card', 'dreamineering.commerce-rails');
  // The credential itself: the card lists its id and hash, and the credential is checked with it.
  const withCredential = issueAgentCard({ ...without(want, 'proof'), credentials: [credential] }, merchant, AT_MIDNIGHT);
  t.ok(withCredential.ok);
  if (withCredential.ok) {
    t.equal(text(withCredential.value), fixtureText('discovery/agent-card', 'dreamineering.commerce-rails'));
    t.same(withCredential.warnings, [], 'the credential was checked');
  }
  // Its reference alone: kept, and said to be unchecked.
  const byReference = issueAgentCard(without(want, 'proof'), merchant, AT_MIDNIGHT);
  t.ok(byReference.ok);
  if (byReference.ok) {
    t.equal(text(byReference.value), fixtureText('discovery/agent-card', 'dreamineering.commerce-rails'));
    t.match(byReference.warnings, [{ code: 'ERR_IDENTITY_CREDENTIAL_NOT_GIVEN', path: '/credentials/0' }]);
  }
  for (const name of ['metered-tool', 'tool-without-pricing', 'hybrid-tool-in-another-currency']) {
    const card = fixture('discovery/agent-card', name);
    const made = issueAgentCard(without(card, 'proof'), merchant, { ...AT_MIDNIGHT, created: card.proof.created, evidence: [credential] });
    t.ok(made.ok, name);
    if (made.ok) t.equal(text(made.value), fixtureText('discovery/agent-card', name), `agent-card.${name}`);
  }
  const made = issueAgentCard(without(want, 'proof', 'id', 'credentials', 'updated_at'), agent, { now: 1793523600 });
  t.ok(made.ok, 'a did:key card by default');
  if (made.ok) {
    t.equal(made.value.id, didKeyOf(agent));
    t.equal(made.value.updated_at, '2026-11-01T09:00:00Z');
  }
});

t.test('an agent card the verifier refuses is refused with its code', async (t) => {
  const credential = fixture('identity/merchant-credential', 'dreamineering-self-issued.commerce-rails');
  const body = without(fixture('discovery/agent-card', 'dreamineering.commerce-rails'), 'proof');
  // Proved by a key of another DID than the card's.
  const other = { verificationMethod: vmOf(stranger), documents };
  const made = issueAgentCard(body, stranger, other);
  const hand = verifyDocument(handProved(body, stranger, other.verificationMethod, body.updated_at), { now: 1793523600, documents });
  t.match(made, { ok: false, code: 'ERR_IDENTITY_ISSUER_MISMATCH', path: '/proof/verificationMethod' });
  t.match(hand, { ok: false, code: (made as { code: string }).code, path: (made as { path: string }).path }, 'as a hand-assembled copy');
  // A listed hash that is not the credential's.
  const stale = issueAgentCard({ ...body, credentials: [{ id: credential.id, hash: documentHash({}) }] }, merchant, { ...AT_MIDNIGHT, evidence: [credential] });
  t.match(stale, { ok: false, code: 'ERR_IDENTITY_CREDENTIAL_MISMATCH', path: '/credentials/0/hash' });
  // A listed credential that does not verify: its refusal, under the card's path to it.
  const tampered = { ...credential, name: 'Dreamineering, changed after signing' };
  t.match(issueAgentCard({ ...body, credentials: [tampered] }, merchant, AT_MIDNIGHT), { ok: false, code: 'ERR_PROOF_INVALID', path: '/credentials/0/proof/proofValue' });
  t.match(issueAgentCard({ ...body, credentials: [without(credential, 'id')] }, merchant, AT_MIDNIGHT), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT', path: '/credentials/0/id' });
  t.match(issueAgentCard(body, publicOnly(merchant), AT_MIDNIGHT), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT', path: '/key' });
  t.match(issueAgentCard(body, merchant, { documents }), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT', path: '/verificationMethod' });
  t.match(issueAgentCard({ ...body, id: 42 } as never, merchant, AT_MIDNIGHT), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT', path: '/id' });
  t.match(issueAgentCard({ ...body, tools: [] }, merchant, AT_MIDNIGHT), { ok: false, code: 'ERR_SCHEMA_ITEMS', path: '/tools' });
  t.match(issueAgentCard('card' as never, merchant, AT_MIDNIGHT), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT', path: '' });
});
