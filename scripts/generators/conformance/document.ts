/**
 * document (SPEC.md 12, 13.2): one document of any type, recognised or named, verified with the rest
 * as its evidence, as `writ verify <file>...` and verifyDocument answer.
 */
import { documentHash } from '../../../src/crypto/hash.js';
import { resign } from '../../lib/parties.js';
import { accept, at, fixture, mut, reject, vector, type Context, type Doc, type Expect } from './shared.js';
import { AT, buyer, cart, coordinator, didContext, executor, forkedVendor, intent, intentMandate, NOV, NOW1, P, pair, provider, revocation, root, T0, vendor } from './world.js';
import { intentAt, revokedBy } from './builders.js';
import { byMerchant, cartUnder, intentMandateOf } from './mandate.js';
import { pinned, sevenDocs } from './seven-station.js';

export function documentVectors(): void {
  // One document of any type, recognised or named, verified with the rest as its evidence (SPEC.md
  // 13.2, profile document): what `writ verify <file>...` and verifyDocument answer.
  {
    const doc = (name: string, description: string, input: Readonly<Record<string, unknown>>, context: Context, expect: Expect): void => vector(`document/${name}`, '12', description, input, context, expect);
    const otherIntent = resign({ ...provider, intent_hash: `sha256:${'0'.repeat(64)}` }, P.providerKernel);
    doc('capability-with-its-chain', 'The Incident Network executor\'s capability, recognised from its members, with the rest of its chain as evidence: its chain verifies.', { document: executor, evidence: [root, vendor, coordinator] }, at(NOW1), accept());
    doc('capability-without-its-chain', 'The executor\'s capability with no evidence: its parent is not among the documents given.', { document: executor, evidence: [] }, at(NOW1), reject('ERR_CHAIN_PARENT_MISSING'));
    doc('capability-with-evidence-in-another-order', 'The executor\'s capability with its chain given leaf-side first: evidence is matched by id, in any order.', { document: executor, evidence: [coordinator, vendor, root] }, at(NOW1), accept());
    doc('evidence-that-is-no-document-is-left-out', 'The executor\'s capability with its chain and, among the evidence, an object of no type of the line and a number: they are left out, and the chain verifies.', { document: executor, evidence: [root, { hello: 'world' }, vendor, 42, coordinator] }, at(NOW1), accept());
    doc('revoked-by-the-evidence', 'The vendor liaison\'s capability with its root and the commander\'s revocation of it (revoked_at 1776272790) as evidence, at 1776272795: the document is among the evidence, so the revocation is judged against it and counts.', { document: vendor, evidence: [root, revocation] }, at(NOW1), reject('ERR_CHAIN_REVOKED'));
    doc('revoked-by-the-evidence-later', 'The same, at 1776272789, a second before the revocation: the capability is live.', { document: vendor, evidence: [root, revocation] }, at(revocation.revoked_at - 1), accept());
    doc('receipt-with-its-intent', 'The Agent Commerce Network buyer\'s receipt with its governed intent as evidence: it commits to the intent\'s recomputed hash.', { document: buyer, evidence: [intent] }, at(T0), accept());
    doc('receipt-of-another-intent', 'The provider\'s receipt, signed again by its kernel, committing to another intent hash than that of the intent given as evidence: an intent was given and it is not the one committed to, so the commitment is broken, not unanswered.', { document: otherIntent, evidence: [intent] }, at(T0), reject('ERR_RECEIPT_INTENT_MISMATCH'));
    doc('pair-with-its-intent', 'The Agent Commerce Network receipt pair with its governed intent as evidence: both receipts commit to the intent.', { document: pair, evidence: [intent] }, at(T0), accept());
    doc('pair-of-another-intent', 'The receipt pair, both receipts signed again by their kernels, committing to another intent hash than that of the intent given as evidence: an intent was given and it is not the pair\'s.', { document: { ...pair, intent_hash: otherIntent.intent_hash, buyer_receipt: resign({ ...pair.buyer_receipt, intent_hash: otherIntent.intent_hash }, P.buyerKernel), provider_receipt: resign({ ...pair.provider_receipt, intent_hash: otherIntent.intent_hash }, P.providerKernel) }, evidence: [intent] }, at(T0), reject('ERR_RECEIPT_INTENT_MISMATCH'));
    doc('type-named', 'The buyer\'s receipt with its type named (receipt/tool-call) and its intent: verified as that type.', { document: buyer, evidence: [intent], type: 'receipt/tool-call' }, at(T0), accept());
    doc('type-named-wrongly', 'The buyer\'s receipt named as a capability token: it is validated as one, and a capability token requires an issuer, which a receipt does not have.', { document: buyer, evidence: [intent], type: 'capability/token' }, at(T0), reject('ERR_SCHEMA_REQUIRED'));
    doc('undetected', 'An object with no member any type of the line is recognised by: no type, so nothing to verify it as.', { document: { hello: 'world' } }, at(T0), reject('ERR_SCHEMA_UNDETECTED'));
    doc('evidence-not-a-list', 'The executor\'s capability with evidence that is an object, not a list of documents: a malformed input.', { document: executor, evidence: { root } }, at(NOW1), reject('ERR_USAGE_INVALID_ARGUMENT'));
    doc('context-before-the-document', 'An object of no type of the line, verified at 253402300800, one second past 9999-12-31T23:59:59Z: a malformed context is refused before the document is read.', { document: { hello: 'world' } }, at(253402300800), reject('ERR_USAGE_INVALID_ARGUMENT'));
    doc('negative-zero', 'The buyer\'s receipt as a JSON text whose timestamp is -0: the schema reads it as 0, but signed content holding -0 canonicalises as 0, so two texts would share one signature, and it is refused.', { document_text: JSON.stringify(buyer).replace(/"timestamp":\d+/, '"timestamp":-0'), evidence: [intent] }, at(T0), reject('ERR_JSON_NEGATIVE_ZERO'));
    doc('receipt-without-an-intent', 'The provider\'s receipt committing to another intent hash, with no intent given: the commitment is unchecked (a warning), and the signature verifies.', { document: otherIntent, evidence: [] }, at(T0), accept());
  }
  {
    // verifyDocument with evidence the subject depends on (SPEC.md 12, 12.2, 12.5): named types
    // that the document is not, a revocation under a forked ancestor, spend reconciliations beside
    // authorizations of another capability or grant.
    const doc2 = (name: string, description: string, input: Readonly<Record<string, unknown>>, context: Context, expect: Expect): void => vector(`document/${name}`, '12', description, input, context, expect);
    const seven2 = sevenDocs();
    // A signed revocation counts only when its signer issued the capability or an ancestor, none of
    // them held twice under one id (SPEC.md 12.2): here the genuine vendor liaison capability is listed last.
    doc2('revocation-of-a-child-of-a-forked-id-genuine-last', 'The commander\'s signed revocation of the provider coordinator\'s capability, with the root, a self-signed fork of the vendor liaison capability\'s id, the genuine vendor liaison capability (listed after the fork) and the coordinator\'s capability as evidence: the coordinator\'s parent is held twice under one id, so nothing shows the commander issued an ancestor, and the revocation is not authorized.', { document: revokedBy(coordinator, revocation, P.commander, [root, vendor]), evidence: [root, forkedVendor, vendor, coordinator] }, at(NOW1), reject('ERR_KEY_NOT_AUTHORIZED'));
    // A type named is the type the document is validated as (SPEC.md 12): a document missing a member that type requires is refused by its schema.
    const task = fixture('task/task-created', 'incident-network');
    const { task_id: _tid, ...taskWithoutId } = task;
    doc2('task-created-named-without-its-task-id', 'The Incident Network task with its type named (task/task-created) and its task_id, a member the type requires, removed: its schema refuses it.', { document: taskWithoutId, type: 'task/task-created' }, at(AT), reject('ERR_SCHEMA_REQUIRED'));
    const denial = fixture('task/process-task-response', 'revoked-ancestor.incident-network');
    doc2('process-task-response-named-without-its-execution', 'An object holding none of the members of a provider\'s answer, named as one (task/process-task-response): execution, a member the type requires, is missing, so its schema refuses it.', { document: { ...mut(denial, (d) => delete d.execution) }, type: 'task/process-task-response' }, at(AT), reject('ERR_SCHEMA_REQUIRED'));
    const PM2 = seven2['mandates/payment-mandate.json'];
    const IM2 = seven2['mandates/intent-mandate.json'];
    const { payment_mandate_contents: _pmc, ...pmWithoutContents } = PM2;
    doc2('payment-mandate-named-without-its-contents', 'The seven-station payment mandate with its type named (mandate/payment-mandate) and its payment_mandate_contents, a member the type requires, removed: its schema refuses it.', { document: pmWithoutContents, type: 'mandate/payment-mandate' }, at(NOV, pinned), reject('ERR_SCHEMA_REQUIRED'));
    const { spend_cap: _cap, ...imWithoutCap } = IM2;
    doc2('intent-mandate-named-without-its-spend-cap', 'The seven-station intent mandate with its type named (mandate/intent-mandate) and its spend_cap, a member the type requires, removed: its schema refuses it.', { document: imWithoutCap, type: 'mandate/intent-mandate' }, at(NOV, pinned), reject('ERR_SCHEMA_REQUIRED'));
    // A spend reconciliation is checked against the allowed authorization of its own capability and
    // grant (SPEC.md 12.5), not against the first authorization given.
    const R2 = seven2['settlement/spend-reconciliation.json'];
    const A2 = seven2['settlement/budget-authorization.json'];
    const RECEIPT2 = seven2['receipts/buyer-receipt.json'];
    doc2('spend-reconciled-beside-an-authorization-of-another-capability', 'The seven-station spend reconciliation with, as evidence, an allowed authorization of the same exposure under another capability id listed first, then its own authorization and the buyer\'s receipt: it is checked against the authorization of its own capability and grant, which it reconciles.', { document: R2, evidence: [mut(A2, (d) => (d.capability_id = `${d.capability_id}-other`)), A2, RECEIPT2] }, at(NOV, pinned), accept());
    doc2('spend-reconciled-beside-an-authorization-of-another-grant', 'The seven-station spend reconciliation with, as evidence, an allowed authorization of the same exposure and capability under another grant index listed first, then its own authorization and the buyer\'s receipt: it is checked against the authorization of its own grant, which it reconciles.', { document: R2, evidence: [mut(A2, (d) => (d.grant_index += 1)), A2, RECEIPT2] }, at(NOV, pinned), accept());
  }
  {
    const reversed = fixture('settlement/dispute', 'reversed');
    vector('document/dispute-resolved-before-opened', '5.3', 'A settlement dispute, verified as a document, resolved one second before it was opened: it is schema-valid, but the document rule resolved-after-opened (resolved_at >= opened_at) of settlement/dispute fails, and every document\'s rules apply.', { document: { ...reversed, resolved_at: reversed.opened_at - 1 } }, at(T0), reject('ERR_RULE_TIME_ORDER'));
    const free = intentAt(mut(intent, (d) => (d.billing_context.max_price_minor = 0)), T0);
    vector('document/intent-holding-negative-zero', '3', 'The governed intent with a worst-case price of 0, re-hashed, as a JSON text that writes the 0 as -0: the schema reads it as 0 and its hash is computed over 0, but hashed content holding -0 canonicalises as 0, so two texts would share one hash, and it is refused.', { document_text: JSON.stringify(free).replace('"max_price_minor":0', '"max_price_minor":-0') }, at(T0), reject('ERR_JSON_NEGATIVE_ZERO'));
  }
  // The strict reader's strings (SPEC.md 3): a control character must be escaped, wherever it stands
  // in a string (first, or after an escape), and a space, escaped or not, is an ordinary character.
  {
    vector('document/text-control-character-first-in-a-string', '3', 'A document text whose member value is a string holding only a raw U+0001, unescaped: RFC 8259 requires a control character inside a string to be escaped, so the text is not JSON.', { document_text: '{"type":"\u0001"}' }, at(0), reject('ERR_JSON_SYNTAX'));
    vector('document/text-space-after-an-escape', '3', 'A document text whose first member value is a string with an escaped newline followed by a space, and which then names that member again: the string is JSON (a space needs no escape), and the member given twice is refused.', { document_text: '{"note":"a\\n b","note":1}' }, at(0), reject('ERR_JSON_DUPLICATE_KEY'));
  }
  {
    // A cart mandate checked beside the intent mandate it names (SPEC.md 12.6, steps 3 and 4): it
    // restates the cap and comes from a merchant the intent mandate allows, as in a chain.
    const cartDoc = (name: string, description: string, document: Doc, evidence: Doc[], expect: Expect): void => vector(`document/${name}`, '12.6', description, { document, evidence }, didContext(NOV), expect);
    cartDoc('cart-beside-its-intent-mandate', 'The Agent Commerce Rails cart mandate with the intent mandate it names as evidence: it restates the 20.00 USD cap and is from an allowed merchant.', cart, [intentMandate], accept());
    cartDoc('cart-restating-another-cap', 'The cart mandate with its spend_cap changed to 5.00 USD (its total, so its own rules hold) and proved again by the merchant, beside the intent mandate whose cap is 20.00 USD: it does not restate the cap it answers.', byMerchant({ ...cart, spend_cap: { ...cart.spend_cap, value: '5.00' } }), [intentMandate], reject('ERR_MANDATE_CAP_MISMATCH'));
    cartDoc('cart-restating-the-cap-in-another-spelling', 'The cart mandate with its spend_cap written 20.000 (the same amount) and proved again, beside the intent mandate of 20.00 USD: amounts compare as decimals, so the cap is restated.', cartUnder({ ...cart, spend_cap: { ...cart.spend_cap, value: '20.000' } }, intentMandate), [intentMandate], accept());
    const onlyOthers = intentMandateOf({ ...intentMandate, merchants: ['Another Shop'] });
    const alsoThis = intentMandateOf({ ...intentMandate, merchants: ['Another Shop', cart.contents.merchant_name] });
    const relinked = (i: Doc): Doc => byMerchant({ ...cart, intent_mandate_hash: documentHash(i) });
    cartDoc('cart-from-a-merchant-not-allowed', 'An intent mandate that allows only Another Shop, proved by the user, and the cart linked to it and proved again: its merchant is not among those the intent mandate allows.', relinked(onlyOthers), [onlyOthers], reject('ERR_MANDATE_MERCHANT_NOT_ALLOWED'));
    cartDoc('cart-from-a-merchant-allowed-among-others', 'An intent mandate that allows Another Shop and the cart\'s merchant, proved by the user, and the cart linked to it: its merchant is allowed.', cartUnder(cart, alsoThis), [alsoThis], accept());
  }
}
