/**
 * Mandate chains (SPEC.md 12.6): an intent mandate signed by the user, a cart mandate signed by
 * the merchant that names the intent mandate by hash, and a payment mandate signed by the user
 * that names both. The cart must honour the intent's spend cap and merchants, the payment must
 * pay that cart before either lapses, and every payment under one intent mandate counts against
 * its cap: a second payment over the cap is refused (Agent Commerce Rails, station 4).
 */
import type { CartMandate, IntentMandate, PaymentCurrencyAmount } from '../generated/types.js';
import { isRecord } from '../encoding/json.js';
import { verifyDataIntegrity } from '../crypto/envelopes.js';
import { documentHash } from '../crypto/hash.js';
import { fail, pass, type Refusal, type Verdict } from '../issues.js';
import { addDecimal, compareDecimal, formatDecimal, parseDecimal, type Decimal } from '../encoding/decimal.js';
import { compareInstants } from '../encoding/time.js';
import { proofOptionsOf, readAs, timeAt, within, type Read } from './common.js';
import { contextProblem, type VerifyContext } from './context.js';
import { readCall, verified } from '../model/read.js';

/** The three mandates of one payment. */
export interface MandateChain {
  readonly intent_mandate: unknown;
  readonly cart_mandate: unknown;
  readonly payment_mandate: unknown;
}

/** The options of {@link verifyMandateChain}: the context, and what the subject is checked against. */
export interface MandateOptions extends VerifyContext {
  /** What was already paid under the intent mandate, before this payment. */
  readonly spent?: PaymentCurrencyAmount | undefined;
}

/**
 * Verify a mandate chain.
 *
 * @param chain - the intent, cart and payment mandates (any values).
 * @param options - DID documents for the merchant's did:web, the time (for proof expiry), backend, and `spent`: what earlier payments under the same intent mandate have paid, in its cap's currency.
 * @returns a passing verdict with `details.spent`, the total paid under the intent mandate with
 *   this payment, or the first failure, its path under `/intent_mandate`, `/cart_mandate` or
 *   `/payment_mandate`: schema codes, `ERR_PROOF_*`, `ERR_KEY_*`, `ERR_MANDATE_WRONG_SIGNER`,
 *   `ERR_MANDATE_CHAIN_BROKEN`, `ERR_MANDATE_CAP_MISMATCH`, `ERR_MANDATE_MERCHANT_NOT_ALLOWED`,
 *   `ERR_MANDATE_EXPIRED`, `ERR_MANDATE_CART_MISMATCH`, `ERR_MANDATE_OVER_CAP`.
 * @example
 * ```ts
 * const v = verifyMandateChain({ intent_mandate, cart_mandate, payment_mandate }, { ...ctx, spent: { currency: 'USD', value: '16.00' } });
 * // 16.00 + 5.00 is over a 20.00 cap: { ok: false, code: 'ERR_MANDATE_OVER_CAP', path: '/payment_mandate/payment_mandate_contents/payment_details_total/amount/value' }
 * ```
 */
export function verifyMandateChain(chain: unknown, options: MandateOptions): Verdict {
  return readCall(
    options,
    (options) => [['', chain], ['/spent', options?.spent]],
    ([chain_, spent_], options) => verified(verifyMandateChainModel(chain_, spent_, options), chain_),
  );
}

