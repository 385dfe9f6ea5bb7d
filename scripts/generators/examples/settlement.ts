/**
 * settlement: Agent Commerce Network phases 2, 5, 6 and its failure paths, and Incident
 * Network's executor budget. Budget authorizations are decided by {@link authorizeBudget} against
 * the grant's caps and ledger, spend reconciliations computed by {@link reconcileBudget} from the
 * authorization and the receipt; settlement reconciliations and disputes have no builder.
 */
import type { BudgetAuthorization, CapabilityToken, Dispute, MoneyUnits, SettlementReconciliation, SpendReconciliation, ToolCallReceipt } from '../../../src/generated/types.js';
import { authorizeBudget, reconcileBudget, type AuthorizationInput } from '../../../src/issue/settlement.js';
import type { Capability } from './capability.js';
import type { Intents } from './intent.js';
import type { Receipts } from './receipt.js';
import { at, broken, invalid, made, missing, moved, mut, valid, without } from './shared.js';
import { PROCUREMENT_ID, T0, usd } from './world.js';

export interface Settlement {
  readonly authorization: BudgetAuthorization;
  readonly executorAllowed: BudgetAuthorization;
  readonly unchangedRecon: SpendReconciliation;
  readonly settlementRecord: SettlementReconciliation;
}

/** A call decided against a grant, as the first call on it unless a ledger is given. */
export const budgetOf = (capability: CapabilityToken, input: AuthorizationInput, what: string): BudgetAuthorization =>
  made(authorizeBudget(capability, { ledger: { invocations: 0, total: 0 }, ...input }), what);

/** The reconciliation of a call's actual cost with what its authorization charged. */
export const reconciliationOf = (authorization: BudgetAuthorization, receipt: ToolCallReceipt, actual: MoneyUnits, reconciledAt: number, what: string): SpendReconciliation =>
  made(reconcileBudget(authorization, receipt, { actual, reconciled_at: reconciledAt }), what);

