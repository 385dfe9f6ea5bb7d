/**
 * receipt: tool-call receipts, signed by the kernel that decided the call through
 * {@link signReceipt} (Agent Commerce Network phase 4, Incident Network phase 6), and the
 * bilateral pairs of them through {@link pairReceipts}. The intent trace is in trace.ts.
 */
import type { GovernedIntent, ReceiptPair, ToolCallReceipt } from '../../../src/generated/types.js';
import { documentHash } from '../../../src/crypto/hash.js';
import type { SigningKey } from '../../../src/issue/keys.js';
import { pairReceipts, signReceipt, type ReceiptInput } from '../../../src/issue/receipt.js';
import { resign } from '../../lib/parties.js';
import type { Intents } from './intent.js';
import { at, broken, invalid, made, missing, moved, mut, valid, without } from './shared.js';
import { EXEC_ID, KEYS, PARTIES, PROCUREMENT_ID, T0, usd } from './world.js';

export interface Receipts {
  readonly buyerReceipt: ToolCallReceipt;
  readonly providerReceipt: ToolCallReceipt;
  readonly executorReceipt: ToolCallReceipt;
}

/**
 * A receipt signed by its kernel, committed to its intent, checked as at its own timestamp. The
 * builder writes the call's `action` after what the kernel recorded; the fixtures, written before
 * it, have the action after the tool it calls: the same receipt and signature.
 */
export function receiptOf(input: ReceiptInput & { readonly timestamp: number }, intent: GovernedIntent, kernel: SigningKey, what: string): ToolCallReceipt {
  const receipt = made(signReceipt(input, intent, kernel, { now: input.timestamp }), what);
  return input.action === undefined ? receipt : moved(receipt, 'action', 'tool_name');
}

/** A receipt pair, checked as at the provider's receipt. */
const pairOf = (pairId: string, buyer: ToolCallReceipt, provider: ToolCallReceipt, intent: GovernedIntent, what: string): ReceiptPair =>
  made(pairReceipts(buyer, provider, intent, { pairId, now: provider.timestamp }), what);

