/**
 * A small budget implementation for the budget profile, written from SPEC.md 12.5 alone:
 * authorize-exposure in SPEC's order, budget authorization records with the ledger they imply,
 * reconcile-spend, and spend reconciliation records with their links. Each bug is a one-line
 * change an implementer makes.
 */
import type { Adapter } from '../../../src/conformance/adapters.js';
import { accept, implementation, reject } from './adapter.js';

/** The mistakes. */
export interface BudgetBugs {
  /** An actual cost above the charge is charged, not an overrun. */
  readonly overrunCharged?: boolean;
  /** Only the first approval threshold of a grant is read. */
  readonly firstThresholdOnly?: boolean;
  /** An approval counts whenever it was given, after the decision too. */
  readonly lateApproval?: boolean;
  /** The per-call cap is checked before the total. */
  readonly perCallFirst?: boolean;
}

type Money = { readonly units: number; readonly currency: string };
type Grant = { readonly max_invocations?: number; readonly max_total_cost?: Money; readonly max_cost_per_invocation?: Money; readonly constraints?: readonly { readonly type: string; readonly value?: { readonly threshold_units?: number } }[] };
type Capability = { readonly id: string; readonly scope: { readonly grants?: readonly Grant[] } };
type Ledger = { readonly invocations: number; readonly total: number };
type Record_ = {
  readonly capability_id: string;
  readonly grant_index: number;
  readonly decision: 'allowed' | 'denied';
  readonly denial?: string;
  readonly exposure: Money;
  readonly invocation_count?: number;
  readonly total_exposure?: Money;
  readonly decided_at: number;
  readonly approval?: { readonly approved_at: number };
};

class Refused extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}
const refuse = (code: string): never => {
  throw new Refused(code);
};

const DENIALS: Readonly<Record<string, string>> = {
  ERR_BUDGET_CURRENCY_MISMATCH: 'currency_mismatch',
  ERR_BUDGET_TOTAL_EXCEEDED: 'max_total_cost',
  ERR_BUDGET_INVOCATIONS_EXCEEDED: 'max_invocations',
  ERR_BUDGET_PER_CALL_EXCEEDED: 'max_cost_per_invocation',
  ERR_BUDGET_APPROVAL_REQUIRED: 'approval_required',
};

const whole = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
function ledgerOf(l: unknown): Ledger | undefined {
  if (l === undefined) return undefined;
  const x = l as Partial<Ledger> | null;
  return x !== null && typeof x === 'object' && whole(x.invocations) && whole(x.total) ? (x as Ledger) : refuse('ERR_USAGE_INVALID_ARGUMENT');
}

/** Chio money handed to a verifier (SPEC 12.5, 5): exactly { units, currency }, whole non-negative minor units, a code of 2 to 16 capital letters and digits (SPEC 6.1). */
function moneyOf(m: unknown): Money {
  const x = m as Record<string, unknown> | null;
  const shaped = x !== null && typeof x === 'object' && !Array.isArray(x) && Object.keys(x).every((k) => k === 'units' || k === 'currency');
  return shaped && whole(x['units']) && typeof x['currency'] === 'string' && /^[A-Z0-9]{2,16}$/.test(x['currency']) ? (x as Money) : refuse('ERR_SCHEMA_TYPE');
}

/** The members each document's schema requires (schemas/v1.0.0): without one it is not that document. */
const REQUIRED = {
  capability: ['id', 'issuer', 'subject', 'scope', 'issued_at', 'expires_at', 'signature'],
  record: ['capability_id', 'grant_index', 'exposure', 'decision', 'decided_at'],
  reconciliation: ['capability_id', 'grant_index', 'receipt_id', 'charged', 'actual', 'outcome', 'settlement_status', 'reconciled_at'],
  receipt: ['id', 'timestamp', 'capability_id', 'intent_hash', 'tool_server', 'tool_name', 'decision', 'kernel_key', 'signature'],
} as const;

/** A document of the kind named, refused before any rule reads it when it lacks a required member; undefined stays undefined when optional. */
function documentOf<T>(v: unknown, kind: keyof typeof REQUIRED, optional = false): T {
  if (v === undefined && optional) return v as T;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return refuse(v === undefined ? 'ERR_USAGE_INVALID_ARGUMENT' : 'ERR_SCHEMA_TYPE');
  return REQUIRED[kind].every((m) => m in v) ? (v as T) : refuse('ERR_SCHEMA_REQUIRED');
}

/** The latest Unix second writ reads (9999-12-31T23:59:59Z, SPEC 6.2). */
const LATEST_SECOND = 253402300799;

/** Authorize-exposure: the counts after an allowed call, or the denial's code thrown. */
function authorize(cap: Capability, index: unknown, exposure: Money, ledger: Ledger | undefined, approved: boolean, bugs: BudgetBugs): Ledger {
  const grant = typeof index === 'number' && Number.isInteger(index) && index >= 0 ? cap.scope.grants?.[index] : undefined;
  if (grant === undefined) return refuse('ERR_BUDGET_GRANT_MISSING');
  const l = ledger ?? { invocations: 0, total: 0 };
  const currency = (grant.max_total_cost ?? grant.max_cost_per_invocation ?? exposure).currency;
  if (exposure.currency !== currency) refuse('ERR_BUDGET_CURRENCY_MISMATCH');
  const perCall = (): void => {
    if (grant.max_cost_per_invocation !== undefined && exposure.units > grant.max_cost_per_invocation.units) refuse('ERR_BUDGET_PER_CALL_EXCEEDED');
  };
  if (bugs.perCallFirst === true) perCall();
  if (grant.max_total_cost !== undefined && l.total + exposure.units > grant.max_total_cost.units) refuse('ERR_BUDGET_TOTAL_EXCEEDED');
  if (grant.max_invocations !== undefined && l.invocations + 1 > grant.max_invocations) refuse('ERR_BUDGET_INVOCATIONS_EXCEEDED');
  perCall();
  const thresholds = (grant.constraints ?? []).filter((c) => c.type === 'require_approval_above').map((c) => c.value?.threshold_units as number);
  const threshold = bugs.firstThresholdOnly === true ? thresholds[0] : thresholds.length === 0 ? undefined : Math.min(...thresholds);
  if (threshold !== undefined && exposure.units > threshold && !approved) refuse('ERR_BUDGET_APPROVAL_REQUIRED');
  return { invocations: l.invocations + 1, total: l.total + exposure.units };
}

