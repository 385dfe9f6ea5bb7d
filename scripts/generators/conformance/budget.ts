import { resign } from '../../lib/parties.js';
import { accept, at, fixture, mut, reject, usd, vector } from './shared.js';
import { buyer, executor, P, procurement, T0 } from './world.js';
import { shadowed } from './capability-chain.js';


export function budgetVectors(): void {
  const authorize = (name, description, capability, grantIndex, exposure, ledger, approved, expect) =>
    vector(`budget/${name}`, '12.5', description, { operation: 'authorize', capability, grant_index: grantIndex, exposure, ...(ledger === undefined ? {} : { ledger }), approved }, at(T0), expect);
  authorize('commerce-network/happy-path-approved', 'Agent Commerce Network happy path: the worst-case price of 125000 fits the grant, with the approval the quote asked for.', procurement, 1, usd(125000), undefined, true, accept());
  authorize('commerce-network/denied-budget', 'Agent Commerce Network denied_budget: 210000 on top of 125000 already charged breaks max_total_cost; the pre-charge never lands.', procurement, 1, usd(210000), { invocations: 1, total: 125000 }, true, reject('ERR_BUDGET_TOTAL_EXCEEDED'));
  authorize('commerce-network/pending-approval', 'Agent Commerce Network pending_approval: 125000 is above the grant\'s 100000 approval threshold and no approval was given.', procurement, 1, usd(125000), undefined, false, reject('ERR_BUDGET_APPROVAL_REQUIRED'));
  authorize('invocations-exhausted', 'A fourth call on a three-call grant.', procurement, 1, usd(100), { invocations: 3, total: 300 }, false, reject('ERR_BUDGET_INVOCATIONS_EXCEEDED'));
  authorize('per-call-exceeded', 'One call above max_cost_per_invocation, within the total.', resign(mut(procurement, (d) => (d.scope.grants[1].max_total_cost.units = 900000)), P.trust000), 1, usd(150001), undefined, true, reject('ERR_BUDGET_PER_CALL_EXCEEDED'));
  authorize('currency-swap', 'Currency confusion: an exposure in EUR against a grant capped in USD.', procurement, 1, { units: 10, currency: 'EUR' }, undefined, true, reject('ERR_BUDGET_CURRENCY_MISMATCH'));
  authorize('no-such-grant', 'A grant index the capability does not have.', procurement, 7, usd(10), undefined, true, reject('ERR_BUDGET_GRANT_MISSING'));
  authorize('incident-network/approval-required', 'Incident Network approval required: a broader rollback (4.50) is above the $3.00 threshold on the executor\'s grant.', executor, 0, usd(450), undefined, false, reject('ERR_BUDGET_APPROVAL_REQUIRED'));
  authorize('incident-network/approved-rollback', 'Incident Network: with the approval, the broader rollback goes ahead.', executor, 0, usd(450), undefined, true, accept());
  authorize('threshold-shadowed', 'Shadow a constraint: the same grant with a looser require_approval_above first; constraints of one type all apply, so the lower threshold still holds the 4.50 call.', shadowed, 0, usd(450), undefined, false, reject('ERR_BUDGET_APPROVAL_REQUIRED'));
  authorize('negative-ledger', 'A ledger with a negative count is the caller\'s mistake: a verdict with a code, not a crash and not a decision.', procurement, 1, usd(10), { invocations: -1, total: 0 }, true, reject('ERR_USAGE_INVALID_ARGUMENT'));
  authorize('exactly-the-total', 'An exposure that brings the total exactly to max_total_cost fits.', procurement, 1, usd(25000), { invocations: 1, total: 125000 }, true, accept());
  authorize('one-unit-past-the-total', 'An exposure of 25001 within the per-call cap, on top of 125000 already charged: the ledger, not the exposure alone, takes the total one unit past max_total_cost.', procurement, 1, usd(25001), { invocations: 1, total: 125000 }, true, reject('ERR_BUDGET_TOTAL_EXCEEDED'));
  authorize('per-call-exceeded-without-a-total', 'A grant with a per-call cap and no total cap (re-signed by its issuer): one call of 150001 is above max_cost_per_invocation, with no total to break first.', resign(mut(procurement, (d) => delete d.scope.grants[1].max_total_cost), P.trust000), 1, usd(150001), undefined, true, reject('ERR_BUDGET_PER_CALL_EXCEEDED'));
  authorize('grant-index-one-past-the-end', 'Grant index 2 on a capability with two grants (0 and 1): one past the last.', procurement, 2, usd(10), undefined, true, reject('ERR_BUDGET_GRANT_MISSING'));
  const record = (name, description, rec, capability, expect) => vector(`budget/record/${name}`, '12.5', description, { operation: 'record', record: rec, capability }, at(T0), expect);
  record('commerce-network-allowed', 'Agent Commerce Network: the recorded authorization, with its approval, is what the caps give.', fixture('settlement/budget-authorization', 'allowed.commerce-network'), procurement, accept());
  record('commerce-network-denied', 'Agent Commerce Network: the recorded denial names max_total_cost, the first limit broken.', fixture('settlement/budget-authorization', 'denied-budget.commerce-network'), procurement, accept());
  record('commerce-network-pending', 'Agent Commerce Network: the recorded pending approval.', fixture('settlement/budget-authorization', 'pending-approval.commerce-network'), procurement, accept());
  record('allowed-without-approval', 'A record that allows an exposure above the threshold without an approval is false.', mut(fixture('settlement/budget-authorization', 'allowed.commerce-network'), (d) => delete d.approval), procurement, reject('ERR_BUDGET_DECISION_MISMATCH'));
  record('approval-after-the-fact', 'An approval dated after the decision does not count.', mut(fixture('settlement/budget-authorization', 'allowed.commerce-network'), (d) => (d.approval.approved_at = d.decided_at + 1)), procurement, reject('ERR_BUDGET_DECISION_MISMATCH'));
  record('another-capability', 'A record about another capability.', fixture('settlement/budget-authorization', 'allowed.commerce-network'), executor, reject('ERR_REPLAY_LINK_BROKEN'));
  vector('budget/record/ledger-in-fractions', '12.5', 'A recorded authorization checked against a ledger of 0.5 units charged: a ledger in fractions of a minor unit is the caller\'s mistake, a verdict with a code and not a decision.', { operation: 'record', record: fixture('settlement/budget-authorization', 'allowed.commerce-network'), capability: procurement, ledger: { invocations: 0, total: 0.5 } }, at(T0), reject('ERR_USAGE_INVALID_ARGUMENT'));
  const reconcile = (name, description, charged, actual, expect) => vector(`budget/reconcile/${name}`, '12.5', description, { operation: 'reconcile', charged, actual }, at(T0), expect);
  reconcile('credited', 'Agent Commerce Network phase 5: actual below charged; the difference is credited back.', usd(125000), usd(118000), accept());
  reconcile('unchanged', 'Agent Commerce Network phase 5: actual equal to charged; no adjustment.', usd(125000), usd(125000), accept());
  reconcile('overrun', 'Agent Commerce Network phase 5: actual above charged; the receipt\'s settlement fails and the overrun is recorded.', usd(125000), usd(131000), reject('ERR_BUDGET_OVERRUN'));
  reconcile('currency-swap', 'An actual cost in another currency than the charge.', usd(125000), { units: 125000, currency: 'EUR' }, reject('ERR_BUDGET_CURRENCY_MISMATCH'));
  reconcile('overrun-by-one-unit', 'Incident Network\'s executor call charged 250 and costing 251: one unit over is an overrun.', usd(250), usd(251), reject('ERR_BUDGET_OVERRUN'));
  vector('budget/reconciliation/commerce-network-unchanged', '12.5', 'Agent Commerce Network: the spend reconciliation against its authorization and the buyer\'s receipt.', { operation: 'reconciliation', record: fixture('settlement/spend-reconciliation', 'unchanged.commerce-network'), authorization: fixture('settlement/budget-authorization', 'allowed.commerce-network'), receipt: buyer }, at(T0), accept());
  vector('budget/reconciliation/overrun-recorded', '12.5', 'A reconciliation that records an overrun and marks the settlement failed: a correct record of that outcome, so it verifies (the reconcile operation itself refuses the overrun; the record of it is evidence).', { operation: 'reconciliation', record: fixture('settlement/spend-reconciliation', 'overrun-fails-receipt') }, at(T0), accept());
  vector('budget/reconciliation/receipt-cost-differs', '12.5', 'The receipt records another cost than the actual cost reconciled.', { operation: 'reconciliation', record: fixture('settlement/spend-reconciliation', 'unchanged.commerce-network'), receipt: resign({ ...buyer, cost: usd(124000) }, P.buyerKernel) }, at(T0), reject('ERR_BUNDLE_COST_MISMATCH'));
  vector('budget/reconciliation/denied-charge', '12.5', 'Reconciling a charge whose authorization was denied: nothing was charged.', { operation: 'reconciliation', record: fixture('settlement/spend-reconciliation', 'unchanged.commerce-network'), authorization: mut(fixture('settlement/budget-authorization', 'allowed.commerce-network'), (d) => ((d.decision = 'denied'), (d.denial = 'max_total_cost'), delete d.hold_id)) }, at(T0), reject('ERR_BUDGET_DECISION_MISMATCH'));
  // Mutation boundaries of the verifiers: src/verify/budget.ts.
  // (block: v-budget)
  {
    // authorize (SPEC.md 12.5, checks 1 to 5 in order)
    const grantOne = (change) => resign(mut(procurement, (d) => change(d.scope.grants[1])), P.trust000);
    const looserLast = resign(mut(executor, (d) => d.scope.grants[0].constraints.push({ type: 'require_approval_above', value: { threshold_units: 100000 } })), P.coordinator);
    authorize('threshold/looser-one-last', 'The executor\'s grant with its 3.00 approval threshold and a looser one of 1000.00 added after it (re-signed by its issuer): constraints of one type all apply, so the lower threshold still holds the 4.50 call without an approval, whichever comes last.', looserLast, 0, usd(450), undefined, false, reject('ERR_BUDGET_APPROVAL_REQUIRED'));
    authorize('threshold/exactly-the-threshold', 'An exposure of 100000, exactly the grant\'s require_approval_above threshold, without an approval: only an exposure above the threshold needs one, so it fits.', procurement, 1, usd(100000), undefined, false, accept());
    authorize('threshold/one-unit-above-the-threshold', 'An exposure of 100001, one unit above the grant\'s require_approval_above threshold of 100000, without an approval.', procurement, 1, usd(100001), undefined, false, reject('ERR_BUDGET_APPROVAL_REQUIRED'));
    authorize('no-ledger/exactly-the-total', 'No ledger given, so nothing was charged before: an approved exposure of 150000 is exactly max_total_cost (and max_cost_per_invocation) and fits.', procurement, 1, usd(150000), undefined, true, accept());
    authorize('no-ledger/one-unit-past-the-total', 'No ledger given, so nothing was charged before: an approved exposure of 150001 is one unit past max_total_cost, the first limit checked (before max_cost_per_invocation, which it breaks too).', procurement, 1, usd(150001), undefined, true, reject('ERR_BUDGET_TOTAL_EXCEEDED'));
    authorize('grant-without-caps', 'Grant 0 of the procurement capability has no caps, no constraints and no currency of its own: a call of 10 USD on it is allowed.', procurement, 0, usd(10), undefined, false, accept());
    authorize('total-cap-only/another-currency', 'A grant whose only money cap is max_total_cost in USD (the per-call cap removed, re-signed by its issuer): an exposure of 10 EUR is not in the grant\'s currency.', grantOne((g) => delete g.max_cost_per_invocation), 1, { units: 10, currency: 'EUR' }, undefined, true, reject('ERR_BUDGET_CURRENCY_MISMATCH'));
    authorize('per-call-cap-only/another-currency', 'A grant whose only money cap is max_cost_per_invocation in USD (the total cap removed, re-signed by its issuer): an exposure of 10 EUR is not in the grant\'s currency.', grantOne((g) => delete g.max_total_cost), 1, { units: 10, currency: 'EUR' }, undefined, true, reject('ERR_BUDGET_CURRENCY_MISMATCH'));
    authorize('grant-index-as-text', 'The grant index given as the text "1", not a number: a grant is named by its integer index in scope.grants, and no grant is named by a string.', procurement, '1', usd(10), undefined, true, reject('ERR_BUDGET_GRANT_MISSING'));
    authorize('capability-without-grants', 'A capability whose scope holds no tool grants at all (re-signed by its issuer): grant 0 is a grant it does not have.', resign(mut(procurement, (d) => delete d.scope.grants), P.trust000), 0, usd(10), undefined, true, reject('ERR_BUDGET_GRANT_MISSING'));
    authorize('capability-without-scope', 'A capability with no scope member, which its schema requires: the document is refused before any cap is read.', mut(procurement, (d) => delete d.scope), 1, usd(10), undefined, true, reject('ERR_SCHEMA_REQUIRED'));
    authorize('exposure-negative', 'An exposure of -1 units: chio money is a non-negative integer of minor units, so the exposure is not money.', procurement, 1, usd(-1), undefined, true, reject('ERR_SCHEMA_TYPE'));
    authorize('ledger/null', 'A ledger given as null, not { invocations, total }: the caller\'s malformed argument, a verdict with a code.', procurement, 1, usd(10), null, true, reject('ERR_USAGE_INVALID_ARGUMENT'));
    authorize('ledger/invocations-in-fractions', 'A ledger of 0.5 calls: calls are counted in whole numbers, so the ledger is the caller\'s malformed argument.', procurement, 1, usd(10), { invocations: 0.5, total: 0 }, true, reject('ERR_USAGE_INVALID_ARGUMENT'));
    authorize('ledger/invocations-as-text', 'A ledger whose count of calls is the text "1": the caller\'s malformed argument.', procurement, 1, usd(10), { invocations: '1', total: 0 }, true, reject('ERR_USAGE_INVALID_ARGUMENT'));
    authorize('ledger/negative-total', 'A ledger with -1 units charged: exposure charged is never negative, so the ledger is the caller\'s malformed argument.', procurement, 1, usd(10), { invocations: 0, total: -1 }, true, reject('ERR_USAGE_INVALID_ARGUMENT'));
    authorize('ledger/zero', 'A ledger of no calls and nothing charged, given explicitly: a call of 10 USD fits.', procurement, 1, usd(10), { invocations: 0, total: 0 }, true, accept());
    const authorizeAt = (name, description, now, expect) => vector(`budget/${name}`, '6.2', description, { operation: 'authorize', capability: procurement, grant_index: 1, exposure: usd(10), approved: true }, at(now), expect);
    authorizeAt('context/now-last-second-of-9999', 'A call of 10 USD that fits, verified at 253402300799 (9999-12-31T23:59:59Z), the last Unix second a verification\'s now may be.', 253402300799, accept());
    authorizeAt('context/now-past-year-9999', 'The same call verified at 253402300800, one second past 9999-12-31T23:59:59Z: a now that is no Unix second writ reads is a malformed context.', 253402300800, reject('ERR_USAGE_INVALID_ARGUMENT'));

    // budget authorization records
    const allowedRec = fixture('settlement/budget-authorization', 'allowed.commerce-network');
    const deniedRec = fixture('settlement/budget-authorization', 'denied-budget.commerce-network');
    const denial = (extra) => ({ capability_id: procurement.id, grant_index: 1, decision: 'denied', decided_at: T0 - 10, ...extra });
    record('denied-max-invocations', 'A denial naming max_invocations for a call of 100 after 3 calls and 300 charged on the three-call grant: within the total, the fourth call is the first limit broken, so the record is true.', denial({ exposure: usd(100), denial: 'max_invocations', invocation_count: 3, total_exposure: usd(300) }), procurement, accept());
    record('denied-max-cost-per-invocation', 'A denial naming max_cost_per_invocation for a first call of 150001 on a grant whose total is raised to 900000 (re-signed by its issuer): the per-call cap is the first limit broken, so the record is true.', denial({ exposure: usd(150001), denial: 'max_cost_per_invocation', invocation_count: 0, total_exposure: usd(0) }), grantOne((g) => (g.max_total_cost.units = 900000)), accept());
    record('denial-names-another-limit', 'The Agent Commerce Network denial (210000 on top of 125000 breaks max_total_cost) recorded as a denial by max_invocations: the call was the second of three, so the record names the wrong limit.', mut(deniedRec, (d) => (d.denial = 'max_invocations')), procurement, reject('ERR_BUDGET_DECISION_MISMATCH'));
    record('allowed-without-counts', 'The allowed Agent Commerce Network record without invocation_count and total_exposure: with no ledger given and no counts recorded, nothing was charged before, and 125000 with its approval fits.', mut(allowedRec, (d) => (delete d.invocation_count, delete d.total_exposure)), procurement, accept());
    record('allowed-counting-no-call', 'An allowed record with invocation_count 0: an allowed call counts itself, so its count is at least 1.', mut(allowedRec, (d) => (d.invocation_count = 0)), procurement, reject('ERR_BUDGET_DECISION_MISMATCH'));
    record('allowed-total-below-its-exposure', 'An allowed record of an exposure of 125000 whose total_exposure is 124999: an allowed call counts its exposure, so the total is at least 125000.', mut(allowedRec, (d) => (d.total_exposure.units = 124999)), procurement, reject('ERR_BUDGET_DECISION_MISMATCH'));
    record('approval-at-the-decision', 'An approval given in the same second as the decision (approved_at = decided_at): no later than decided_at, so it counts and the allowed record is true.', mut(allowedRec, (d) => (d.approval.approved_at = d.decided_at)), procurement, accept());
    record('grant-missing', 'An allowed record charging grant 5 of a capability with two grants.', mut(allowedRec, (d) => (d.grant_index = 5)), procurement, reject('ERR_BUDGET_GRANT_MISSING'));
    record('record-without-decided-at', 'A record with no decided_at, which its schema requires.', mut(allowedRec, (d) => delete d.decided_at), procurement, reject('ERR_SCHEMA_REQUIRED'));
    record('capability-without-scope', 'The allowed record checked against a capability with no scope member, which its schema requires.', allowedRec, mut(procurement, (d) => delete d.scope), reject('ERR_SCHEMA_REQUIRED'));
    vector('budget/record/context/now-past-year-9999', '6.2', 'The allowed Agent Commerce Network record verified at 253402300800, one second past 9999-12-31T23:59:59Z: a malformed context.', { operation: 'record', record: allowedRec, capability: procurement }, at(253402300800), reject('ERR_USAGE_INVALID_ARGUMENT'));
    vector('budget/record/context/now-past-year-9999-whatever-the-record', '6.2', 'A record checked against another capability than it charges, verified at 253402300800, one second past 9999-12-31T23:59:59Z: a verifier answers every input in a malformed context with ERR_USAGE_INVALID_ARGUMENT, so the question is refused before the record is read.', { operation: 'record', record: allowedRec, capability: executor }, at(253402300800), reject('ERR_USAGE_INVALID_ARGUMENT'));
    const withLedger = (name, description, rec, ledger, expect) => vector(`budget/record/ledger/${name}`, '12.5', description, { operation: 'record', record: rec, capability: procurement, ledger }, at(T0), expect);
    withLedger('matches', 'The allowed record (call 1, 125000 in all) against a ledger of no calls and nothing charged: after this call the ledger stands at 1 call and 125000, as recorded.', allowedRec, { invocations: 0, total: 0 }, accept());
    withLedger('one-call-before', 'The allowed record (call 1) against a ledger of 1 call already counted: the call is allowed, but it is call 2, not what the record counts.', allowedRec, { invocations: 1, total: 0 }, reject('ERR_BUDGET_DECISION_MISMATCH'));
    withLedger('charged-before', 'The allowed record (125000 in all) against a ledger of 1000 already charged and no calls: the call is allowed, but the total is then 126000, not what the record says.', allowedRec, { invocations: 0, total: 1000 }, reject('ERR_BUDGET_DECISION_MISMATCH'));
    withLedger('denied-matches', 'The Agent Commerce Network denial (210000 on top of 125000 breaks max_total_cost) against a ledger of 1 call and 125000 charged: a denied call is not counted, so the record shows the ledger as it stood, and it is true.', deniedRec, { invocations: 1, total: 125000 }, accept());
    withLedger('denied-charged-another-total', 'The same denial against a ledger of 1 call and 100000 charged: 310000 still breaks max_total_cost, but the record says 125000 had been charged, not what the ledger says.', deniedRec, { invocations: 1, total: 100000 }, reject('ERR_BUDGET_DECISION_MISMATCH'));
    withLedger('denied-counting-itself', 'The same denial recording 2 calls, against a ledger of 1 call and 125000: the denied call was counted, as an allowed one is.', mut(deniedRec, (d) => (d.invocation_count = 2)), { invocations: 1, total: 125000 }, reject('ERR_BUDGET_DECISION_MISMATCH'));
    withLedger('record-without-total', 'The allowed record with its invocation_count of 1 but no total_exposure, against a ledger of nothing charged: given the ledger, the record must show the counts authorize-exposure gives (1 call and 125000), and it shows no total.', mut(allowedRec, (d) => delete d.total_exposure), { invocations: 0, total: 0 }, reject('ERR_BUDGET_DECISION_MISMATCH'));

    // reconcile-spend
    reconcile('charged-not-money', 'A charge of -1 units is not chio money.', usd(-1), usd(10), reject('ERR_SCHEMA_TYPE'));
    reconcile('actual-not-money', 'An actual cost of -1 units is not chio money.', usd(10), usd(-1), reject('ERR_SCHEMA_TYPE'));

    // spend reconciliation records: the links first (SPEC.md 12.5)
    const spent = fixture('settlement/spend-reconciliation', 'unchanged.commerce-network');
    const reconciliation = (name, description, input, expect, now = T0) => vector(`budget/reconciliation/${name}`, '12.5', description, { operation: 'reconciliation', record: spent, ...input }, at(now), expect);
    reconciliation('record-without-reconciled-at', 'A spend reconciliation with no reconciled_at, which its schema requires.', { record: mut(spent, (d) => delete d.reconciled_at) }, reject('ERR_SCHEMA_REQUIRED'));
    reconciliation('authorization-without-decided-at', 'The authorization given is no budget authorization: it has no decided_at, which its schema requires.', { authorization: mut(allowedRec, (d) => delete d.decided_at) }, reject('ERR_SCHEMA_REQUIRED'));
    reconciliation('receipt-without-id', 'The receipt given is no tool-call receipt: it has no id, which its schema requires.', { receipt: mut(buyer, (d) => delete d.id) }, reject('ERR_SCHEMA_REQUIRED'));
    reconciliation('authorization-of-another-capability', 'The authorization given charged another capability (cap-other) than the one the record reconciles, same grant and amount.', { authorization: mut(allowedRec, (d) => (d.capability_id = 'cap-other')) }, reject('ERR_REPLAY_LINK_BROKEN'));
    reconciliation('authorization-of-another-grant', 'The authorization given charged grant 0 of the capability, not grant 1 which the record reconciles.', { authorization: mut(allowedRec, (d) => (d.grant_index = 0)) }, reject('ERR_REPLAY_LINK_BROKEN'));
    reconciliation('authorization-charged-another-amount', 'The authorization given charged 124000, not the 125000 the record says was charged.', { authorization: mut(allowedRec, (d) => (d.exposure.units = 124000)) }, reject('ERR_REPLAY_LINK_BROKEN'));
    reconciliation('authorization-charged-another-currency', 'The authorization given charged 125000 EUR cents (its running total in EUR too), not the 125000 USD cents the record says was charged.', { authorization: mut(allowedRec, (d) => ((d.exposure.currency = 'EUR'), (d.total_exposure.currency = 'EUR'))) }, reject('ERR_REPLAY_LINK_BROKEN'));
    reconciliation('receipt-of-another-call', 'The receipt given (re-signed by its kernel) is rcpt-other, not the receipt the record reconciles.', { receipt: resign({ ...buyer, id: 'rcpt-other' }, P.buyerKernel) }, reject('ERR_REPLAY_LINK_BROKEN'));
    reconciliation('receipt-cost-in-another-currency', 'The receipt given (re-signed by its kernel) records a cost of 125000 EUR cents; the record reconciles 125000 USD cents: the receipt does not record the actual cost.', { receipt: resign({ ...buyer, cost: { units: 125000, currency: 'EUR' } }, P.buyerKernel) }, reject('ERR_BUNDLE_COST_MISMATCH'));
    reconciliation('receipt-cost-equal', 'The receipt given (re-signed by its kernel) records a cost of 125000 USD cents, the actual cost the record reconciles.', { authorization: allowedRec, receipt: resign({ ...buyer, cost: usd(125000) }, P.buyerKernel) }, accept());
    reconciliation('context/now-past-year-9999', 'The Agent Commerce Network reconciliation verified at 253402300800, one second past 9999-12-31T23:59:59Z: a malformed context.', {}, reject('ERR_USAGE_INVALID_ARGUMENT'), 253402300800);
  }
  // (end of block: v-budget)
  {
    // Chio money handed to a verifier directly (SPEC.md 12.5): { units: a non-negative integer of
    // minor units, currency: a code of 2 to 16 capital letters and digits (6.1) }, nothing else.
    reconcile('zero-units', 'Nothing charged and nothing spent: 0 is a non-negative integer of minor units, and actual equals charged.', usd(0), usd(0), accept());
    reconcile('in-usdc', 'A charge and a spend of 125000 in USDC, a token symbol of four letters, which a currency or asset code may be (SPEC.md 6.1): actual equals charged.', { units: 125000, currency: 'USDC' }, { units: 125000, currency: 'USDC' }, accept());
    reconcile('in-a-code-of-sixteen', 'A charge and a spend in a code of 16 capital letters and digits, the longest a currency or asset code may be.', { units: 1, currency: 'USDCOINSTABLE123' }, { units: 1, currency: 'USDCOINSTABLE123' }, accept());
    for (const [name, description, charged] of [
      ['negative-units', 'A charge of -1 minor units: money is a non-negative integer of minor units.', usd(-1)],
      ['fractional-units', 'A charge of 0.5 minor units: money is a whole number of minor units.', usd(0.5)],
      ['units-as-text', 'A charge whose units are the text "125000": money counts units as a number.', { units: '125000', currency: 'USD' }],
      ['extra-member', 'A charge with a member besides units and currency (note): chio money has those two members only.', { units: 125000, currency: 'USD', note: 'pre-charge' }],
      ['null', 'A charge given as null: not chio money.', null],
      ['currency-one-letter', 'A charge in U: a currency or asset code is 2 to 16 capital letters and digits (SPEC.md 6.1), not one.', { units: 125000, currency: 'U' }],
      ['currency-seventeen-letters', 'A charge in a code of 17 capital letters: one more than a currency or asset code may have.', { units: 125000, currency: 'USDCOINSTABLEXYZA' }],
      ['currency-lower-case', 'A charge in usd: a currency code is written in capitals.', { units: 125000, currency: 'usd' }],
      ['currency-as-a-list', 'A charge whose currency is the list ["USD"]: a currency is a string.', { units: 125000, currency: ['USD'] }],
      ['no-currency', 'A charge with units and no currency.', { units: 125000 }],
    ]) {
      reconcile(`charged-${name}`, description, charged, usd(125000), reject('ERR_SCHEMA_TYPE'));
    }
  }
}
