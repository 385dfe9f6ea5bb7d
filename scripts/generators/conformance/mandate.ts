/**
 * mandate (SPEC.md 6.1, 6.2, 12.6): Agent Commerce Rails station 4, intent -> cart -> payment.
 * Who signs each, the hash links, the cap in decimal (and in currencies without cents), the payee and
 * the method, times as instants. Valid mandates made fresh come from the builders; attacks are
 * proved by hand.
 */
import { documentHash } from '../../../src/crypto/hash.js';
import { reprove } from '../../lib/parties.js';
import { accept, at, mut, reject, vector, type Change, type Doc, type Expect } from './shared.js';
import { cart, didContext, intentMandate, merchantDid, NOV, P, payment } from './world.js';
import { cartMandateBy, intentMandateBy, paymentMandateBy } from './builders.js';

/** A mandate proved again by the user (the payer, SPEC.md 12.6). */
export const byUser = (d: Doc): Doc => reprove(d, P.user);
/** A mandate proved again by Dreamineering, the merchant. */
export const byMerchant = (d: Doc): Doc => reprove(d, P.merchant);
/** The payment mandate of cart `c` under intent mandate `i`, changed by `change` and proved again by the user. */
export const payFor = (c: Doc, i: Doc = intentMandate, change: Change = () => {}): Doc => byUser(mut(payment, (d) => ((d.cart_mandate_hash = documentHash(c)), (d.intent_mandate_hash = documentHash(i)), change(d))));
/** Dreamineering's verification method (did:web, its DID document supplied). */
const KEY1 = 'did:web:dreamineering.com#key-1';
/** An intent mandate proved by the user through the builder (a valid one). */
export const intentMandateOf = (d: Doc): Doc => intentMandateBy(d, P.user);
/** A cart proved by Dreamineering through the builder, linked to intent mandate `i` by hash: it must honour `i`. */
export const cartUnder = (c: Doc, i: Doc): Doc => cartMandateBy(c, i, P.merchant, KEY1, [merchantDid]);
/** The payment mandate of cart `c` under `i`, changed by `change` and proved by the user through the builder: it must pay what the cart asks. */
export const paidFor = (c: Doc, i: Doc = intentMandate, change: Change = () => {}): Doc => paymentMandateBy(mut(payment, change), c, i, P.user, [merchantDid]);
/** A mandate vector: the chain, what was spent before (`undefined`: not given), at 2026-11-01T10:08:00Z with Dreamineering's DID document. */
const mandate = (name: string, description: string, m: MandateChain, spent: unknown, expect: Expect): void => vector(`mandate/${name}`, '12.6', description, { ...m, ...(spent === undefined ? {} : { spent }) }, didContext(NOV), expect);
/** A mandate chain (SPEC.md 12.6): intent, cart and payment. */
export type MandateChain = {
  readonly intent_mandate: Doc;
  readonly cart_mandate: Doc;
  readonly payment_mandate: Doc;
};
export const chainOf = (i: Doc, c: Doc, p: Doc): MandateChain => ({ intent_mandate: i, cart_mandate: c, payment_mandate: p });