/** {@link verifyMandateChain} on its inputs as read once, into snapshots. */
function verifyMandateChainModel(chain: unknown, spentGiven: unknown, ctx: VerifyContext): Verdict {
  const problem = contextProblem(ctx);
  if (problem !== undefined) return problem;
  const member = (name: keyof MandateChain): unknown => (isRecord(chain) ? chain[name] : undefined);
  const intentRead = readAs(ctx, 'mandate/intent-mandate', member('intent_mandate'), '/intent_mandate');
  if (!intentRead.ok) return intentRead;
  const cartRead = readAs(ctx, 'mandate/cart-mandate', member('cart_mandate'), '/cart_mandate');
  if (!cartRead.ok) return cartRead;
  const paymentRead = readAs(ctx, 'mandate/payment-mandate', member('payment_mandate'), '/payment_mandate');
  if (!paymentRead.ok) return paymentRead;
  const spent = spentOf(spentGiven);
  if (!spent.ok) return spent;
  const intent = intentRead.doc;
  const cart = cartRead.doc;
  const payment = paymentRead.doc;

  for (const [at, doc, signer, party] of [
    ['/intent_mandate', intent, intent.user, 'the user'],
    ['/cart_mandate', cart, cart.merchant, 'the merchant'],
    ['/payment_mandate', payment, intent.user, 'the user'],
  ] as const) {
    const proved = verifyDataIntegrity(doc, proofOptionsOf(ctx));
    if (!proved.ok) return within(at, proved);
    if (proved.details?.['signer'] !== signer) {
      return fail('ERR_MANDATE_WRONG_SIGNER', `${at}/proof/verificationMethod`, `${at.slice(1).replace('_', ' ')} is proved by ${String(proved.details?.['signer'])}; it must be signed by ${party}, ${signer}`);
    }
  }

  const intentHash = documentHash(intent);
  const cartHash = documentHash(cart);
  for (const [at, stated, actual, what] of [
    ['/cart_mandate/intent_mandate_hash', cart.intent_mandate_hash, intentHash, 'intent mandate'],
    ['/payment_mandate/intent_mandate_hash', payment.intent_mandate_hash, intentHash, 'intent mandate'],
    ['/payment_mandate/cart_mandate_hash', payment.cart_mandate_hash, cartHash, 'cart mandate'],
  ] as const) {
    if (stated !== actual) return fail('ERR_MANDATE_CHAIN_BROKEN', at, `names the ${what} ${stated}, but the ${what} given hashes to ${actual}`);
  }

  const honoured = cartHonours(intent, cart);
  if (honoured !== undefined) return { ...honoured, path: `/cart_mandate${honoured.path}` };
  const cap = intent.spend_cap;
  const merchant = cart.contents.merchant_name;

  const contents = payment.payment_mandate_contents;
  const paidAt = timeAt(contents.timestamp, '/payment_mandate/payment_mandate_contents/timestamp');
  const intentExpiry = timeAt(intent.intent_expiry, '/intent_mandate/intent_expiry');
  const cartExpiry = timeAt(cart.contents.cart_expiry, '/cart_mandate/contents/cart_expiry');
  if (!paidAt.ok) return paidAt;
  if (!intentExpiry.ok) return intentExpiry;
  if (!cartExpiry.ok) return cartExpiry;
  if (compareInstants(paidAt.instant, intentExpiry.instant) >= 0) {
    return fail('ERR_MANDATE_EXPIRED', '/intent_mandate/intent_expiry', `the payment at ${contents.timestamp} comes after the intent lapsed at ${intent.intent_expiry}`);
  }
  if (compareInstants(paidAt.instant, cartExpiry.instant) >= 0) {
    return fail('ERR_MANDATE_EXPIRED', '/cart_mandate/contents/cart_expiry', `the payment at ${contents.timestamp} comes after the cart lapsed at ${cart.contents.cart_expiry}`);
  }

  const details = cart.contents.payment_request.details;
  const total = contents.payment_details_total.amount;
  if (contents.payment_details_id !== details.id) {
    return fail('ERR_MANDATE_CART_MISMATCH', '/payment_mandate/payment_mandate_contents/payment_details_id', `the payment is for ${contents.payment_details_id}; the cart's payment request is ${details.id}`);
  }
  if (total.currency !== details.total.amount.currency || compareDecimal(dec(total.value), dec(details.total.amount.value)) !== 0) {
    return fail('ERR_MANDATE_CART_MISMATCH', '/payment_mandate/payment_mandate_contents/payment_details_total/amount', `the payment is ${total.value} ${total.currency}; the cart's total is ${details.total.amount.value} ${details.total.amount.currency}`);
  }
  if (contents.merchant_agent !== merchant) {
    return fail('ERR_MANDATE_CART_MISMATCH', '/payment_mandate/payment_mandate_contents/merchant_agent', `the payment goes to ${contents.merchant_agent}; the cart is from ${merchant}`);
  }
  // The payment is made by a method the cart accepts, to the payee that method names.
  const response = contents.payment_response;
  const method = cart.contents.payment_request.method_data.find((m) => m.supported_methods === response.method_name);
  if (method === undefined) {
    return fail('ERR_MANDATE_CART_MISMATCH', '/payment_mandate/payment_mandate_contents/payment_response/method_name', `the payment is made with ${response.method_name}; the cart accepts ${cart.contents.payment_request.method_data.map((m) => m.supported_methods).join(', ')}`);
  }
  const payee = payeeOf(method.data);
  if (payee !== undefined && payeeOf(response.details) !== payee) {
    return fail('ERR_MANDATE_CART_MISMATCH', '/payment_mandate/payment_mandate_contents/payment_response/details/payTo', `the payment pays ${String(payeeOf(response.details) ?? 'no payee it names')}; the cart's ${method.supported_methods} method names the payee ${payee}`);
  }

  if (spent.doc !== undefined && spent.doc.currency !== cap.currency) {
    return fail('ERR_MANDATE_CAP_MISMATCH', '/intent_mandate/spend_cap/currency', `earlier payments are counted in ${spent.doc.currency}; the cap is in ${cap.currency}`);
  }
  const after = addDecimal(spent.doc === undefined ? { units: 0n, scale: 0 } : dec(spent.doc.value), dec(total.value));
  if (compareDecimal(after, dec(cap.value)) > 0) {
    return fail(
      'ERR_MANDATE_OVER_CAP',
      '/payment_mandate/payment_mandate_contents/payment_details_total/amount/value',
      `this payment of ${total.value} ${total.currency} brings what is paid under intent mandate ${intent.mandate_id} to ${formatDecimal(after)}, over its spend cap of ${cap.value}`,
      { spent: { currency: cap.currency, value: formatDecimal(after) }, spend_cap: cap },
    );
  }
  return pass(`payment ${contents.payment_mandate_id} pays cart ${details.id} within intent mandate ${intent.mandate_id} (${formatDecimal(after)} of ${cap.value} ${cap.currency})`, {
    spent: { currency: cap.currency, value: formatDecimal(after) },
  });
}

