/**
 * Agent Commerce Rails stations 1, 2 and 4 from the fixtures: credentials and the agent card proved against
 * the did:web document the caller supplies, and the AP2 mandate chain, including the second
 * payment over the spend cap.
 */
import t from 'tap';
import type { CartMandate, IntentMandate, PaymentMandate } from '../../src/generated/types.js';
import { documentHash } from '../../src/crypto/hash.js';
import { verifyAgentCard, verifyCredential } from '../../src/verify/identity.js';
import { verifyMandateChain } from '../../src/verify/mandate.js';
import { changed, fixture, parties, reprove } from './world.js';

const didDoc = fixture('identity/did-document', 'dreamineering.commerce-rails');
const documents = new Map([[didDoc.id as string, didDoc]]);
const merchantCredential = fixture('identity/merchant-credential', 'dreamineering-self-issued.commerce-rails');
const agentCredential = fixture('identity/agent-credential', 'shopping-agent.commerce-rails');
const card = fixture('discovery/agent-card', 'dreamineering.commerce-rails');
const NOW = Date.parse('2026-11-01T10:08:00Z') / 1000;
const ctx = { now: NOW, documents };

t.test('station 1: a third party verifies the credentials with the did:web document alone', async (t) => {
  t.match(verifyCredential(merchantCredential, ctx), { ok: true, details: { issuer: 'did:web:dreamineering.com', hash: documentHash(merchantCredential) } });
  t.match(verifyCredential(agentCredential, ctx), { ok: true, details: { subject: parties.agent.didKey } });
  t.match(verifyCredential(agentCredential, { now: NOW }), { code: 'ERR_KEY_UNRESOLVED', path: '/proof/verificationMethod' }, 'without the DID document: never fetched');
  t.match(verifyCredential(merchantCredential, { ...ctx, now: Date.parse('2026-10-31T23:59:59Z') / 1000 }), { code: 'ERR_IDENTITY_NOT_YET_VALID', path: '/validFrom' });
  t.match(verifyCredential(merchantCredential, { ...ctx, now: Date.parse('2027-11-01T00:00:00Z') / 1000 }), { code: 'ERR_IDENTITY_EXPIRED', path: '/validUntil' });
  const selfMade = reprove(changed(agentCredential, (d) => (d.credentialSubject.roles = ['buyer', 'seller'])), parties.stranger, parties.stranger.vm);
  t.match(verifyCredential(selfMade, ctx), { code: 'ERR_IDENTITY_ISSUER_MISMATCH', path: '/proof/verificationMethod' }, 'a credential naming Dreamineering as issuer, proved by another key');
  t.match(verifyCredential(changed(agentCredential, (d) => (d.credentialSubject.name = 'Someone else')), ctx), { code: 'ERR_PROOF_INVALID' });
  const wrongPurpose = changed(didDoc, (d) => (d.assertionMethod = [])) as Record<string, unknown>;
  t.match(verifyCredential(agentCredential, { ...ctx, documents: new Map([[didDoc.id as string, wrongPurpose]]) }), { code: 'ERR_PROOF_PURPOSE' });
});

t.test('station 2: the manifest\'s signature against the identity it claims', async (t) => {
  t.match(verifyAgentCard(card, { ...ctx, credentials: [merchantCredential] }), { ok: true, details: { id: 'did:web:dreamineering.com', credentials: [merchantCredential.id], unchecked: [] } });
  t.match(verifyAgentCard(card, { ...ctx, credentials: [] }), { ok: true, details: { unchecked: [merchantCredential.id] } });
  const forged = reprove(changed(card, (d) => (d.tools[0].pricing.base_price.units = 1)), parties.stranger, parties.stranger.vm);
  t.match(verifyAgentCard(forged, { ...ctx, credentials: [] }), { code: 'ERR_IDENTITY_ISSUER_MISMATCH', path: '/proof/verificationMethod' });
  const other = changed(merchantCredential, (d) => (d.name = 'changed'));
  t.match(verifyAgentCard(card, { ...ctx, credentials: [reprove(other, parties.merchant)] }), { code: 'ERR_IDENTITY_CREDENTIAL_MISMATCH', path: '/credentials/0/hash' });
  t.match(verifyAgentCard(card, { ...ctx, credentials: [other] }), { code: 'ERR_PROOF_INVALID', path: '/credentials/0/proof/proofValue' }, 'a listed credential given is verified too');
});

const intentMandate = fixture<IntentMandate>('mandate/intent-mandate', 'shopping-agent.commerce-rails');
const cart = fixture<CartMandate>('mandate/cart-mandate', 'dreamineering.commerce-rails');
const payment = fixture<PaymentMandate>('mandate/payment-mandate', 'commerce-rails');
const chain = { intent_mandate: intentMandate, cart_mandate: cart, payment_mandate: payment };
const byUser = <T extends object>(d: T) => reprove(d, parties.user);
const byMerchant = <T extends object>(d: T) => reprove(d, parties.merchant);
/** A payment mandate for `cart`, after a change to it, proved by the user. */
const payFor = (c: CartMandate, i: IntentMandate = intentMandate, change: (d: any) => void = () => {}) =>
  byUser(changed(payment, (d) => ((d.cart_mandate_hash = documentHash(c)), (d.intent_mandate_hash = documentHash(i)), change(d))));

