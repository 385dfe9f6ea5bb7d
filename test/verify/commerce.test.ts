/**
 * Agent Commerce Network, the agent commerce network, built from the fixtures: the happy path (intent, the
 * bilateral receipt pair, the budget, reconciliation, settlement) and the failure paths
 * (denied_budget, pending_approval, an overrun, a dispute), with every intent, receipt, budget
 * and settlement code isolated.
 */
import t from 'tap';
import type { CapabilityToken, GovernedIntent, ReceiptPair, ToolCallReceipt } from '../../src/generated/types.js';
import { authorizeExposure, reconcileSpend, verifyBudgetAuthorization, verifySpendReconciliation } from '../../src/verify/budget.js';
import { verifyIntent } from '../../src/verify/intent.js';
import { verifyBilateralReceipts, verifyReceipt, verifyReceiptPair } from '../../src/verify/receipt.js';
import { verifySettlement } from '../../src/verify/settlement.js';
import { changed, fixture, parties, rehash, resign, T0 } from './world.js';

const capability = fixture<CapabilityToken>('capability/token', 'procurement.commerce-network');
const intent = fixture<GovernedIntent>('intent/governed-intent', 'commerce-network');
const pair = fixture<ReceiptPair>('receipt/receipt-pair', 'commerce-network');
const buyer = fixture<ToolCallReceipt>('receipt/tool-call', 'buyer.commerce-network');
const provider = fixture<ToolCallReceipt>('receipt/tool-call', 'provider.commerce-network');
const quote = fixture('commercial/quote', 'response.commerce-network');
const settled = fixture('settlement/settlement-reconciliation', 'commerce-network');
const reversal = fixture('settlement/settlement-reconciliation', 'dispute-reversal-pending.commerce-network');
const dispute = fixture('settlement/dispute', 'opened.commerce-network');
const ctx = { now: T0 };
const usd = (units: number) => ({ units, currency: 'USD' });

t.test('happy path: intent, receipt pair, budget, reconciliation, settlement', async (t) => {
  t.match(verifyIntent(intent, { ...ctx, call: { capability_id: capability.id, tool_server: 'provider-security-review', tool_name: 'execute_review' } }), { ok: true, details: { intent_hash: intent.intent_hash } });
  t.match(verifyReceiptPair(pair, { ...ctx, intent }), { ok: true }, 'both receipts commit to the recomputed intent hash under two kernels');
  t.match(verifyBudgetAuthorization(fixture('settlement/budget-authorization', 'allowed.commerce-network'), { ...ctx, capability }), { ok: true, details: { decision: 'allowed' } }, 'allowed, with the approval the threshold asks for');
  t.match(verifySpendReconciliation(fixture('settlement/spend-reconciliation', 'unchanged.commerce-network'), { ...ctx, authorization: fixture('settlement/budget-authorization', 'allowed.commerce-network'), receipt: buyer }), { ok: true, details: { outcome: 'unchanged' } });
  t.match(verifySettlement(settled, { ...ctx, quote, intent }), { ok: true, details: { status: 'reconciled' } });
});

t.test('failure path: denied_budget, the pre-charge never lands', async (t) => {
  const v = authorizeExposure(capability, { ...ctx, grantIndex: 1, exposure: usd(210000), ledger: { invocations: 1, total: 125000 }, approved: true });
  t.match(v, { ok: false, code: 'ERR_BUDGET_TOTAL_EXCEEDED', path: '/scope/grants/1/max_total_cost', details: { decision: 'denied', denial: 'max_total_cost', invocation_count: 1, total_exposure: usd(125000) } });
  t.match(verifyBudgetAuthorization(fixture('settlement/budget-authorization', 'denied-budget.commerce-network'), { ...ctx, capability }), { ok: true, details: { decision: 'denied' } }, 'the recorded denial is the one the caps give');
  t.match(authorizeExposure(capability, { ...ctx, grantIndex: 1, exposure: usd(100), ledger: { invocations: 3, total: 0 }, approved: false }), { code: 'ERR_BUDGET_INVOCATIONS_EXCEEDED', path: '/scope/grants/1/max_invocations' });
  t.match(authorizeExposure(capability, { ...ctx, grantIndex: 1, exposure: usd(150001), approved: true }), { code: 'ERR_BUDGET_TOTAL_EXCEEDED' }, 'total first: the seed denies on max_total_cost');
  const perCallOnly = resign(changed(capability, (d) => (d.scope.grants[1].max_total_cost.units = 900000)), parties.trust000);
  t.match(authorizeExposure(perCallOnly, { ...ctx, grantIndex: 1, exposure: usd(150001), approved: true }), { code: 'ERR_BUDGET_PER_CALL_EXCEEDED', path: '/scope/grants/1/max_cost_per_invocation' });
  t.match(authorizeExposure(capability, { ...ctx, grantIndex: 1, exposure: { units: 10, currency: 'EUR' }, approved: true }), { code: 'ERR_BUDGET_CURRENCY_MISMATCH' });
  t.match(authorizeExposure(capability, { ...ctx, grantIndex: 7, exposure: usd(10), approved: true }), { code: 'ERR_BUDGET_GRANT_MISSING' });
  const wrongLimit = changed(fixture('settlement/budget-authorization', 'denied-budget.commerce-network'), (d) => (d.denial = 'max_invocations'));
  t.match(verifyBudgetAuthorization(wrongLimit, { ...ctx, capability }), { code: 'ERR_BUDGET_DECISION_MISMATCH', path: '/denial' });
});