/**
 * Whether a cart honours the intent mandate it names (SPEC.md 12.6 steps 3 and 4): it restates
 * the spend cap, and its merchant is one the intent mandate allows, when it lists any.
 *
 * @param intent - the intent mandate, read.
 * @param cart - the cart mandate, read.
 * @returns the refusal, at a path in the cart, or `undefined`.
 */
export function cartHonours(intent: IntentMandate, cart: CartMandate): Refusal | undefined {
  const cap = intent.spend_cap;
  if (cart.spend_cap.currency !== cap.currency || compareDecimal(dec(cart.spend_cap.value), dec(cap.value)) !== 0) {
    return fail('ERR_MANDATE_CAP_MISMATCH', '/spend_cap', `the cart honours a cap of ${cart.spend_cap.value} ${cart.spend_cap.currency}; the intent mandate's is ${cap.value} ${cap.currency}`);
  }
  const merchant = cart.contents.merchant_name;
  if (intent.merchants !== null && intent.merchants !== undefined && !intent.merchants.includes(merchant)) {
    return fail('ERR_MANDATE_MERCHANT_NOT_ALLOWED', '/contents/merchant_name', `the cart is from ${merchant}; the intent mandate allows ${intent.merchants.join(', ')}`);
  }
  return undefined;
}

/** A decimal the schema has already checked. */
function dec(text: string): Decimal {
  return parseDecimal(text) ?? { units: 0n, scale: 0 };
}

/**
 * The payee a payment method's data names: `payTo`, x402's name for the address paid
 * (PaymentRequirements), when it is a string.
 *
 * @param data - a payment method's data, or a payment response's details.
 * @returns the payee, or `undefined`.
 */
export function payeeOf(data: unknown): string | undefined {
  const payTo = isRecord(data) ? data['payTo'] : undefined;
  return typeof payTo === 'string' ? payTo : undefined;
}

/** What earlier payments paid, as the caller gave it: `{ currency, value }` with a decimal value, or nothing. */
function spentOf(spent: unknown): Read<PaymentCurrencyAmount | undefined> {
  if (spent === undefined) return { ok: true, doc: undefined };
  if (isRecord(spent)) {
    const { currency, value } = spent;
    const amount = typeof value === 'string' ? parseDecimal(value) : undefined;
    // What was paid is never less than nothing: a negative ledger would lift the cap.
    if (typeof currency === 'string' && amount !== undefined && amount.units >= 0n) return { ok: true, doc: { currency, value: value as string } };
  }
  return fail('ERR_USAGE_INVALID_ARGUMENT', '', 'verify: spent must be { currency, value } with a decimal value of 0 or more');
}
