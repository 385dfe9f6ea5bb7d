/**
 * Capability chains (SPEC.md 12.2): Incident Network's five scenarios, built from the fixtures, and one
 * case per attenuation and chain rule, each a valid chain changed in one place and signed again
 * by the party who signs it, so that nothing but the rule under test can fail.
 */
import t from 'tap';
import type { CapabilityToken } from '../../src/generated/types.js';
import { authorizeExposure, verifyBudgetAuthorization } from '../../src/verify/budget.js';
import { verifyCapabilityChain } from '../../src/verify/capability.js';
import { changed, fixture, parties, resign, T0 } from './world.js';

const token = (name: string) => fixture<CapabilityToken>('capability/token', name);
const root = token('root-commander.incident-network');
const vendor = token('vendor-liaison.incident-network');
const coordinator = token('provider-coordinator.incident-network');
const executor = token('provider-executor.incident-network');
const chain = [root, vendor, coordinator];
const at = (now: number, extra = {}) => ({ now, ...extra });
const NOW = T0 + 20;

t.test('Incident Network, happy path: the six-hop chain lands the executor capability', async (t) => {
  const v = verifyCapabilityChain(executor, { ...at(NOW), evidence: chain });
  t.equal(v.ok, true, v.message);
  t.same(v.details?.['chain'], [root.id, vendor.id, coordinator.id, executor.id]);
});

t.test('Incident Network, attenuation deny: an executor capability for any rule is refused', async (t) => {
  const broader = token('provider-executor-broader-rule.incident-network');
  const v = verifyCapabilityChain(broader, { ...at(NOW), evidence: chain });
  t.match(v, { ok: false, code: 'ERR_CAP_CONSTRAINT_DROPPED', path: `/${executor.id}/scope/grants/0/constraints` });
});

t.test('Incident Network, revoke mid-chain: the revoked ancestor is named with its depth', async (t) => {
  const revoked = new Map([[vendor.id, T0 + 15]]);
  const v = verifyCapabilityChain(executor, { ...at(NOW, { revocations: revoked }), evidence: chain });
  t.match(v, { ok: false, code: 'ERR_CHAIN_REVOKED_ANCESTOR', path: `/${vendor.id}`, details: { revoked_capability_id: vendor.id, denied_at_depth: 1 } });
  t.match(verifyCapabilityChain(vendor, { ...at(NOW, { revocations: revoked }), evidence: [root] }), { code: 'ERR_CHAIN_REVOKED', details: { denied_at_depth: 1 } }, 'the revoked capability itself');
  t.equal(verifyCapabilityChain(executor, { ...at(T0 + 14, { revocations: revoked }), evidence: chain }).ok, true, 'a revocation counts from its time on');
});

t.test('Incident Network, approval required: a broader rollback waits for a signed approval', async (t) => {
  const ctx = at(T0 + 40);
  const denied = authorizeExposure(executor, { ...ctx, grantIndex: 0, exposure: { units: 450, currency: 'USD' }, ledger: { invocations: 0, total: 0 }, approved: false });
  t.match(denied, { ok: false, code: 'ERR_BUDGET_APPROVAL_REQUIRED', path: '/scope/grants/0/constraints', details: { decision: 'denied', denial: 'approval_required' } });
  t.match(authorizeExposure(executor, { ...ctx, grantIndex: 0, exposure: { units: 450, currency: 'USD' }, approved: true }), { ok: true, details: { decision: 'allowed', invocation_count: 1 } });
  t.match(authorizeExposure(executor, { ...ctx, grantIndex: 0, exposure: { units: 250, currency: 'USD' }, approved: false }), { ok: true }, 'below the threshold no approval is needed');
  for (const name of ['executor.incident-network', 'broader-rollback-pending-approval.incident-network', 'broader-rollback-approved.incident-network']) {
    const record = fixture('settlement/budget-authorization', name);
    t.match(verifyBudgetAuthorization(record, { ...ctx, capability: executor }), { ok: true }, `${name} records the decision the caps give`);
  }
  const unapproved = changed(fixture('settlement/budget-authorization', 'broader-rollback-approved.incident-network'), (d) => delete d.approval);
  t.match(verifyBudgetAuthorization(unapproved, { ...ctx, capability: executor }), { ok: false, code: 'ERR_BUDGET_DECISION_MISMATCH', path: '/decision' }, 'allowed without the approval is a false record');
});

t.test('Incident Network, TTL expiry: the vendor capability lapses before the executor runs', async (t) => {
  const v = verifyCapabilityChain(executor, { ...at(vendor.expires_at + 5), evidence: chain });
  t.match(v, { ok: false, code: 'ERR_CHAIN_EXPIRED', path: `/${vendor.id}/expires_at` });
  t.match(verifyCapabilityChain(executor, { ...at(executor.expires_at), evidence: chain }), { code: 'ERR_CHAIN_EXPIRED', path: `/${executor.id}/expires_at` }, 'expiry is exclusive: at expires_at the capability is gone');
  t.match(verifyCapabilityChain(executor, { ...at(executor.issued_at - 1), evidence: chain }), { code: 'ERR_CHAIN_NOT_YET_VALID', path: `/${executor.id}/issued_at` });
});

// A child of the coordinator, changed in one place and signed by the coordinator again.
const child = (change: (d: any) => void) => resign(changed(executor, change), parties.coordinator);
const grant0 = `/${executor.id}/scope/grants/0`;

