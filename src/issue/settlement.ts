/**
 * Budget and settlement records, made (SPEC.md 7.7, 12.5, 12.7): the budget authorization of one call, decided by
 * authorize-exposure against the grant's caps and ledger, and the spend reconciliation of its
 * actual cost; a settlement reconciliation against its quote, intent and dispute; a dispute.
 * The decision, the denial and the counts are computed, never taken from the
 * caller; each record is then checked by its verifier, with the ledger, the authorization and the
 * receipt it was made from, before it is returned.
 */
import type { BudgetAuthorization, CapabilityToken, Dispute, GovernedIntent, MoneyUnits, QuoteResponse, SettlementReconciliation, SpendReconciliation, ToolCallReceipt } from '../generated/types.js';
import { STATUS_FOR_DISPUTE, verifySettlement } from '../verify/settlement.js';
import { fail } from '../issues.js';
import { authorizeExposure, reconcileSpend, verifyBudgetAuthorization, verifySpendReconciliation, type GrantLedger } from '../verify/budget.js';
import { gate, issuedBy, misuse, notObject, unixNow, type IssueOptions, type IssueResult } from './issue.js';

/** The call a budget authorization decides. */
export interface AuthorizationInput {
  /** Which grant of the capability the call is made under (its index in `scope.grants`). */
  readonly grant_index: number;
  /** The call's worst-case cost. */
  readonly exposure: MoneyUnits;
  /** What the grant had spent before this call; nothing by default. */
  readonly ledger?: GrantLedger;
  /** The approval an exposure above the grant's threshold needs; it counts when given no later than `decided_at`. */
  readonly approval?: BudgetAuthorization['approval'];
  /** When the decision was made, Unix seconds; `options.now` or the current time by default. */
  readonly decided_at?: number;
  /** The intent the call serves. */
  readonly intent_hash?: string;
  /** The payment rail's hold for an allowed call. */
  readonly hold_id?: string;
}

/**
 * Decide one call against a grant, and record the decision: allowed, with the ledger after the
 * call; or denied, naming the first cap it breaks, with the ledger as it stood.
 *
 * @param capability - the capability whose grant is charged.
 * @param input - the grant, the exposure, the ledger before the call, the approval.
 * @param options - the context of the check.
 * @returns the record (a denial is a record too: what was decided), or the refusal of a call
 *   that cannot be decided (`ERR_BUDGET_GRANT_MISSING`, an exposure that is not money).
 * @example
 * ```ts
 * const hold = authorizeBudget(root.value, { grant_index: 0, exposure: { units: 1250, currency: 'USD' } });
 * hold.ok && hold.value.decision; // 'allowed'
 * ```
 */
export function authorizeBudget(capability: CapabilityToken, input: AuthorizationInput, options: IssueOptions = {}): IssueResult<BudgetAuthorization> {
  if (notObject(capability)) return misuse('/capability', 'the capability must be a capability token');
  if (notObject(input)) return misuse('', 'the call must be an object with its grant_index and exposure');
  const { evidence: _e, ...ctx } = options;
  const decidedAt = input.decided_at ?? options.now ?? unixNow();
  const approved = input.approval !== undefined && isApprovedBy(input.approval, decidedAt);
  const decision = authorizeExposure(capability, { ...ctx, now: options.now ?? decidedAt, grantIndex: input.grant_index, exposure: input.exposure, ledger: input.ledger, approved });
  const details = decision.details as { decision?: string; denial?: BudgetAuthorization['denial']; invocation_count?: number; total_exposure?: MoneyUnits } | undefined;
  if (!decision.ok && details?.decision !== 'denied') return decision.code === 'ERR_BUDGET_GRANT_MISSING' ? fail(decision.code, '/grant_index', decision.message) : decision;
  const record = {
    capability_id: capability.id,
    grant_index: input.grant_index,
    ...(input.intent_hash === undefined ? {} : { intent_hash: input.intent_hash }),
    exposure: input.exposure,
    decision: decision.ok ? ('allowed' as const) : ('denied' as const),
    ...(details?.denial === undefined ? {} : { denial: details.denial }),
    invocation_count: details?.invocation_count as number,
    total_exposure: details?.total_exposure as MoneyUnits,
    ...(input.hold_id === undefined ? {} : { hold_id: input.hold_id }),
    ...(input.approval === undefined ? {} : { approval: input.approval }),
    decided_at: decidedAt,
  };
  return issuedBy(verifyBudgetAuthorization(record, { ...ctx, now: options.now ?? decidedAt, capability, ledger: input.ledger }), record as BudgetAuthorization);
}

