/**
 * Mandates, issued (SPEC.md 7.6, 12.6): AP2's intent mandate, signed by the user; the cart
 * mandate that answers it, signed by the merchant, naming it by hash and restating its spend
 * cap; and the payment mandate that pays the cart, signed by the user, naming both. Each is
 * checked before it is returned (see issue.ts) with the mandates it chains to as evidence: a
 * payment of another amount than its cart's total, or one that takes what was paid under the
 * intent mandate past its cap, is refused with the chain verifier's `ERR_MANDATE_...` code.
 *
 * The mandates a builder is given are verified first, as the chain verifier verifies them: a
 * problem with one of them is reported under `/intent_mandate` or `/cart_mandate`.
 */
import { randomUUID } from 'node:crypto';
import type { CartContents, CartMandate, IntentMandate, PaymentCurrencyAmount, PaymentMandate, PaymentMandateContents } from '../generated/types.js';
import { documentHash } from '../crypto/hash.js';
import { toDidKey } from '../crypto/keys.js';
import type { Refusal } from '../issues.js';
import { gate, misuse, notObject, type IssueOptions, type IssueResult } from './issue.js';
import { methodOf, optional, othersOf, plain, proofStart, proveAssertion, secondsOf, type ProofIssueOptions } from './proof.js';

/** What an intent mandate says, beside what the builder fills. */
export interface IntentMandateInput {
  /** Its id; `im-<uuid>` by default. */
  readonly mandate_id?: string;
  /** The user who authorizes, a DID; the signer's did:key by default. */
  readonly user?: string;
  /** The shopping agent authorized to act, a DID. */
  readonly agent: string;
  /** Whether the user must confirm a cart before payment. */
  readonly user_cart_confirmation_required?: boolean;
  /** The intent in the user's words. */
  readonly natural_language_description: string;
  /** The merchants allowed; `null` or absent for any. */
  readonly merchants?: readonly string[] | null;
  /** The products allowed; `null` or absent for any. */
  readonly skus?: readonly string[] | null;
  /** Whether items must be refundable. */
  readonly requires_refundability?: boolean | null;
  /** The most all payments under this intent may total. */
  readonly spend_cap: PaymentCurrencyAmount;
  /** When the intent lapses, RFC 3339. */
  readonly intent_expiry: string;
}

const INTENT_MEMBERS = ['mandate_id', 'user', 'agent', 'user_cart_confirmation_required', 'natural_language_description', 'merchants', 'skus', 'requires_refundability', 'spend_cap', 'intent_expiry'] as const;

/**
 * Issue an intent mandate, proved by the user.
 *
 * @param input - the agent, the intent, the merchants and products allowed, the spend cap and the expiry.
 * @param user - the user's signing key.
 * @param options - the proof's verification method (required when the user is not a did:key,
 *   with the DID document in `documents`) and `created` (the time of the check by default), and
 *   the context of the check.
 * @returns the mandate, as the verifier accepts it, or its refusal (`ERR_MANDATE_WRONG_SIGNER`
 *   for a key of another DID than `user`'s).
 * @example
 * ```ts
 * const intent = issueIntentMandate({ agent: agentDid, natural_language_description: 'One report, up to 20 USD.', merchants: ['Shop'], spend_cap: { currency: 'USD', value: '20.00' }, intent_expiry: '2026-11-02T10:00:00Z' }, userKey);
 * ```
 */
export function issueIntentMandate(input: IntentMandateInput, user: unknown, options: ProofIssueOptions = {}): IssueResult<IntentMandate> {
  const start = proofStart(user, '/user', options, input, 'the intent mandate must be an object with its agent, description, spend cap and expiry', 'the intent mandate');
  if (!start.ok) return start;
  const { signer, settings: s, input: m } = start;
  const userDid = m['user'] ?? toDidKey(signer.publicKey);
  const method = methodOf(typeof userDid === 'string' ? userDid : undefined, signer.publicKey, s, '/user');
  if (!method.ok) return method;
  const body = {
    mandate_id: m['mandate_id'] ?? `im-${randomUUID()}`,
    user: userDid,
    ...optional('agent', m['agent']),
    ...optional('user_cart_confirmation_required', m['user_cart_confirmation_required']),
    ...optional('natural_language_description', m['natural_language_description']),
    ...optional('merchants', m['merchants']),
    ...optional('skus', m['skus']),
    ...optional('requires_refundability', m['requires_refundability']),
    ...optional('spend_cap', m['spend_cap']),
    ...optional('intent_expiry', m['intent_expiry']),
    ...othersOf(m, INTENT_MEMBERS),
  };
  const created = s.created ?? s.nowText;
  return gate(proveAssertion<IntentMandate>(body, signer.seed, method.method, created, s), 'mandate/intent-mandate', secondsOf(created), [], options);
}

