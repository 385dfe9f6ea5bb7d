/**
 * Mandates, issued (src/issue/mandate.ts): the committed intent, cart and payment mandates
 * rebuilt byte for byte from the parties' keys, each chained by hash to the mandates it is given;
 * what the chain verifier refuses refused with its code.
 */
import t from 'tap';
import type { CartMandate, IntentMandate, PaymentMandate } from '../../src/generated/types.js';
import { documentHash } from '../../src/crypto/hash.js';
import { issueCartMandate, issueIntentMandate, issuePaymentMandate } from '../../src/issue/mandate.js';
import { verifyDocument } from '../../src/verify/document.js';
import { didKeyOf, documents, fixture, fixtureText, handProved, MERCHANT_VM, merchant, publicOnly, stranger, text, user, vmOf, without } from './examples.js';

const intentFixture = fixture<IntentMandate>('mandate/intent-mandate', 'shopping-agent.commerce-rails');
const cartFixture = fixture<CartMandate>('mandate/cart-mandate', 'dreamineering.commerce-rails');
const paymentFixture = fixture<PaymentMandate>('mandate/payment-mandate', 'commerce-rails');
const MERCHANT = { verificationMethod: MERCHANT_VM, documents };
/** 2026-11-01T10:07:00Z, when the fixture's payment was made. */
const PAID_AT = 1793527620;

/** A copy changed by `change`. */
function changed<T>(value: T, change: (copy: any) => void): T {
  const copy = JSON.parse(JSON.stringify(value));
  change(copy);
  return copy as T;
}

t.test('the intent mandates of the fixtures, byte for byte', async (t) => {
  for (const name of ['shopping-agent.commerce-rails', 'any-merchant-ap2-nulls']) {
    const want = fixture<IntentMandate>('mandate/intent-mandate', name);
    // The user is the signer's did:key by default.
    const made = issueIntentMandate(without(want, 'proof', 'user'), user, { created: want.proof.created! });
    t.ok(made.ok, name);
    if (!made.ok) continue;
    t.equal(text(made.value), fixtureText('mandate/intent-mandate', name), `intent-mandate.${name}`);
    t.same(made.warnings, []);
  }
  const fresh = issueIntentMandate(without(intentFixture, 'proof', 'mandate_id'), user, { now: 1793520000 });
  t.ok(fresh.ok);
  if (fresh.ok) {
    t.match(fresh.value.mandate_id, /^im-[0-9a-f-]{36}$/);
    t.equal(fresh.value.proof.created, '2026-11-01T08:00:00Z', 'made at the time of the check');
  }
});

t.test('the cart mandates of the fixtures, byte for byte, chained to the intent mandate', async (t) => {
  for (const name of ['dreamineering.commerce-rails', 'shipped-goods']) {
    const want = fixture<CartMandate>('mandate/cart-mandate', name);
    // The hash of the intent mandate and its spend cap are filled from it.
    const made = issueCartMandate(without(want, 'proof', 'intent_mandate_hash', 'spend_cap'), intentFixture, merchant, { ...MERCHANT, created: want.proof.created! });
    t.ok(made.ok, name);
    if (!made.ok) continue;
    t.equal(text(made.value), fixtureText('mandate/cart-mandate', name), `cart-mandate.${name}`);
    t.same(made.warnings, [], 'its intent mandate was given, so its link was checked');
  }
});