/** Whether an approval was given by the time of the decision (it is read as the verifier reads it). */
const isApprovedBy = (approval: unknown, decidedAt: number): boolean => {
  const at = (approval as { approved_at?: unknown } | null)?.approved_at;
  return typeof at === 'number' && at <= decidedAt;
};

/** The call's cost a spend reconciliation settles. */
export interface ReconciliationInput {
  /** What the call cost; the receipt's `cost` by default. */
  readonly actual?: MoneyUnits;
  /** When, Unix seconds; `options.now` or the current time by default. */
  readonly reconciled_at?: number;
  /** The settlement's status after reconciliation; the receipt's by default (`failed` for an overrun, whatever is given). */
  readonly settlement_status?: SpendReconciliation['settlement_status'];
}

/**
 * Reconcile the actual cost of a call with the exposure its authorization charged: credited,
 * unchanged, or an overrun (which fails the receipt's settlement).
 *
 * @param authorization - the allowed budget authorization of the call.
 * @param receipt - the receipt of the call.
 * @param input - the actual cost (the receipt's by default) and when.
 * @param options - the context of the check.
 * @returns the record, as its verifier accepts it with the authorization and the receipt, or its
 *   refusal (`ERR_BUDGET_DECISION_MISMATCH` for a denied authorization, `ERR_BUNDLE_COST_MISMATCH`
 *   for an actual cost the receipt does not record).
 * @example
 * ```ts
 * const settled = reconcileBudget(hold.value, receipt.value, { actual: { units: 1180, currency: 'USD' } });
 * ```
 */
export function reconcileBudget(authorization: BudgetAuthorization, receipt: ToolCallReceipt, input: ReconciliationInput = {}, options: IssueOptions = {}): IssueResult<SpendReconciliation> {
  if (notObject(authorization)) return misuse('/authorization', 'the authorization must be a budget authorization');
  if (notObject(receipt)) return misuse('/receipt', 'the receipt must be a tool-call receipt');
  if (notObject(input)) return misuse('', 'the reconciliation must be an object (it may be empty)');
  const { evidence: _e, ...ctx } = options;
  const actual = input.actual ?? receipt.cost;
  if (actual === undefined) return misuse('/actual', `receipt ${String(receipt.id)} records no cost: give the actual cost`);
  const reconciledAt = input.reconciled_at ?? options.now ?? unixNow();
  const outcome = reconcileSpend(authorization.exposure, actual);
  const details = outcome.details as { outcome?: string; credited?: MoneyUnits; overrun?: MoneyUnits } | undefined;
  if (!outcome.ok && details?.outcome !== 'overrun') return outcome;
  const overrun = details?.outcome === 'overrun';
  const record = {
    capability_id: authorization.capability_id,
    grant_index: authorization.grant_index,
    receipt_id: receipt.id,
    charged: authorization.exposure,
    actual,
    outcome: details?.outcome as SpendReconciliation['outcome'],
    ...(details?.credited === undefined ? {} : { credited: details.credited }),
    ...(overrun ? { overrun: details?.overrun as MoneyUnits } : {}),
    settlement_status: overrun ? ('failed' as const) : (input.settlement_status ?? receipt.settlement_status ?? 'charged'),
    reconciled_at: reconciledAt,
  };
  return issuedBy(verifySpendReconciliation(record, { ...ctx, now: options.now ?? reconciledAt, authorization, receipt }), record as SpendReconciliation);
}

