/**
 * commercial: the boundaries of its document rules (SPEC.md 5.3), each a hand-written fixture
 * with one change, written into the same folders (examples/<line>/commercial/<verb>/). A rule
 * that compares two values has a valid fixture on its side of the boundary and an invalid one
 * just past it; an amount in another currency is tried at more than one place. The commercial
 * documents are not signed: there is nothing for a builder to make.
 *
 * It also writes the fixtures that pin where the family meets Protocol-Commercial v1.1.0 (SPEC.md
 * 7.1), each a hand-written fixture with one change: an authorize receipt needs its merchant; a
 * pending checkout or purchase receipt needs no reason (a failed one does); a URI needs something
 * after its scheme.
 */
import type { AuthorizeReceipt, CheckoutReceipt, CheckoutRequest, Money, PurchaseReceipt, PurchaseRequest, AuthorizeRequest, ShipReceipt, VerifyRequest } from '../../../src/generated/types.js';
import { at, broken, LINE, missing, mut, readJson, valid, invalid, without } from './shared.js';

const handWritten = <T>(verb: string, kind: 'valid' | 'invalid', name: string): T => readJson<T>(`examples/${LINE}/commercial/${verb}/${kind}/${name}.json`);
const money = (value: string, currency = 'USD'): Money => ({ amount: value, currency, decimals: 2 });