t.test('a cart that restates another cap than its intent mandate\'s is refused, by the builder and the verifier alike', async (t) => {
  // cart-mandate.total-equal-to-spend-cap once lowered its cap to its 5.00 USD total, under an
  // intent mandate of 20.00 USD: valid alone, refused beside its intent mandate (SPEC.md 12.6).
  // The fixture now raises its total to the cap, and the builder makes it byte for byte.
  const want = fixture<CartMandate>('mandate/cart-mandate', 'total-equal-to-spend-cap');
  const made = issueCartMandate(without(want, 'proof', 'intent_mandate_hash', 'spend_cap'), intentFixture, merchant, { ...MERCHANT, created: want.proof.created! });
  t.ok(made.ok && text(made.value) === fixtureText('mandate/cart-mandate', 'total-equal-to-spend-cap'), 'cart-mandate.total-equal-to-spend-cap, byte for byte');
  const lowered = { ...without(want, 'proof'), spend_cap: { currency: 'USD', value: '5.00' }, contents: cartFixture.contents };
  t.match(issueCartMandate(lowered, intentFixture, merchant, { ...MERCHANT, created: want.proof.created! }), { ok: false, code: 'ERR_MANDATE_CAP_MISMATCH', path: '/spend_cap' });
  const byHand = handProved(lowered, merchant, MERCHANT.verificationMethod, want.proof.created!);
  t.match(verifyDocument(byHand, { now: PAID_AT, documents, evidence: [intentFixture] }), { ok: false, code: 'ERR_MANDATE_CAP_MISMATCH', path: '/spend_cap' }, 'as the verifier refuses it beside its intent mandate');
});

t.test('the payment mandates of the fixtures, byte for byte, chained to the cart and intent mandates', async (t) => {
  const first = issuePaymentMandate(without(paymentFixture, 'proof', 'cart_mandate_hash', 'intent_mandate_hash'), cartFixture, intentFixture, user, { documents });
  t.ok(first.ok);
  if (first.ok) {
    t.equal(text(first.value), fixtureText('mandate/payment-mandate', 'commerce-rails'), 'payment-mandate.commerce-rails');
    t.equal(first.value.proof.created, first.value.payment_mandate_contents.timestamp, 'made when it was paid');
  }
  const want = fixture<PaymentMandate>('mandate/payment-mandate', 'second-payment-same-intent');
  // The first payment counts against the cap: 5.00 and 5.00 are within 20.00.
  const second = issuePaymentMandate(without(want, 'proof', 'cart_mandate_hash', 'intent_mandate_hash'), cartFixture, intentFixture, user, { documents, evidence: [paymentFixture] });
  t.ok(second.ok);
  if (second.ok) t.equal(text(second.value), fixtureText('mandate/payment-mandate', 'second-payment-same-intent'), 'payment-mandate.second-payment-same-intent');
});

