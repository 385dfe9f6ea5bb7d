/**
 * replay (SPEC.md 6.1, 12.9), the boundaries of src/verify/replay.ts and trace.ts: minor units in a
 * replayed transaction, each reference of the trace, a hop with none of what it needs, and where
 * each check of a replay reports.
 */
import { documentHash } from '../../../src/crypto/hash.js';
import { reprove, resign, type Party } from '../../lib/parties.js';
import { at, b64, fixture, mut, usd, utf8, vector, type Change, type Doc, type Docs, type FileTree } from './shared.js';
import { dispute, NOV, P, pair, quote, seedCheckout } from './world.js';
import { intentAt } from './builders.js';
import { hops, replay, seven, type DocChange, type Failures, type Hop } from './seven-station.js';

/** What changes the mandates of the seven-station transaction, by path. */
type MandateChanges = Readonly<Record<'mandates/intent-mandate.json' | 'mandates/cart-mandate.json' | 'mandates/payment-mandate.json', Change>>;

export function replayBoundaryVectors(): void {
  {
    // Minor units (SPEC.md 6.1) in a replayed transaction (12.9): the seven-station documents with
    // their amounts changed, every link made to follow, each changed document signed again by its
    // party, and the bundle sealed again by the recorder, as in the replay links above.
    const { original, policy, sealed } = seven;
    const transaction = (changes?: Readonly<Record<string, DocChange>>): Docs => seven.transaction(changes);
    const money = (name: string, description: string, d: Docs, failures: Failures, kind?: string | null): void => replay(`encoding/currency/${name}`, description, sealed(d, kind), NOV, failures, policy);
    /** The mandates' amounts: the cap, the cart's total and item, the payment's total, in one currency. */
    const mandatesIn = (currency: string, cap: string, total: string): MandateChanges => ({
      'mandates/intent-mandate.json': (m) => (m.spend_cap = { currency, value: cap }),
      'mandates/cart-mandate.json': (c) => {
        c.spend_cap = { currency, value: cap };
        c.contents.payment_request.details.total.amount = { currency, value: total };
        c.contents.payment_request.details.display_items[0].amount = { currency, value: total };
      },
      'mandates/payment-mandate.json': (p) => (p.payment_mandate_contents.payment_details_total.amount = { currency, value: total }),
    });

    // Yen have no minor unit (ISO 4217 exponent 0): 500 JPY is 500 minor units. The whole
    // transaction in yen, paid by a method that is not x402 (whose USDC is not yen): the agent's
    // budget, the receipts, the spend and the settlement count 500 JPY, the cap is 2000 JPY.
    const byCard: Pick<MandateChanges, 'mandates/cart-mandate.json' | 'mandates/payment-mandate.json'> = {
      'mandates/cart-mandate.json': (c) => (c.contents.payment_request.method_data = [{ supported_methods: 'https://pay.example/card', data: {} }]),
      'mandates/payment-mandate.json': (p) => (p.payment_mandate_contents.payment_response = { ...p.payment_mandate_contents.payment_response, method_name: 'https://pay.example/card', details: {} }),
    };
    const inYen = (price = 500) => {
      const mandates = mandatesIn('JPY', '2000', '500');
      const grants = (c: Doc): void => {
        for (const g of c.scope.grants) (g.max_total_cost.currency = 'JPY'), (g.max_cost_per_invocation.currency = 'JPY');
      };
      return transaction({
        'manifest/agent-card.json': (c) => (c.tools[0].pricing.base_price.currency = 'JPY'),
        'capability/agents-root.json': grants,
        'capability/shopping-agent.json': grants,
        'intent/governed-intent.json': (i) => ((i.billing_context.currency = 'JPY'), (i.billing_context.max_price_minor = price)),
        'settlement/budget-authorization.json': (b) => ((b.exposure.currency = 'JPY'), (b.total_exposure.currency = 'JPY')),
        'settlement/spend-reconciliation.json': (r) => ((r.charged.currency = 'JPY'), (r.actual.currency = 'JPY')),
        'settlement/settlement.json': (s) => ((s.currency = 'JPY')),
        'receipts/buyer-receipt.json': (r) => (r.cost.currency = 'JPY'),
        'receipts/provider-receipt.json': (r) => (r.cost.currency = 'JPY'),
        'mandates/intent-mandate.json': mandates['mandates/intent-mandate.json'],
        'mandates/cart-mandate.json': (c) => (mandates['mandates/cart-mandate.json'](c), byCard['mandates/cart-mandate.json'](c)),
        'mandates/payment-mandate.json': (p) => (mandates['mandates/payment-mandate.json'](p), byCard['mandates/payment-mandate.json'](p)),
      });
    };
    money('yen-settled-in-yen', 'The transaction in yen: a payment of 500 JPY, which has no minor unit, is 500 minor units, so the spend reconciled (500) and the settlement (500 settled) are its total, and every hop accepts.', inYen(), {});
    money('yen-worst-case-price-at-the-cap', 'The transaction in yen, the governed intent bounding the price at 2000 minor units: 2000 JPY, exactly the 2000 JPY cap, and every hop accepts.', inYen(2000), {});
    money('yen-worst-case-price-over-the-cap', 'The transaction in yen, the governed intent bounding the price at 2001 minor units: 2001 JPY, one yen over the 2000 JPY cap (not 20.01, as it would be in cents), so the mandates hop rejects.', inYen(2001), { mandates: 'ERR_REPLAY_LINK_BROKEN' });

    // A total finer than the currency's minor unit has no count of minor units (SPEC.md 6.1: it
    // MUST be an integer): 5.001 USD is not a whole number of cents. The x402 proof pays 5001000
    // USDC units, which is 5.001 exactly, so only the settlement hop can find the fault.
    const tenthOfACent = mandatesIn('USD', '20.00', '5.001');
    money('total-finer-than-a-cent', 'The cart and the payment mandate total 5.001 USD and the settlement proof pays 5001000 USDC units, its exact amount; the spend reconciled and the settlement count 500 cents, and 5.001 USD is no whole number of cents, so the settlement hop rejects.', transaction({ ...tenthOfACent, 'receipts/intent-trace.json': (t) => (t.references.settlement_proof.amount = '5001000') }), { settlement: 'ERR_REPLAY_LINK_BROKEN' });

    // Minor units are at most 2^53 - 1 (SPEC.md 6.1). A transaction of 90071992547409.91 USD is
    // 9007199254740991 cents, the largest count there is: the budget, the receipts, the spend, the
    // settlement and the worst-case price all count it, the cap is the same amount, and the x402
    // proof pays 90071992547409910000 USDC units (6 decimals).
    const MAX = 9007199254740991;
    const atMost = (c: Doc): void => {
      for (const g of c.scope.grants) (g.max_total_cost.units = MAX), (g.max_cost_per_invocation.units = MAX);
    };
    const largest = (extra: Readonly<Record<string, DocChange>> = {}): Docs =>
      transaction({
        'capability/agents-root.json': atMost,
        'capability/shopping-agent.json': atMost,
        'intent/governed-intent.json': (i) => (i.billing_context.max_price_minor = MAX),
        'settlement/budget-authorization.json': (b) => ((b.exposure.units = MAX), (b.total_exposure.units = MAX)),
        'settlement/spend-reconciliation.json': (r) => ((r.charged.units = MAX), (r.actual.units = MAX)),
        'settlement/settlement.json': (s) => ((s.quoted_amount_minor = MAX), (s.approved_amount_minor = MAX), (s.settled_amount_minor = MAX)),
        'receipts/buyer-receipt.json': (r) => (r.cost.units = MAX),
        'receipts/provider-receipt.json': (r) => (r.cost.units = MAX),
        ...mandatesIn('USD', '90071992547409.91', '90071992547409.91'),
        'receipts/intent-trace.json': (t) => (t.references.settlement_proof.amount = '90071992547409910000'),
        ...extra,
      });
    money('largest-count-of-cents', 'A transaction of 90071992547409.91 USD: 9007199254740991 cents, 2^53 - 1, the largest count of minor units, which the budget, the receipts, the spend reconciled and the settlement all count; every hop accepts.', largest(), {});
    // Two calls by the agent, each with its receipt (the second signed by the buyer's kernel too)
    // and each reconciled: the first at 2^52 cents and the second at `second`, so that the spend
    // reconciled adds up to the payment's total. The bundle holds no settlement (which could not
    // count 2^53 cents) and declares no kind.
    const HALF = 4503599627370496;
    const twoCalls = (second: number, total: string): Docs => {
      const d = transaction({
        'capability/agents-root.json': atMost,
        'capability/shopping-agent.json': atMost,
        'intent/governed-intent.json': (i) => (i.billing_context.max_price_minor = MAX),
        'settlement/budget-authorization.json': (b) => ((b.exposure.units = HALF), (b.total_exposure.units = HALF)),
        'settlement/spend-reconciliation.json': (r) => ((r.charged.units = HALF), (r.actual.units = HALF)),
        'settlement/spend-reconciliation-2.json': (r) => Object.assign(r, original['settlement/spend-reconciliation.json'], { receipt_id: `${original['receipts/buyer-receipt.json'].id}-2`, charged: usd(second), actual: usd(second) }),
        'settlement/settlement.json': null,
        'receipts/buyer-receipt.json': (r) => (r.cost.units = HALF),
        ...mandatesIn('USD', total, total),
        'receipts/intent-trace.json': (t) => (t.references.settlement_proof.amount = `${total.replace('.', '')}0000`),
      });
      const again = resign(mut(d['receipts/buyer-receipt.json'], (r) => ((r.id = `${r.id}-2`), (r.timestamp += 1), (r.cost.units = second))), P.agentKernel);
      return { ...d, 'receipts/buyer-receipt-2.json': again };
    };
    money('two-calls-make-the-largest-count-of-cents', 'Two calls reconciled at 4503599627370496 and 4503599627370495 cents for a payment of 90071992547409.91 USD: together 9007199254740991 cents, 2^53 - 1, the payment\'s total, and every hop accepts.', twoCalls(HALF - 1, '90071992547409.91'), {}, null);
    money('two-calls-make-2-53-cents', 'Two calls reconciled at 4503599627370496 cents each for a payment of 90071992547409.92 USD: 2^53 cents, one past the largest count of minor units (SPEC.md 6.1), so the payment\'s total has no count of cents the spend reconciled could be, and the settlement hop rejects.', twoCalls(HALF, '90071992547409.92'), { settlement: 'ERR_REPLAY_LINK_BROKEN' }, null);
  }
  // Mutation boundaries of the verifiers: src/verify/replay.ts, src/verify/trace.ts.
  {
    // The seven-station transaction with one thing changed, stitched, signed again and sealed by the
    // recorder as in the block "replay links" above (whose helpers are local to it): the change is
    // the only thing wrong, so only the hop it belongs to may reject.
    const { original, policy, sealed } = seven;
    const transaction = (changes: Readonly<Record<string, DocChange>> = {}, trace?: Change): Docs => seven.transaction(changes, { trace });
    const step = (name: string, description: string, f: FileTree, failures: Failures): void => replay(`seven-station/replay-boundaries/${name}`, description, f, NOV, failures, policy);
    const one = (name: string, description: string, d: Docs, failures: Failures, kind?: string | null): void => step(name, description, sealed(d, kind), failures);
    const OTHER = (digit: string): string => `sha256:${digit.repeat(64)}`;

    // receipts: each reference of the trace resolves (SPEC.md 12.9), one broken at a time, the
    // trace proved again by the recorder.
    one('trace-intent-ref-of-no-mandate', 'The intent trace, proved again by the recorder, names as its intent_ref a hash that is not the intent mandate\'s: the trace\'s intent_ref must be the intent mandate\'s hash, so the receipts hop rejects.', transaction({}, (t) => (t.intent_ref = OTHER('3'))), { receipts: 'ERR_REPLAY_LINK_BROKEN' });
    one('trace-mandate-hash-of-no-payment', 'The intent trace, proved again by the recorder, names as its mandate_hash a hash that is not the payment mandate\'s: the trace\'s mandate_hash must be the payment mandate\'s, so the receipts hop rejects.', transaction({}, (t) => (t.references.mandate_hash = OTHER('3'))), { receipts: 'ERR_REPLAY_LINK_BROKEN' });
    one('trace-credential-hash-not-the-credential', 'The intent trace, proved again by the recorder, names the agent credential by its id with a hash that is not the credential\'s: the credential reference must be the agent credential\'s id and hash, so the receipts hop rejects.', transaction({}, (t) => (t.references.identity_credential.hash = OTHER('3'))), { receipts: 'ERR_REPLAY_LINK_BROKEN' });
    one('trace-credential-of-another-id', 'The intent trace, proved again by the recorder, names a credential of another id (and hash) than the bundle\'s agent credential: the credential reference must be the agent credential\'s id and hash, so the receipts hop rejects; a reference to a credential the bundle does not hold is not a reference left unanswered when the identity hop holds the agent credential.', transaction({}, (t) => ((t.references.identity_credential.id = 'urn:uuid:7f1c2d3e-0000-4000-8000-00000000c0de'), (t.references.identity_credential.hash = OTHER('3')))), { receipts: 'ERR_REPLAY_LINK_BROKEN' });
    one('trace-subject-not-the-credential-subject', 'The intent trace, proved again by the recorder, is about a stranger\'s did:key, not about the subject of the agent credential it names: the trace\'s subject must be the credential\'s subject, so the receipts hop rejects.', transaction({}, (t) => (t.subject = P.stranger.didKey)), { receipts: 'ERR_REPLAY_LINK_BROKEN' });
    one('trace-receipt-hash-of-no-receipt', 'The intent trace, proved again by the recorder, lists as its second receipt hash one that is no receipt\'s of the bundle: each of its receipt_hashes must be a receipt\'s hash, so the receipts hop rejects.', transaction({}, (t) => (t.references.receipt_hashes[1] = OTHER('3'))), { receipts: 'ERR_REPLAY_LINK_BROKEN' });
    one('trace-action-hash-of-no-action', 'The intent trace, proved again by the recorder, names as its action_hash a hash that is no receipt\'s action\'s: the action_hash must be the hash of a receipt\'s action, so the receipts hop rejects.', transaction({}, (t) => (t.action_hash = OTHER('3'))), { receipts: 'ERR_REPLAY_LINK_BROKEN' });
    {
      const d = transaction();
      one('trace-changed-after-its-proof', 'The intent trace\'s trace_id changed after the recorder proved it, its new hash in the manifest the recorder sealed: the trace\'s proof does not verify, and the receipts hop rejects with the proof\'s code.', { ...d, 'receipts/intent-trace.json': mut(d['receipts/intent-trace.json'], (t) => (t.trace_id = `${t.trace_id}-changed`)) }, { receipts: 'ERR_PROOF_INVALID' });
    }
    one('trace-proof-with-nulls-for-absent', 'The intent trace, proved again by the recorder, carries its settlement proof with errorReason, errorMessage, extensions and extra null, as x402\'s facilitators may write them: null is absent, and every hop accepts.', transaction({}, (t) => Object.assign(t.references.settlement_proof, { errorReason: null, errorMessage: null, extensions: null, extra: null })), {});
    one('trace-failed-without-a-settlement-proof', 'The intent trace, proved again by the recorder, records a failed outcome and carries no settlement proof: only a settled trace needs a successful proof, and a trace without a proof has none to bind, so every hop accepts.', transaction({}, (t) => ((t.outcome = 'failed'), delete t.references.settlement_proof)), {});


    // manifest, intent: the card's credentials and tools.
    one('card-lists-the-agent-credential', 'The agent card, proved again by Dreamineering, lists the agent credential (its id and hash) instead of the merchant credential: the agent credential is a credential of the identity hop too, and every hop accepts.', transaction({ 'manifest/agent-card.json': (c) => (c.credentials = [{ id: original['identity/agent-credential.json'].id, hash: documentHash(original['identity/agent-credential.json']) }]) }), {});
    one('card-offers-another-tool-first', 'The agent card, proved again by Dreamineering, offers market-brief before market-report, the tool the intent calls: one tool of the card is the intent\'s, and every hop accepts.', transaction({ 'manifest/agent-card.json': (c) => c.tools.unshift({ ...c.tools[0], name: 'market-brief' }) }), {});

    // A hop with none of what it needs (SPEC.md 12.9, the table): ERR_REPLAY_HOP_MISSING, and the
    // links to the missing document are not checked. No kind is declared, so no artifact is
    // required by the kind (12.8).
    one('no-agent-card', 'The transaction without its agent card: the manifest hop has no artifact at all, and needs an agent card.', transaction({ 'manifest/agent-card.json': null }), { manifest: 'ERR_REPLAY_HOP_MISSING' }, null);
    one('no-governed-intent', 'The transaction without its governed intent: the intent hop has no artifact at all, and needs an intent.', transaction({ 'intent/governed-intent.json': null }), { intent: 'ERR_REPLAY_HOP_MISSING' }, null);
    one('no-intent-mandate', 'The transaction without its intent mandate (the cart and the payment still name its hash): the mandates hop needs one of each mandate.', transaction({ 'mandates/intent-mandate.json': null }), { mandates: 'ERR_REPLAY_HOP_MISSING' }, null);
    one('no-payment-mandate', 'The transaction without its payment mandate (the trace still names its hash): the mandates hop needs one of each mandate.', transaction({ 'mandates/payment-mandate.json': null }), { mandates: 'ERR_REPLAY_HOP_MISSING' }, null);

    // settlement: the payment reference and the currency of a settlement.
    one('receipts-record-no-payment', 'Both receipts, signed again by their kernels, record no payment reference, while the settlement names one: the receipts record no payment to hold it to, and every hop accepts.', transaction({ 'receipts/buyer-receipt.json': (r) => delete r.payment_reference, 'receipts/provider-receipt.json': (r) => delete r.payment_reference }), {});
    one('settlement-in-another-currency', 'The governed intent, hashed again, is priced in EUR and the settlement settles 500 EUR minor units, while the intent mandate caps and the payment mandate pays in USD: the intent\'s price is not within the cap in its currency, so the mandates hop rejects, and the same number in another currency is not the payment\'s total, so the settlement hop rejects.', transaction({ 'intent/governed-intent.json': (i) => (i.billing_context.currency = 'EUR'), 'settlement/settlement.json': (s) => (s.currency = 'EUR') }), { mandates: 'ERR_REPLAY_LINK_BROKEN', settlement: 'ERR_REPLAY_LINK_BROKEN' });

    // receipts: the bilateral pair, whichever file comes first.
    {
      const { 'receipts/provider-receipt.json': providerReceipt, ...rest } = transaction();
      one('provider-receipt-listed-first', 'The provider\'s receipt kept at receipts/a-provider-receipt.json, so that it comes before the buyer\'s: the pair is the buyer\'s and the provider\'s receipt whatever their order, and every hop accepts.', { ...rest, 'receipts/a-provider-receipt.json': providerReceipt }, {});
    }
    {
      const d = transaction();
      const elsewhere = resign(mut(d['receipts/buyer-receipt.json'], (r) => (r.intent_hash = OTHER('7'))), P.agentKernel);
      const trace = reprove(mut(d['receipts/intent-trace.json'], (t) => (t.references.receipt_hashes[0] = documentHash(elsewhere))), P.recorder);
      one('buyer-receipt-for-another-intent', 'The buyer\'s receipt, signed again by its kernel, commits to another intent than the governed intent (the trace, proved again, lists its new hash): the bundle holds the intent and the receipt commits to none it holds, so the receipt fails its own verification, the receipts hop\'s first problem.', { ...d, 'receipts/buyer-receipt.json': elsewhere, 'receipts/intent-trace.json': trace }, { receipts: 'ERR_RECEIPT_INTENT_MISMATCH' });
    }

    // receipts: the settlement proof bound to the cart's x402 method and the payment's payer.
    one('cart-x402-method-names-no-network', 'The cart\'s x402 method, proved again by Dreamineering, names no network (the payment and the trace follow its hash): there is no network to hold the settlement proof to, and every hop accepts.', transaction({ 'mandates/cart-mandate.json': (c) => delete c.contents.payment_request.method_data[0].data.network }), {});
    one('payment-names-no-payer', 'The payment mandate, signed again by the user, names no payer in its response details (the trace follows its hash): there is no payer to hold the settlement proof to, and every hop accepts.', transaction({ 'mandates/payment-mandate.json': (p) => delete p.payment_mandate_contents.payment_response.details.payer }), {});
    one('cart-x402-asset-not-a-string', 'The cart\'s x402 method, proved again by Dreamineering, names its asset as a list holding "USDC", not as the string: no asset whose units writ knows, so the settlement proof\'s amount cannot be bound, and the receipts hop rejects.', transaction({ 'mandates/cart-mandate.json': (c) => (c.contents.payment_request.method_data[0].data.asset = ['USDC']) }), { receipts: 'ERR_REPLAY_LINK_BROKEN' });
    one('cart-lists-another-method-first', 'The cart, proved again by Dreamineering, lists a card method before its x402 method (the payment and the trace follow its hash): the settlement proof is bound through the x402 method wherever it is listed, and every hop accepts.', transaction({ 'mandates/cart-mandate.json': (c) => c.contents.payment_request.method_data.unshift({ supported_methods: 'basic-card', data: { supportedNetworks: ['visa'] } }) }), {});

    // Each type belongs to its hop (SPEC.md 12.9, the table): a further file of that type whose
    // manifest hash is not its own fails that hop, ERR_BUNDLE_ALTERED, and no other.
    for (const [type, hop, path, doc] of [
      ['a DID document', 'identity', 'identity/did-copy.json', original['identity/dreamineering-did.json']],
      ['a lineage record', 'capability_chain', 'capability/lineage-copy.json', original['capability/lineage.json']],
      ['an intent mandate', 'mandates', 'mandates/intent-mandate-copy.json', original['mandates/intent-mandate.json']],
      ['a spend reconciliation', 'settlement', 'settlement/spend-reconciliation-copy.json', original['settlement/spend-reconciliation.json']],
      ['a settlement reconciliation', 'settlement', 'settlement/settlement-copy.json', original['settlement/settlement.json']],
      ['a dispute', 'settlement', 'settlement/dispute.json', dispute],
      ['a quote request', 'settlement', 'settlement/quote-request.json', fixture('commercial/quote', 'request.commerce-network')],
      ['a quote response', 'settlement', 'settlement/quote-response.json', quote],
      ['a receipt pair', 'receipts', 'receipts/receipt-pair.json', pair],
      ['an intent trace', 'receipts', 'receipts/intent-trace-copy.json', original['receipts/intent-trace.json']],
    ] satisfies [string, Hop, string, Doc][]) {
      step(`altered-${(path.split('/')[1] as string).replace('.json', '')}`, `A further file, ${type}, whose hash in the manifest the recorder sealed is not the file's: ${type.replace(/^an? /, '')} belongs to the ${hop.replace('_', ' ')} hop, which rejects with ERR_BUNDLE_ALTERED; every other hop accepts.`, sealed({ ...transaction(), [path]: doc }, null, (m) => (m.artifacts[path] = OTHER('0'))), { [hop]: 'ERR_BUNDLE_ALTERED' });
    }

    // Problems of the bundle that belong to no hop fail the replay, and no hop.
    const noHop = (name: string, description: string, f: FileTree): void => vector(`replay/seven-station/replay-boundaries/${name}`, '12.9', description, { files: f }, at(NOV, policy), { verdict: 'reject', hops: hops() });
    noHop('a-symbolic-link', 'The sealed transaction with one more entry, receipts/extra.json, a symbolic link: a link in a bundle is refused (SPEC.md 12.8) and belongs to no hop, so every hop accepts and the replay rejects.', { ...sealed(transaction(), null), 'receipts/extra.json': { symlink: '../outside.json' } });
    noHop('a-file-not-in-the-manifest', 'The sealed transaction with one more file, notes.json, which the manifest does not list: an unlisted file is unverified evidence (SPEC.md 12.8) and belongs to no hop, so every hop accepts and the replay rejects.', { ...sealed(transaction(), null), 'notes.json': { base64: b64(utf8('{"note":"unlisted"}\n')) } });
    noHop('an-altered-checkout', 'The sealed transaction with a checkout request whose hash in the manifest is not the file\'s: the file is altered (SPEC.md 12.8), and a checkout belongs to no hop, so every hop accepts and the replay rejects.', sealed({ ...transaction(), 'commercial/checkout.json': seedCheckout }, null, (m) => (m.artifacts['commercial/checkout.json'] = OTHER('0'))));

    // The bundle's own checks (SPEC.md 12.8) report to the hop of what they check: the receipts'
    // cost and a call's time to the receipts.
    one('receipt-cost-not-the-budget-consumed', 'The buyer\'s receipt, signed again by its kernel, records a cost of 499 USD cents while the spend reconciled for its grant is 500: the receipts\' cost is not the budget consumed, so the receipts hop rejects with ERR_BUNDLE_COST_MISMATCH, and the spend reconciliation, held to its receipt, with the same code at the settlement hop.', transaction({ 'receipts/buyer-receipt.json': (r) => (r.cost.units = 499) }), { settlement: 'ERR_BUNDLE_COST_MISMATCH', receipts: 'ERR_BUNDLE_COST_MISMATCH' });
    one('buyer-receipt-before-its-capability', 'The buyer\'s receipt, signed again by its kernel, records its allowed call one second before the agent\'s capability was issued: the chain was not yet valid when the call was made, and the receipts hop rejects.', transaction({ 'receipts/buyer-receipt.json': (r) => (r.timestamp = original['capability/shopping-agent.json'].issued_at - 1) }), { receipts: 'ERR_CHAIN_NOT_YET_VALID' });
    one('no-trace-and-no-provider-receipt', 'The transaction without its intent trace, and the provider\'s receipt, signed again by its kernel, records a call to market-brief, not to the intent\'s tool: the receipts hop needs a trace, and rejects with ERR_REPLAY_HOP_MISSING first.', transaction({ 'receipts/intent-trace.json': null, 'receipts/provider-receipt.json': (r) => (r.tool_name = 'market-brief') }), { receipts: 'ERR_REPLAY_HOP_MISSING' }, null);

    // receipts: a payment whose response has no details names no payer, and a cart without an x402
    // method binds no settlement proof.
    one('payment-details-null-and-cart-names-no-payee', 'The cart\'s x402 method, proved again by Dreamineering, names no payee, and the payment mandate, signed again by the user, answers with null details (the trace follows their hashes): the mandates agree, but whom the settlement paid cannot be bound, and the receipts hop rejects.', transaction({ 'mandates/cart-mandate.json': (c) => delete c.contents.payment_request.method_data[0].data.payTo, 'mandates/payment-mandate.json': (p) => (p.payment_mandate_contents.payment_response.details = null) }), { receipts: 'ERR_REPLAY_LINK_BROKEN' });
    one('cart-without-an-x402-method', 'The cart, proved again by Dreamineering, offers only a card method, and the payment mandate, signed again by the user, pays by it, naming no x402 payer or payee (the trace follows their hashes): the cart names no x402 method, so the trace\'s x402 settlement proof has no method to be bound through, and every hop accepts.', transaction({ 'mandates/cart-mandate.json': (c) => (c.contents.payment_request.method_data = [{ supported_methods: 'basic-card', data: { supportedNetworks: ['visa'] } }]), 'mandates/payment-mandate.json': (p) => ((p.payment_mandate_contents.payment_response.method_name = 'basic-card'), (p.payment_mandate_contents.payment_response.details = null)) }), {});
  }
  // Mutation boundaries of src/verify/replay.ts: where each check of a replay reports (SPEC.md 12.9),
  // and the link rules that pick one document among several of a type. The seven-station
  // transaction as in the block "replay links" (every changed document signed again by its party,
  // every link by hash made to follow, the bundle sealed again by the recorder); a document added
  // at the front of the manifest comes first in the bundle's order.
  {
    const { original, policy, sealed } = seven;
    const { transaction } = seven;
    const one = (name: string, description: string, d: Docs, failures: Failures): void => replay(`seven-station/replay-links-2/${name}`, description, sealed(d), NOV, failures, policy);

    // capability chain: a lineage record that disagrees with the capabilities (SPEC.md 12.8, 12.9).
    one('lineage-puts-the-agent-one-level-deeper', 'The lineage record (unsigned) lists the root, then a capability the bundle does not hold at depth 1, then the shopping agent\'s capability at depth 2 under it: the record keeps its own rule (each entry one level below its parent), but the capability states depth 1, so the lineage does not agree with the capabilities on its depth (ERR_CHAIN_DEPTH_MISMATCH), which the capability chain hop reports.', transaction({ 'capability/lineage.json': (l) => { l.chain.splice(1, 0, { id: 'cap-dreamineering-intermediary-0001', delegation_depth: 1, parent_capability_id: l.chain[0].id }); l.chain[2].delegation_depth = 2; l.chain[2].parent_capability_id = 'cap-dreamineering-intermediary-0001'; } }), { capability_chain: 'ERR_CHAIN_DEPTH_MISMATCH' });

    // settlement: the bundle's ledger reports to the settlement hop (SPEC.md 12.8).
    {
      const d = transaction();
      const again = mut(d['settlement/budget-authorization.json'], (b) => ((b.hold_id = 'hold-dreamineering-0002'), (b.decided_at += 1)));
      one('two-authorizations-claim-one-call', 'A second allowed budget authorization (unsigned) under the shopping agent\'s grant, another hold a second later, that also says it is call 1 with 500 USD exposed in all: true alone, but two records claiming one invocation_count is ERR_BUDGET_DECISION_MISMATCH, which the settlement hop reports; no spend reconciliation settles the second, so its exposure is a budget consumed with no call behind it, and the receipts hop rejects with ERR_BUNDLE_COST_MISMATCH.', { ...d, 'settlement/budget-authorization-2.json': again }, { settlement: 'ERR_BUDGET_DECISION_MISMATCH', receipts: 'ERR_BUNDLE_COST_MISMATCH' });
    }

    // capability chain: the intent's capability is a capability of the bundle, not any document of that id.
    one('intent-capability-is-the-credential-id', 'The governed intent, hashed again, names as its capability the id of the agent credential (urn:uuid:...), a document of the bundle that is no capability: the intent\'s capability is not in the bundle, so the capability chain hop rejects; and both receipts, signed again for the new intent, name the shopping agent\'s capability, not the intent\'s, so the receipts hop rejects with ERR_RECEIPT_CAPABILITY_MISMATCH.', transaction({ 'intent/governed-intent.json': (i) => (i.capability_id = original['identity/agent-credential.json'].id) }), { capability_chain: 'ERR_REPLAY_LINK_BROKEN', receipts: 'ERR_RECEIPT_CAPABILITY_MISMATCH' });

    // settlement: every reconciled actual cost is in the payment's currency, not only one of them.
    {
      const d = transaction({ 'receipts/provider-receipt.json': (r) => delete r.cost });
      const spend = mut(d['settlement/spend-reconciliation.json'], (r) => ((r.receipt_id = d['receipts/provider-receipt.json'].id), (r.charged = { units: 0, currency: 'EUR' }), (r.actual = { units: 0, currency: 'EUR' }), (r.reconciled_at += 1)));
      one('second-spend-reconciled-in-euros', 'A second spend reconciliation (unsigned) of 0 EUR charged and 0 EUR actual under the shopping agent\'s grant, for the provider\'s receipt, which, signed again by its kernel, records no cost: the reconciled actual costs add up to 500 but are not all in USD, the payment mandate\'s currency, so they are not its total of 5.00 USD and the settlement hop rejects; the two reconciliations consume budget for two calls where the receipts record one under the grant, so the receipts hop rejects with ERR_BUNDLE_COST_MISMATCH.', { ...d, 'settlement/spend-reconciliation-2.json': spend }, { settlement: 'ERR_REPLAY_LINK_BROKEN', receipts: 'ERR_BUNDLE_COST_MISMATCH' });
    }

    // settlement: a reconciliation needs an allowed authorization of its grant, not that every authorization is one.
    {
      const d = transaction();
      const denied = mut(d['settlement/budget-authorization.json'], (b) => ((b.exposure = { units: 600, currency: 'USD' }), (b.decision = 'denied'), (b.denial = 'max_cost_per_invocation'), delete b.invocation_count, delete b.total_exposure, (b.hold_id = 'hold-dreamineering-0000'), (b.decided_at -= 10)));
      one('denied-authorization-beside-the-allowed-one', 'A denied budget authorization (unsigned) under the shopping agent\'s grant, listed first: 600 USD exposed, over the grant\'s max_cost_per_invocation of 500, recorded as denied by that limit (a true record). The spend reconciliation has the allowed authorization of its grant beside it, a denial consumes no budget, and every hop accepts.', { 'settlement/budget-authorization-0.json': denied, ...d }, {});
    }

    // receipts: the pair is made of the intent's receipts; a receipt of another intent the bundle holds is none of them.
    const secondIntent = (d: Docs): Doc => intentAt(mut(d['intent/governed-intent.json'], (i) => (i.intent_id = 'intent_dreamineering_market_report_0002')), NOV);
    const forIntent = (r: Doc, intent: Doc, kernel: Party, id?: string): Doc => resign(mut(r, (x) => ((x.intent_hash = intent.intent_hash), delete x.cost, id === undefined ? undefined : (x.id = id))), kernel);
    const naming = (b: Doc): Doc => mut(b, (x) => delete x.intent_hash);
    {
      const d = transaction();
      const other = secondIntent(d);
      const buyer = resign(mut(d['receipts/buyer-receipt.json'], (r) => (r.intent_hash = other.intent_hash)), P.agentKernel);
      const trace = reprove(mut(d['receipts/intent-trace.json'], (t) => (t.references.receipt_hashes[0] = documentHash(buyer))), P.recorder);
      one('buyer-receipt-for-a-second-intent', 'A second governed intent (another intent_id, hashed again) beside the first, and the buyer\'s receipt, signed again by its kernel, commits to the second (the trace, proved again, lists its new hash; the budget authorization names no intent): the buyer\'s receipt verifies against the intent it commits to, which the bundle holds, but whichever intent is the transaction\'s, the bundle lacks one of its two receipts, a buyer\'s and a provider\'s of that intent, so the receipts hop rejects with ERR_REPLAY_LINK_BROKEN before any other pair is tried.', { ...d, 'intent/governed-intent-2.json': other, 'settlement/budget-authorization.json': naming(d['settlement/budget-authorization.json']), 'receipts/buyer-receipt.json': buyer, 'receipts/intent-trace.json': trace }, { receipts: 'ERR_REPLAY_LINK_BROKEN' });
    }
    {
      const d = transaction();
      const other = secondIntent(d);
      one('receipt-pair-for-a-second-intent', 'A second governed intent (another intent_id, hashed again) beside the first, with its own pair of receipts (new ids, no cost, signed by the buyer\'s and the provider\'s kernels; the budget authorization names no intent): each receipt verifies against the intent it commits to, which the bundle holds, and whichever intent is the transaction\'s it has its pair, but the two receipts of the other intent do not commit to it, so the receipts hop rejects with ERR_RECEIPT_INTENT_MISMATCH.', { ...d, 'intent/governed-intent-2.json': other, 'settlement/budget-authorization.json': naming(d['settlement/budget-authorization.json']), 'receipts/buyer-receipt-2.json': forIntent(d['receipts/buyer-receipt.json'], other, P.agentKernel, 'rcpt-dreamineering-agent-0002'), 'receipts/provider-receipt-2.json': forIntent(d['receipts/provider-receipt.json'], other, P.toolsKernel, 'rcpt-dreamineering-tools-0002') }, { receipts: 'ERR_RECEIPT_INTENT_MISMATCH' });
    }
    {
      const d = transaction();
      one('provider-receipt-first-in-the-manifest', 'The seven-station transaction with the provider\'s receipt listed first in the manifest, before every other file: the buyer of the pair is the intent\'s other receipt, never the provider\'s one again, and every hop accepts.', { 'receipts/provider-receipt.json': d['receipts/provider-receipt.json'], ...d }, {});
    }

    // receipts: a trace's settlement proof is bound to the payment its mandate_hash names, and to that payment's cart.
    {
      const d = transaction();
      const payment = reprove(mut(d['mandates/payment-mandate.json'], (p) => ((p.payment_mandate_contents.payment_mandate_id = 'pm-2026-11-01-0000'), (p.payment_mandate_contents.payment_response.details.payer = '0x51be77c0ffee0000000000000000000000000002'))), P.user);
      one('trace-names-the-second-payment', 'A second payment mandate of 5.00 USD under the same cart (another id, paid by 0x51be...0002, signed by the user), listed first in the manifest; the trace names the original payment by its mandate_hash, and its settlement proof is paid by that payment\'s payer: the proof is bound to the payment the trace names, not to the first of the bundle; the two payments are within the 20.00 cap, and every hop accepts.', { 'mandates/payment-mandate-0.json': payment, ...d }, {});
    }
    {
      const d = transaction();
      const cart = reprove(mut(d['mandates/cart-mandate.json'], (c) => ((c.contents.id = 'cart-dreamineering-0000'), (c.contents.payment_request.method_data[0].data.network = 'eip155:1'))), P.merchant);
      one('payment-names-the-second-cart', 'A second cart mandate from Dreamineering under the same intent mandate (another id, its x402 method on eip155:1, proved by Dreamineering), listed first in the manifest, which no payment pays; the payment names the original cart, on eip155:8453 as the settlement proof is: the proof is bound through the cart of the payment the trace names, not the first cart of the bundle, and every hop accepts.', { 'mandates/cart-mandate-0.json': cart, ...d }, {});
    }

    // receipts: USDC's units track USD; a payment in another currency cannot be bound to them.
    one('payment-in-euros-proved-in-usdc', 'The intent mandate (signed again by the user) caps the spend at 20.00 EUR, and the cart (proved again by Dreamineering) and the payment (signed again by the user) are for 5.00 EUR, while the cart\'s x402 method still names USDC and the settlement proof pays 5000000 USDC units: USDC tracks USD, so the proof\'s amount cannot be bound to 5.00 EUR, and the receipts hop rejects; the intent is still priced in USD, not within the cap in its currency (mandates hop), and the costs reconciled and settled in USD are not the payment\'s EUR total (settlement hop).', transaction({
      'mandates/intent-mandate.json': (m) => (m.spend_cap.currency = 'EUR'),
      'mandates/cart-mandate.json': (c) => { c.spend_cap.currency = 'EUR'; c.contents.payment_request.details.total.amount.currency = 'EUR'; c.contents.payment_request.details.display_items[0].amount.currency = 'EUR'; },
      'mandates/payment-mandate.json': (p) => (p.payment_mandate_contents.payment_details_total.amount.currency = 'EUR'),
    }), { mandates: 'ERR_REPLAY_LINK_BROKEN', settlement: 'ERR_REPLAY_LINK_BROKEN', receipts: 'ERR_REPLAY_LINK_BROKEN' });
  }
}
