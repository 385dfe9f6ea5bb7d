/**
 * Budgets (SPEC.md 12.5): before dispatch, the worst-case exposure of a call is authorized
 * against the caps of the grant it is made under; after it, the actual cost is reconciled with
 * what was charged (Agent Commerce Network, phases 2 and 5). The checks run in a fixed order, so that one
 * request always gets one answer: currency, max_total_cost, max_invocations,
 * max_cost_per_invocation, then the approval threshold.
 */
import type { BudgetAuthorization, MoneyUnits, ToolGrant } from '../generated/types.js';
import type { ErrorCode } from '../generated/error-codes.js';
import { fail, pass, warn, type Issue, type Verdict } from '../issues.js';
import { moneyUnits, readAs, readOptional, type Read } from './common.js';
import { isRecord } from '../encoding/json.js';
import { contextProblem, type VerifyContext } from './context.js';
import { readCall, verified } from '../model/read.js';

/** What a grant has been charged before a call: the ledger's state. */
export interface GrantLedger {
  /** Calls counted against the grant so far. */
  readonly invocations: number;
  /** Exposure charged so far, in minor units of the grant's currency. */
  readonly total: number;
}

/** A denial code and the `denial` a budget record writes for it. */
const DENIALS: ReadonlyArray<readonly [ErrorCode, BudgetAuthorization['denial']]> = [
  ['ERR_BUDGET_CURRENCY_MISMATCH', 'currency_mismatch'],
  ['ERR_BUDGET_TOTAL_EXCEEDED', 'max_total_cost'],
  ['ERR_BUDGET_INVOCATIONS_EXCEEDED', 'max_invocations'],
  ['ERR_BUDGET_PER_CALL_EXCEEDED', 'max_cost_per_invocation'],
  ['ERR_BUDGET_APPROVAL_REQUIRED', 'approval_required'],
];

/**
 * The approval threshold of a grant: its `require_approval_above` constraints, in minor units.
 * Constraints of one type all apply (SPEC.md 12.5): with two thresholds the lower holds, so a
 * delegate cannot shadow its parent's threshold by putting a looser one first.
 *
 * @param grant - a tool grant.
 * @returns the lowest threshold, or `undefined` when the grant has none.
 */
export function approvalThreshold(grant: ToolGrant): number | undefined {
  let lowest: number | undefined;
  for (const c of grant.constraints ?? []) {
    if (c.type !== 'require_approval_above') continue;
    const value = c.value as { threshold_units?: unknown } | undefined;
    if (typeof value?.threshold_units === 'number' && (lowest === undefined || value.threshold_units < lowest)) lowest = value.threshold_units;
  }
  return lowest;
}

/** The options of {@link authorizeExposure}: the context, and the call's exposure against one grant. */
export interface ExposureOptions extends VerifyContext {
  /** Which grant of the capability the call is made under (its index in `scope.grants`). */
  readonly grantIndex: number;
  /** The call's worst-case cost, as chio money `{ units, currency }`. */
  readonly exposure: unknown;
  /** What the grant had already spent; nothing when absent. */
  readonly ledger?: GrantLedger | undefined;
  /** Whether the approval an exposure above the grant's threshold needs was given. Default false. */
  readonly approved?: boolean | undefined;
}

/**
 * Decide whether the worst-case exposure of one call fits a grant (authorize-exposure).
 *
 * @param capability - the capability the call is made under (any value; its chain is
 *   {@link verifyCapabilityChain}'s business).
 * @param options - the context and the call: `grantIndex` (which grant of its scope), `exposure` (the worst-case price, chio money), `ledger` (what the grant was charged before; nothing when absent), `approved` (whether an approval was given for this call).
 * @returns a passing verdict with `details { decision: 'allowed', invocation_count,
 *   total_exposure }`, or a denial with the code of the limit (`ERR_BUDGET_CURRENCY_MISMATCH`,
 *   `ERR_BUDGET_TOTAL_EXCEEDED`, `ERR_BUDGET_INVOCATIONS_EXCEEDED`,
 *   `ERR_BUDGET_PER_CALL_EXCEEDED`, `ERR_BUDGET_APPROVAL_REQUIRED`), the path of the cap in the
 *   capability, and `details { decision: 'denied', denial, invocation_count, total_exposure }`;
 *   or `ERR_BUDGET_GRANT_MISSING` and schema codes.
 * @example
 * ```ts
 * authorizeExposure(cap, { now, grantIndex: 1, exposure: { units: 210000, currency: 'USD' }, ledger: { invocations: 1, total: 125000 } });
 * // { ok: false, code: 'ERR_BUDGET_TOTAL_EXCEEDED', path: '/scope/grants/1/max_total_cost', ... }
 * ```
 */