export function receiptFamily({ intent, prepaid, disableIntent }: Intents): Receipts {
  const { buyerKernel } = PARTIES;
  const toolCall = (name: string, input: ReceiptInput & { readonly timestamp: number }, on: GovernedIntent, kernel: SigningKey): ToolCallReceipt =>
    valid('receipt/tool-call', name, receiptOf(input, on, kernel, `tool-call.${name}`));

  // The buyer kernel's receipt as Agent Commerce Network prints it: kernel_key before
  // settlement_status, where the builder writes it last.
  const buyerReceipt = valid(
    'receipt/tool-call',
    'buyer.commerce-network',
    moved(
      receiptOf(
        { id: 'rcpt-019d921b-buyer-0001', timestamp: T0, tool_server: 'http-sidecar-client', tool_name: 'procurement_job_write', decision: { verdict: 'allow' }, settlement_status: 'charged' },
        intent,
        KEYS.buyerKernel,
        'tool-call.buyer.commerce-network',
      ),
      'kernel_key',
      'decision',
    ),
  );
  const providerReceipt = toolCall(
    'provider.commerce-network',
    { id: 'rcpt-019d921b-provider-0001', timestamp: T0 + 1, tool_server: 'provider-security-review', tool_name: 'execute_review', decision: { verdict: 'allow' } },
    intent,
    KEYS.providerKernel,
  );
  toolCall(
    'denied-over-budget',
    {
      id: 'rcpt-019d921b-buyer-0002',
      timestamp: T0 + 120,
      tool_server: 'http-sidecar-client',
      tool_name: 'procurement_job_write',
      action: { parameters: { quote_id: 'quote_vanguard_003' } },
      decision: { verdict: 'deny', reason: 'requested work exceeds the buyer budget envelope', guard: 'budget' },
      policy_hash: 'lattice-procurement-policy-v3',
      cost: usd(0),
      settlement_status: 'not_applicable',
      evidence: [{ guard_name: 'budget', verdict: false, details: 'max_total_cost 150000 USD; requested 210000' }],
      metadata: { financial: { attempted_cost: 210000, currency: 'USD' } },
    },
    intent,
    KEYS.buyerKernel,
  );
  // Incident Network phase 6: the provider-ops kernel admits the executor's call and charges it.
  const executorReceipt = toolCall(
    'executor.incident-network',
    {
      id: 'rcpt-019d921b-executor-0001',
      timestamp: T0 + 42,
      capability_id: EXEC_ID,
      tool_server: 'provider-ops',
      tool_name: 'disable_edge_rule',
      action: { parameters: { service: 'inference-gateway', rule: 'geo-restrict-v42' } },
      decision: { verdict: 'allow' },
      cost: usd(250),
      settlement_status: 'charged',
    },
    disableIntent,
    KEYS.opsKernel,
  );
  invalid('receipt/tool-call', 'missing-intent-hash', without(buyerReceipt, 'intent_hash'), missing('', 'intent_hash'));
  invalid('receipt/tool-call', 'deny-without-reason', mut(buyerReceipt, (d) => (d.decision = { verdict: 'deny' })), missing('/decision', 'reason'));
  invalid('receipt/tool-call', 'rust-variant-settlement-status', { ...buyerReceipt, settlement_status: 'Charged' }, at('/settlement_status', 'enum', 'ERR_SCHEMA_ENUM'));
  invalid('receipt/tool-call', 'signature-in-upper-case', { ...buyerReceipt, signature: buyerReceipt.signature.toUpperCase() }, at('/signature', 'pattern', 'ERR_SCHEMA_PATTERN'));

  const pair = valid('receipt/receipt-pair', 'commerce-network', pairOf('pair-lattice-vanguard-001', buyerReceipt, providerReceipt, intent, 'receipt-pair.commerce-network'));
  const prepaidReceipt = (kernel: SigningKey, side: string, tool_server: string, tool_name: string, extra: Partial<ReceiptInput>): ToolCallReceipt =>
    receiptOf({ id: `rcpt-019d9a40-${side}-0001`, timestamp: T0 + 3700, capability_id: PROCUREMENT_ID, tool_server, tool_name, decision: { verdict: 'allow' }, ...extra }, prepaid, kernel, `receipt-pair.prepaid-audit: the ${side} receipt`);
  const prepaidPair = valid(
    'receipt/receipt-pair',
    'prepaid-audit',
    pairOf(
      'pair-lattice-vanguard-002',
      prepaidReceipt(KEYS.buyerKernel, 'buyer', 'http-sidecar-client', 'procurement_job_write', { cost: usd(40000), settlement_status: 'settled', payment_reference: 'x402:eip155:8453:0x77aa' }),
      prepaidReceipt(KEYS.providerKernel, 'provider', 'provider-security-review', 'execute_review', { cost: usd(40000), settlement_status: 'settled' }),
      prepaid,
      'receipt-pair.prepaid-audit',
    ),
  );
  invalid('receipt/receipt-pair', 'receipts-for-different-intents', mut(pair, (d) => (d.provider_receipt.intent_hash = documentHash({ another: 'intent' }))), broken('/provider_receipt/intent_hash', 'one-intent', 'ERR_RULE_MISMATCH'));
  invalid('receipt/receipt-pair', 'one-kernel-signed-both', mut(pair, (d) => (d.provider_receipt.kernel_key = buyerKernel.hex)), broken('/provider_receipt/kernel_key', 'two-signers', 'ERR_RULE_SAME_SIGNER'));
  invalid('receipt/receipt-pair', 'prepaid-audit-one-kernel', mut(prepaidPair, (d) => (d.provider_receipt.kernel_key = buyerKernel.hex)), broken('/provider_receipt/kernel_key', 'two-signers', 'ERR_RULE_SAME_SIGNER'));
  invalid('receipt/receipt-pair', 'missing-provider-receipt', without(pair, 'provider_receipt'), missing('', 'provider_receipt'));
  invalid(
    'receipt/receipt-pair',
    'buyer-receipt-for-another-intent',
    mut(pair, (d) => (d.buyer_receipt = resign({ ...d.buyer_receipt, intent_hash: documentHash({ another: 'intent' }) }, buyerKernel))),
    broken('/buyer_receipt/intent_hash', 'one-intent', 'ERR_RULE_MISMATCH'),
  );
  return { buyerReceipt, providerReceipt, executorReceipt };
}