t.test('failure path: pending_approval, the quote tripped approval_required', async (t) => {
  t.match(authorizeExposure(capability, { ...ctx, grantIndex: 1, exposure: usd(125000), approved: false }), { ok: false, code: 'ERR_BUDGET_APPROVAL_REQUIRED', details: { denial: 'approval_required' } });
  t.match(verifyBudgetAuthorization(fixture('settlement/budget-authorization', 'pending-approval.commerce-network'), { ...ctx, capability }), { ok: true, details: { decision: 'denied', denial: 'approval_required' } });
  const late = changed(fixture('settlement/budget-authorization', 'allowed.commerce-network'), (d) => (d.approval.approved_at = d.decided_at + 1));
  t.match(verifyBudgetAuthorization(late, { ...ctx, capability }), { code: 'ERR_BUDGET_DECISION_MISMATCH' }, 'an approval given after the decision does not count');
});

t.test('reconcile-spend: less credits, equal is a no-op, more fails the receipt', async (t) => {
  t.match(reconcileSpend(usd(125000), usd(118000)), { ok: true, details: { outcome: 'credited', credited: usd(7000) } });
  t.match(reconcileSpend(usd(125000), usd(125000)), { ok: true, details: { outcome: 'unchanged' } });
  t.match(reconcileSpend(usd(125000), usd(131000)), { ok: false, code: 'ERR_BUDGET_OVERRUN', details: { outcome: 'overrun', overrun: usd(6000), settlement_status: 'failed' } });
  // The record of an overrun is evidence of it: it verifies, as what happened.
  t.match(verifySpendReconciliation(fixture('settlement/spend-reconciliation', 'overrun-fails-receipt'), ctx), { ok: true, details: { outcome: 'overrun', settlement_status: 'failed' } });
  t.match(verifySpendReconciliation(fixture('settlement/spend-reconciliation', 'credited'), ctx), { ok: true });
  t.match(reconcileSpend(usd(1), { units: 1, currency: 'EUR' }), { code: 'ERR_BUDGET_CURRENCY_MISMATCH' });
  t.match(reconcileSpend(usd(1), { units: -1, currency: 'USD' } as never), { code: 'ERR_SCHEMA_TYPE', path: '/actual' });
  const costed = resign(changed(buyer, (d) => (d.cost = usd(124000))), parties.buyerKernel);
  t.match(verifySpendReconciliation(fixture('settlement/spend-reconciliation', 'unchanged.commerce-network'), { ...ctx, receipt: costed }), { code: 'ERR_BUNDLE_COST_MISMATCH', path: '/actual' });
});

t.test('failure path: a dispute moves the settlement to reversal_pending', async (t) => {
  t.match(verifySettlement(settled, { ...ctx, dispute }), { ok: false, code: 'ERR_SETTLEMENT_STATE', path: '/status', details: { expected: 'reversal_pending' } });
  t.match(verifySettlement(reversal, { ...ctx, quote, intent, dispute }), { ok: true, details: { status: 'reversal_pending' } });
  t.match(verifySettlement(reversal, { ...ctx, dispute: changed(dispute, (d) => ((d.status = 'withdrawn'), (d.resolved_at = d.opened_at + 1), (d.resolution = 'withdrawn by the buyer'))) }), { code: 'ERR_SETTLEMENT_STATE' });
  t.match(verifySettlement(settled, { ...ctx, quote: changed(quote, (d) => (d.price_minor = 120000)) }), { code: 'ERR_SETTLEMENT_QUOTE_MISMATCH', path: '/quoted_amount_minor' });
  t.match(verifySettlement(settled, { ...ctx, intent: rehash(changed(intent, (d) => (d.billing_context.max_price_minor = 100000))) }), { code: 'ERR_SETTLEMENT_OVER_INTENT', path: '/approved_amount_minor' });
  t.match(verifySettlement(settled, { ...ctx, dispute: changed(dispute, (d) => (d.settlement_id = 'settlement_other')) }), { code: 'ERR_REPLAY_LINK_BROKEN' });
});