export function mandateVectors(): void {
  mandate('commerce-rails/first-payment', 'Agent Commerce Rails station 4: intent -> cart -> payment, each signed by the right party, within the 20.00 USD cap.', chainOf(intentMandate, cart, payment), undefined, accept());
  mandate('commerce-rails/second-payment-over-cap', 'Agent Commerce Rails station 4: with 16.00 already paid under the intent mandate, a second 5.00 payment is over the 20.00 cap and is refused with a clear reason.', chainOf(intentMandate, cart, payment), { currency: 'USD', value: '16.00' }, reject('ERR_MANDATE_OVER_CAP'));
  mandate('reaches-the-cap', 'A payment that brings the total exactly to the cap is within it.', chainOf(intentMandate, cart, payment), { currency: 'USD', value: '15.00' }, accept());
  mandate('spent-in-another-currency', 'Earlier payments counted in another currency than the cap.', chainOf(intentMandate, cart, payment), { currency: 'EUR', value: '1.00' }, reject('ERR_MANDATE_CAP_MISMATCH'));
  const cartByUser = reprove(cart, P.user, P.user.vm);
  mandate('cart-signed-by-user', 'Cart forgery: the cart is proved by the user, not by the merchant it names.', chainOf(intentMandate, cartByUser, payFor(cartByUser)), undefined, reject('ERR_MANDATE_WRONG_SIGNER'));
  for (const purpose of ['authentication', 'capabilityInvocation', 'capabilityDelegation']) {
    mandate(`payment-proved-for-${purpose.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, `A payment mandate the user proved for ${purpose}, not assertionMethod: a proof made for another purpose does not assert the payment.`, chainOf(intentMandate, cart, reprove(payment, P.user, undefined, { proofPurpose: purpose })), undefined, reject('ERR_PROOF_PURPOSE'));
  }
  mandate('payment-signed-by-agent', 'The agent signs the payment itself: a payment mandate must be the user\'s.', chainOf(intentMandate, cart, reprove(payment, P.agent, P.agent.vm)), undefined, reject('ERR_MANDATE_WRONG_SIGNER'));
  mandate('cart-swapped', 'Cart substitution: the payment names another cart than the one given.', chainOf(intentMandate, byMerchant(mut(cart, (d) => (d.contents.id = 'cart-other'))), payment), undefined, reject('ERR_MANDATE_CHAIN_BROKEN'));
  mandate('cart-for-another-intent', 'The cart names another intent mandate.', chainOf(intentMandate, byMerchant(mut(cart, (d) => (d.intent_mandate_hash = `sha256:${'2'.repeat(64)}`))), payment), undefined, reject('ERR_MANDATE_CHAIN_BROKEN'));
  const capped = byMerchant(mut(cart, (d) => (d.spend_cap = { currency: 'USD', value: '25.00' })));
  mandate('cart-raises-the-cap', 'The cart restates a higher spend cap than the user\'s intent mandate set.', chainOf(intentMandate, capped, payFor(capped)), undefined, reject('ERR_MANDATE_CAP_MISMATCH'));
  const elsewhere = byMerchant(mut(cart, (d) => (d.contents.merchant_name = 'Elsewhere Ltd')));
  mandate('merchant-not-allowed', 'A cart from a merchant the intent mandate does not allow.', chainOf(intentMandate, elsewhere, payFor(elsewhere, intentMandate, (d) => (d.payment_mandate_contents.merchant_agent = 'Elsewhere Ltd'))), undefined, reject('ERR_MANDATE_MERCHANT_NOT_ALLOWED'));
  {
    const narrowed = intentMandateOf(mut(intentMandate, (d) => (d.merchants = ['Elsewhere Ltd'])));
    const cartOfNarrowed = byMerchant(mut(cart, (d) => (d.intent_mandate_hash = documentHash(narrowed))));
    mandate('intent-allows-another-merchant', 'The user\'s intent mandate, re-proved, allows Elsewhere Ltd only; the genuine Dreamineering cart and the payment, chained to it, are from a merchant it does not allow.', chainOf(narrowed, cartOfNarrowed, payFor(cartOfNarrowed, narrowed)), undefined, reject('ERR_MANDATE_MERCHANT_NOT_ALLOWED'));
  }
  mandate('cart-lapsed', 'Paid at the cart\'s expiry.', chainOf(intentMandate, cart, payFor(cart, intentMandate, (d) => (d.payment_mandate_contents.timestamp = '2026-11-01T10:30:00Z'))), undefined, reject('ERR_MANDATE_EXPIRED'));
  const lapsed = intentMandateOf(mut(intentMandate, (d) => (d.intent_expiry = '2026-11-01T10:06:00Z')));
  const cartOfLapsed = cartUnder(cart, lapsed);
  mandate('intent-lapsed', 'Paid after the intent mandate lapsed.', chainOf(lapsed, cartOfLapsed, payFor(cartOfLapsed, lapsed)), undefined, reject('ERR_MANDATE_EXPIRED'));
  // Times as instants (SPEC.md 6.2): an expiry written with an offset, or with a fraction, against a
  // payment at 2026-11-01T10:07:00Z. Compared as text, 12:07+02:00 is later; as an instant it is the same.
  const expiringAt = (expiry: string, pay: (c: Doc, i: Doc) => Doc = payFor): MandateChain => {
    const i = intentMandateOf(mut(intentMandate, (d) => (d.intent_expiry = expiry)));
    const c = cartUnder(cart, i);
    return chainOf(i, c, pay(c, i));
  };
  mandate('intent-expiry-offset-reached', 'The intent mandate lapses at 2026-11-01T12:07:00+02:00, the instant of the payment (10:07:00Z): it has lapsed, though the text reads later.', expiringAt('2026-11-01T12:07:00+02:00'), undefined, reject('ERR_MANDATE_EXPIRED'));
  mandate('intent-expiry-fraction-after', 'The intent mandate lapses at 2026-11-01T12:07:00.001+02:00, a millisecond after the payment: it still holds.', expiringAt('2026-11-01T12:07:00.001+02:00', paidFor), undefined, accept());
  mandate('paid-before-1970', 'The payment is dated 1969-12-31T23:59:59Z, before writ\'s clock begins: no date-time writ reads, so the payment mandate fails its schema\'s format, and is not held to an expiry it trivially precedes.', chainOf(intentMandate, cart, payFor(cart, intentMandate, (d) => (d.payment_mandate_contents.timestamp = '1969-12-31T23:59:59Z'))), undefined, reject('ERR_SCHEMA_FORMAT'));
  mandate('paid-in-the-first-second-of-1970', 'The payment is dated 1970-01-01T00:00:00Z, the first second of writ\'s clock: it reads, comes before both expiries, and the chain verifies.', chainOf(intentMandate, cart, paidFor(cart, intentMandate, (d) => (d.payment_mandate_contents.timestamp = '1970-01-01T00:00:00Z'))), undefined, accept());
  mandate('pays-less-than-the-cart', 'The payment\'s total is not the cart\'s.', chainOf(intentMandate, cart, payFor(cart, intentMandate, (d) => (d.payment_mandate_contents.payment_details_total.amount.value = '4.00'))), undefined, reject('ERR_MANDATE_CART_MISMATCH'));
  mandate('pays-another-request', 'The payment is for another payment request than the cart\'s.', chainOf(intentMandate, cart, payFor(cart, intentMandate, (d) => (d.payment_mandate_contents.payment_details_id = 'pr-other'))), undefined, reject('ERR_MANDATE_CART_MISMATCH'));
  // The payee (SPEC.md 12.6): the payment is made by a method the cart accepts, to the payTo it names.
  const detailsOf = (d: Doc): Doc => d.payment_mandate_contents.payment_response.details;
  mandate('pays-another-payee', 'The payment names another payee (payTo) than the one the cart\'s x402 method names.', chainOf(intentMandate, cart, payFor(cart, intentMandate, (d) => (detailsOf(d).payTo = '0xd2eac0ffee00000000000000000000000000000b'))), undefined, reject('ERR_MANDATE_CART_MISMATCH'));
  mandate('pays-no-named-payee', 'The payment names no payee, where the cart\'s x402 method names one: it is not bound to whom the merchant asked to be paid.', chainOf(intentMandate, cart, payFor(cart, intentMandate, (d) => delete detailsOf(d).payTo)), undefined, reject('ERR_MANDATE_CART_MISMATCH'));
  mandate('pays-by-a-method-not-offered', 'The payment is made by card, which the cart (x402 only) does not accept.', chainOf(intentMandate, cart, payFor(cart, intentMandate, (d) => (d.payment_mandate_contents.payment_response.method_name = 'CARD'))), undefined, reject('ERR_MANDATE_CART_MISMATCH'));
  const cartWithoutPayee = cartUnder(mut(cart, (d) => delete d.contents.payment_request.method_data[0].data.payTo), intentMandate);
  mandate('cart-names-no-payee', 'A cart whose x402 method names no payee, and a payment that names none: there is no payee to hold the payment to, and the chain verifies.', chainOf(intentMandate, cartWithoutPayee, paidFor(cartWithoutPayee, intentMandate, (d) => delete detailsOf(d).payTo)), undefined, accept());
  // Money as decimals (SPEC.md 6.1, 12.6): amounts that binary floating point cannot hold exactly,
  // and amounts beyond 2^53 minor units. Each expectation is the decimal sum, stated here.
  const capped2 = (cap: string, total: string): MandateChain => {
    const i = intentMandateOf(mut(intentMandate, (d) => (d.spend_cap = { currency: 'USD', value: cap })));
    const c = cartUnder(mut(cart, (d) => {
      d.spend_cap = { currency: 'USD', value: cap };
      d.contents.payment_request.details.total.amount.value = total;
      d.contents.payment_request.details.display_items[0].amount.value = total;
    }), i);
    return chainOf(i, c, paidFor(c, i, (d) => (d.payment_mandate_contents.payment_details_total.amount.value = total)));
  };
  mandate('cap-reached-in-decimal', 'Spent 0.10, paying 0.20, under a 0.30 cap: exactly the cap in decimal, though 0.1 + 0.2 is 0.30000000000000004 in binary floating point.', capped2('0.30', '0.20'), { currency: 'USD', value: '0.10' }, accept());
  mandate('cap-passed-by-a-cent-in-decimal', 'Spent 0.11, paying 0.20, under a 0.30 cap: one cent over.', capped2('0.30', '0.20'), { currency: 'USD', value: '0.11' }, reject('ERR_MANDATE_OVER_CAP'));
  mandate('cap-reached-beyond-2-53-cents', 'A cap of 90071992547409.93 USD (9007199254740993 cents, past 2^53): spent 90071992547404.93 and paying 5.00 reaches it exactly; a reader of cents as doubles cannot tell 9007199254740993 from 9007199254740992.', capped2('90071992547409.93', '5.00'), { currency: 'USD', value: '90071992547404.93' }, accept());
  mandate('cap-passed-beyond-2-53-cents', 'The same cap, spent 90071992547404.94: one cent over, past 2^53 cents.', capped2('90071992547409.93', '5.00'), { currency: 'USD', value: '90071992547404.94' }, reject('ERR_MANDATE_OVER_CAP'));
  mandate('payment-changed', 'The payment changed after the user signed it.', chainOf(intentMandate, cart, mut(payment, (d) => (d.payment_mandate_contents.timestamp = '2026-11-01T10:07:01Z'))), undefined, reject('ERR_PROOF_INVALID'));
  {
    // Currencies whose minor unit is not the cent (issue 11; JPY: exponent 0, KWD: exponent 3): a
    // mandate chain in another currency, each amount stated here in decimal.
    const cappedIn = (currency: string, cap: string, total: string): MandateChain => {
      const i = intentMandateOf(mut(intentMandate, (d) => (d.spend_cap = { currency, value: cap })));
      const c = cartUnder(
        mut(cart, (d) => {
          d.spend_cap = { currency, value: cap };
          d.contents.payment_request.details.total.amount = { currency, value: total };
          d.contents.payment_request.details.display_items[0].amount = { currency, value: total };
        }),
        i,
      );
      return chainOf(i, c, paidFor(c, i, (d) => (d.payment_mandate_contents.payment_details_total.amount = { currency, value: total })));
    };
    mandate('currency-exponent-0-reaches-the-cap', 'In yen (no minor unit): spent 999, paying 1, under a cap of 1000: exactly the cap.', cappedIn('JPY', '1000', '1'), { currency: 'JPY', value: '999' }, accept());
    mandate('currency-exponent-0-passes-the-cap', 'In yen: spent 999, paying 2, under a cap of 1000: one yen over.', cappedIn('JPY', '1000', '2'), { currency: 'JPY', value: '999' }, reject('ERR_MANDATE_OVER_CAP'));
    mandate('currency-exponent-3-reaches-the-cap', 'In Kuwaiti dinar (three decimals): spent 5.000, paying 5.000, under a cap of 10.000: exactly the cap.', cappedIn('KWD', '10.000', '5.000'), { currency: 'KWD', value: '5.000' }, accept());
    mandate('currency-exponent-3-passes-the-cap', 'In Kuwaiti dinar: spent 5.000, paying 5.001, under a cap of 10.000: one fils over, which an implementation counting in cents cannot see.', cappedIn('KWD', '10.000', '5.001'), { currency: 'KWD', value: '5.000' }, reject('ERR_MANDATE_OVER_CAP'));
  }
  {
    // What earlier payments paid (SPEC.md 13.2 `spent`): a decimal, or a malformed context.
    for (const [name, value] of [['not-a-decimal', 'five'], ['text-before', 'x1.00'], ['text-after', '1.00x'], ['empty', ''], ['trailing-dot', '1.']]) {
      mandate(`encoding/spent-${name}`, `Earlier payments given as ${JSON.stringify(value)}, not a decimal: a malformed context.`, chainOf(intentMandate, cart, payment), { currency: 'USD', value }, reject('ERR_USAGE_INVALID_ARGUMENT'));
    }
    mandate('encoding/spent-negative', 'Earlier payments given as -0.01: what was paid is never less than nothing, so the ledger is a malformed context (a negative one would lift the cap).', chainOf(intentMandate, cart, payment), { currency: 'USD', value: '-0.01' }, reject('ERR_USAGE_INVALID_ARGUMENT'));
    mandate('encoding/spent-zero', 'Earlier payments of 0.00: nothing paid yet, and the payment of 5.00 is within the 20.00 cap.', chainOf(intentMandate, cart, payment), { currency: 'USD', value: '0.00' }, accept());
    mandate('encoding/spent-fewer-digits', 'Earlier payments of 15 (no fraction digits) and a payment of 5.00 reach the 20.00 cap exactly.', chainOf(intentMandate, cart, payment), { currency: 'USD', value: '15' }, accept());
    mandate('encoding/spent-more-digits', 'Earlier payments of 15.000001 and a payment of 5.00 pass the 20.00 cap by a millionth.', chainOf(intentMandate, cart, payment), { currency: 'USD', value: '15.000001' }, reject('ERR_MANDATE_OVER_CAP'));
  }
  {
    // mandate (SPEC.md 12.6): an intent mandate for any merchant, and payments the cart does not ask for.
    const anyMerchant = (merchants: string[] | null | undefined): MandateChain => {
      const i = intentMandateOf(mut(intentMandate, (d) => (merchants === undefined ? delete d.merchants : (d.merchants = merchants))));
      const c = cartUnder(cart, i);
      return chainOf(i, c, paidFor(c, i));
    };
    mandate('links/intent-mandate-without-cap', 'An intent mandate without its required spend_cap.', chainOf(mut(intentMandate, (d) => delete d.spend_cap), cart, payment), undefined, reject('ERR_SCHEMA_REQUIRED'));
    mandate('links/cart-mandate-without-contents', 'A cart mandate without its required contents.', chainOf(intentMandate, mut(cart, (d) => delete d.contents), payment), undefined, reject('ERR_SCHEMA_REQUIRED'));
    mandate('links/payment-mandate-without-contents', 'A payment mandate without its required payment_mandate_contents.', chainOf(intentMandate, cart, mut(payment, (d) => delete d.payment_mandate_contents)), undefined, reject('ERR_SCHEMA_REQUIRED'));
    mandate('links/merchants-absent', 'An intent mandate, re-proved, that names no merchants: any merchant is allowed, and the chain verifies.', anyMerchant(undefined), undefined, accept());
    mandate('links/merchants-null', 'An intent mandate, re-proved, whose merchants is null: any merchant is allowed, and the chain verifies.', anyMerchant(null), undefined, accept());
    mandate('links/pays-in-another-currency', 'The payment\'s total is the cart\'s value, 5.00, but in EUR where the cart is in USD.', chainOf(intentMandate, cart, payFor(cart, intentMandate, (d) => (d.payment_mandate_contents.payment_details_total.amount.currency = 'EUR'))), undefined, reject('ERR_MANDATE_CART_MISMATCH'));
    mandate('links/pays-another-merchant', 'The payment goes to another merchant agent than the cart\'s merchant.', chainOf(intentMandate, cart, payFor(cart, intentMandate, (d) => (d.payment_mandate_contents.merchant_agent = 'Elsewhere Ltd'))), undefined, reject('ERR_MANDATE_CART_MISMATCH'));
    mandate('links/payee-only-in-the-payment', 'A cart whose x402 method names no payee, and a payment that names one: the cart asks for no payee to hold the payment to, and the chain verifies.', chainOf(intentMandate, cartWithoutPayee, paidFor(cartWithoutPayee)), undefined, accept());
    const numericPayee = cartUnder(mut(cart, (d) => (d.contents.payment_request.method_data[0].data.payTo = 12345)), intentMandate);
    mandate('links/payee-not-a-string', 'A cart whose x402 method gives payTo as a number, and a payment that names no payee: a payee is a string, so the cart names none, and the chain verifies.', chainOf(intentMandate, numericPayee, paidFor(numericPayee, intentMandate, (d) => delete detailsOf(d).payTo)), undefined, accept());
    mandate('links/spent-null', 'What was spent given as null: it must be { currency, value }.', chainOf(intentMandate, cart, payment), null, reject('ERR_USAGE_INVALID_ARGUMENT'));
    mandate('links/spent-currency-not-a-string', 'What was spent given with a number for its currency.', chainOf(intentMandate, cart, payment), { currency: 5, value: '1.00' }, reject('ERR_USAGE_INVALID_ARGUMENT'));
    mandate('links/spent-value-not-a-string', 'What was spent given with a number for its value: a value is a decimal string.', chainOf(intentMandate, cart, payment), { currency: 'USD', value: 1 }, reject('ERR_USAGE_INVALID_ARGUMENT'));
    // A verification's now is a Unix second up to 253402300799, 9999-12-31T23:59:59Z (SPEC.md 6.2): one second later is the caller's mistake.
    const LAST = 253402300799;
    vector('mandate/links/now-after-the-last-second', '6.2', 'The first payment\'s mandate chain checked at now 253402300800, one second past the last Unix second a verification may name.', chainOf(intentMandate, cart, payment), at(LAST + 1, { documents: [merchantDid] }), reject('ERR_USAGE_INVALID_ARGUMENT'));
  }
  {
      const i = intentMandateOf(mut(intentMandate, (d) => (d.spend_cap = { currency: 'EUR', value: d.spend_cap.value })));
      const c = byMerchant(mut(cart, (d) => (d.intent_mandate_hash = documentHash(i))));
      mandate('links/intent-cap-in-another-currency', 'An intent mandate, re-proved, capping the spend at 20.00 EUR, and a cart chained to it that honours 20.00 USD: the same figure in another currency is another cap.', chainOf(i, c, payFor(c, i)), undefined, reject('ERR_MANDATE_CAP_MISMATCH'));
  }
}