/** What a cart mandate says, beside what the builder fills. */
export interface CartMandateInput {
  /** The cart: its payment request, its expiry, the merchant's name. */
  readonly contents: CartContents;
  /** AP2's merchant authorization, carried and not interpreted. */
  readonly merchant_authorization?: string | null;
  /** The merchant, a DID; the signer's did:key by default. */
  readonly merchant?: string;
  /** The spend cap the cart honours; the intent mandate's by default, which it must be. */
  readonly spend_cap?: PaymentCurrencyAmount;
}

const CART_MEMBERS = ['contents', 'merchant_authorization', 'merchant', 'intent_mandate_hash', 'spend_cap'] as const;

/** A mandate the builder was given, read and verified as the chain verifier would, or its refusal under `at`. */
function chained<T>(doc: unknown, at: string, type: 'mandate/intent-mandate' | 'mandate/cart-mandate', evidence: readonly unknown[], time: number | undefined, options: IssueOptions): { readonly ok: true; readonly doc: T } | Refusal {
  const what = type === 'mandate/intent-mandate' ? 'intent' : 'cart';
  if (notObject(doc)) return misuse(at, `the ${what} mandate must be the signed ${what} mandate itself`);
  const read = plain<T>(doc, at, `the ${what} mandate`);
  if (!read.ok) return read;
  const v = gate(read.value, type, time, evidence, options);
  if (!v.ok) return { ...v, path: `${at}${v.path}` };
  return { ok: true, doc: v.value };
}

/**
 * Issue a cart mandate answering an intent mandate, proved by the merchant: it names the intent
 * mandate by hash and restates its spend cap.
 *
 * A cart is verified alone with its intent mandate for its proof and its link; the chain
 * verifier also checks that it restates the intent mandate's cap and comes from a merchant the
 * intent mandate allows (SPEC.md 12.6, steps 3 and 4). Those two are checked here as well, with
 * the chain verifier's codes, so that no cart is signed that every payment of it would fail on.
 *
 * @param input - the cart's contents (and the merchant's DID, AP2's authorization string).
 * @param intentMandate - the intent mandate the cart answers.
 * @param merchant - the merchant's signing key.
 * @param options - the proof's verification method (required when the merchant is not a
 *   did:key, with its DID document in `documents`) and `created` (the time of the check by
 *   default), and the context of the check.
 * @returns the mandate, as the verifier accepts it, or its refusal: a total above the cap is
 *   `ERR_RULE_EXCEEDS_LIMIT`, another cap than the intent mandate's `ERR_MANDATE_CAP_MISMATCH`,
 *   a merchant the intent does not allow `ERR_MANDATE_MERCHANT_NOT_ALLOWED`, a problem with the
 *   intent mandate its own code under `/intent_mandate`.
 * @example
 * ```ts
 * const cart = issueCartMandate({ contents, merchant: 'did:web:shop.example' }, intent.value, shopKey, { verificationMethod: 'did:web:shop.example#key-1', documents });
 * ```
 */
export function issueCartMandate(input: CartMandateInput, intentMandate: IntentMandate, merchant: unknown, options: ProofIssueOptions = {}): IssueResult<CartMandate> {
  const start = proofStart(merchant, '/merchant', options, input, 'the cart mandate must be an object with its contents', 'the cart mandate');
  if (!start.ok) return start;
  const { signer, settings: s, input: m } = start;
  const created = s.created ?? s.nowText;
  const at = secondsOf(created);
  const intent = chained<IntentMandate>(intentMandate, '/intent_mandate', 'mandate/intent-mandate', [], at, options);
  if (!intent.ok) return intent;
  const merchantDid = m['merchant'] ?? toDidKey(signer.publicKey);
  const method = methodOf(typeof merchantDid === 'string' ? merchantDid : undefined, signer.publicKey, s, '/merchant');
  if (!method.ok) return method;
  const body = {
    ...optional('contents', m['contents']),
    ...optional('merchant_authorization', m['merchant_authorization']),
    merchant: merchantDid,
    intent_mandate_hash: m['intent_mandate_hash'] ?? documentHash(intent.doc),
    spend_cap: m['spend_cap'] ?? intent.doc.spend_cap,
    ...othersOf(m, CART_MEMBERS),
  };
  // The gate checks the cart against its intent mandate as verifyDocument does: its proof, the
  // hash link, the restated cap and the merchant allowed (SPEC.md 12.6).
  return gate(proveAssertion<CartMandate>(body, signer.seed, method.method, created, s), 'mandate/cart-mandate', at, [intent.doc], options);
}