t.test('intents: the hash is recomputed, and binds the capability, the tool and the time', async (t) => {
  t.match(verifyIntent(changed(intent, (d) => (d.billing_context.max_price_minor = 999999)), ctx), { code: 'ERR_INTENT_HASH_MISMATCH', path: '/intent_hash' });
  t.match(verifyIntent(intent, { ...ctx, call: { capability_id: 'cap-other' } }), { code: 'ERR_INTENT_CAPABILITY_MISMATCH', path: '/capability_id' });
  t.match(verifyIntent(intent, { ...ctx, call: { tool_name: 'execute_other' } }), { code: 'ERR_INTENT_TOOL_MISMATCH', path: '/tool_name' });
  const prepaid = fixture<GovernedIntent>('intent/governed-intent', 'fixed-price-prepaid');
  t.match(verifyIntent(prepaid, { now: prepaid.expires_at as number }), { code: 'ERR_INTENT_EXPIRED', path: '/expires_at' });
  t.match(verifyIntent(prepaid, { now: (prepaid.expires_at as number) - 1 }), { ok: true });
});

t.test('receipts: signature, commitment, capability, two kernels', async (t) => {
  t.match(verifyReceipt(buyer, { ...ctx, intent }), { ok: true, details: { kernel_key: parties.buyerKernel.hex } });
  t.match(verifyReceipt(changed(buyer, (d) => (d.timestamp += 1)), ctx), { code: 'ERR_SIG_INVALID', path: '/signature' });
  const otherIntent = resign(changed(provider, (d) => (d.intent_hash = `sha256:${'0'.repeat(64)}`)), parties.providerKernel);
  t.match(verifyReceipt(otherIntent, { ...ctx, intent }), { code: 'ERR_RECEIPT_INTENT_MISMATCH', path: '/intent_hash' });
  t.match(verifyReceipt(resign(changed(provider, (d) => (d.capability_id = 'cap-other')), parties.providerKernel), { ...ctx, intent }), { code: 'ERR_RECEIPT_CAPABILITY_MISMATCH' });
  const sameKernel = resign(changed(provider, (d) => (d.kernel_key = parties.buyerKernel.hex)), parties.buyerKernel);
  t.match(verifyBilateralReceipts({ buyer: buyer, provider: sameKernel }, { ...ctx, intent }), { code: 'ERR_RECEIPT_SAME_KERNEL', path: '/provider_receipt/kernel_key' });
  t.match(verifyReceiptPair({ ...pair, provider_receipt: sameKernel }, { ...ctx, intent }), { code: 'ERR_RECEIPT_SAME_KERNEL' }, 'the pair\'s own rule is decided by the verifier, after the signatures');
  t.match(verifyReceiptPair({ ...pair, provider_receipt: changed(provider, (d) => (d.kernel_key = parties.buyerKernel.hex)) }, { ...ctx, intent }), { code: 'ERR_SIG_INVALID', path: '/provider_receipt/signature' }, 'a forged key fails its signature first');
  t.match(verifyReceiptPair(pair, { ...ctx, intent: rehash(changed(intent, (d) => (d.purpose = 'changed'))) }), { code: 'ERR_RECEIPT_INTENT_MISMATCH', path: '/buyer_receipt/intent_hash' }, 'the pair against another intent');
  const wrongTool = resign(changed(provider, (d) => (d.tool_name = 'execute_other')), parties.providerKernel);
  t.match(verifyBilateralReceipts({ buyer: buyer, provider: wrongTool }, { ...ctx, intent }), { code: 'ERR_INTENT_TOOL_MISMATCH' });
  t.match(verifyReceiptPair({ ...pair, intent_hash: `sha256:${'1'.repeat(64)}` }, { ...ctx, intent }), { code: 'ERR_RECEIPT_INTENT_MISMATCH', path: '/intent_hash' });
});
