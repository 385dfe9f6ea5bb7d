/**
 * replay (SPEC.md 12.9): Agent Commerce Rails station 5, the seven-station transaction replayed hop by
 * hop. Each artifact tampered with, the recorder and the sealer, the settlement proof bound to the
 * payment, and every link of LINK_RULES (src/verify/replay.ts) broken alone.
 */
import { documentHash } from '../../../src/crypto/hash.js';
import { reprove, resign, type Party } from '../../lib/parties.js';
import { b64, bundle, mut, text, unpack, utf8, type Change, type Doc, type Docs, type Files } from './shared.js';
import { NOV, P } from './world.js';
import { pinned, replay, seven, sevenDocs, sevenFiles, type DocChange, type Failures, type Signer } from './seven-station.js';

/** The seven-station files with one document changed, its hash in the manifest left as it was. */
const tamper = (path: string, change: Change): Files => {
  const doc = unpack(sevenFiles[path]);
  return { ...sevenFiles, [path]: { base64: b64(utf8(text(mut(doc, change)))) } };
};

export function replayVectors(): void {
  replay('seven-station', 'Agent Commerce Rails station 5 acceptance: a complete transaction replayed end to end with cryptographic proof at each hop.', sevenFiles, NOV, {});
  replay('seven-station/later', 'The same transaction replayed two hours later: the agent\'s capability and the intent have expired.', sevenFiles, NOV + 7200, { capability_chain: 'ERR_CHAIN_EXPIRED', intent: 'ERR_INTENT_EXPIRED' });
  replay('seven-station/cart-tampered', 'The cart mandate\'s total changed in the bundle: the mandates hop fails.', tamper('mandates/cart-mandate.json', (d) => (d.contents.payment_request.details.total.amount.value = '0.50')), NOV, { mandates: 'ERR_BUNDLE_ALTERED' });
  replay('seven-station/card-tampered', 'The agent card changed in the bundle: the manifest hop fails.', tamper('manifest/agent-card.json', (d) => (d.tools[0].pricing.base_price.units = 1)), NOV, { manifest: 'ERR_BUNDLE_ALTERED' });
  replay('seven-station/credential-tampered', 'The agent credential changed in the bundle: the identity hop fails.', tamper('identity/agent-credential.json', (d) => (d.credentialSubject.roles = ['seller'])), NOV, { identity: 'ERR_BUNDLE_ALTERED' });
  replay('seven-station/intent-tampered', 'The governed intent changed in the bundle: the intent hop fails.', tamper('intent/governed-intent.json', (d) => (d.billing_context.max_price_minor = 50000)), NOV, { intent: 'ERR_BUNDLE_ALTERED' });
  replay('seven-station/receipt-tampered', 'The provider\'s receipt changed in the bundle: the receipts hop fails.', tamper('receipts/provider-receipt.json', (d) => (d.cost.units = 1)), NOV, { receipts: 'ERR_BUNDLE_ALTERED' });
  replay('seven-station/budget-tampered', 'The budget authorization changed in the bundle: the settlement hop fails.', tamper('settlement/budget-authorization.json', (d) => (d.exposure.units = 400)), NOV, { settlement: 'ERR_BUNDLE_ALTERED' });
  replay('seven-station/capability-tampered', 'The agent\'s capability changed in the bundle: the capability chain hop fails, and the budget charged to it is no longer held to a capability.', tamper('capability/shopping-agent.json', (d) => (d.scope.grants[0].max_invocations = 40)), NOV, { capability_chain: 'ERR_BUNDLE_ALTERED', settlement: 'ERR_REPLAY_LINK_BROKEN' });
  {
    const sevenStation = sevenDocs();
    const manifest = unpack(sevenFiles['bundle-manifest.json']);
    const BUNDLER = manifest.proof.verificationMethod.split('#')[0];
    const policy = { ...pinned, sealers: [BUNDLER] };
    // The recorder anchors the trace and seals the bundle it belongs to (SPEC.md 12.8).
    const sealedBy = (d: Docs, signer: Party): Files => {
      const f = bundle(d, (m) => ((m.bundle_id = manifest.bundle_id), (m.created_at = manifest.created_at), (m.transaction = manifest.transaction)));
      const m = unpack(f['bundle-manifest.json']);
      return { ...f, 'bundle-manifest.json': { base64: b64(utf8(text(reprove({ ...m, proof: manifest.proof }, signer, signer.vm)))) } };
    };
    replay('seven-station/trace-by-another-recorder', 'Substitute the recorder: the intent trace proved again with a stranger\'s did:key, in a bundle its genuine sealer sealed. Every reference of the trace still resolves, but the trace is not the sealer\'s.', sealedBy({ ...sevenStation, 'receipts/intent-trace.json': reprove(sevenStation['receipts/intent-trace.json'], P.stranger, P.stranger.vm) }, P.recorder), NOV, { receipts: 'ERR_REPLAY_LINK_BROKEN' }, policy);
    replay('seven-station/resealed-by-the-recorder', 'The seven-station documents sealed again by the recorder, who proved the trace: the trace is the sealer\'s, and every hop verifies.', sealedBy(sevenStation, P.recorder), NOV, {}, policy);
  }
  {
    // Bind the settlement proof to the payment (SPEC.md 12.9), and every receipt to the intent.
    const docs = sevenDocs();
    const trace = docs['receipts/intent-trace.json'];
    const proofChanged = (change: Change): Files => bundle({ ...docs, 'receipts/intent-trace.json': reprove(mut(trace, (d) => change(d.references.settlement_proof)), P.recorder) });
    replay('seven-station/settlement-proof-overpays', 'The x402 settlement proof pays 6 USDC (6000000 units) for a 5.00 USD payment mandate, re-proved by the recorder.', proofChanged((p) => (p.amount = '6000000')), NOV, { receipts: 'ERR_REPLAY_LINK_BROKEN' });
    replay('seven-station/settlement-proof-other-network', 'The x402 settlement proof is on another network than the cart\'s x402 method names.', proofChanged((p) => (p.network = 'eip155:1')), NOV, { receipts: 'ERR_REPLAY_LINK_BROKEN' });
    replay('seven-station/settlement-proof-other-payer', 'The x402 settlement proof is paid by another account than the payment mandate\'s payer.', proofChanged((p) => (p.payer = '0x51be77c0ffee0000000000000000000000000002')), NOV, { receipts: 'ERR_REPLAY_LINK_BROKEN' });
    replay('seven-station/settlement-proof-without-payer', 'The x402 settlement proof with its payer left out, re-proved by the recorder: it must name the payment mandate\'s payer.', proofChanged((p) => delete p.payer), NOV, { receipts: 'ERR_REPLAY_LINK_BROKEN' });
    const secondTrace = reprove(mut(trace, (d) => ((d.trace_id = `${d.trace_id}-2`), (d.references.settlement_proof.amount = '999000000'), (d.references.settlement_proof.network = 'eip155:1'))), P.recorder);
    replay('seven-station/second-trace', 'A second trace, re-proved by the recorder, whose settlement proof pays 999 USDC on another network: every trace is bound, not the first the manifest lists.', bundle({ ...docs, 'receipts/intent-trace-2.json': secondTrace }), NOV, { receipts: 'ERR_REPLAY_LINK_BROKEN' });
    // Whom the payment paid: x402's settle response names no payee, so the cart must (SPEC.md 12.9).
    const cartNoPayee = reprove(mut(docs['mandates/cart-mandate.json'], (d) => delete d.contents.payment_request.method_data[0].data.payTo), P.merchant);
    const paymentNoPayee = reprove(mut(docs['mandates/payment-mandate.json'], (d) => ((d.cart_mandate_hash = documentHash(cartNoPayee)), delete d.payment_mandate_contents.payment_response.details.payTo)), P.user);
    const traceNoPayee = reprove(mut(trace, (d) => (d.references.mandate_hash = documentHash(paymentNoPayee))), P.recorder);
    replay('seven-station/cart-names-no-payee', 'The cart\'s x402 method names no payee and the payment none, each re-proved by its signer and the trace by the recorder: the mandates agree, but whom the settlement paid cannot be bound.', bundle({ ...docs, 'mandates/cart-mandate.json': cartNoPayee, 'mandates/payment-mandate.json': paymentNoPayee, 'receipts/intent-trace.json': traceNoPayee }), NOV, { receipts: 'ERR_REPLAY_LINK_BROKEN' });
    replay('seven-station/unsealed-rebundle', 'The seven-station documents in a bundle without a seal: with the DID document pinned, every hop verifies; who sealed it is a matter for the bundle report.', bundle(docs), NOV, {});
    const loose = resign(mut(docs['receipts/buyer-receipt.json'], (d) => ((d.id = `${d.id}-other`), (d.intent_hash = `sha256:${'7'.repeat(64)}`))), P.agentKernel);
    replay('seven-station/receipt-for-another-intent', 'A loose receipt in the bundle that commits to another intent: it is not evidence of this transaction.', bundle({ ...docs, 'receipts/other-receipt.json': loose }), NOV, { receipts: 'ERR_RECEIPT_INTENT_MISMATCH' });
  }
  {
    // Spend twice in one second: four more payments of 5.00 under the 20.00 intent mandate, all at
    // the first payment's timestamp. Ordered by hash within the second, the last of the five
    // sees 20.00 already paid.
    const docs = sevenDocs();
    const first = docs['mandates/payment-mandate.json'];
    const more = [2, 3, 4, 5].map((n) => reprove(mut(first, (d) => (d.payment_mandate_contents.payment_mandate_id = `pm-2026-11-01-000${n}`)), P.user));
    const paths = Object.fromEntries(more.map((d) => [`mandates/payment-mandate-${d.payment_mandate_contents.payment_mandate_id.slice(-1)}.json`, d]));
    replay('seven-station/same-second-over-cap', 'Spend twice in one second: five payments of 5.00 under the 20.00 intent mandate with one timestamp. Each must count the others before it (by hash within the second), so the fifth is over the cap.', bundle({ ...docs, ...paths }), NOV, { mandates: 'ERR_MANDATE_OVER_CAP' });
  }
  {
    const { 'receipts/intent-trace.json': _trace, ...rest } = sevenFiles;
    const manifest = unpack(sevenFiles['bundle-manifest.json']);
    delete manifest.artifacts['receipts/intent-trace.json'];
    delete manifest.proof;
    replay('seven-station/no-trace', 'A transaction without its intent trace: the receipts hop is missing its anchor.', { ...rest, 'bundle-manifest.json': { base64: b64(utf8(text(manifest))) } }, NOV, { receipts: 'ERR_REPLAY_HOP_MISSING' });
  }
  {
    const { 'settlement/spend-reconciliation.json': _spend, ...rest } = sevenFiles;
    const manifest = unpack(sevenFiles['bundle-manifest.json']);
    delete manifest.artifacts['settlement/spend-reconciliation.json'];
    delete manifest.proof;
    replay('seven-station/no-spend-reconciliation', 'A transaction without its spend reconciliation: the settlement hop holds an authorization but nothing that reconciles it.', { ...rest, 'bundle-manifest.json': { base64: b64(utf8(text(manifest))) } }, NOV, { settlement: 'ERR_REPLAY_HOP_MISSING' });
  }
  // replay links, one vector each (SPEC.md 12.9)
  //
  // For each link of LINK_RULES (src/verify/replay.ts), the seven-station transaction with that link
  // broken and nothing else. Every document changed is signed, proved or hashed again by its own
  // party, every document that names it by hash is made to name the new one (and signed again), and
  // the bundle is sealed again by the recorder, whom the trust policy names: the link is the only
  // thing wrong, and the hop it reports to is the only one that rejects. Where a link has a boundary,
  // its passing side is here too.

  {
    const { original, policy, sealed } = seven;
    const transaction = (changes?: Readonly<Record<string, DocChange>>, signers?: Readonly<Record<string, Signer>>): Docs => seven.transaction(changes, { signers });
    const link = (name: string, description: string, d: Docs, failures: Failures, kind?: string | null): void => replay(`seven-station/link/${name}`, description, sealed(d, kind), NOV, failures, policy);
    link('restitched', 'The seven-station documents sealed again by the recorder, as every vector below is: nothing changed, every hop verifies.', transaction(), {});

    // manifest: the card lists a credential of the identity hop.
    const OTHER_CREDENTIAL = { id: 'urn:uuid:00000000-0000-4000-8000-000000000001', hash: `sha256:${'1'.repeat(64)}` };
    link('card-lists-no-credential-of-the-identity-hop', 'The agent card, proved again by Dreamineering, lists a credential the bundle does not hold instead of its merchant credential: the card\'s identity is not the one the identity hop verified, so the manifest hop rejects.', transaction({ 'manifest/agent-card.json': (c) => (c.credentials = [OTHER_CREDENTIAL]) }), { manifest: 'ERR_REPLAY_LINK_BROKEN' });
    link('card-lists-a-credential-of-the-identity-hop-among-others', 'The agent card, proved again by Dreamineering, lists a credential the bundle does not hold before its merchant credential: one listed credential of the identity hop is enough, and every hop accepts.', transaction({ 'manifest/agent-card.json': (c) => c.credentials.unshift(OTHER_CREDENTIAL) }), {});

    // capability chain: the intent's capability is in the bundle.
    link('intent-capability-not-in-the-bundle', 'The governed intent, hashed again, is made under cap-dreamineering-shopping-agent-0002, which the bundle does not hold (the receipts and the authorization follow its new hash): the capability chain hop rejects. The receipts, under the capability the bundle holds, then name another capability than the intent, which the receipts hop refuses too: the receipts, the budget and the intent must name one capability, so this link cannot break alone.', transaction({ 'intent/governed-intent.json': (i) => (i.capability_id = 'cap-dreamineering-shopping-agent-0002') }), { capability_chain: 'ERR_REPLAY_LINK_BROKEN', receipts: 'ERR_RECEIPT_CAPABILITY_MISMATCH' });

    // intent: the agent card offers the intent's tool (its name, and its server when the card gives one).
    link('card-does-not-offer-the-intent-tool', 'The agent card, proved again by Dreamineering, offers market-brief instead of market-report, the tool the intent calls: the intent hop rejects.', transaction({ 'manifest/agent-card.json': (c) => (c.tools[0].name = 'market-brief') }), { intent: 'ERR_REPLAY_LINK_BROKEN' });
    link('card-offers-the-intent-tool-on-another-server', 'The agent card, proved again by Dreamineering, offers market-report on the server dreamineering-labs, not on dreamineering-tools, the server the intent calls: the intent hop rejects.', transaction({ 'manifest/agent-card.json': (c) => (c.tools[0].server_id = 'dreamineering-labs') }), { intent: 'ERR_REPLAY_LINK_BROKEN' });
    link('card-offers-the-intent-tool-on-no-server', 'The agent card, proved again by Dreamineering, offers market-report without naming a server: a tool without a server_id is the intent\'s by its name, and every hop accepts.', transaction({ 'manifest/agent-card.json': (c) => delete c.tools[0].server_id }), {});

    // mandates: the intent's worst-case price is within the intent mandate's spend cap, in its currency.
    link('worst-case-price-over-the-cap', 'The governed intent, hashed again, bounds the price at 2001 USD cents, one cent over the intent mandate\'s spend cap of 20.00 USD (the receipts and the authorization follow its new hash): the mandates hop rejects.', transaction({ 'intent/governed-intent.json': (i) => (i.billing_context.max_price_minor = 2001) }), { mandates: 'ERR_REPLAY_LINK_BROKEN' });
    link('worst-case-price-at-the-cap', 'The governed intent, hashed again, bounds the price at 2000 USD cents, exactly the intent mandate\'s spend cap of 20.00 USD: within the cap, and every hop accepts.', transaction({ 'intent/governed-intent.json': (i) => (i.billing_context.max_price_minor = 2000) }), {});
    // A cap finer than a minor unit is a decimal like any other (SPEC.md 6.1: compared as exact
    // decimals): 20.001 USD holds 2000 cents, not 2001.
    const finerCap = (price: number): Docs => transaction({ 'mandates/intent-mandate.json': (m) => (m.spend_cap.value = '20.001'), 'mandates/cart-mandate.json': (c) => (c.spend_cap.value = '20.001'), 'intent/governed-intent.json': (i) => (i.billing_context.max_price_minor = price) });
    link('worst-case-price-within-a-cap-finer-than-a-cent', 'The intent mandate and the cart, signed again, cap the spend at 20.001 USD, a tenth of a cent finer than USD\'s minor unit, and the intent, hashed again, bounds the price at 2000 cents: 20.00 is within 20.001, and every hop accepts.', finerCap(2000), {});
    link('worst-case-price-over-a-cap-finer-than-a-cent', 'The intent mandate and the cart, signed again, cap the spend at 20.001 USD, and the intent, hashed again, bounds the price at 2001 cents: 20.01 is over 20.001 (a verifier that rounds the cap to cents, or refuses to compare it, gets one of these two wrong), and the mandates hop rejects.', finerCap(2001), { mandates: 'ERR_REPLAY_LINK_BROKEN' });
    link('worst-case-price-in-another-currency', 'The governed intent, hashed again, bounds the price at 500 EUR cents, while the intent mandate\'s spend cap is 20.00 USD (the receipts and the authorization follow its new hash; the bundle holds no settlement, which would be held to the intent\'s currency too, and declares no kind): a price in another currency is not within the cap, and the mandates hop rejects.', transaction({ 'settlement/settlement.json': null, 'intent/governed-intent.json': (i) => (i.billing_context.currency = 'EUR') }), { mandates: 'ERR_REPLAY_LINK_BROKEN' }, null);
    link('intent-mandate-for-another-agent', 'The intent mandate, signed again by the user, is for a stranger\'s did:key, not for the agent the identity hop\'s credential is about (the cart, the payment and the trace follow its hash): the mandates hop rejects.', transaction({ 'mandates/intent-mandate.json': (m) => (m.agent = P.stranger.didKey) }), { mandates: 'ERR_REPLAY_LINK_BROKEN' });
    link('cart-of-another-merchant', 'The cart mandate is a stranger\'s: its merchant is the stranger\'s did:key, which proves it (the payment and the trace follow its hash), while the agent card is did:web:dreamineering.com\'s: the mandates hop rejects.', transaction({ 'mandates/cart-mandate.json': (c) => (c.merchant = P.stranger.didKey) }, { 'mandates/cart-mandate.json': [P.stranger, P.stranger.vm] }), { mandates: 'ERR_REPLAY_LINK_BROKEN' });

    // settlement: the reconciled actual costs sum to the payment mandate's total, in its currency.
    // A settlement is held to both (it settles the payment's total, and the spend reconciled: three
    // amounts pairwise equal), so these two bundles hold none, and declare no kind that requires one.
    const noSettlement = { 'settlement/settlement.json': null };
    link('calls-cost-less-than-the-payment', 'The spend reconciliation credits one cent back (actual 499 USD cents, charged 500) and the buyer\'s receipt, signed again by its kernel, records a cost of 499, while the payment mandate pays 5.00 USD; the bundle holds no settlement and declares no kind. The calls do not cost what was paid, so the settlement hop rejects.', transaction({ ...noSettlement, 'settlement/spend-reconciliation.json': (r) => ((r.actual.units = 499), (r.outcome = 'credited'), (r.credited = { units: 1, currency: 'USD' })), 'receipts/buyer-receipt.json': (r) => (r.cost.units = 499) }), { settlement: 'ERR_REPLAY_LINK_BROKEN' }, null);
    {
      const inEuro = (c: Doc): void => {
        for (const g of c.scope.grants) (g.max_total_cost.currency = 'EUR'), (g.max_cost_per_invocation.currency = 'EUR');
      };
      link('calls-cost-in-another-currency', 'The agent\'s budget is kept in EUR: both capabilities\' caps (signed again by their issuer), the authorization, the spend reconciliation and the buyer\'s receipt (signed again by its kernel) count 500 EUR cents, while the payment mandate pays 5.00 USD; the bundle holds no settlement and declares no kind. The calls do not cost what was paid in its currency, so the settlement hop rejects.', transaction({ ...noSettlement, 'capability/agents-root.json': inEuro, 'capability/shopping-agent.json': inEuro, 'settlement/budget-authorization.json': (b) => ((b.exposure.currency = 'EUR'), (b.total_exposure.currency = 'EUR')), 'settlement/spend-reconciliation.json': (r) => ((r.charged.currency = 'EUR'), (r.actual.currency = 'EUR')), 'receipts/buyer-receipt.json': (r) => (r.cost.currency = 'EUR') }), { settlement: 'ERR_REPLAY_LINK_BROKEN' }, null);
    }

    // settlement: a spend reconciliation names a receipt of the bundle, and an allowed authorization of its capability and grant.
    link('reconciliation-names-no-receipt-of-the-bundle', 'The spend reconciliation reconciles receipt rcpt-dreamineering-agent-0002, which the bundle does not hold: the settlement hop rejects.', transaction({ 'settlement/spend-reconciliation.json': (r) => (r.receipt_id = 'rcpt-dreamineering-agent-0002') }), { settlement: 'ERR_REPLAY_LINK_BROKEN' });
    link('reconciliation-of-another-capability', 'The spend reconciliation reconciles a grant of cap-dreamineering-shopping-agent-0002, a capability no authorization of the bundle charged: the settlement hop rejects.', transaction({ 'settlement/spend-reconciliation.json': (r) => (r.capability_id = 'cap-dreamineering-shopping-agent-0002') }), { settlement: 'ERR_REPLAY_LINK_BROKEN' });
    link('reconciliation-of-another-grant', 'The spend reconciliation reconciles grant 1 of the agent\'s capability, which no authorization of the bundle charged (the authorization charged grant 0): the settlement hop rejects.', transaction({ 'settlement/spend-reconciliation.json': (r) => (r.grant_index = 1) }), { settlement: 'ERR_REPLAY_LINK_BROKEN' });
    link('reconciliation-of-a-denied-authorization', 'The budget authorization is a denial, and a true one (3 calls and 1600 USD cents charged before, so 500 more is over the grant\'s max_total_cost of 2000): the spend reconciliation reconciles a grant no allowed authorization charged, and the settlement hop rejects.', transaction({ 'settlement/budget-authorization.json': (b) => ((b.decision = 'denied'), (b.denial = 'max_total_cost'), (b.invocation_count = 3), (b.total_exposure.units = 1600), delete b.hold_id) }), { settlement: 'ERR_REPLAY_LINK_BROKEN' });

    // settlement: an authorization is for the intent.
    {
      const d = transaction();
      link('authorization-for-another-intent', 'The budget authorization is for an intent whose hash is not the governed intent\'s: the exposure was authorized for something else, and the settlement hop rejects.', { ...d, 'settlement/budget-authorization.json': mut(d['settlement/budget-authorization.json'], (b) => (b.intent_hash = `sha256:${'5'.repeat(64)}`)) }, { settlement: 'ERR_REPLAY_LINK_BROKEN' });
      link('authorization-naming-no-intent', 'The budget authorization names no intent: there is no intent hash to hold to the governed intent\'s, and every hop accepts.', { ...d, 'settlement/budget-authorization.json': mut(d['settlement/budget-authorization.json'], (b) => delete b.intent_hash) }, {});
    }

    // settlement: a settlement settles the payment mandate's total, and names a payment reference the receipts record.
    {
      const settlement = original['settlement/settlement.json'];
      const part = mut(settlement, (s) => ((s.settlement_id = 'settlement_dreamineering_0002'), (s.quoted_amount_minor = 1), (s.approved_amount_minor = 1), (s.settled_amount_minor = 1)));
      link('settlement-one-unit-short', 'The payment settled in two parts: settlement_dreamineering_0001 settles 499 USD cents, one unit short of the payment mandate\'s 5.00 USD, and settlement_dreamineering_0002 the other cent. Together they settle the spend reconciled, but neither settles the payment\'s total, so the settlement hop rejects.', { ...transaction({ 'settlement/settlement.json': (s) => (s.settled_amount_minor = 499) }), 'settlement/settlement-2.json': part }, { settlement: 'ERR_REPLAY_LINK_BROKEN' });
      link('settlement-names-another-payment', 'The settlement names payment x402:eip155:8453:0x00…01, which no receipt of the bundle records (they record the payment of the trace\'s settlement proof): the settlement hop rejects.', transaction({ 'settlement/settlement.json': (s) => (s.payment_reference = `x402:eip155:8453:0x${'0'.repeat(63)}1`) }), { settlement: 'ERR_REPLAY_LINK_BROKEN' });
      link('settlement-names-no-payment', 'The settlement names no payment reference: there is none to find among the receipts\', and every hop accepts.', transaction({ 'settlement/settlement.json': (s) => delete s.payment_reference }), {});
    }

    // receipts: a buyer's and a provider's receipt of the intent verify as a bilateral pair.
    link('no-provider-receipt-for-the-intent-tool', 'The provider\'s receipt, signed again by its kernel, records a call to market-brief, not to market-report, the tool the intent calls (the trace follows its hash): the bundle holds no provider receipt of the intent\'s tool, and the receipts hop rejects.', transaction({ 'receipts/provider-receipt.json': (r) => (r.tool_name = 'market-brief') }), { receipts: 'ERR_REPLAY_LINK_BROKEN' });
    link('no-provider-receipt-on-the-intent-server', 'The provider\'s receipt, signed again by its kernel, records a call to market-report on dreamineering-labs, not on dreamineering-tools, the server the intent calls (the trace follows its hash): the bundle holds no provider receipt of the intent\'s tool, and the receipts hop rejects.', transaction({ 'receipts/provider-receipt.json': (r) => (r.tool_server = 'dreamineering-labs') }), { receipts: 'ERR_REPLAY_LINK_BROKEN' });
    link('receipt-pair-under-one-kernel', 'The provider\'s receipt is signed by the buyer\'s kernel, under the buyer\'s kernel_key (the trace follows its hash): each receipt verifies alone, but the two are not bilateral evidence, and the receipts hop rejects with the pair\'s code.', transaction({ 'receipts/provider-receipt.json': (r) => (r.kernel_key = P.agentKernel.hex) }, { 'receipts/provider-receipt.json': [P.agentKernel] }), { receipts: 'ERR_RECEIPT_SAME_KERNEL' });

    // receipts: every receipt commits to the intent.
    {
      const loose = resign(mut(original['receipts/buyer-receipt.json'], (r) => ((r.id = `${r.id}-other`), (r.intent_hash = `sha256:${'7'.repeat(64)}`), delete r.cost)), P.agentKernel);
      link('receipt-for-another-intent', 'A further receipt by the buyer\'s kernel, recording no cost (so the budget still accounts for the calls), commits to another intent: it is not evidence of this transaction, and the receipts hop rejects.', { ...transaction(), 'receipts/other-receipt.json': loose }, { receipts: 'ERR_RECEIPT_INTENT_MISMATCH' });
    }

    // receipts: a settled trace carries a successful settlement proof.
    link('settled-trace-proof-without-a-transaction', 'The intent trace, proved again by the recorder, records a settled outcome with a successful settlement proof whose transaction is empty, as x402 writes a settlement made off the network: a settled trace\'s proof names its transaction, and the receipts hop rejects.', transaction({ 'receipts/intent-trace.json': (t) => (t.references.settlement_proof.transaction = '') }), { receipts: 'ERR_SCHEMA_LENGTH' });
    link('settled-trace-without-a-successful-proof', 'The intent trace, proved again by the recorder, records a settled outcome with a settlement proof whose success is false: the receipts hop rejects.', transaction({ 'receipts/intent-trace.json': (t) => (t.references.settlement_proof.success = false) }), { receipts: 'ERR_REPLAY_LINK_BROKEN' });

    // receipts: every trace's proof is bound to the payment it names (the amount, the network, the
    // payer and the payee have their vectors above, replay/seven-station/settlement-proof-* and
    // cart-names-no-payee): an asset whose units writ does not know cannot be bound.
    link('settlement-proof-in-an-unknown-asset', 'The cart\'s x402 method, proved again by Dreamineering, is paid in EURC, an asset whose units writ does not know (the payment and the trace follow its hash): the settlement proof\'s amount cannot be bound to the payment\'s 5.00 USD, and the receipts hop rejects.', transaction({ 'mandates/cart-mandate.json': (c) => (c.contents.payment_request.method_data[0].data.asset = 'EURC') }), { receipts: 'ERR_REPLAY_LINK_BROKEN' });
  }
  {
    // The trace's credential reference is the agent credential's id and hash (SPEC.md 12.9,
    // receipts): the right hash under another id is a broken reference, not a match.
    const { policy, sealed } = seven;
    replay('seven-station/replay-boundaries/trace-credential-id-not-the-credentials', 'The intent trace, proved again by the recorder, names the bundle\'s agent credential by its hash but under another id: the credential reference must be the agent credential\'s id and hash, both, and the bundle holds no agent credential of that id, so the receipts hop rejects.', sealed(seven.transaction({}, { trace: (t) => (t.references.identity_credential.id = 'urn:uuid:7f1c2d3e-0000-4000-8000-00000000c0de') })), NOV, { receipts: 'ERR_REPLAY_LINK_BROKEN' }, policy);
  }
  {
    const sevenStation = sevenDocs();
    replay('seven-station/document/intent-copy-beside-the-intent', 'The seven-station transaction with a copy of its governed intent whose worst-case price was changed and whose stated intent_hash was kept: the copy\'s hash does not recompute, so the intent hop rejects, and the receipts are checked against the genuine intent.', bundle({ ...sevenStation, 'intent/governed-intent-copy.json': mut(sevenStation['intent/governed-intent.json'], (d) => (d.billing_context.max_price_minor = 1500)) }), NOV, { intent: 'ERR_INTENT_HASH_MISMATCH' });
  }
}