/** What a payment mandate says, beside what the builder fills. */
export interface PaymentMandateInput {
  /** The payment: the cart's payment request id and total, the response, the merchant, the time. */
  readonly payment_mandate_contents: PaymentMandateContents;
  /** AP2's user authorization, carried and not interpreted. */
  readonly user_authorization?: string | null;
}

const PAYMENT_MEMBERS = ['payment_mandate_contents', 'user_authorization', 'cart_mandate_hash', 'intent_mandate_hash'] as const;

/**
 * Issue a payment mandate paying a cart, proved by the user of the intent mandate: it names the
 * cart and the intent mandate by hash, and is checked as the chain verifier checks the three.
 *
 * @param input - the payment's contents (and AP2's authorization string).
 * @param cartMandate - the cart mandate paid.
 * @param intentMandate - the intent mandate the payment falls under.
 * @param user - the signing key of the intent mandate's user.
 * @param options - the proof's verification method (required when the user is not a did:key)
 *   and `created` (the payment's `timestamp` by default), the context of the check, and in
 *   `evidence` the earlier payment mandates under the same intent mandate, which count against
 *   its cap.
 * @returns the mandate, as the chain verifier accepts it, or its refusal:
 *   `ERR_MANDATE_CART_MISMATCH` for a payment that does not pay the cart (another total, payee,
 *   method or merchant), `ERR_MANDATE_EXPIRED`, `ERR_MANDATE_OVER_CAP` past the cap with the
 *   earlier payments given, `ERR_MANDATE_WRONG_SIGNER` for a key not the user's, a problem with
 *   a given mandate under `/intent_mandate` or `/cart_mandate`.
 * @example
 * ```ts
 * const payment = issuePaymentMandate({ payment_mandate_contents: contents }, cart.value, intent.value, userKey, { evidence: earlierPayments });
 * ```
 */
export function issuePaymentMandate(input: PaymentMandateInput, cartMandate: CartMandate, intentMandate: IntentMandate, user: unknown, options: ProofIssueOptions = {}): IssueResult<PaymentMandate> {
  const start = proofStart(user, '/user', options, input, 'the payment mandate must be an object with its payment_mandate_contents', 'the payment mandate');
  if (!start.ok) return start;
  const { signer, settings: s, input: m } = start;
  const contents = m['payment_mandate_contents'];
  const timestamp = notObject(contents) ? undefined : (contents as Record<string, unknown>)['timestamp'];
  const created = s.created ?? (typeof timestamp === 'string' ? timestamp : s.nowText);
  const at = secondsOf(created);
  const intent = chained<IntentMandate>(intentMandate, '/intent_mandate', 'mandate/intent-mandate', [], at, options);
  if (!intent.ok) return intent;
  const cart = chained<CartMandate>(cartMandate, '/cart_mandate', 'mandate/cart-mandate', [intent.doc], at, options);
  if (!cart.ok) return cart;
  const method = methodOf(intent.doc.user, signer.publicKey, s, '/intent_mandate/user');
  if (!method.ok) return method;
  const body = {
    ...optional('payment_mandate_contents', contents),
    ...optional('user_authorization', m['user_authorization']),
    cart_mandate_hash: m['cart_mandate_hash'] ?? documentHash(cart.doc),
    intent_mandate_hash: m['intent_mandate_hash'] ?? documentHash(intent.doc),
    ...othersOf(m, PAYMENT_MEMBERS),
  };
  return gate(proveAssertion<PaymentMandate>(body, signer.seed, method.method, created, s), 'mandate/payment-mandate', at, [intent.doc, cart.doc], options);
}