function verifyRecord(r: Record_, cap: Capability, given: Ledger | undefined, bugs: BudgetBugs): void {
  if (r.capability_id !== cap.id) refuse('ERR_REPLAY_LINK_BROKEN');
  const allowed = r.decision === 'allowed';
  const own = allowed ? 1 : 0;
  const implied = { invocations: (r.invocation_count ?? own) - own, total: (r.total_exposure?.units ?? (allowed ? r.exposure.units : 0)) - (allowed ? r.exposure.units : 0) };
  if (implied.invocations < 0 || implied.total < 0) refuse('ERR_BUDGET_DECISION_MISMATCH');
  const approved = r.approval !== undefined && (bugs.lateApproval === true || r.approval.approved_at <= r.decided_at);
  let after: Ledger | undefined;
  let denial: string | undefined;
  try {
    after = authorize(cap, r.grant_index, r.exposure, given ?? implied, approved, bugs);
  } catch (e) {
    if (!(e instanceof Refused) || e.code === 'ERR_BUDGET_GRANT_MISSING') throw e;
    denial = DENIALS[e.code];
    after = given; // a denied call is not counted
  }
  if ((denial === undefined) !== allowed || (!allowed && r.denial !== denial)) refuse('ERR_BUDGET_DECISION_MISMATCH');
  if (given !== undefined && (r.invocation_count !== after?.invocations || r.total_exposure?.units !== after?.total)) refuse('ERR_BUDGET_DECISION_MISMATCH');
}

function reconcile(charged: Money, actual: Money, bugs: BudgetBugs): void {
  if (charged.currency !== actual.currency) refuse('ERR_BUDGET_CURRENCY_MISMATCH');
  if (actual.units > charged.units && bugs.overrunCharged !== true) refuse('ERR_BUDGET_OVERRUN');
}

const same = (a: Money, b: Money): boolean => a.units === b.units && a.currency === b.currency;

/**
 * A budget implementation written from SPEC.md 12.5, with the given bugs.
 *
 * @param bugs - the mistakes to switch on; none gives a correct implementation.
 * @returns an implementation of the budget profile.
 */
export function budgetKeeper(bugs: BudgetBugs): Adapter {
  return implementation(`budget keeper ${JSON.stringify(bugs)}`, ['budget'], (c) => {
    // The vector's input, taken as SPEC 13.2 gives it (a small implementation trusts its shape).
    const i = c.input as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    try {
      // A malformed context is refused before any input is read (SPEC 12).
      const now = (c.context as { now?: unknown } | undefined)?.now;
      if (!whole(now) || now > LATEST_SECOND) refuse('ERR_USAGE_INVALID_ARGUMENT');
      switch (i['operation']) {
        case 'authorize':
          authorize(documentOf(i['capability'], 'capability'), i['grant_index'], moneyOf(i['exposure']), ledgerOf(i['ledger']), i['approved'] === true, bugs);
          break;
        case 'record':
          verifyRecord(documentOf(i['record'], 'record'), documentOf(i['capability'], 'capability'), ledgerOf(i['ledger']), bugs);
          break;
        case 'reconcile':
          reconcile(moneyOf(i['charged']), moneyOf(i['actual']), bugs);
          break;
        case 'reconciliation': {
          const r = documentOf<{ capability_id: string; grant_index: number; receipt_id: string; charged: Money; actual: Money }>(i['record'], 'reconciliation');
          const a = documentOf<Record_ | undefined>(i['authorization'], 'record', true);
          const receipt = documentOf<{ id: string; cost?: Money } | undefined>(i['receipt'], 'receipt', true);
          if (a !== undefined) {
            if (a.capability_id !== r.capability_id || a.grant_index !== r.grant_index) refuse('ERR_REPLAY_LINK_BROKEN');
            if (a.decision !== 'allowed') refuse('ERR_BUDGET_DECISION_MISMATCH');
            if (!same(a.exposure, r.charged)) refuse('ERR_REPLAY_LINK_BROKEN');
          }
          if (receipt !== undefined) {
            if (receipt.id !== r.receipt_id) refuse('ERR_REPLAY_LINK_BROKEN');
            if (receipt.cost !== undefined && !same(receipt.cost, r.actual)) refuse('ERR_BUNDLE_COST_MISMATCH');
          }
          // A record of an overrun is evidence of it, and verifies.
          try {
            reconcile(r.charged, r.actual, bugs);
          } catch (e) {
            if (!(e instanceof Refused) || e.code !== 'ERR_BUDGET_OVERRUN') throw e;
          }
          break;
        }
        default:
          refuse('ERR_USAGE_INVALID_ARGUMENT');
      }
      return accept;
    } catch (e) {
      return e instanceof Refused ? reject(e.code) : { errored: true, context: { message: String(e) } };
    }
  });
}