export function authorizeExposure(capability: unknown, options: ExposureOptions): Verdict {
  return readCall(
    options,
    (options) => [['/capability', capability], ['/exposure', options?.exposure], ['/ledger', options?.ledger]],
    ([capability_, exposure_, ledger_], options) => authorizeExposureModel(capability_, options.grantIndex, exposure_, ledger_, options.approved === true, options),
  );
}

/** {@link authorizeExposure} on its inputs as read once, into snapshots. */
function authorizeExposureModel(capability: unknown, grantIndex: unknown, exposure: unknown, ledger: unknown, approved: boolean, ctx: VerifyContext): Verdict {
  const problem = contextProblem(ctx);
  if (problem !== undefined) return problem;
  const cap = readAs(ctx, 'capability/token', capability);
  if (!cap.ok) return cap;
  const money = moneyUnits(exposure, '/exposure');
  if (!money.ok) return money;
  const count = ledgerOf(ledger);
  if (!count.ok) return count;
  const grant = typeof grantIndex === 'number' && Number.isSafeInteger(grantIndex) ? cap.doc.scope.grants?.[grantIndex] : undefined;
  if (grant === undefined) return fail('ERR_BUDGET_GRANT_MISSING', '/scope/grants', `capability ${cap.doc.id} has no tool grant at index ${String(grantIndex)}`);
  return decide(grant, `/scope/grants/${String(grantIndex)}`, money.doc, count.doc ?? { invocations: 0, total: 0 }, approved);
}

/** A grant's ledger as the caller gave it: `{ invocations, total }` in non-negative integers, or nothing. */
function ledgerOf(ledger: unknown): Read<GrantLedger | undefined> {
  if (ledger === undefined) return { ok: true, doc: undefined };
  if (isRecord(ledger)) {
    const { invocations, total } = ledger;
    if (typeof invocations === 'number' && typeof total === 'number' && Number.isSafeInteger(invocations) && Number.isSafeInteger(total) && invocations >= 0 && total >= 0) return { ok: true, doc: { invocations, total } };
  }
  return fail('ERR_USAGE_INVALID_ARGUMENT', '', 'verify: the ledger must be { invocations, total } in non-negative integers');
}

function decide(grant: ToolGrant, at: string, exposure: MoneyUnits, ledger: GrantLedger, approved: boolean): Verdict {
  const currency = grant.max_total_cost?.currency ?? grant.max_cost_per_invocation?.currency ?? exposure.currency;
  const before = { invocation_count: ledger.invocations, total_exposure: { units: ledger.total, currency } };
  const deny = (code: ErrorCode, path: string, message: string): Verdict =>
    fail(code, path, message, { decision: 'denied', denial: (DENIALS.find(([c]) => c === code) as (typeof DENIALS)[number])[1], ...before });
  if (exposure.currency !== currency) return deny('ERR_BUDGET_CURRENCY_MISMATCH', `${at}/max_total_cost/currency`, `the exposure is in ${exposure.currency}; the grant's caps are in ${currency}`);
  if (grant.max_total_cost !== undefined && ledger.total + exposure.units > grant.max_total_cost.units) {
    return deny('ERR_BUDGET_TOTAL_EXCEEDED', `${at}/max_total_cost`, `${exposure.units} ${currency} on top of the ${ledger.total} already charged is above the grant's max_total_cost of ${grant.max_total_cost.units}`);
  }
  if (grant.max_invocations !== undefined && ledger.invocations + 1 > grant.max_invocations) {
    return deny('ERR_BUDGET_INVOCATIONS_EXCEEDED', `${at}/max_invocations`, `call ${ledger.invocations + 1} is beyond the grant's max_invocations of ${grant.max_invocations}`);
  }
  if (grant.max_cost_per_invocation !== undefined && exposure.units > grant.max_cost_per_invocation.units) {
    return deny('ERR_BUDGET_PER_CALL_EXCEEDED', `${at}/max_cost_per_invocation`, `${exposure.units} ${currency} is above the grant's max_cost_per_invocation of ${grant.max_cost_per_invocation.units}`);
  }
  const threshold = approvalThreshold(grant);
  if (threshold !== undefined && exposure.units > threshold && !approved) {
    return deny('ERR_BUDGET_APPROVAL_REQUIRED', `${at}/constraints`, `${exposure.units} ${currency} is above the grant's approval threshold of ${threshold}: record an approval (approve_job, with a reason) before dispatch`);
  }
  return pass(`${exposure.units} ${currency} fits the grant: call ${ledger.invocations + 1}, ${ledger.total + exposure.units} charged in all`, {
    decision: 'allowed',
    invocation_count: ledger.invocations + 1,
    total_exposure: { units: ledger.total + exposure.units, currency },
  });
}

