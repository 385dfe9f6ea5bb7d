/**
 * mandate: Agent Commerce Rails' station 4, AP2's three mandates: the intent mandate, proved by
 * the user through {@link issueIntentMandate}; the cart mandates answering it, proved by
 * Dreamineering's did:web key through {@link issueCartMandate}, which names the intent mandate by
 * hash and restates its cap; the payment mandates, proved by the user through
 * {@link issuePaymentMandate}, naming both.
 */
import type { CartContents, CartMandate, IntentMandate, PaymentCurrencyAmount, PaymentMandate, PaymentMandateContents } from '../../../src/generated/types.js';
import { issueCartMandate, issueIntentMandate, issuePaymentMandate, type CartMandateInput, type IntentMandateInput, type PaymentMandateInput } from '../../../src/issue/mandate.js';
import { reprove } from '../../lib/parties.js';
import type { Identity } from './identity.js';
import { at, broken, invalid, made, missing, mut, valid, without } from './shared.js';
import { KEYS, MERCHANT_DID, MERCHANT_VM, PARTIES } from './world.js';

export interface Mandates {
  readonly intentMandate: IntentMandate;
  readonly cartMandate: CartMandate;
  readonly paymentMandate: PaymentMandate;
}

const amount = (value: string, currency = 'USD'): PaymentCurrencyAmount => ({ currency, value });
const DREAMINEERING_PAY_TO = '0xd2eac0ffee00000000000000000000000000000a';