const attenuation: [string, (d: any) => void, string, string][] = [
  ['a grant for another tool', (d) => (d.scope.grants[0].tool_name = 'delete_edge_rule'), 'ERR_CAP_NOT_COVERED', grant0],
  ['an operation the parent grant lacks', (d) => d.scope.grants[0].operations.push('subscribe'), 'ERR_CAP_OPERATION_WIDENED', `${grant0}/operations`],
  ['no invocation cap', (d) => delete d.scope.grants[0].max_invocations, 'ERR_CAP_LIMIT_DROPPED', `${grant0}/max_invocations`],
  ['more invocations', (d) => (d.scope.grants[0].max_invocations = 3), 'ERR_CAP_LIMIT_EXCEEDED', `${grant0}/max_invocations`],
  ['no total cost cap', (d) => delete d.scope.grants[0].max_total_cost, 'ERR_CAP_LIMIT_DROPPED', `${grant0}/max_total_cost`],
  ['a total in another currency', (d) => ((d.scope.grants[0].max_total_cost.currency = 'EUR'), (d.scope.grants[0].max_cost_per_invocation.currency = 'EUR')), 'ERR_CAP_CURRENCY_MISMATCH', `${grant0}/max_cost_per_invocation/currency`],
  ['a larger total', (d) => (d.scope.grants[0].max_total_cost.units = 501), 'ERR_CAP_LIMIT_EXCEEDED', `${grant0}/max_total_cost/units`],
  ['the approval threshold left out', (d) => d.scope.grants[0].constraints.pop(), 'ERR_CAP_CONSTRAINT_DROPPED', `${grant0}/constraints`],
  ['a later expiry', (d) => ((d.expires_at = coordinator.expires_at + 1), (d.ttl_secs = coordinator.expires_at + 1 - d.issued_at)), 'ERR_CAP_EXPIRY_EXTENDED', `/${executor.id}/expires_at`],
];
t.test('attenuation: a child may only narrow its parent', async (t) => {
  for (const [what, change, code, path] of attenuation) {
    t.match(verifyCapabilityChain(child(change), { ...at(NOW), evidence: chain }), { ok: false, code, path }, what);
  }
  const parentNotDelegable = resign(changed(coordinator, (d) => (d.scope.grants[0].operations = ['invoke'])), parties.liaison);
  t.match(verifyCapabilityChain(executor, { ...at(NOW), evidence: [root, vendor, parentNotDelegable] }), { code: 'ERR_CAP_NOT_DELEGABLE', path: grant0 }, 'a parent grant without delegate');
  t.match(
    verifyCapabilityChain(child((d) => (d.scope.grants[0].constraints = [...d.scope.grants[0].constraints].reverse())), { ...at(NOW), evidence: chain }),
    { ok: true },
    'constraints are compared as a set',
  );
});

t.test('chain: signatures, links, depth, trust', async (t) => {
  t.match(verifyCapabilityChain(changed(executor, (d) => (d.scope.grants[0].max_invocations = 0)), { ...at(NOW), evidence: chain }), { code: 'ERR_SIG_INVALID', path: `/${executor.id}/signature` }, 'a change without re-signing');
  t.match(verifyCapabilityChain(executor, { ...at(NOW), evidence: [root, vendor] }), { code: 'ERR_CHAIN_PARENT_MISSING', path: `/${executor.id}/parent_capability_id` });
  t.match(verifyCapabilityChain(child((d) => (d.delegation_depth = 4)), { ...at(NOW), evidence: chain }), { code: 'ERR_CHAIN_DEPTH_MISMATCH', path: `/${executor.id}/delegation_depth` });
  t.match(verifyCapabilityChain(executor, { ...at(NOW, { maxDepth: 2 }), evidence: chain }), { code: 'ERR_CHAIN_TOO_DEEP' });
  const byStranger = resign(changed(executor, (d) => (d.issuer = parties.stranger.hex)), parties.stranger);
  t.match(verifyCapabilityChain(byStranger, { ...at(NOW), evidence: chain }), { code: 'ERR_CHAIN_ISSUER_MISMATCH', path: `/${executor.id}/issuer` }, 'only the parent\'s subject may delegate');
  t.match(verifyCapabilityChain(executor, { ...at(NOW, { trustAnchors: [parties.stranger.hex] }), evidence: chain }), { code: 'ERR_CHAIN_UNTRUSTED_ROOT', path: `/${root.id}/issuer` });
  t.equal(verifyCapabilityChain(executor, { ...at(NOW, { trustAnchors: [parties.commander.hex] }), evidence: chain }).ok, true, 'the commander is the anchor');
  const loopA = resign(changed(root, (d) => ((d.parent_capability_id = executor.id), (d.delegation_depth = 4))), parties.commander);
  t.match(verifyCapabilityChain(executor, { ...at(NOW), evidence: [loopA, vendor, coordinator, executor] }), { code: 'ERR_CHAIN_CYCLE' });
  t.match(verifyCapabilityChain(executor, { ...at(NOW, { backend: 'portable' }), evidence: chain }), { ok: true }, 'the portable backend agrees');
});

t.test('a bad context or argument is a verdict, never an exception', async (t) => {
  t.match(verifyCapabilityChain(executor, { now: -1, evidence: chain }), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT' });
  t.match(verifyCapabilityChain(executor, { ...at(NOW), evidence: 'not a list' as never }), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT' });
  t.match(verifyCapabilityChain(undefined, { ...at(NOW), evidence: chain }), { ok: false, code: 'ERR_JSON_NOT_PLAIN' });
});