/** The options of {@link verifyBudgetAuthorization}: the context, and what the subject is checked against. */
export interface BudgetAuthorizationOptions extends VerifyContext {
  /** The capability whose grant the decision was made against. */
  readonly capability?: unknown | undefined;
  /** What the grant had already spent before the decision. */
  readonly ledger?: GrantLedger | undefined;
}

/**
 * Verify a budget authorization record: that its decision is the one the grant's caps give.
 *
 * @param record - the budget authorization (any value).
 * @param options - the context, `capability`: the capability it charges, and `ledger`: the grant's state before the call (when absent, the state the record implies).
 * @returns a passing verdict with `details.decision` (a correct denial passes: the record is
 *   true), or `ERR_BUDGET_DECISION_MISMATCH`, `ERR_BUDGET_GRANT_MISSING`,
 *   `ERR_REPLAY_LINK_BROKEN` (another capability), schema codes.
 * @example
 * ```ts
 * verifyBudgetAuthorization(record, { now, capability }).ok; // true when the recorded decision is what the grant's caps give
 * ```
 */
export function verifyBudgetAuthorization(record: unknown, options: BudgetAuthorizationOptions): Verdict {
  return readCall(
    options,
    (options) => [['', record], ['/capability', options?.capability], ['/ledger', options?.ledger]],
    ([record_, capability_, ledger_], options) => verified(verifyBudgetAuthorizationModel(record_, capability_, ledger_, options), record_),
  );
}

/** {@link verifyBudgetAuthorization} on its inputs as read once, into snapshots. */
function verifyBudgetAuthorizationModel(record: unknown, capability: unknown, ledgerGiven: unknown, ctx: VerifyContext): Verdict {
  const problem = contextProblem(ctx);
  if (problem !== undefined) return problem;
  const read = readAs(ctx, 'settlement/budget-authorization', record);
  if (!read.ok) return read;
  const capRead = readAs(ctx, 'capability/token', capability, '/capability');
  if (!capRead.ok) return capRead;
  const ledgerRead = ledgerOf(ledgerGiven);
  if (!ledgerRead.ok) return ledgerRead;
  const ledger = ledgerRead.doc;
  const r = read.doc;
  const cap = capRead.doc;
  if (r.capability_id !== cap.id) return fail('ERR_REPLAY_LINK_BROKEN', '/capability_id', `the record charges ${r.capability_id}, not capability ${cap.id}`);
  const allowed = r.decision === 'allowed';
  const implied: GrantLedger = {
    invocations: (r.invocation_count ?? (allowed ? 1 : 0)) - (allowed ? 1 : 0),
    total: (r.total_exposure?.units ?? (allowed ? r.exposure.units : 0)) - (allowed ? r.exposure.units : 0),
  };
  if (implied.invocations < 0 || implied.total < 0) {
    return fail('ERR_BUDGET_DECISION_MISMATCH', implied.invocations < 0 ? '/invocation_count' : '/total_exposure/units', 'an allowed call is counted in the ledger it reports: at least this call and this exposure');
  }
  const approved = r.approval !== undefined && r.approval.approved_at <= r.decided_at;
  const decision = authorizeExposure(cap, { ...ctx, grantIndex: r.grant_index, exposure: r.exposure, ledger: ledger ?? implied, approved });
  if (!decision.ok && decision.code === 'ERR_BUDGET_GRANT_MISSING') return fail(decision.code, '/grant_index', decision.message);
  if (!decision.ok && decision.code === 'ERR_USAGE_INVALID_ARGUMENT') return decision;
  if (decision.ok !== allowed) {
    return fail('ERR_BUDGET_DECISION_MISMATCH', '/decision', `the record says ${r.decision}, but the grant's caps give ${decision.ok ? 'allowed' : `denied (${decision.message})`}`, { expected: decision.details });
  }
  // A refusal that is no denial by a cap (the exposure is in another currency than the grant's
  // caps) names no limit and carries no ledger: it is the answer to a record that says denied.
  if (!decision.ok && !isRecord(decision.details)) return decision;
  const expected = decision.details as { denial?: string; invocation_count: number; total_exposure: MoneyUnits };
  if (!allowed && r.denial !== expected.denial) {
    return fail('ERR_BUDGET_DECISION_MISMATCH', '/denial', `the record names ${String(r.denial)} as the limit, but the first limit the exposure breaks is ${String(expected.denial)}`, { expected: decision.details });
  }
  // Given the ledger, the record shows the counts authorize-exposure gives: after an allowed call
  // the ledger with it, after a denied one the ledger as it stood.
  if (ledger !== undefined && (r.invocation_count !== expected.invocation_count || r.total_exposure?.units !== expected.total_exposure.units)) {
    const when = allowed ? 'after this call' : 'the call denied, not counted,';
    return fail('ERR_BUDGET_DECISION_MISMATCH', r.invocation_count !== expected.invocation_count ? '/invocation_count' : '/total_exposure/units', `${when} the ledger stands at ${expected.invocation_count} calls and ${expected.total_exposure.units}, not what the record says`, { expected: decision.details });
  }
  return pass(`the record's ${r.decision} is what the grant's caps give`, { decision: r.decision, ...(r.denial === undefined ? {} : { denial: r.denial }) });
}