t.test('station 4: intent -> cart -> payment, chained by hash, each from the right party', async (t) => {
  t.match(verifyMandateChain(chain, ctx), { ok: true, details: { spent: { currency: 'USD', value: '5' } } });
  t.match(verifyMandateChain(chain, { ...ctx, spent: { currency: 'USD', value: '15.00' } }), { ok: true, details: { spent: { value: '20' } } }, 'a payment that reaches the cap exactly');
  t.match(
    verifyMandateChain(chain, { ...ctx, spent: { currency: 'USD', value: '16.00' } }),
    { ok: false, code: 'ERR_MANDATE_OVER_CAP', path: '/payment_mandate/payment_mandate_contents/payment_details_total/amount/value', details: { spent: { value: '21' } } },
    'a second call over the cap is rejected with a clear reason',
  );
  t.match(verifyMandateChain(chain, { ...ctx, spent: { currency: 'EUR', value: '1.00' } }), { code: 'ERR_MANDATE_CAP_MISMATCH' });
});

t.test('station 4: every mandate rule', async (t) => {
  const cartByUser = reprove(cart, parties.user, parties.user.vm);
  t.match(verifyMandateChain({ ...chain, cart_mandate: cartByUser, payment_mandate: payFor(cartByUser) }, ctx), { code: 'ERR_MANDATE_WRONG_SIGNER', path: '/cart_mandate/proof/verificationMethod' });
  t.match(verifyMandateChain({ ...chain, payment_mandate: reprove(payment, parties.agent, parties.agent.vm) }, ctx), { code: 'ERR_MANDATE_WRONG_SIGNER', path: '/payment_mandate/proof/verificationMethod' });
  t.match(verifyMandateChain({ ...chain, cart_mandate: byMerchant(changed(cart, (d) => (d.contents.id = 'cart-other'))) }, ctx), { code: 'ERR_MANDATE_CHAIN_BROKEN', path: '/payment_mandate/cart_mandate_hash' });
  t.match(verifyMandateChain({ ...chain, cart_mandate: byMerchant(changed(cart, (d) => (d.intent_mandate_hash = `sha256:${'2'.repeat(64)}`))) }, ctx), { code: 'ERR_MANDATE_CHAIN_BROKEN', path: '/cart_mandate/intent_mandate_hash' });
  const capped = byMerchant(changed(cart, (d) => (d.spend_cap = { currency: 'USD', value: '25.00' })));
  t.match(verifyMandateChain({ ...chain, cart_mandate: capped, payment_mandate: payFor(capped) }, ctx), { code: 'ERR_MANDATE_CAP_MISMATCH', path: '/cart_mandate/spend_cap' });
  const elsewhere = byMerchant(changed(cart, (d) => (d.contents.merchant_name = 'Elsewhere Ltd')));
  t.match(verifyMandateChain({ ...chain, cart_mandate: elsewhere, payment_mandate: payFor(elsewhere, intentMandate, (d) => (d.payment_mandate_contents.merchant_agent = 'Elsewhere Ltd')) }, ctx), { code: 'ERR_MANDATE_MERCHANT_NOT_ALLOWED', path: '/cart_mandate/contents/merchant_name' });
  t.match(verifyMandateChain({ ...chain, payment_mandate: payFor(cart, intentMandate, (d) => (d.payment_mandate_contents.timestamp = '2026-11-01T10:30:00Z')) }, ctx), { code: 'ERR_MANDATE_EXPIRED', path: '/cart_mandate/contents/cart_expiry' });
  const lapsed = byUser(changed(intentMandate, (d) => (d.intent_expiry = '2026-11-01T10:06:00Z')));
  const cartOfLapsed = byMerchant(changed(cart, (d) => (d.intent_mandate_hash = documentHash(lapsed))));
  t.match(verifyMandateChain({ intent_mandate: lapsed, cart_mandate: cartOfLapsed, payment_mandate: payFor(cartOfLapsed, lapsed) }, ctx), { code: 'ERR_MANDATE_EXPIRED', path: '/intent_mandate/intent_expiry' });
  t.match(verifyMandateChain({ ...chain, payment_mandate: payFor(cart, intentMandate, (d) => (d.payment_mandate_contents.payment_details_total.amount.value = '4.00')) }, ctx), { code: 'ERR_MANDATE_CART_MISMATCH', path: '/payment_mandate/payment_mandate_contents/payment_details_total/amount' });
  t.match(verifyMandateChain({ ...chain, payment_mandate: payFor(cart, intentMandate, (d) => (d.payment_mandate_contents.payment_details_id = 'pr-other')) }, ctx), { code: 'ERR_MANDATE_CART_MISMATCH', path: '/payment_mandate/payment_mandate_contents/payment_details_id' });
  t.match(verifyMandateChain({ ...chain, payment_mandate: payFor(cart, intentMandate, (d) => (d.payment_mandate_contents.merchant_agent = 'Other')) }, ctx), { code: 'ERR_MANDATE_CART_MISMATCH', path: '/payment_mandate/payment_mandate_contents/merchant_agent' });
  t.match(verifyMandateChain({ ...chain, payment_mandate: changed(payment, (d) => (d.payment_mandate_contents.timestamp = '2026-11-01T10:07:01Z')) }, ctx), { code: 'ERR_PROOF_INVALID', path: '/payment_mandate/proof/proofValue' });
  t.match(verifyMandateChain(null as never, ctx), { ok: false, code: 'ERR_JSON_NOT_PLAIN', path: '/intent_mandate' });
});