t.test('a cart the chain verifier refuses is refused with its code', async (t) => {
  const body = without(cartFixture, 'proof', 'intent_mandate_hash', 'spend_cap');
  const created = '2026-11-01T10:05:00Z';
  // A cap above the intent mandate's: the chain verifier's ERR_MANDATE_CAP_MISMATCH.
  const above = issueCartMandate({ ...body, spend_cap: { currency: 'USD', value: '25.00' } }, intentFixture, merchant, { ...MERCHANT, created });
  t.match(above, { ok: false, code: 'ERR_MANDATE_CAP_MISMATCH', path: '/spend_cap' });
  const hand = handProved({ ...body, intent_mandate_hash: documentHash(intentFixture), spend_cap: { currency: 'USD', value: '25.00' } }, merchant, MERCHANT_VM, created);
  const pays = handProved({ ...without(paymentFixture, 'proof'), cart_mandate_hash: documentHash(hand) }, user, vmOf(user), '2026-11-01T10:07:00Z');
  const verdict = verifyDocument(pays, { now: PAID_AT, documents, evidence: [intentFixture, hand] });
  t.match(verdict, { ok: false, code: (above as { code: string }).code, path: '/cart_mandate/spend_cap' }, 'the code a payment of a hand-assembled copy gets');
  // The same cap in other digits is the same cap.
  t.ok(issueCartMandate({ ...body, spend_cap: { currency: 'USD', value: '20.0' } }, intentFixture, merchant, { ...MERCHANT, created }).ok, '20.0 is 20.00');
  // A total above the cap: the document rule, as for a hand-assembled copy.
  const dear = changed(body, (c) => {
    c.contents.payment_request.details.total.amount.value = '25.00';
    c.contents.payment_request.details.display_items[0].amount.value = '25.00';
  });
  const refused = issueCartMandate(dear, intentFixture, merchant, { ...MERCHANT, created });
  const handDear = verifyDocument(handProved({ ...dear, intent_mandate_hash: documentHash(intentFixture), spend_cap: intentFixture.spend_cap }, merchant, MERCHANT_VM, created), { now: PAID_AT, documents, evidence: [intentFixture] });
  t.match(refused, { ok: false, code: 'ERR_RULE_EXCEEDS_LIMIT', path: '/contents/payment_request/details/total/amount/value' });
  t.match(handDear, { ok: false, code: 'ERR_RULE_EXCEEDS_LIMIT', path: '/contents/payment_request/details/total/amount/value' });
  // A merchant the intent mandate does not allow.
  t.match(issueCartMandate(changed(body, (c) => (c.contents.merchant_name = 'Elsewhere')), intentFixture, merchant, { ...MERCHANT, created }), { ok: false, code: 'ERR_MANDATE_MERCHANT_NOT_ALLOWED', path: '/contents/merchant_name' });
  // A stated hash that is not the intent mandate's.
  t.match(issueCartMandate({ ...body, intent_mandate_hash: documentHash({}) } as never, intentFixture, merchant, { ...MERCHANT, created }), { ok: false, code: 'ERR_MANDATE_CHAIN_BROKEN', path: '/intent_mandate_hash' });
  // Proved by a key of another DID than the merchant's.
  t.match(issueCartMandate(body, intentFixture, stranger, { documents, created, verificationMethod: vmOf(stranger) }), { ok: false, code: 'ERR_MANDATE_WRONG_SIGNER', path: '/proof/verificationMethod' });
  // An intent mandate changed after the user signed it.
  t.match(issueCartMandate(body, changed(intentFixture, (m) => (m.spend_cap.value = '200.00')), merchant, { ...MERCHANT, created }), { ok: false, code: 'ERR_PROOF_INVALID', path: '/intent_mandate/proof/proofValue' });
  // What is not a key, a mandate or an input.
  t.match(issueCartMandate(body, intentFixture, publicOnly(merchant), { ...MERCHANT, created }), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT', path: '/merchant' });
  t.match(issueCartMandate(body, 'sha256:...' as never, merchant, { ...MERCHANT, created }), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT', path: '/intent_mandate' });
  t.match(issueCartMandate(body, intentFixture, merchant, { documents, created }), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT', path: '/verificationMethod' });
  t.match(issueCartMandate([] as never, intentFixture, merchant, MERCHANT), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT', path: '' });
});

t.test('a payment the chain verifier refuses is refused with its code', async (t) => {
  const body = without(paymentFixture, 'proof', 'cart_mandate_hash', 'intent_mandate_hash');
  // Above the cart's total.
  const above = changed(body, (p) => (p.payment_mandate_contents.payment_details_total.amount.value = '6.00'));
  const made = issuePaymentMandate(above, cartFixture, intentFixture, user, { documents });
  const hand = verifyDocument(handProved({ ...above, cart_mandate_hash: documentHash(cartFixture), intent_mandate_hash: documentHash(intentFixture) }, user, vmOf(user), '2026-11-01T10:07:00Z'), { now: PAID_AT, documents, evidence: [intentFixture, cartFixture] });
  t.match(made, { ok: false, code: 'ERR_MANDATE_CART_MISMATCH', path: '/payment_mandate_contents/payment_details_total/amount' });
  t.match(hand, { ok: false, code: 'ERR_MANDATE_CART_MISMATCH', path: '/payment_mandate_contents/payment_details_total/amount' }, 'as a hand-assembled copy');
  // Four payments of 5.00 reach the cap of 20.00; a fifth passes it.
  const earlier: PaymentMandate[] = [];
  for (let i = 1; i <= 5; i++) {
    const next = changed(body, (p) => {
      p.payment_mandate_contents.payment_mandate_id = `pm-2026-11-01-010${i}`;
      p.payment_mandate_contents.timestamp = `2026-11-01T10:1${i}:00Z`;
    });
    const paid = issuePaymentMandate(next, cartFixture, intentFixture, user, { documents, evidence: earlier });
    if (i < 5) {
      t.ok(paid.ok, `payment ${i} is within the cap`);
      if (paid.ok) earlier.push(paid.value);
    } else t.match(paid, { ok: false, code: 'ERR_MANDATE_OVER_CAP', path: '/payment_mandate_contents/payment_details_total/amount/value' }, 'the fifth is over it');
  }
  // After the cart lapsed.
  t.match(issuePaymentMandate(changed(body, (p) => (p.payment_mandate_contents.timestamp = '2026-11-01T10:30:00Z')), cartFixture, intentFixture, user, { documents }), { ok: false, code: 'ERR_MANDATE_EXPIRED', path: '/cart_mandate/contents/cart_expiry' });
  // Proved by another key than the user's.
  t.match(issuePaymentMandate(body, cartFixture, intentFixture, stranger, { documents }), { ok: false, code: 'ERR_MANDATE_WRONG_SIGNER', path: '/proof/verificationMethod' });
  // A cart changed after the merchant signed it, or not the intent mandate's.
  t.match(issuePaymentMandate(body, changed(cartFixture, (c) => (c.merchant_authorization = 'x')), intentFixture, user, { documents }), { ok: false, code: 'ERR_PROOF_INVALID', path: '/cart_mandate/proof/proofValue' });
  const otherIntent = fixture<IntentMandate>('mandate/intent-mandate', 'any-merchant-ap2-nulls');
  t.match(issuePaymentMandate(body, cartFixture, otherIntent, user, { documents }), { ok: false, code: 'ERR_MANDATE_CHAIN_BROKEN', path: '/cart_mandate/intent_mandate_hash' });
  // The merchant's DID document not given: the cart's key does not resolve.
  t.match(issuePaymentMandate(body, cartFixture, intentFixture, user), { ok: false, code: 'ERR_KEY_UNRESOLVED', path: '/cart_mandate/proof/verificationMethod' });
  t.match(issuePaymentMandate(body, cartFixture, intentFixture, publicOnly(user), { documents }), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT', path: '/user' });
  t.match(issuePaymentMandate(body, null as never, intentFixture, user, { documents }), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT', path: '/cart_mandate' });
  t.match(issuePaymentMandate(body, cartFixture, intentFixture, user, { documents, evidence: 'none' as never }), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT', path: '/evidence' });
});

t.test('an intent mandate the verifier refuses is refused with its code', async (t) => {
  const body = without(intentFixture, 'proof');
  const created = '2026-11-01T10:00:00Z';
  // The user named is not the signer.
  const named = { ...body, user: didKeyOf(stranger) };
  const made = issueIntentMandate(named, user, { created });
  const hand = verifyDocument(handProved(named, user, vmOf(user), created), { now: PAID_AT });
  t.match(made, { ok: false, code: 'ERR_MANDATE_WRONG_SIGNER', path: '/proof/verificationMethod' });
  t.match(hand, { ok: false, code: 'ERR_MANDATE_WRONG_SIGNER', path: '/proof/verificationMethod' }, 'as a hand-assembled copy');
  t.match(issueIntentMandate({ ...body, spend_cap: { currency: 'USD', value: 20 } } as never, user, { created }), { ok: false, code: 'ERR_SCHEMA_TYPE', path: '/spend_cap/value' });
  t.match(issueIntentMandate(without(body, 'intent_expiry'), user, { created }), { ok: false, code: 'ERR_SCHEMA_REQUIRED', path: '/intent_expiry' });
  t.match(issueIntentMandate({ ...body, user: 'did:web:alice.example:users:alice' }, user, { created }), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT', path: '/verificationMethod' });
  t.match(issueIntentMandate(body, publicOnly(user), { created }), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT', path: '/user' });
  t.match(issueIntentMandate(body, user, { created, expires: created }), { ok: false, code: 'ERR_PROOF_EXPIRED', path: '/proof/expires' }, 'a proof expired at its own making');
  t.ok(issueIntentMandate(body, user, { created, expires: '2026-11-01T10:00:01Z' }).ok, 'one that expires a second later is not');
});
