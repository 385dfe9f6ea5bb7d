/**
 * A small mandate-chain verifier, written from SPEC.md 12.6 alone (it imports nothing of writ's
 * sources; amounts as exact decimals, in BigInt millionths), with bugs to switch on: each is the one-line change
 * an implementer makes by mistake, and with none it passes every mandate vector (a test holds it).
 */
import type { CartMandate, IntentMandate, PaymentMandate } from '../../../src/generated/types.js';
import type { Adapter } from '../../../src/conformance/adapters.js';
import { dataIntegrity, hashOf } from './kit.js';
import { accept, implementation, reject, type Context } from './adapter.js';

const isObject = (v: unknown): boolean => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The bugs of {@link mandateVerifier}. */
export interface MandateBugs {
  /** The payment's cart_mandate_hash is never compared. */
  readonly skipCartHash?: boolean;
  /** The payee the cart's method names is never compared with the payment's. */
  readonly ignorePayee?: boolean;
  /** Amounts added as doubles. */
  readonly floatMoney?: boolean;
  /** Amounts held as cents in doubles. */
  readonly centsAsNumber?: boolean;
  /** Amounts counted in cents, as if every currency had two decimals. */
  readonly twoPlaces?: boolean;
  /** Times compared as their text, not as instants. */
  readonly timesAsText?: boolean;
}

/** A decimal amount, exactly, in millionths (SPEC.md 6.1: at most six fraction digits); in cents with the `twoPlaces` bug. */
const exact = (places: number) => (s: string): bigint => {
  const [whole = '0', fraction = ''] = s.split('.');
  return BigInt(whole) * 10n ** BigInt(places) + BigInt(fraction.padEnd(places, '0').slice(0, places) || '0');
};

/**
 * A mandate-chain verifier written from SPEC.md 12.6 (amounts as exact decimals, as BigInt).
 *
 * @param bugs - `skipCartHash`: the payment's cart_mandate_hash is never compared;
 *   `ignorePayee`: the payee the cart's method names is never compared with the payment's;
 *   `floatMoney`: amounts added as doubles; `centsAsNumber`: as cents held in doubles;
 *   `timesAsText`: times compared as their text, not as instants; `twoPlaces`: amounts in cents, whatever the currency.
 * @returns an implementation of the mandate profile.
 */
export function mandateVerifier(bugs: MandateBugs): Adapter {
  const cents = exact(bugs.twoPlaces === true ? 2 : 6);
  return implementation(`mandate verifier ${JSON.stringify(bugs)}`, ['mandate'], (c) => {
    const ctx = c.context as Context;
    const documents = (ctx.documents ?? []) as Record<string, unknown>[];
    const intent = c.input['intent_mandate'] as IntentMandate;
    const cart = c.input['cart_mandate'] as CartMandate;
    const payment = c.input['payment_mandate'] as PaymentMandate;
    const spent = c.input['spent'] as { currency: string; value: string } | undefined;
    // What earlier payments paid is { currency, value }, a decimal of 0 or more (SPEC.md 6.1, 12.6); anything else is a malformed input.
    if (spent !== undefined && (spent === null || typeof spent !== 'object' || typeof spent.currency !== 'string' || typeof spent.value !== 'string' || !/^\d+(?:\.\d+)?$/.test(spent.value))) return reject('ERR_USAGE_INVALID_ARGUMENT');
    // The time of verification is a Unix second before the year 10000 (SPEC.md 6.2); each mandate has its schema's required members (SPEC.md 5) before anything is checked.
    if (!Number.isSafeInteger(ctx.now) || ctx.now < 0 || ctx.now > 253402300799) return reject('ERR_USAGE_INVALID_ARGUMENT');
    if (!isObject(intent.spend_cap) || !isObject(cart.contents) || !isObject(payment.payment_mandate_contents)) return reject('ERR_SCHEMA_REQUIRED');
    // Each time is a date-time of writ's clock, 1970 to 9999 (SPEC.md 6.2), or its schema's format refuses it.
    const inClock = (t: unknown): boolean => typeof t === 'string' && Date.parse(t) >= 0 && Date.parse(t) < 253402300800000;
    if (![payment.payment_mandate_contents.timestamp, intent.intent_expiry, cart.contents.cart_expiry].every(inClock)) return reject('ERR_SCHEMA_FORMAT');
    for (const [doc, signer] of [[intent, intent.user], [cart, cart.merchant], [payment, intent.user]] as const) {
      const proved = dataIntegrity(doc as unknown as Record<string, unknown>, documents);
      if ('code' in proved) return reject(proved.code);
      if (proved.signer !== signer) return reject('ERR_MANDATE_WRONG_SIGNER');
    }
    if (cart.intent_mandate_hash !== hashOf(intent) || payment.intent_mandate_hash !== hashOf(intent)) return reject('ERR_MANDATE_CHAIN_BROKEN');
    if (bugs.skipCartHash !== true && payment.cart_mandate_hash !== hashOf(cart)) return reject('ERR_MANDATE_CHAIN_BROKEN');
    if (cart.spend_cap.currency !== intent.spend_cap.currency || cents(cart.spend_cap.value) !== cents(intent.spend_cap.value)) return reject('ERR_MANDATE_CAP_MISMATCH');
    if (intent.merchants !== null && intent.merchants !== undefined && !intent.merchants.includes(cart.contents.merchant_name)) return reject('ERR_MANDATE_MERCHANT_NOT_ALLOWED');
    const paid = payment.payment_mandate_contents.timestamp;
    const lapsed = bugs.timesAsText === true ? (expiry: string): boolean => paid >= expiry : (expiry: string): boolean => Date.parse(paid) >= Date.parse(expiry);
    if (lapsed(intent.intent_expiry) || lapsed(cart.contents.cart_expiry)) return reject('ERR_MANDATE_EXPIRED');
    const total = payment.payment_mandate_contents.payment_details_total.amount;
    const details = cart.contents.payment_request.details;
    if (payment.payment_mandate_contents.payment_details_id !== details.id || total.currency !== details.total.amount.currency || cents(total.value) !== cents(details.total.amount.value) || payment.payment_mandate_contents.merchant_agent !== cart.contents.merchant_name) {
      return reject('ERR_MANDATE_CART_MISMATCH');
    }
    const response = payment.payment_mandate_contents.payment_response;
    const method = cart.contents.payment_request.method_data.find((m) => m.supported_methods === response.method_name);
    const payTo = (data: unknown): unknown => (data !== null && typeof data === 'object' ? (data as { payTo?: unknown }).payTo : undefined);
    if (method === undefined || (bugs.ignorePayee !== true && typeof payTo(method.data) === 'string' && payTo(method.data) !== payTo(response.details))) return reject('ERR_MANDATE_CART_MISMATCH');
    if (spent !== undefined && spent.currency !== intent.spend_cap.currency) return reject('ERR_MANDATE_CAP_MISMATCH');
    // The bugs implementers write: adding money as doubles, or as cents held in doubles.
    const money = bugs.floatMoney === true ? (v: string): number => Number(v) : bugs.centsAsNumber === true ? (v: string): number => Math.round(Number(v) * 100) : undefined;
    const over = money === undefined ? (spent === undefined ? 0n : cents(spent.value)) + cents(total.value) > cents(intent.spend_cap.value) : (spent === undefined ? 0 : money(spent.value)) + money(total.value) > money(intent.spend_cap.value);
    if (over) return reject('ERR_MANDATE_OVER_CAP');
    return accept;
  });
}