/** A settlement reconciliation as its parties record it, beside what the builder fills from its evidence. */
export type SettlementInput = Omit<SettlementReconciliation, 'quoted_amount_minor' | 'currency' | 'status' | 'dispute_id'> & Partial<Pick<SettlementReconciliation, 'quoted_amount_minor' | 'currency' | 'status' | 'dispute_id'>>;

/** What a settlement reconciliation is checked against (SPEC.md 12.7). */
export interface SettlementIssueOptions extends IssueOptions {
  /** The quote it settles: its price and currency are the quoted amount's. */
  readonly quote?: QuoteResponse;
  /** The intent it settles: the approved amount within its price bound. */
  readonly intent?: GovernedIntent;
  /** A dispute over it: the status it gives, and its id. */
  readonly dispute?: Dispute;
}

/**
 * Record a settlement reconciliation: the quoted amount and currency taken from the quote when
 * not given, the status and the dispute's id from the dispute over it (SPEC.md 12.7's table),
 * and the record checked against the quote, the intent and the dispute given.
 *
 * @param input - the settlement: its ids, the approved and settled amounts, each side's position.
 * @param options - the context, and the quote, intent and dispute it is checked against.
 * @returns the record, or its refusal (`ERR_SETTLEMENT_QUOTE_MISMATCH`, `ERR_SETTLEMENT_OVER_INTENT`, `ERR_SETTLEMENT_STATE`).
 * @example
 * ```ts
 * const settled = reconcileSettlement({ settlement_id, job_id, approved_amount_minor: 125000, settled_amount_minor: 125000, buyer_position: 'accepted', provider_position: 'accepted' }, { quote, intent });
 * ```
 */
export function reconcileSettlement(input: SettlementInput, options: SettlementIssueOptions = {}): IssueResult<SettlementReconciliation> {
  if (notObject(input)) return misuse('', 'the settlement must be an object with its ids, amounts and positions');
  const { quote, intent, dispute, evidence: _e, ...ctx } = options;
  const moved = dispute === undefined || notObject(dispute) ? undefined : STATUS_FOR_DISPUTE[dispute.status];
  const record = {
    settlement_id: input.settlement_id,
    job_id: input.job_id,
    quoted_amount_minor: input.quoted_amount_minor ?? quote?.price_minor,
    approved_amount_minor: input.approved_amount_minor,
    settled_amount_minor: input.settled_amount_minor,
    currency: input.currency ?? quote?.currency ?? intent?.billing_context?.currency,
    status: input.status ?? moved ?? 'reconciled',
    buyer_position: input.buyer_position,
    provider_position: input.provider_position,
    ...(input.dispute_id !== undefined ? { dispute_id: input.dispute_id } : moved !== undefined && moved !== 'reconciled' ? { dispute_id: dispute?.dispute_id } : {}),
    ...(input.payment_reference === undefined ? {} : { payment_reference: input.payment_reference }),
  };
  const verdict = verifySettlement(record, { ...ctx, now: options.now ?? unixNow(), ...(quote === undefined ? {} : { quote }), ...(intent === undefined ? {} : { intent }), ...(dispute === undefined ? {} : { dispute }) });
  return issuedBy(verdict, record as SettlementReconciliation);
}

/**
 * Record a dispute over a settlement, checked by its schema and document rules.
 *
 * @param input - who opened it, why, when, and how it stands.
 * @param options - the context of the check.
 * @returns the record, or its refusal.
 * @example
 * ```ts
 * recordDispute({ dispute_id: 'd-1', settlement_id, opened_by: 'buyer', reason: 'findings not reproducible', opened_at, status: 'opened' });
 * ```
 */
export function recordDispute(input: Dispute, options: IssueOptions = {}): IssueResult<Dispute> {
  if (notObject(input)) return misuse('', 'the dispute must be an object');
  return gate(input, 'settlement/dispute', typeof input.opened_at === 'number' ? input.opened_at : undefined, [], options);
}