export function settlementFamily({ procurementToken, executorToken }: Capability, { intent, disableIntent }: Intents, { buyerReceipt }: Receipts): Settlement {
  const budget = (name: string, capability: CapabilityToken, input: AuthorizationInput): BudgetAuthorization =>
    valid('settlement/budget-authorization', name, budgetOf(capability, input, `budget-authorization.${name}`));
  const authorization = budget('allowed.commerce-network', procurementToken, {
    grant_index: 1,
    intent_hash: intent.intent_hash,
    exposure: usd(125000),
    hold_id: 'hold-lattice-0001',
    // 125000 is above the grant's require_approval_above threshold (100000): the quote said
    // approval_required, and the approval is recorded before dispatch (Agent Commerce Network, failure paths).
    approval: { approved_by: 'lattice-procurement-lead', reason: 'release review for the 2026-04 window; within the quarter budget', approved_at: T0 - 30 },
    decided_at: T0 - 5,
  });
  budget('pending-approval.commerce-network', procurementToken, { grant_index: 1, intent_hash: intent.intent_hash, exposure: usd(125000), decided_at: T0 - 60 });
  budget('denied-budget.commerce-network', procurementToken, { grant_index: 1, exposure: usd(210000), ledger: { invocations: 1, total: 125000 }, decided_at: T0 + 118 });
  // Incident Network: the executor's call fits its grant; a broader rollback (4.50) is above the $3.00
  // approval threshold and waits for a signed approval, then goes ahead. The executor's record
  // predates the builder: its intent_hash follows the exposure (the same record).
  const executorAllowed = valid(
    'settlement/budget-authorization',
    'executor.incident-network',
    moved(budgetOf(executorToken, { grant_index: 0, exposure: usd(250), intent_hash: disableIntent.intent_hash, decided_at: T0 + 40 }, 'budget-authorization.executor.incident-network'), 'intent_hash', 'exposure'),
  );
  budget('broader-rollback-pending-approval.incident-network', executorToken, { grant_index: 0, exposure: usd(450), decided_at: T0 + 40 });
  budget('broader-rollback-approved.incident-network', executorToken, {
    grant_index: 0,
    exposure: usd(450),
    approval: { approved_by: 'meridian-incident-commander', reason: 'rollback of the whole geo-restrict rule set approved for INC-2026-0428', approved_at: T0 + 35 },
    decided_at: T0 + 40,
  });
  invalid('settlement/budget-authorization', 'denied-without-limit', { ...without(authorization, 'hold_id'), decision: 'denied' }, missing('', 'denial'));
  invalid('settlement/budget-authorization', 'approval-without-reason', mut(authorization, (d) => delete d.approval.reason), missing('/approval', 'reason'));
  invalid('settlement/budget-authorization', 'allowed-with-denial', { ...authorization, denial: 'max_invocations' }, at('/denial', 'false schema', 'ERR_SCHEMA_FORBIDDEN'));
  invalid('settlement/budget-authorization', 'grant-index-negative', { ...authorization, grant_index: -1 }, at('/grant_index', 'minimum', 'ERR_SCHEMA_RANGE'));
  invalid('settlement/budget-authorization', 'running-total-in-another-currency', { ...authorization, total_exposure: { units: 125000, currency: 'EUR' } }, broken('/total_exposure/currency', 'one-currency', 'ERR_RULE_CURRENCY_MISMATCH'));

  const reconciliation = (name: string, actual: number): SpendReconciliation =>
    valid('settlement/spend-reconciliation', name, reconciliationOf(authorization, buyerReceipt, usd(actual), T0 + 900, `spend-reconciliation.${name}`));
  const credited = reconciliation('credited', 118000);
  // The buyer's receipt says charged; this record says the charge was settled, which the builder,
  // taking the status from the receipt, does not write: made by hand.
  const unchangedRecon = valid<SpendReconciliation>('settlement/spend-reconciliation', 'unchanged.commerce-network', {
    capability_id: PROCUREMENT_ID,
    grant_index: 1,
    receipt_id: buyerReceipt.id,
    charged: usd(125000),
    actual: usd(125000),
    outcome: 'unchanged',
    settlement_status: 'settled',
    reconciled_at: T0 + 900,
  });
  const overrun = reconciliation('overrun-fails-receipt', 131000);
  invalid('settlement/spend-reconciliation', 'overrun-not-failed', { ...overrun, settlement_status: 'charged' }, at('/settlement_status', 'const', 'ERR_SCHEMA_CONST'));
  invalid('settlement/spend-reconciliation', 'credited-without-amount', without(credited, 'credited'), missing('', 'credited'));
  invalid('settlement/spend-reconciliation', 'outcome-contradicts-amounts', { ...credited, actual: usd(125000), credited: usd(0) }, broken('/outcome', 'reconciliation-adds-up', 'ERR_RULE_MISMATCH'));
  invalid('settlement/spend-reconciliation', 'credit-miscalculated', { ...credited, credited: usd(700) }, broken('/credited/units', 'reconciliation-adds-up', 'ERR_RULE_ARITHMETIC'));
  // The outcome at one unit either side of charged, and each amount one unit off.
  reconciliation('credited-one-unit', 124999);
  reconciliation('overrun-one-unit', 125001);
  invalid('settlement/spend-reconciliation', 'unchanged-but-actual-one-unit-above', { ...unchangedRecon, actual: usd(125001) }, broken('/outcome', 'reconciliation-adds-up', 'ERR_RULE_MISMATCH'));
  invalid('settlement/spend-reconciliation', 'overrun-but-actual-one-unit-below', { ...overrun, actual: usd(124999) }, broken('/outcome', 'reconciliation-adds-up', 'ERR_RULE_MISMATCH'));
  invalid('settlement/spend-reconciliation', 'credit-one-unit-short', { ...credited, credited: usd(6999) }, broken('/credited/units', 'reconciliation-adds-up', 'ERR_RULE_ARITHMETIC'));
  invalid('settlement/spend-reconciliation', 'overrun-one-unit-short', { ...overrun, overrun: usd(5999) }, broken('/overrun/units', 'reconciliation-adds-up', 'ERR_RULE_ARITHMETIC'));
  invalid('settlement/spend-reconciliation', 'actual-in-another-currency', { ...credited, actual: { units: 118000, currency: 'EUR' } }, broken('/actual/currency', 'reconciliation-adds-up', 'ERR_RULE_CURRENCY_MISMATCH'));

  const settlementRecord = valid<SettlementReconciliation>('settlement/settlement-reconciliation', 'commerce-network', {
    settlement_id: 'settlement_lattice_vanguard_001',
    job_id: 'job_lattice_001',
    quoted_amount_minor: 125000,
    approved_amount_minor: 125000,
    settled_amount_minor: 125000,
    currency: 'USD',
    status: 'reconciled',
    buyer_position: 'accepted',
    provider_position: 'accepted',
  });
  const reversal = valid<SettlementReconciliation>('settlement/settlement-reconciliation', 'dispute-reversal-pending.commerce-network', {
    ...settlementRecord,
    status: 'reversal_pending',
    buyer_position: 'disputed',
    dispute_id: 'dispute_lattice_001',
  });
  invalid('settlement/settlement-reconciliation', 'reconciled-while-disputed', { ...settlementRecord, buyer_position: 'disputed' }, at('/buyer_position', 'const', 'ERR_SCHEMA_CONST'));
  invalid('settlement/settlement-reconciliation', 'reversal-without-dispute', without(reversal, 'dispute_id'), missing('', 'dispute_id'));
  invalid('settlement/settlement-reconciliation', 'reversal-nobody-disputes', { ...reversal, buyer_position: 'accepted' }, at('/provider_position', 'const', 'ERR_SCHEMA_CONST'));
  invalid('settlement/settlement-reconciliation', 'settled-above-approved', { ...settlementRecord, settled_amount_minor: 130000 }, broken('/settled_amount_minor', 'amounts-in-order', 'ERR_RULE_EXCEEDS_LIMIT'));
  // amounts-in-order: commerce-network has quoted = approved = settled; each may be less, not more.
  valid<SettlementReconciliation>('settlement/settlement-reconciliation', 'settled-below-approved-below-quoted', { ...settlementRecord, settlement_id: 'settlement_lattice_vanguard_003', approved_amount_minor: 120000, settled_amount_minor: 118000 });
  invalid('settlement/settlement-reconciliation', 'settled-one-unit-above-approved', { ...settlementRecord, settled_amount_minor: 125001 }, broken('/settled_amount_minor', 'amounts-in-order', 'ERR_RULE_EXCEEDS_LIMIT'));
  invalid('settlement/settlement-reconciliation', 'approved-one-unit-above-quoted', { ...settlementRecord, approved_amount_minor: 125001 }, broken('/approved_amount_minor', 'amounts-in-order', 'ERR_RULE_EXCEEDS_LIMIT'));

  const dispute = valid<Dispute>('settlement/dispute', 'opened.commerce-network', {
    dispute_id: 'dispute_lattice_001',
    settlement_id: 'settlement_lattice_vanguard_001',
    job_id: 'job_lattice_001',
    opened_by: 'buyer',
    reason: 'two high findings were not reproducible on the release window',
    opened_at: T0 + 86400,
    status: 'reversal_pending',
  });
  const resolved = valid<Dispute>('settlement/dispute', 'reversed', { ...dispute, status: 'reversed', resolved_at: T0 + 3 * 86400, resolution: 'provider agreed; settlement reversed in full' });
  invalid('settlement/dispute', 'resolved-without-resolution', without(resolved, 'resolution'), missing('', 'resolution'));
  invalid('settlement/dispute', 'opened-by-a-third-party', { ...dispute, opened_by: 'broker' }, at('/opened_by', 'enum', 'ERR_SCHEMA_ENUM'));
  invalid('settlement/dispute', 'resolved-before-opened', { ...resolved, resolved_at: T0 }, broken('/resolved_at', 'resolved-after-opened', 'ERR_RULE_TIME_ORDER'));
  valid<Dispute>('settlement/dispute', 'resolved-when-opened', { ...resolved, resolved_at: resolved.opened_at });
  invalid('settlement/dispute', 'resolved-one-second-before-opened', { ...resolved, resolved_at: resolved.opened_at - 1 }, broken('/resolved_at', 'resolved-after-opened', 'ERR_RULE_TIME_ORDER'));

  return { authorization, executorAllowed, unchangedRecon, settlementRecord };
}
