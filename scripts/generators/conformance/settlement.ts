/**
 * settlement (SPEC.md 12.7): Agent Commerce Network phase 6 and the dispute path, a settlement
 * against its quote, intent and dispute.
 */
import { accept, at, fixture, mut, reject, vector, type Expect } from './shared.js';
import { dispute, intent, quote, reversal, settled, T0 } from './world.js';
import { intentAt } from './builders.js';

export function settlementVectors(): void {
  const settlement = (name: string, description: string, input: Readonly<Record<string, unknown>>, expect: Expect): void => vector(`settlement/${name}`, '12.7', description, input, at(T0), expect);
  settlement('commerce-network/reconciled', 'Agent Commerce Network phase 6: quoted, approved and settled at 125000 USD, both sides accepting, against the quote and the intent.', { settlement: settled, quote, intent }, accept());
  settlement('commerce-network/dispute-reversal-pending', 'Agent Commerce Network dispute: an open dispute puts the settlement in reversal_pending.', { settlement: reversal, quote, intent, dispute }, accept());
  settlement('reconciled-under-dispute', 'A settlement still reported reconciled while a dispute over it stands.', { settlement: settled, dispute }, reject('ERR_SETTLEMENT_STATE'));
  settlement('quote-misstated', 'The settlement states another quoted amount than the quote.', { settlement: settled, quote: { ...quote, price_minor: 120000 } }, reject('ERR_SETTLEMENT_QUOTE_MISMATCH'));
  settlement('approved-over-intent', 'More approved than the intent\'s worst-case price.', { settlement: settled, intent: intentAt(mut(intent, (d) => (d.billing_context.max_price_minor = 100000)), T0) }, reject('ERR_SETTLEMENT_OVER_INTENT'));
  settlement('approved-one-unit-over-intent', 'A settlement that quotes and approves 125001 (settling 125000) against the genuine intent\'s worst-case price of 125000: approved one unit over.', { settlement: { ...settled, quoted_amount_minor: 125001, approved_amount_minor: 125001 }, intent }, reject('ERR_SETTLEMENT_OVER_INTENT'));
  settlement('quote-in-another-currency', 'The settlement\'s quoted amount is the quote\'s price, but the quote is in EUR and the settlement in USD.', { settlement: settled, quote: { ...quote, currency: 'EUR' } }, reject('ERR_SETTLEMENT_QUOTE_MISMATCH'));
  settlement('reversal-pending-after-reversal', 'A settlement that names the dispute and is still reversal_pending after the dispute was resolved as reversed: it should be reversed.', { settlement: reversal, dispute: fixture('settlement/dispute', 'reversed') }, reject('ERR_SETTLEMENT_STATE'));
  settlement('dispute-about-another-settlement', 'A dispute over another settlement.', { settlement: settled, dispute: { ...dispute, settlement_id: 'settlement_other' } }, reject('ERR_REPLAY_LINK_BROKEN'));
  {
    // settlement (SPEC.md 12.7): each dispute status and the settlement status it gives, and each piece of evidence refused.
    const disputed = { ...reversal, status: 'disputed' };
    const resolved = (status: string) => ({ ...dispute, status, resolved_at: dispute.opened_at + 3600, resolution: `dispute ${status}` });
    settlement('links/opened-dispute-disputed', 'A settlement that names an opened dispute and is disputed: an opened dispute puts its settlement in disputed.', { settlement: disputed, dispute: { ...dispute, status: 'opened' } }, accept());
    settlement('links/opened-dispute-reversal-pending', 'A settlement still reversal_pending while its dispute is only opened: an opened dispute puts it in disputed.', { settlement: reversal, dispute: { ...dispute, status: 'opened' } }, reject('ERR_SETTLEMENT_STATE'));
    settlement('links/reversed-dispute-reversed', 'A settlement that names its dispute and is reversed, the dispute resolved as reversed.', { settlement: { ...reversal, status: 'reversed' }, dispute: fixture('settlement/dispute', 'reversed') }, accept());
    settlement('links/rejected-dispute-reconciled', 'A reconciled settlement that names no dispute, beside a dispute over it that was rejected: a rejected dispute leaves the settlement reconciled, and a reconciled settlement need not name it.', { settlement: settled, dispute: resolved('rejected') }, accept());
    settlement('links/withdrawn-dispute-reconciled', 'A reconciled settlement that names no dispute, beside a dispute over it that was withdrawn: a withdrawn dispute leaves the settlement reconciled.', { settlement: settled, dispute: resolved('withdrawn') }, accept());
    settlement('links/withdrawn-dispute-reversal-pending', 'A settlement reversal_pending under a dispute that was withdrawn: the withdrawn dispute leaves it reconciled.', { settlement: reversal, dispute: resolved('withdrawn') }, reject('ERR_SETTLEMENT_STATE'));
    settlement('links/names-another-dispute', 'A reversal_pending settlement that names dispute_other, beside the reversal_pending dispute over it (dispute_lattice_001): the state is right, but the settlement must name the dispute that moved it.', { settlement: { ...reversal, dispute_id: 'dispute_other' }, dispute }, reject('ERR_SETTLEMENT_STATE'));
    settlement('links/intent-priced-on-another-quote', 'The settlement, its quote (quote_vanguard_001) and an intent, re-hashed, priced on quote_vanguard_002: the intent is not the one the quote was bought under.', { settlement: settled, quote, intent: intentAt(mut(intent, (d) => (d.billing_context.quote_id = 'quote_vanguard_002')), T0) }, reject('ERR_REPLAY_LINK_BROKEN'));
    settlement('links/intent-names-no-quote', 'The settlement and its quote, with the intent changed to a fixed price that names no quote, re-hashed: there is no quote for the intent to disagree with.', { settlement: settled, quote, intent: intentAt(mut(intent, (d) => ((d.billing_context.scheme = 'fixed'), delete d.billing_context.quote_id)), T0) }, accept());
    settlement('links/intent-in-another-currency', 'The settlement of 125000 USD against an intent, re-hashed, that bounds the price at 125000 EUR: the intent does not bound a price in USD.', { settlement: settled, intent: intentAt(mut(intent, (d) => (d.billing_context.currency = 'EUR')), T0) }, reject('ERR_SETTLEMENT_OVER_INTENT'));
    settlement('links/record-without-status', 'A settlement record without its required status.', { settlement: mut(settled, (d) => delete d.status) }, reject('ERR_SCHEMA_REQUIRED'));
    settlement('links/quote-without-price', 'The settlement against a quote response without its required price_minor.', { settlement: settled, quote: mut(quote, (d) => delete d.price_minor) }, reject('ERR_SCHEMA_REQUIRED'));
    settlement('links/intent-without-billing', 'The settlement against a governed intent without its required billing_context.', { settlement: settled, intent: mut(intent, (d) => delete d.billing_context) }, reject('ERR_SCHEMA_REQUIRED'));
    settlement('links/dispute-without-status', 'The settlement against a dispute without its required status.', { settlement: settled, dispute: mut(dispute, (d) => delete d.status) }, reject('ERR_SCHEMA_REQUIRED'));
    // A verification's now is a Unix second up to 253402300799, 9999-12-31T23:59:59Z (SPEC.md 6.2): one second later is the caller's mistake.
    const LAST = 253402300799;
    settlement('links/now-last-second', 'The reconciled settlement checked at now 253402300799 (9999-12-31T23:59:59Z), the last Unix second a verification may name.', { settlement: settled }, accept());
    vector('settlement/links/now-after-the-last-second', '6.2', 'The reconciled settlement checked at now 253402300800, one second past 9999-12-31T23:59:59Z: not a Unix second a verification may name.', { settlement: settled }, at(LAST + 1), reject('ERR_USAGE_INVALID_ARGUMENT'));
  }
}
