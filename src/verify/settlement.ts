/**
 * Settlement (SPEC.md 12.7): a settlement record agrees with the quote it settles (amount and
 * currency) and with the intent that bounded it (the approved amount within the intent's
 * worst-case price), and its status is the one its dispute gives (Agent Commerce Network, phase 6 and the
 * dispute failure path).
 */
import type { Dispute, SettlementReconciliation } from '../generated/types.js';
import { fail, pass, warn, type Verdict } from '../issues.js';
import { readAs, readOptional } from './common.js';
import { contextProblem, type VerifyContext } from './context.js';
import { readCall, verified } from '../model/read.js';

/** What a settlement is checked against; each is optional. */
export interface SettlementEvidence {
  /** The quote response the job was bought on. */
  readonly quote?: unknown;
  /** The governed intent the job was dispatched under. */
  readonly intent?: unknown;
  /** The dispute over the settlement, if one was opened. */
  readonly dispute?: unknown;
}

/** The status a settlement has while its dispute stands where it does. */
export const STATUS_FOR_DISPUTE: Readonly<Record<Dispute['status'], SettlementReconciliation['status']>> = {
  opened: 'disputed',
  reversal_pending: 'reversal_pending',
  reversed: 'reversed',
  rejected: 'reconciled',
  withdrawn: 'reconciled',
};

/** The options of {@link verifySettlement}: the context, and the quote, intent and dispute the record is checked against. */
export interface SettlementOptions extends VerifyContext, SettlementEvidence {}

/**
 * Verify a settlement reconciliation record.
 *
 * @param record - the settlement reconciliation (any value).
 * @param options - the context and the `quote`, `intent` and `dispute` it is checked against.
 * @returns a passing verdict with `details.status`, or the first failure: schema codes,
 *   `ERR_SETTLEMENT_QUOTE_MISMATCH`, `ERR_SETTLEMENT_OVER_INTENT`, `ERR_SETTLEMENT_STATE`,
 *   `ERR_REPLAY_LINK_BROKEN` (a dispute or intent about something else).
 * @example
 * ```ts
 * verifySettlement(settled, { now, quote, intent, dispute }); // ERR_SETTLEMENT_STATE unless reversal_pending
 * ```
 */
export function verifySettlement(record: unknown, options: SettlementOptions): Verdict {
  return readCall(
    options,
    (options) => [['', record], ['/quote', options?.quote], ['/intent', options?.intent], ['/dispute', options?.dispute]],
    ([record_, quote_, intent_, dispute_], options) => verified(verifySettlementModel(record_, { ...(quote_ === undefined ? {} : { quote: quote_ }), ...(intent_ === undefined ? {} : { intent: intent_ }), ...(dispute_ === undefined ? {} : { dispute: dispute_ }) }, options), record_),
  );
}

/** {@link verifySettlement} on its inputs as read once, into snapshots. */
function verifySettlementModel(record: unknown, evidence: SettlementEvidence, ctx: VerifyContext): Verdict {
  const problem = contextProblem(ctx);
  if (problem !== undefined) return problem;
  const read = readAs(ctx, 'settlement/settlement-reconciliation', record);
  if (!read.ok) return read;
  const quote = readOptional(ctx, 'commercial/quote.response', evidence.quote, '/quote');
  if (!quote.ok) return quote;
  const intent = readOptional(ctx, 'intent/governed-intent', evidence.intent, '/intent');
  if (!intent.ok) return intent;
  const dispute = readOptional(ctx, 'settlement/dispute', evidence.dispute, '/dispute');
  if (!dispute.ok) return dispute;
  const s = read.doc;
  const q = quote.doc;
  if (q !== undefined && (q.currency !== s.currency || q.price_minor !== s.quoted_amount_minor)) {
    return fail('ERR_SETTLEMENT_QUOTE_MISMATCH', '/quoted_amount_minor', `the settlement's quoted amount is ${s.quoted_amount_minor} ${s.currency}; quote ${q.quote_id} is ${q.price_minor} ${q.currency}`);
  }
  const i = intent.doc;
  if (i !== undefined) {
    const billing = i.billing_context;
    if (q !== undefined && billing.quote_id !== undefined && billing.quote_id !== q.quote_id) {
      return fail('ERR_REPLAY_LINK_BROKEN', '/intent/billing_context/quote_id', `intent ${i.intent_id} is priced on quote ${billing.quote_id}, not ${q.quote_id}`);
    }
    if (billing.currency !== s.currency) {
      return fail('ERR_SETTLEMENT_OVER_INTENT', '/currency', `the settlement is in ${s.currency}; intent ${i.intent_id} bounds the price in ${billing.currency}`);
    }
    if (s.approved_amount_minor > billing.max_price_minor) {
      return fail('ERR_SETTLEMENT_OVER_INTENT', '/approved_amount_minor', `${s.approved_amount_minor} ${s.currency} was approved; intent ${i.intent_id} allows at most ${billing.max_price_minor}`);
    }
  }
  const d = dispute.doc;
  if (d !== undefined) {
    if (d.settlement_id !== s.settlement_id) {
      return fail('ERR_REPLAY_LINK_BROKEN', '/settlement_id', `dispute ${d.dispute_id} is over ${d.settlement_id}, not ${s.settlement_id}`);
    }
    const expected = STATUS_FOR_DISPUTE[d.status];
    if (s.status !== expected) {
      return fail('ERR_SETTLEMENT_STATE', '/status', `dispute ${d.dispute_id} is ${d.status}, which puts settlement ${s.settlement_id} in ${expected}, not ${s.status}`, { expected });
    }
    if (expected !== 'reconciled' && s.dispute_id !== d.dispute_id) {
      return fail('ERR_SETTLEMENT_STATE', '/dispute_id', `settlement ${s.settlement_id} must name dispute ${d.dispute_id}, which moved it to ${expected}`);
    }
  } else if (s.status === 'disputed' || s.status === 'reversal_pending' || s.status === 'reversed') {
    // A settlement moved by a dispute is judged with the dispute; without it, only its shape.
    return warn(pass(`settlement ${s.settlement_id} is ${s.status} under dispute ${String(s.dispute_id)} (the dispute was not given)`, { status: s.status, dispute_checked: false }), {
      code: 'ERR_SETTLEMENT_DISPUTE_NOT_GIVEN',
      path: '/dispute_id',
      message: `settlement ${s.settlement_id} is ${s.status}, a state dispute ${String(s.dispute_id)} moved it to; the dispute was not given, so only the record's shape is checked`,
    });
  }
  return pass(`settlement ${s.settlement_id} is ${s.status}: ${s.settled_amount_minor} of ${s.quoted_amount_minor} ${s.currency}`, { status: s.status });
}