export function mandateFamily({ documents }: Pick<Identity, 'documents'>): Mandates {
  const { user, agent, merchant } = PARTIES;
  const intentMandateOf = (name: string, input: IntentMandateInput, created: string): IntentMandate =>
    valid('mandate/intent-mandate', name, made(issueIntentMandate(input, KEYS.user, { created }), `intent-mandate.${name}`));

  const intentMandate = intentMandateOf(
    'shopping-agent.commerce-rails',
    {
      mandate_id: 'im-2026-11-01-0001',
      user: user.didKey,
      agent: agent.didKey,
      user_cart_confirmation_required: false,
      natural_language_description: 'Buy one market report on agent payment rails from Dreamineering, up to 20 USD in total.',
      merchants: ['Dreamineering'],
      skus: null,
      requires_refundability: false,
      spend_cap: { currency: 'USD', value: '20.00' },
      intent_expiry: '2026-11-02T10:00:00Z',
    },
    '2026-11-01T10:00:00Z',
  );
  intentMandateOf(
    'any-merchant-ap2-nulls',
    {
      mandate_id: 'im-2026-11-01-0002',
      user: user.didKey,
      agent: agent.didKey,
      user_cart_confirmation_required: true,
      natural_language_description: 'Two pairs of running shoes under 150 EUR.',
      merchants: null,
      skus: null,
      requires_refundability: null,
      spend_cap: { currency: 'EUR', value: '150.00' },
      intent_expiry: '2026-11-08T10:00:00Z',
    },
    '2026-11-01T10:00:00Z',
  );
  invalid('mandate/intent-mandate', 'spend-cap-as-json-number', mut(intentMandate, (d) => (d.spend_cap.value = 20.0)), at('/spend_cap/value', 'type', 'ERR_SCHEMA_TYPE'));
  invalid('mandate/intent-mandate', 'negative-spend-cap', mut(intentMandate, (d) => (d.spend_cap.value = '-20.00')), at('/spend_cap/value', 'not', 'ERR_SCHEMA_FORBIDDEN'));
  invalid('mandate/intent-mandate', 'missing-expiry', without(intentMandate, 'intent_expiry'), missing('', 'intent_expiry'));
  invalid('mandate/intent-mandate', 'user-not-a-did', { ...intentMandate, user: 'alice@example.com' }, at('/user', 'pattern', 'ERR_SCHEMA_PATTERN'));

  const cartContents: CartContents = {
    id: 'cart-dreamineering-0001',
    user_cart_confirmation_required: false,
    payment_request: {
      // payTo: x402's name for the payee's address (PaymentRequirements), which the payment must pay.
      method_data: [{ supported_methods: 'https://www.x402.org/', data: { network: 'eip155:8453', asset: 'USDC', payTo: DREAMINEERING_PAY_TO } }],
      details: {
        id: 'pr-dreamineering-0001',
        display_items: [{ label: 'Market report: agent payment rails', amount: amount('5.00'), pending: null, refund_period: 30 }],
        shipping_options: null,
        modifiers: null,
        total: { label: 'Total', amount: amount('5.00'), pending: null, refund_period: 30 },
      },
      options: { request_payer_name: false, request_payer_email: false, request_payer_phone: false, request_shipping: false, shipping_type: null },
      shipping_address: null,
    },
    cart_expiry: '2026-11-01T10:30:00Z',
    merchant_name: 'Dreamineering',
  };
  /** A cart of Dreamineering's under the intent mandate: its hash and spend cap are the builder's. */
  const cartOf = (name: string, contents: CartContents, created: string): CartMandate => {
    const input: CartMandateInput = { contents, merchant_authorization: null, merchant: MERCHANT_DID };
    return valid('mandate/cart-mandate', name, made(issueCartMandate(input, intentMandate, KEYS.merchant, { verificationMethod: MERCHANT_VM, documents, created }), `cart-mandate.${name}`));
  };
  const cartMandate = cartOf('dreamineering.commerce-rails', cartContents, '2026-11-01T10:05:00Z');
  const shippedCart = cartOf(
    'shipped-goods',
    mut(cartContents, (c) => {
      c.id = 'cart-dreamineering-0002';
      c.user_cart_confirmation_required = true;
      c.payment_request.details = {
        id: 'pr-dreamineering-0002',
        display_items: [
          { label: 'Printed report', amount: amount('12.00'), pending: null, refund_period: 30 },
          { label: 'Shipping', amount: amount('4.00'), pending: null, refund_period: 0 },
        ],
        shipping_options: [{ id: 'standard', label: 'Standard post', amount: amount('4.00'), selected: true }],
        modifiers: null,
        total: { label: 'Total', amount: amount('16.00'), pending: null, refund_period: 30 },
      };
      c.payment_request.options.request_shipping = true;
      c.payment_request.options.shipping_type = 'shipping';
      c.payment_request.shipping_address = { recipient: 'A. User', address_line: ['1 Example Street'], city: 'Wellington', postal_code: '6011', country: 'NZ', region: null, organization: null, dependent_locality: null, phone_number: null, sorting_code: null };
    }),
    '2026-11-01T10:06:00Z',
  );
  invalid(
    'mandate/cart-mandate',
    'spend-cap-currency-differs-from-cart',
    mut(cartMandate, (d) => (d.spend_cap = { currency: 'EUR', value: '20.00' })),
    broken('/contents/payment_request/details/total/amount/currency', 'cart-within-cap', 'ERR_RULE_CURRENCY_MISMATCH'),
  );
  invalid('mandate/cart-mandate', 'total-above-spend-cap', mut(cartMandate, (d) => (d.spend_cap.value = '4.99')), broken('/contents/payment_request/details/total/amount/value', 'cart-within-cap', 'ERR_RULE_EXCEEDS_LIMIT'));
  invalid('mandate/cart-mandate', 'negative-total', mut(cartMandate, (d) => (d.contents.payment_request.details.total.amount.value = '-5.00')), at('/contents/payment_request/details/total/amount/value', 'not', 'ERR_SCHEMA_FORBIDDEN'));
  invalid('mandate/cart-mandate', 'not-chained-to-intent', without(cartMandate, 'intent_mandate_hash'), missing('', 'intent_mandate_hash'));
  // cart-within-cap: a total equal to the cap is within it (total-above-spend-cap is one cent over);
  // every amount, wherever it is, is in the cap's currency.
  // The cart restates the cap of the intent mandate it names (SPEC.md 12.6): the total is raised
  // to the 20.00 USD cap, not the cap lowered to the total (which no intent mandate here states).
  cartOf(
    'total-equal-to-spend-cap',
    mut(cartContents, (c) => {
      for (const a of [c.payment_request.details.display_items[0].amount, c.payment_request.details.total.amount]) a.value = intentMandate.spend_cap.value;
    }),
    '2026-11-01T10:05:00Z',
  );
  invalid(
    'mandate/cart-mandate',
    'display-item-in-another-currency',
    reprove(mut(shippedCart, (d) => (d.contents.payment_request.details.display_items[1].amount.currency = 'EUR')), merchant),
    broken('/contents/payment_request/details/display_items/1/amount/currency', 'cart-within-cap', 'ERR_RULE_CURRENCY_MISMATCH'),
  );
  invalid(
    'mandate/cart-mandate',
    'shipping-option-in-another-currency',
    reprove(mut(shippedCart, (d) => (d.contents.payment_request.details.shipping_options[0].amount.currency = 'EUR')), merchant),
    broken('/contents/payment_request/details/shipping_options/0/amount/currency', 'cart-within-cap', 'ERR_RULE_CURRENCY_MISMATCH'),
  );

  const paymentContents: PaymentMandateContents = {
    payment_mandate_id: 'pm-2026-11-01-0001',
    payment_details_id: 'pr-dreamineering-0001',
    payment_details_total: { label: 'Total', amount: amount('5.00'), pending: null, refund_period: 30 },
    payment_response: {
      request_id: 'pr-dreamineering-0001',
      method_name: 'https://www.x402.org/',
      details: { payer: '0x51be77c0ffee0000000000000000000000000001', payTo: DREAMINEERING_PAY_TO },
      shipping_address: null,
      shipping_option: null,
      payer_name: null,
      payer_email: null,
      payer_phone: null,
    },
    merchant_agent: 'Dreamineering',
    timestamp: '2026-11-01T10:07:00Z',
  };
  /** A payment of the cart by the user, proved at its timestamp; the earlier payments under the intent mandate count against its cap. */
  const paymentOf = (name: string, input: PaymentMandateInput, earlier: readonly PaymentMandate[]): PaymentMandate =>
    valid('mandate/payment-mandate', name, made(issuePaymentMandate(input, cartMandate, intentMandate, KEYS.user, { documents, evidence: earlier }), `payment-mandate.${name}`));
  const paymentMandate = paymentOf('commerce-rails', { payment_mandate_contents: paymentContents, user_authorization: null }, []);
  paymentOf('second-payment-same-intent', { payment_mandate_contents: { ...paymentContents, payment_mandate_id: 'pm-2026-11-01-0002', timestamp: '2026-11-01T10:20:00Z' } }, [paymentMandate]);
  invalid('mandate/payment-mandate', 'not-chained-to-cart', without(paymentMandate, 'cart_mandate_hash'), missing('', 'cart_mandate_hash'));
  invalid('mandate/payment-mandate', 'timestamp-without-zone', mut(paymentMandate, (d) => (d.payment_mandate_contents.timestamp = '2026-11-01T10:07:00')), at('/payment_mandate_contents/timestamp', 'format', 'ERR_SCHEMA_FORMAT'));
  invalid('mandate/payment-mandate', 'total-as-json-number', mut(paymentMandate, (d) => (d.payment_mandate_contents.payment_details_total.amount.value = 5)), at('/payment_mandate_contents/payment_details_total/amount/value', 'type', 'ERR_SCHEMA_TYPE'));
  invalid('mandate/payment-mandate', 'w3c-shipping-option-id', mut(paymentMandate, (d) => (d.payment_mandate_contents.payment_response.shipping_option = 'standard')), at('/payment_mandate_contents/payment_response/shipping_option', 'type', 'ERR_SCHEMA_TYPE'));

  return { intentMandate, cartMandate, paymentMandate };
}