/**
 * Reconcile the actual cost of a call with what was charged (reconcile-spend).
 *
 * @param charged - the exposure charged before dispatch.
 * @param actual - what the call cost.
 * @returns a passing verdict with `details { outcome: 'credited', credited }` or
 *   `{ outcome: 'unchanged' }`; `ERR_BUDGET_OVERRUN` with `details { outcome: 'overrun',
 *   overrun, settlement_status: 'failed' }`; `ERR_BUDGET_CURRENCY_MISMATCH`.
 * @example
 * ```ts
 * reconcileSpend({ units: 125000, currency: 'USD' }, { units: 131000, currency: 'USD' }).code; // 'ERR_BUDGET_OVERRUN'
 * ```
 */
export function reconcileSpend(charged: MoneyUnits, actual: MoneyUnits): Verdict {
  const chargedRead = moneyUnits(charged, '/charged');
  if (!chargedRead.ok) return chargedRead;
  const actualRead = moneyUnits(actual, '/actual');
  if (!actualRead.ok) return actualRead;
  return reconciled(chargedRead.doc, actualRead.doc);
}

/** {@link reconcileSpend} on amounts read. */
function reconciled(charged: MoneyUnits, actual: MoneyUnits): Verdict {
  if (charged.currency !== actual.currency) return fail('ERR_BUDGET_CURRENCY_MISMATCH', '/actual/currency', `the actual cost is in ${actual.currency}; ${charged.currency} was charged`);
  const { currency } = charged;
  if (actual.units < charged.units) return pass(`${charged.units - actual.units} ${currency} is credited back to the grant`, { outcome: 'credited', credited: { units: charged.units - actual.units, currency } });
  if (actual.units === charged.units) return pass('the actual cost is what was charged', { outcome: 'unchanged' });
  return fail('ERR_BUDGET_OVERRUN', '/actual/units', `the call cost ${actual.units} ${currency}, ${actual.units - charged.units} more than the ${charged.units} charged: its settlement fails and the overrun is recorded`, {
    outcome: 'overrun',
    overrun: { units: actual.units - charged.units, currency },
    settlement_status: 'failed',
  });
}

/** The options of {@link verifySpendReconciliation}: the context, and what the subject is checked against. */
export interface SpendReconciliationOptions extends VerifyContext {
  /** The budget authorization that charged the exposure. */
  readonly authorization?: unknown | undefined;
  /** The receipt of the call whose cost is reconciled. */
  readonly receipt?: unknown | undefined;
}

