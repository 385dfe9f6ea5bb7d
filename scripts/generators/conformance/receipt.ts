/**
 * receipt (SPEC.md 12.4): Agent Commerce Network phase 4, a receipt and a bilateral pair against the
 * intent they commit to; receipts that commit to another intent, capability or tool, or are signed
 * by one kernel for both sides.
 */
import { resign } from '../../lib/parties.js';
import { accept, at, fixture, mut, reject, vector } from './shared.js';
import { buyer, intent, P, pair, provider, T0 } from './world.js';

export function receiptVectors(): void {
  vector('receipt/commerce-network/pair', '12.4', 'Agent Commerce Network phase 4: both receipts commit to the hash recomputed from the buyer\'s intent, under two kernels.', { pair, intent }, at(T0), accept());
  vector('receipt/commerce-network/buyer', '12.4', 'Agent Commerce Network: the buyer kernel\'s receipt against the intent.', { receipt: buyer, intent }, at(T0), accept());
  vector('receipt/another-intent', '12.4', 'A receipt that commits to another intent hash than the one recomputed.', { receipt: resign({ ...provider, intent_hash: `sha256:${'0'.repeat(64)}` }, P.providerKernel), intent }, at(T0), reject('ERR_RECEIPT_INTENT_MISMATCH'));
  vector('receipt/another-capability', '12.4', 'A receipt under another capability than its intent.', { receipt: resign({ ...provider, capability_id: 'cap-elsewhere' }, P.providerKernel), intent }, at(T0), reject('ERR_RECEIPT_CAPABILITY_MISMATCH'));
  vector('receipt/one-kernel-signs-both', '12.4', 'Self-dealing: one kernel signs both sides of the "bilateral" evidence.', { buyer_receipt: buyer, provider_receipt: resign({ ...provider, kernel_key: P.buyerKernel.hex }, P.buyerKernel), intent }, at(T0), reject('ERR_RECEIPT_SAME_KERNEL'));
  vector('receipt/pair-one-kernel', '12.4', 'A receipt pair signed by one kernel: decided by the verifier after the signatures.', { pair: { ...pair, provider_receipt: resign({ ...provider, kernel_key: P.buyerKernel.hex }, P.buyerKernel) }, intent }, at(T0), reject('ERR_RECEIPT_SAME_KERNEL'));
  vector('receipt/forged-kernel-key', '12.4', 'The provider receipt\'s kernel_key swapped for the buyer\'s without re-signing: its signature fails first.', { pair: { ...pair, provider_receipt: { ...provider, kernel_key: P.buyerKernel.hex } }, intent }, at(T0), reject('ERR_SIG_INVALID'));
  vector('receipt/provider-called-another-tool', '12.4', 'The provider\'s receipt is for another tool than the intent\'s.', { buyer_receipt: buyer, provider_receipt: resign({ ...provider, tool_name: 'export_findings' }, P.providerKernel), intent }, at(T0), reject('ERR_INTENT_TOOL_MISMATCH'));
  {
    const executorReceipt = fixture('receipt/tool-call', 'executor.incident-network');
    vector('receipt/parameters-hashed', '12.4', 'Incident Network: the executor\'s receipt, whose parameter_hash is the hash of the parameters it records.', { receipt: executorReceipt }, at(T0), accept());
    vector('receipt/parameters-changed', '12.4', 'A receipt whose recorded parameters are not the ones its parameter_hash commits to (another rule disabled), re-signed by its kernel.', { receipt: resign(mut(executorReceipt, (d) => (d.action.parameters.rule = 'allow-all')), P.opsKernel) }, at(T0), reject('ERR_RECEIPT_PARAMETER_HASH'));
  }
  vector('receipt/pair-hash-stale', '12.4', 'A pair whose own intent_hash is not the recomputed one.', { pair: { ...pair, intent_hash: `sha256:${'1'.repeat(64)}` }, intent }, at(T0), reject('ERR_RECEIPT_INTENT_MISMATCH'));
  {
    // A document a verifier reads is held to its schema first (SPEC.md 5): a receipt or an intent
    // without a required member is refused with the schema's code.
    const executorReceipt = fixture('receipt/tool-call', 'executor.incident-network');
    vector('receipt/encoding/without-kernel-key', '12.4', 'A tool-call receipt without its kernel_key, a required member: not a valid receipt, so the first issue is the missing member.', { receipt: mut(executorReceipt, (d) => delete d.kernel_key) }, at(T0), reject('ERR_SCHEMA_REQUIRED'));
  }
  {
    // receipt (SPEC.md 12.4): an intent that is not intact, and each receipt of the two refused.
    const staleIntent = mut(intent, (d) => (d.billing_context.max_price_minor = 999999));
    vector('receipt/links/intent-not-intact', '12.4', 'The buyer\'s receipt against an intent whose price was raised after it was hashed: the intent fails its own hash.', { receipt: buyer, intent: staleIntent }, at(T0), reject('ERR_INTENT_HASH_MISMATCH'));
    vector('receipt/links/bilateral-intent-not-intact', '12.4', 'Both receipts against an intent whose price was raised after it was hashed.', { buyer_receipt: buyer, provider_receipt: provider, intent: staleIntent }, at(T0), reject('ERR_INTENT_HASH_MISMATCH'));
    vector('receipt/links/bilateral-buyer-another-capability', '12.4', 'The buyer\'s receipt, re-signed by its kernel, under another capability than the intent names.', { buyer_receipt: resign({ ...buyer, capability_id: 'cap-elsewhere' }, P.buyerKernel), provider_receipt: provider, intent }, at(T0), reject('ERR_RECEIPT_CAPABILITY_MISMATCH'));
    vector('receipt/links/bilateral-provider-another-server', '12.4', 'The provider\'s receipt, re-signed by its kernel, for the intent\'s tool on another tool server.', { buyer_receipt: buyer, provider_receipt: resign({ ...provider, tool_server: 'provider-elsewhere' }, P.providerKernel), intent }, at(T0), reject('ERR_INTENT_TOOL_MISMATCH'));
    vector('receipt/links/pair-without-intent-hash', '12.4', 'A receipt pair without its required intent_hash.', { pair: mut(pair, (d) => delete d.intent_hash), intent }, at(T0), reject('ERR_SCHEMA_REQUIRED'));
    vector('receipt/links/receipt-without-id', '12.4', 'A receipt without its required id.', { receipt: mut(buyer, (d) => delete d.id), intent }, at(T0), reject('ERR_SCHEMA_REQUIRED'));
    // A verification's now is a Unix second up to 253402300799, 9999-12-31T23:59:59Z (SPEC.md 6.2): one second later is the caller's mistake.
    const LAST = 253402300799;
    vector('receipt/links/now-after-the-last-second', '6.2', 'The buyer\'s receipt checked at now 253402300800, one second past the last Unix second a verification may name.', { receipt: buyer, intent }, at(LAST + 1), reject('ERR_USAGE_INVALID_ARGUMENT'));
    vector('receipt/links/alone-now-after-the-last-second', '6.2', 'The buyer\'s receipt alone, without its intent, checked at now 253402300800, one second past the last Unix second a verification may name.', { receipt: buyer }, at(LAST + 1), reject('ERR_USAGE_INVALID_ARGUMENT'));
    vector('receipt/links/bilateral-now-after-the-last-second', '6.2', 'Both receipts checked at now 253402300800, one second past the last Unix second a verification may name.', { buyer_receipt: buyer, provider_receipt: provider, intent }, at(LAST + 1), reject('ERR_USAGE_INVALID_ARGUMENT'));
    vector('receipt/links/pair-now-after-the-last-second', '6.2', 'The receipt pair checked at now 253402300800, one second past the last Unix second a verification may name.', { pair, intent }, at(LAST + 1), reject('ERR_USAGE_INVALID_ARGUMENT'));
  }
  {
    vector('receipt/pair-without-intent-hash-now-after-the-last-second', '12', 'A receipt pair without its required intent_hash, checked at now 253402300800, one second past the last Unix second a verification may name: a malformed context is ERR_USAGE_INVALID_ARGUMENT (SPEC.md 12), and the question is refused before the pair is read, as for every verifier (document/context-before-the-document).', { pair: mut(pair, (d) => delete d.intent_hash), intent }, at(253402300800), reject('ERR_USAGE_INVALID_ARGUMENT'));
  }
}
