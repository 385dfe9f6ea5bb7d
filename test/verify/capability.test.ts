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
  const v = verifyCapabilityChain(executor, chain, at(NOW));
  t.equal(v.ok, true, v.message);
  t.same(v.details?.['chain'], [root.id, vendor.id, coordinator.id, executor.id]);
});

t.test('Incident Network, attenuation deny: an executor capability for any rule is refused', async (t) => {
  const broader = token('provider-executor-broader-rule.incident-network');
  const v = verifyCapabilityChain(broader, chain, at(NOW));
  t.match(v, { ok: false, code: 'ERR_CAP_CONSTRAINT_DROPPED', path: `/${executor.id}/scope/grants/0/constraints` });
});

t.test('Incident Network, revoke mid-chain: the revoked ancestor is named with its depth', async (t) => {
  const revoked = new Map([[vendor.id, T0 + 15]]);
  const v = verifyCapabilityChain(executor, chain, at(NOW, { revocations: revoked }));
  t.match(v, { ok: false, code: 'ERR_CHAIN_REVOKED_ANCESTOR', path: `/${vendor.id}`, details: { revoked_capability_id: vendor.id, denied_at_depth: 1 } });
  t.match(verifyCapabilityChain(vendor, [root], at(NOW, { revocations: revoked })), { code: 'ERR_CHAIN_REVOKED', details: { denied_at_depth: 1 } }, 'the revoked capability itself');
  t.equal(verifyCapabilityChain(executor, chain, at(T0 + 14, { revocations: revoked })).ok, true, 'a revocation counts from its time on');
});

t.test('Incident Network, approval required: a broader rollback waits for a signed approval', async (t) => {
  const ctx = at(T0 + 40);
  const denied = authorizeExposure(executor, 0, { units: 450, currency: 'USD' }, { invocations: 0, total: 0 }, false, ctx);
  t.match(denied, { ok: false, code: 'ERR_BUDGET_APPROVAL_REQUIRED', path: '/scope/grants/0/constraints', details: { decision: 'denied', denial: 'approval_required' } });
  t.match(authorizeExposure(executor, 0, { units: 450, currency: 'USD' }, undefined, true, ctx), { ok: true, details: { decision: 'allowed', invocation_count: 1 } });
  t.match(authorizeExposure(executor, 0, { units: 250, currency: 'USD' }, undefined, false, ctx), { ok: true }, 'below the threshold no approval is needed');
  for (const name of ['executor.incident-network', 'broader-rollback-pending-approval.incident-network', 'broader-rollback-approved.incident-network']) {
    const record = fixture('settlement/budget-authorization', name);
    t.match(verifyBudgetAuthorization(record, executor, undefined, ctx), { ok: true }, `${name} records the decision the caps give`);
  }
  const unapproved = changed(fixture('settlement/budget-authorization', 'broader-rollback-approved.incident-network'), (d) => delete d.approval);
  t.match(verifyBudgetAuthorization(unapproved, executor, undefined, ctx), { ok: false, code: 'ERR_BUDGET_DECISION_MISMATCH', path: '/decision' }, 'allowed without the approval is a false record');
});

t.test('Incident Network, TTL expiry: the vendor capability lapses before the executor runs', async (t) => {
  const v = verifyCapabilityChain(executor, chain, at(vendor.expires_at + 5));
  t.match(v, { ok: false, code: 'ERR_CHAIN_EXPIRED', path: `/${vendor.id}/expires_at` });
  t.match(verifyCapabilityChain(executor, chain, at(executor.expires_at)), { code: 'ERR_CHAIN_EXPIRED', path: `/${executor.id}/expires_at` }, 'expiry is exclusive: at expires_at the capability is gone');
  t.match(verifyCapabilityChain(executor, chain, at(executor.issued_at - 1)), { code: 'ERR_CHAIN_NOT_YET_VALID', path: `/${executor.id}/issued_at` });
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
    t.match(verifyCapabilityChain(child(change), chain, at(NOW)), { ok: false, code, path }, what);
  }
  const parentNotDelegable = resign(changed(coordinator, (d) => (d.scope.grants[0].operations = ['invoke'])), parties.liaison);
  t.match(verifyCapabilityChain(executor, [root, vendor, parentNotDelegable], at(NOW)), { code: 'ERR_CAP_NOT_DELEGABLE', path: grant0 }, 'a parent grant without delegate');
  t.match(
    verifyCapabilityChain(child((d) => (d.scope.grants[0].constraints = [...d.scope.grants[0].constraints].reverse())), chain, at(NOW)),
    { ok: true },
    'constraints are compared as a set',
  );
});

t.test('chain: signatures, links, depth, trust', async (t) => {
  t.match(verifyCapabilityChain(changed(executor, (d) => (d.scope.grants[0].max_invocations = 0)), chain, at(NOW)), { code: 'ERR_SIG_INVALID', path: `/${executor.id}/signature` }, 'a change without re-signing');
  t.match(verifyCapabilityChain(executor, [root, vendor], at(NOW)), { code: 'ERR_CHAIN_PARENT_MISSING', path: `/${executor.id}/parent_capability_id` });
  t.match(verifyCapabilityChain(child((d) => (d.delegation_depth = 4)), chain, at(NOW)), { code: 'ERR_CHAIN_DEPTH_MISMATCH', path: `/${executor.id}/delegation_depth` });
  t.match(verifyCapabilityChain(executor, chain, at(NOW, { maxDepth: 2 })), { code: 'ERR_CHAIN_TOO_DEEP' });
  const byStranger = resign(changed(executor, (d) => (d.issuer = parties.stranger.hex)), parties.stranger);
  t.match(verifyCapabilityChain(byStranger, chain, at(NOW)), { code: 'ERR_CHAIN_ISSUER_MISMATCH', path: `/${executor.id}/issuer` }, 'only the parent\'s subject may delegate');
  t.match(verifyCapabilityChain(executor, chain, at(NOW, { trustAnchors: [parties.stranger.hex] })), { code: 'ERR_CHAIN_UNTRUSTED_ROOT', path: `/${root.id}/issuer` });
  t.equal(verifyCapabilityChain(executor, chain, at(NOW, { trustAnchors: [parties.commander.hex] })).ok, true, 'the commander is the anchor');
  const loopA = resign(changed(root, (d) => ((d.parent_capability_id = executor.id), (d.delegation_depth = 4))), parties.commander);
  t.match(verifyCapabilityChain(executor, [loopA, vendor, coordinator, executor], at(NOW)), { code: 'ERR_CHAIN_CYCLE' });
  t.match(verifyCapabilityChain(executor, chain, at(NOW, { backend: 'portable' })), { ok: true }, 'the portable backend agrees');
});

t.test('a bad context or argument is a verdict, never an exception', async (t) => {
  t.match(verifyCapabilityChain(executor, chain, { now: -1 }), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT' });
  t.match(verifyCapabilityChain(executor, 'not a list' as never, at(NOW)), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT' });
  t.match(verifyCapabilityChain(undefined, chain, at(NOW)), { ok: false, code: 'ERR_JSON_NOT_PLAIN' });
});