export function commercialFamily(): void {
  const authorizeRequest = handWritten<AuthorizeRequest>('authorize', 'valid', 'authorize.request.with-payment-requirement'); // amount = max_amount
  valid('commercial/authorize.request', 'amount-one-cent-below-requirement', mut(authorizeRequest, (d) => (d.amount.amount = '119.99')));
  valid('commercial/authorize.request', 'amount-equal-to-requirement-in-fewer-digits', mut(authorizeRequest, (d) => (d.amount.amount = '120')));
  invalid('commercial/authorize.request', 'amount-one-cent-above-requirement', mut(authorizeRequest, (d) => (d.amount.amount = '120.01')), broken('/amount/amount', 'within-requirement', 'ERR_RULE_EXCEEDS_LIMIT'));
  invalid('commercial/authorize.request', 'requirement-in-another-currency', mut(authorizeRequest, (d) => (d.payment_requirement.max_amount.currency = 'USD')), broken('/amount/currency', 'within-requirement', 'ERR_RULE_CURRENCY_MISMATCH'));

  // Items 2 x 10.00 + 1 x 5.00 = 25.00; 25.00 + 2.00 tax + 0.50 fees + 4.00 shipping - 3.00 discount = 28.50.
  // Each part differs from the others, so a sum that leaves any one out, or adds the discount, is off.
  const checkoutRequest = handWritten<CheckoutRequest>('checkout', 'valid', 'checkout.request.with-tax-fees-and-provider'); // 3 x 10.00 + 1 x 15.00
  const everyPart = valid(
    'commercial/checkout.request',
    'every-breakdown-part',
    mut(checkoutRequest, (d) => {
      d.request_id = 'checkoutreq-003';
      d.order_ref = { type: 'order', id: 'ord-1003' };
      d.invoice_ref = { type: 'invoice', id: 'inv-1003' };
      d.items = [
        { sku: 'sku-printed-report', description: 'Printed market report', quantity: 2, unit_price: money('10.00') },
        { sku: 'sku-report-binder', description: 'Report binder', quantity: 1, unit_price: money('5.00') },
      ];
      d.amount_breakdown = { subtotal: money('25.00'), tax: money('2.00'), fees: money('0.50'), shipping: money('4.00'), discount: money('3.00'), total: money('28.50') };
      d.fulfillment_intent = { mode: 'shipment', destination_ref: 'addr-buyer-7' };
    }),
  );
  invalid('commercial/checkout.request', 'discount-added-not-subtracted', mut(everyPart, (d) => (d.amount_breakdown.total.amount = '34.50')), broken('/amount_breakdown/total/amount', 'breakdown-adds-up', 'ERR_RULE_ARITHMETIC'));
  invalid('commercial/checkout.request', 'total-leaves-out-shipping', mut(everyPart, (d) => (d.amount_breakdown.total.amount = '24.50')), broken('/amount_breakdown/total/amount', 'breakdown-adds-up', 'ERR_RULE_ARITHMETIC'));
  invalid(
    'commercial/checkout.request',
    'subtotal-counts-each-item-once',
    mut(checkoutRequest, (d) => ((d.amount_breakdown.subtotal.amount = '25.00'), (d.amount_breakdown.total.amount = '29.00'))),
    broken('/amount_breakdown/subtotal/amount', 'items-make-subtotal', 'ERR_RULE_ARITHMETIC'),
  );
  // sameCurrency names the first amount whose currency is not the first amount's.
  invalid('commercial/checkout.request', 'first-unit-price-in-another-currency', mut(checkoutRequest, (d) => (d.items[0].unit_price.currency = 'EUR')), broken('/items/1/unit_price/currency', 'one-currency', 'ERR_RULE_CURRENCY_MISMATCH'));
  invalid('commercial/checkout.request', 'second-unit-price-in-another-currency', mut(checkoutRequest, (d) => (d.items[1].unit_price.currency = 'EUR')), broken('/items/1/unit_price/currency', 'one-currency', 'ERR_RULE_CURRENCY_MISMATCH'));
  invalid('commercial/checkout.request', 'discount-in-another-currency', mut(everyPart, (d) => (d.amount_breakdown.discount.currency = 'EUR')), broken('/amount_breakdown/discount/currency', 'one-currency', 'ERR_RULE_CURRENCY_MISMATCH'));
  invalid('commercial/checkout.request', 'total-in-another-currency', mut(checkoutRequest, (d) => (d.amount_breakdown.total.currency = 'EUR')), broken('/amount_breakdown/total/currency', 'one-currency', 'ERR_RULE_CURRENCY_MISMATCH'));
  const purchaseRequest = handWritten<PurchaseRequest>('purchase', 'valid', 'purchase.request.paid-by-proof');
  valid(
    'commercial/purchase.request',
    'several-units-with-discount',
    mut(purchaseRequest, (d) => {
      d.items[0].quantity = 3;
      d.amount_breakdown = { subtotal: money('57.00', 'USDC'), discount: money('7.00', 'USDC'), total: money('50.00', 'USDC') };
    }),
  );
  invalid(
    'commercial/purchase.request',
    'shipping-in-another-currency',
    mut(purchaseRequest, (d) => (d.amount_breakdown = { subtotal: money('19.00', 'USDC'), shipping: money('2.00', 'USD'), total: money('21.00', 'USDC') })),
    broken('/amount_breakdown/shipping/currency', 'one-currency', 'ERR_RULE_CURRENCY_MISMATCH'),
  );

  // captured-total-settled applies to a captured receipt only: a pending or failed one may settle less.
  const checkoutCaptured = handWritten<CheckoutReceipt>('checkout', 'valid', 'checkout.receipt.captured');
  const checkoutPending = handWritten<CheckoutReceipt>('checkout', 'valid', 'checkout.receipt.pending');
  valid('commercial/checkout.receipt', 'pending-settles-part-of-total', mut(checkoutPending, (d) => (d.settlement.amount.amount = '20.00')));
  valid('commercial/checkout.receipt', 'failed-settles-nothing', mut(handWritten<CheckoutReceipt>('checkout', 'valid', 'checkout.receipt.failed'), (d) => (d.settlement.amount.amount = '0.00')));
  invalid('commercial/checkout.receipt', 'captured-settles-one-cent-more-than-total', mut(checkoutCaptured, (d) => (d.settlement.amount.amount = '50.00')), broken('/settlement/amount/amount', 'captured-total-settled', 'ERR_RULE_MISMATCH'));
  invalid('commercial/checkout.receipt', 'settlement-in-another-currency', mut(checkoutPending, (d) => (d.settlement.amount.currency = 'USD')), broken('/settlement/amount/currency', 'one-currency', 'ERR_RULE_CURRENCY_MISMATCH'));
  // Captured, in another currency and another amount: one-currency says so, and captured-total-settled
  // does not compare amounts of two currencies.
  invalid('commercial/checkout.receipt', 'captured-settlement-in-another-currency', mut(checkoutCaptured, (d) => (d.settlement.amount = money('50.00'))), broken('/settlement/amount/currency', 'one-currency', 'ERR_RULE_CURRENCY_MISMATCH'));
  const purchasePending = handWritten<PurchaseReceipt>('purchase', 'valid', 'purchase.receipt.pending');
  valid(
    'commercial/purchase.receipt',
    'captured-with-discount',
    mut(handWritten<PurchaseReceipt>('purchase', 'valid', 'purchase.receipt.captured'), (d) => {
      d.amount_breakdown = { subtotal: money('19.00', 'USDC'), discount: money('1.00', 'USDC'), total: money('18.00', 'USDC') };
      d.settlement.amount.amount = '18.00';
    }),
  );
  invalid(
    'commercial/purchase.receipt',
    'total-does-not-add-up',
    mut(purchasePending, (d) => (d.amount_breakdown = { subtotal: money('19.00', 'USDC'), tax: money('1.00', 'USDC'), total: money('19.00', 'USDC') })),
    broken('/amount_breakdown/total/amount', 'breakdown-adds-up', 'ERR_RULE_ARITHMETIC'),
  );
  invalid(
    'commercial/purchase.receipt',
    'tax-in-another-currency',
    mut(purchasePending, (d) => (d.amount_breakdown = { subtotal: money('19.00', 'USDC'), tax: money('1.00', 'USD'), total: money('20.00', 'USDC') })),
    broken('/amount_breakdown/tax/currency', 'one-currency', 'ERR_RULE_CURRENCY_MISMATCH'),
  );

  // Where the family meets Protocol-Commercial v1.1.0 (SPEC.md 7.1): what it requires and what it leaves optional.
  const authorizeApproved = handWritten<AuthorizeReceipt>('authorize', 'valid', 'authorize.receipt.approved');
  invalid('commercial/authorize.receipt', 'without-merchant', without(authorizeApproved, 'merchant'), missing('', 'merchant'));
  valid('commercial/checkout.receipt', 'pending-without-reason', without(checkoutPending, 'reason'));
  valid('commercial/purchase.receipt', 'pending-without-reason', without(purchasePending, 'reason'));
  invalid('commercial/checkout.receipt', 'failed-with-empty-reason', mut(handWritten<CheckoutReceipt>('checkout', 'valid', 'checkout.receipt.failed'), (d) => (d.reason = '')), at('/reason', 'minLength', 'ERR_SCHEMA_LENGTH'));
  // RFC 3986 allows a URI with nothing after its scheme ("https:", "https:?q"); Protocol-Commercial's validation does not.
  const inTransit = handWritten<ShipReceipt>('ship', 'valid', 'ship.receipt.in-transit');
  invalid('commercial/ship.receipt', 'tracking-url-with-nothing-after-scheme', mut(inTransit, (d) => (d.tracking_url = 'https:')), at('/tracking_url', 'pattern', 'ERR_SCHEMA_PATTERN'));
  const checksFulfillment = handWritten<VerifyRequest>('verify', 'valid', 'verify.request.merchant-checks-fulfillment');
  invalid('commercial/verify.request', 'authority-with-only-a-query', mut(checksFulfillment, (d) => (d.target.authority = 'https:?carrier=example')), at('/target/authority', 'pattern', 'ERR_SCHEMA_PATTERN'));
  valid('commercial/verify.request', 'authority-as-urn', mut(checksFulfillment, (d) => (d.target.authority = 'urn:carrier:example')));
}