/**
 * Verify a spend reconciliation record against the authorization it reconciles and the receipt
 * of the call.
 *
 * @param record - the spend reconciliation (any value).
 * @param options - the context, `authorization`: the budget authorization that charged the exposure, and `receipt`: the receipt of the call, each when known.
 * @returns as {@link reconcileSpend} for the record's amounts (an overrun is
 *   `ERR_BUDGET_OVERRUN`: the settlement failed), after `ERR_REPLAY_LINK_BROKEN` (the record
 *   names another capability, grant, charge or receipt), `ERR_BUDGET_DECISION_MISMATCH` (it
 *   reconciles a denied authorization), `ERR_BUNDLE_COST_MISMATCH` (the receipt's cost is not
 *   the actual cost) and schema codes.
 * @example
 * ```ts
 * verifySpendReconciliation(record, { now, authorization, receipt });
 * ```
 */
export function verifySpendReconciliation(record: unknown, options: SpendReconciliationOptions): Verdict {
  return readCall(
    options,
    (options) => [['', record], ['/authorization', options?.authorization], ['/receipt', options?.receipt]],
    ([record_, authorization_, receipt_], options) => verified(verifySpendReconciliationModel(record_, authorization_, receipt_, options), record_),
  );
}

/** {@link verifySpendReconciliation} on its inputs as read once, into snapshots. */
function verifySpendReconciliationModel(record: unknown, authorization: unknown, receipt: unknown, ctx: VerifyContext): Verdict {
  const problem = contextProblem(ctx);
  if (problem !== undefined) return problem;
  const read = readAs(ctx, 'settlement/spend-reconciliation', record);
  if (!read.ok) return read;
  const authorized = readOptional(ctx, 'settlement/budget-authorization', authorization, '/authorization');
  if (!authorized.ok) return authorized;
  const receiptRead = readOptional(ctx, 'receipt/tool-call', receipt, '/receipt');
  if (!receiptRead.ok) return receiptRead;
  const r = read.doc;
  const a = authorized.doc;
  if (a !== undefined) {
    if (a.capability_id !== r.capability_id || a.grant_index !== r.grant_index) {
      return fail('ERR_REPLAY_LINK_BROKEN', '/capability_id', `the record reconciles ${r.capability_id} grant ${r.grant_index}; the authorization charged ${a.capability_id} grant ${a.grant_index}`);
    }
    if (a.decision !== 'allowed') return fail('ERR_BUDGET_DECISION_MISMATCH', '/charged', 'the authorization was denied: nothing was charged to reconcile');
    if (a.exposure.units !== r.charged.units || a.exposure.currency !== r.charged.currency) {
      return fail('ERR_REPLAY_LINK_BROKEN', '/charged', `the record says ${r.charged.units} ${r.charged.currency} was charged; the authorization charged ${a.exposure.units} ${a.exposure.currency}`);
    }
  }
  const c = receiptRead.doc;
  if (c !== undefined) {
    if (c.id !== r.receipt_id) return fail('ERR_REPLAY_LINK_BROKEN', '/receipt_id', `the record reconciles receipt ${r.receipt_id}, not ${c.id}`);
    if (c.cost !== undefined && (c.cost.units !== r.actual.units || c.cost.currency !== r.actual.currency)) {
      return fail('ERR_BUNDLE_COST_MISMATCH', '/actual', `receipt ${c.id} records a cost of ${c.cost.units} ${c.cost.currency}; the record reconciles ${r.actual.units} ${r.actual.currency}`);
    }
  }
  // A record of an overrun is evidence of that outcome, not a failure of the record (SPEC.md
  // 12.5); its schema makes it mark the settlement failed, as the overrun does.
  const reconciled = reconcileSpend(r.charged, r.actual);
  let verdict = reconciled;
  if (!reconciled.ok && reconciled.code === 'ERR_BUDGET_OVERRUN') {
    verdict = pass(`a verified overrun: the call cost ${r.actual.units} ${r.actual.currency}, ${r.actual.units - r.charged.units} more than the ${r.charged.units} charged, and its settlement failed, as recorded`, reconciled.details);
  }
  const unanswered: Issue[] = [];
  if (a === undefined) unanswered.push({ code: 'ERR_BUDGET_EVIDENCE_NOT_GIVEN', path: '/charged', message: `the authorization that charged ${r.capability_id} grant ${r.grant_index} was not given: what was charged is not checked against it` });
  if (c === undefined) unanswered.push({ code: 'ERR_BUDGET_EVIDENCE_NOT_GIVEN', path: '/receipt_id', message: `receipt ${r.receipt_id} was not given: its cost is not checked against the actual cost` });
  return warn(verdict, ...unanswered);
}
