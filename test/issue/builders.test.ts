/**
 * The builders of the issuing side (src/issue/): what they make is what the committed fixtures
 * hold, byte for byte, from the same keys; what a builder makes, the verifier accepts; what it
 * refuses, the verifier refuses with the same code at the same path (fast-check properties over
 * delegations, receipts and budget decisions, each judged against a copy assembled by hand here
 * and verified by the verifier alone).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import t from 'tap';
import { canonicalJson, notPlainJson, signedContentIssue } from '../../src/crypto/jcs.js';
import { signCompact } from '../../src/crypto/envelopes.js';
import { documentHash } from '../../src/crypto/hash.js';
import { readBundleFolder } from '../../src/io/bundle-folder.js';
import { sealBundle } from '../../src/issue/bundle.js';
import { delegateCapability, issueCapability, revokeCapability } from '../../src/issue/capability.js';
import { generateKeyPair, signingKeyOf, type SigningKey } from '../../src/issue/keys.js';
import { createIntent, pairReceipts, signReceipt } from '../../src/issue/receipt.js';
import { authorizeBudget, reconcileBudget, reconcileSettlement, recordDispute } from '../../src/issue/settlement.js';
import { verifyBudgetAuthorization } from '../../src/verify/budget.js';
import { verifyCapabilityChain } from '../../src/verify/capability.js';
import { verifyDocument } from '../../src/verify/document.js';
import { verifyReceipt } from '../../src/verify/receipt.js';
import { EXAMPLES, fixture, parties } from '../verify/world.js';

const keyOf = (hex: string): SigningKey => {
  const p = Object.values(parties).find((q) => q.hex === hex);
  if (p === undefined) throw new Error(`no party has key ${hex}`);
  const k = signingKeyOf(p.seed);
  if (!k.ok) throw new Error(k.message);
  return k.key;
};
const fileOf = (id: string, name: string): string => {
  const [family, doc] = id.split('/') as [string, string];
  return readFileSync(join(EXAMPLES, family, doc, 'valid', `${doc}.${name}.json`), 'utf8');
};
/** The canonical form of a value (RFC 8785), to compare documents apart from member order. */
const canonical = (value: unknown): string => {
  const c = canonicalJson(value);
  if (!c.ok) throw new Error(c.message);
  return c.text;
};
const text = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const valueOf = <T>(r: { ok: true; value: T } | { ok: false; code: string; path: string; message: string }): T => {
  if (!r.ok) throw new Error(`${r.code} at ${r.path}: ${r.message}`);
  return r.value;
};

const root = fixture('capability/token', 'root-commander.incident-network');
const vendor = fixture('capability/token', 'vendor-liaison.incident-network');
const coordinator = fixture('capability/token', 'provider-coordinator.incident-network');
const executor = fixture('capability/token', 'provider-executor.incident-network');
const procurement = fixture('capability/token', 'procurement.commerce-network');
const intent = fixture('intent/governed-intent', 'commerce-network');
const buyerReceipt = fixture('receipt/tool-call', 'buyer.commerce-network');
const providerReceipt = fixture('receipt/tool-call', 'provider.commerce-network');
const allowed = fixture('settlement/budget-authorization', 'allowed.commerce-network');

t.test('the builders rebuild the committed fixtures from the same keys, byte for byte', async (t) => {
  const { signature: _r, issuer, delegation_depth: _d, parent_capability_id: _p, ...rootIn } = root;
  t.equal(text(valueOf(issueCapability(rootIn, keyOf(issuer)))), fileOf('capability/token', 'root-commander.incident-network'), 'a root capability');
  const { signature: _e, issuer: by, delegation_depth: _ed, parent_capability_id: _ep, ...execIn } = executor;
  t.equal(text(valueOf(delegateCapability(coordinator, { ...execIn, link: false }, keyOf(by), { ancestors: [root, vendor] }))), fileOf('capability/token', 'provider-executor.incident-network'), 'a delegated capability, as Incident Network writes it (no links)');
  const { intent_hash: _h, ...intentIn } = intent;
  t.equal(text(valueOf(createIntent(intentIn))), fileOf('intent/governed-intent', 'commerce-network'), 'a governed intent and its hash');
  const { kernel_key: pk, signature: _s, intent_hash: _ph, ...providerIn } = providerReceipt;
  t.equal(text(valueOf(signReceipt(providerIn, intent, keyOf(pk)))), fileOf('receipt/tool-call', 'provider.commerce-network'), 'a provider receipt');
  const { kernel_key: bk, signature: _bs, intent_hash: _bh, ...buyerIn } = buyerReceipt;
  const buyer = valueOf(signReceipt(buyerIn, intent, keyOf(bk)));
  t.equal(canonical(buyer), canonical(buyerReceipt), 'a buyer receipt: the same document and signature (its members in schema order, where the fixture puts kernel_key earlier)');
  const pair = fixture('receipt/receipt-pair', 'commerce-network');
  t.equal(text(valueOf(pairReceipts(buyerReceipt, providerReceipt, intent, { pairId: pair.pair_id }))), fileOf('receipt/receipt-pair', 'commerce-network'), 'a receipt pair');
  t.equal(
    text(valueOf(authorizeBudget(procurement, { grant_index: allowed.grant_index, intent_hash: allowed.intent_hash, exposure: allowed.exposure, hold_id: allowed.hold_id, approval: allowed.approval, decided_at: allowed.decided_at, ledger: { invocations: 0, total: 0 } }))),
    fileOf('settlement/budget-authorization', 'allowed.commerce-network'),
    'an allowed budget authorization',
  );
  const denied = fixture('settlement/budget-authorization', 'denied-budget.commerce-network');
  t.equal(text(valueOf(authorizeBudget(procurement, { grant_index: denied.grant_index, exposure: denied.exposure, decided_at: denied.decided_at, ledger: { invocations: 1, total: 125000 } }))), fileOf('settlement/budget-authorization', 'denied-budget.commerce-network'), 'a denial, naming its limit');
  for (const name of ['credited', 'overrun-fails-receipt']) {
    const f = fixture('settlement/spend-reconciliation', name);
    t.equal(text(valueOf(reconcileBudget(allowed, buyerReceipt, { actual: f.actual, reconciled_at: f.reconciled_at }))), fileOf('settlement/spend-reconciliation', name), `a spend reconciliation: ${name}`);
  }
  const dir = join(EXAMPLES, 'transactions', 'commerce-network');
  const manifest = JSON.parse(readFileSync(join(dir, 'bundle-manifest.json'), 'utf8'));
  const folder = readBundleFolder(dir);
  const files = new Map(Object.keys(manifest.artifacts).map((p) => [p, folder.files.get(p) as Uint8Array]));
  const sealer = Object.values(parties).find((p) => manifest.proof.verificationMethod === p.vm);
  const sealerKey = signingKeyOf((sealer ?? parties.trust000).seed);
  if (!sealerKey.ok) throw new Error(sealerKey.message);
  const sealed = sealBundle(files, { bundle_id: manifest.bundle_id, created_at: manifest.created_at, transaction: manifest.transaction }, sealerKey.key, { now: Date.parse(manifest.created_at) / 1000 });
  t.ok(sealed.ok, 'the procurement bundle seals');
  if (sealed.ok) {
    t.equal(new TextDecoder().decode(sealed.bytes), readFileSync(join(dir, 'bundle-manifest.json'), 'utf8'), 'its manifest, proof and all');
    t.equal(sealed.report.seal?.status, 'trusted', 'verified under a policy that trusts its sealer');
  }
});

t.test('the settlement builders rebuild the commerce-network settlement and dispute, and refuse what the verifier refuses', async (t) => {
  const quote = JSON.parse(readFileSync(join(EXAMPLES, 'commercial/quote/valid/quote.response.commerce-network.json'), 'utf8'));
  const settled = fixture('settlement/settlement-reconciliation', 'commerce-network');
  const { quoted_amount_minor: _q, currency: _c, status: _s, ...asked } = settled;
  t.equal(text(valueOf(reconcileSettlement(asked, { quote, intent }))), fileOf('settlement/settlement-reconciliation', 'commerce-network'), 'the quoted amount and currency from the quote, the status reconciled');
  const disputed = fixture('settlement/settlement-reconciliation', 'dispute-reversal-pending.commerce-network');
  const dispute = fixture('settlement/dispute', 'opened.commerce-network');
  const { status: _ds, dispute_id: _di, quoted_amount_minor: _dq, currency: _dc, ...underDispute } = disputed;
  t.equal(text(valueOf(reconcileSettlement(underDispute, { quote, intent, dispute }))), fileOf('settlement/settlement-reconciliation', 'dispute-reversal-pending.commerce-network'), 'the status and the dispute id from the dispute over it');
  t.match(reconcileSettlement({ ...asked, approved_amount_minor: intent.billing_context.max_price_minor + 1, settled_amount_minor: 1 }, { intent, quote: { ...quote, price_minor: intent.billing_context.max_price_minor + 1 } }), { ok: false, code: 'ERR_SETTLEMENT_OVER_INTENT' }, 'an approval above the intent\'s bound');
  t.match(reconcileSettlement({ ...asked, status: 'reconciled' }, { quote, intent, dispute }), { ok: false, code: 'ERR_SETTLEMENT_STATE' }, 'a settlement reconciled while its dispute stands');
  t.equal(text(valueOf(recordDispute(dispute))), fileOf('settlement/dispute', 'opened.commerce-network'), 'a dispute');
  t.match(recordDispute({ ...dispute, status: 'escalated' as never }), { ok: false, code: 'ERR_SCHEMA_ENUM' }, 'a dispute in a state its schema does not know');
});

t.test('a builder refuses what the verifier refuses, with its code, and never a signer that cannot sign', async (t) => {
  const agent = generateKeyPair();
  const grant = { server_id: 'tools', tool_name: 'search', operations: ['invoke', 'delegate'] as ['invoke', 'delegate'], max_invocations: 3 };
  const parent = valueOf(issueCapability({ id: 'cap-parent', subject: agent, scope: { grants: [grant] }, issued_at: 100, ttl_secs: 60 }, generateKeyPair()));
  const wider = delegateCapability(parent, { subject: generateKeyPair(), scope: { grants: [{ ...grant, max_invocations: 4 }] }, issued_at: 110 }, agent);
  t.match(wider, { ok: false, code: 'ERR_CAP_LIMIT_EXCEEDED' }, 'a child that widens its parent');
  const stranger = delegateCapability(parent, { subject: generateKeyPair(), issued_at: 110 }, generateKeyPair());
  t.match(stranger, { ok: false, code: 'ERR_CHAIN_ISSUER_MISMATCH' }, 'a delegation signed by someone who does not hold the parent');
  t.match(delegateCapability(parent, { subject: generateKeyPair(), issued_at: 99 }, agent), { ok: false, code: 'ERR_CHAIN_NOT_YET_VALID', path: '/cap-parent/issued_at' }, 'a child older than its parent, checked at its own issuance: the parent was not yet valid');
  t.match(delegateCapability(parent, { subject: generateKeyPair(), issued_at: 99, ttl_secs: 10 }, agent, { now: 110 }), { ok: false, code: 'ERR_CAP_ISSUED_BEFORE_PARENT' }, 'a child older than its parent, checked later');
  t.match(delegateCapability(parent, { subject: generateKeyPair(), issued_at: 150, ttl_secs: 5 }, agent, { now: 165 }), { ok: false, code: 'ERR_CHAIN_EXPIRED', path: '/cap-parent/expires_at' }, 'a child of an expired parent');
  t.match(delegateCapability(parent, { subject: generateKeyPair(), issued_at: 110 }, agent, { revocations: new Map([['cap-parent', 105]]) }), { ok: false, code: 'ERR_CHAIN_REVOKED_ANCESTOR' }, 'a child of a revoked parent');
  const child = valueOf(delegateCapability(parent, { id: 'cap-child', subject: generateKeyPair(), issued_at: 110, scope: { grants: [{ ...grant, operations: ['invoke'], max_invocations: 1 }] } }, agent));
  t.equal(child.delegation_depth, 1);
  t.equal(child.parent_capability_id, 'cap-parent');
  t.equal(child.delegation_chain?.length, 1, 'one link, signed by the delegator');
  t.ok(verifyCapabilityChain(child, { now: 110, evidence: [parent] }).ok, 'the verifier accepts the child');
  t.match(revokeCapability(child, { revoked_at: 120 }, generateKeyPair(), { ancestors: [parent] }), { ok: false, code: 'ERR_KEY_NOT_AUTHORIZED' }, 'a revocation by a key with no authority');
  t.match(revokeCapability(child, { revoked_at: 120 }, agent, { ancestors: [parent] }), { ok: true }, 'a revocation by the issuer of the child');
  t.match(issueCapability({ subject: agent, scope: { grants: [grant] }, issued_at: 1 }, generateKeyPair()), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT', path: '/expires_at' }, 'a capability without an end');
  t.match(issueCapability({ subject: agent, scope: { grants: [grant] }, ttl_secs: 5 }, { publicKey: agent.publicKey }), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT', path: '/issuer' }, 'a public key cannot sign');
  t.match(issueCapability({ subject: agent, scope: { grants: [{ ...grant, operations: [] as never }] }, ttl_secs: 5 }, generateKeyPair()), { ok: false, code: 'ERR_SCHEMA_ITEMS', path: '/scope/grants/0/operations' }, 'a scope the schema refuses');
  const stale = { ...intent, purpose: 'something else' };
  const { kernel_key: bk, signature: _s, intent_hash: _h, ...buyerIn } = buyerReceipt;
  t.match(signReceipt(buyerIn, stale, keyOf(bk)), { ok: false, code: 'ERR_INTENT_HASH_MISMATCH', path: '/intent/intent_hash' }, 'a receipt for an intent whose hash is stale');
  t.match(verifyReceipt(valueOf(signReceipt(buyerIn, intent, keyOf(bk))), { now: buyerReceipt.timestamp, intent: stale }), { ok: false, code: 'ERR_INTENT_HASH_MISMATCH' }, 'as the verifier answers a receipt given that intent');
  t.match(pairReceipts(buyerReceipt, providerReceipt, stale), { ok: false, code: 'ERR_INTENT_HASH_MISMATCH', path: '/intent/intent_hash' }, 'a pair for an intent whose hash is stale');
  t.match(signReceipt({ ...buyerIn, capability_id: 'cap-other' }, intent, keyOf(bk)), { ok: false, code: 'ERR_RECEIPT_CAPABILITY_MISMATCH' }, 'a receipt under another capability than its intent\'s');
  t.match(pairReceipts(buyerReceipt, buyerReceipt, intent), { ok: false }, 'a pair of one receipt twice');
  t.match(reconcileBudget({ ...allowed, decision: 'denied', denial: 'max_total_cost' }, buyerReceipt, { actual: { units: 1, currency: 'USD' } }), { ok: false, code: 'ERR_BUDGET_DECISION_MISMATCH' }, 'a reconciliation of a denied authorization');
  t.match(authorizeBudget(procurement, { grant_index: 9, exposure: { units: 1, currency: 'USD' } }), { ok: false, code: 'ERR_BUDGET_GRANT_MISSING', path: '/grant_index' }, 'a grant the capability does not have');
  const files = new Map([['receipt.json', new TextEncoder().encode(text(buyerReceipt))]]);
  t.match(sealBundle(files, {}, generateKeyPair(), { now: buyerReceipt.timestamp }), { ok: true }, 'a bundle of one receipt seals (its intent not given: a warning)');
  const broken = new Map([['receipt.json', new TextEncoder().encode(text({ ...buyerReceipt, tool_name: 'other' }))]]);
  t.match(sealBundle(broken, {}, generateKeyPair(), { now: buyerReceipt.timestamp }), { ok: false, code: 'ERR_SIG_INVALID' }, 'a bundle holding a receipt whose signature fails is not sealed');
});

// ---------------------------------------------------------------------------------------------
// Properties: the builder against a copy made by hand and judged by the verifier alone.

const coordinatorGrant = coordinator.scope.grants[0];
const money = (units: number, currency: string) => ({ units, currency });
/** Each member of a child grant: most often the parent's own (so that many children are valid), else a variant on one side of its rule or the other. */
const either = <T>(parent: T, ...variants: T[]) => fc.oneof({ arbitrary: fc.constant(parent), weight: 4 }, { arbitrary: fc.constantFrom(...variants), weight: 1 });
const grantArb = fc
  .record({
    server_id: either<string>('provider-ops', '*', 'provider-*', 'other-ops'),
    tool_name: either<string>('disable_edge_rule', 'disable_*', '*', 'enable_edge_rule'),
    operations: either<string[]>(['invoke'], ['invoke', 'delegate'], ['invoke', 'read_result'], ['read']),
    constraints: either<unknown[]>(coordinatorGrant.constraints, coordinatorGrant.constraints.slice(0, 1), coordinatorGrant.constraints.slice(1), [...coordinatorGrant.constraints, { type: 'require_approval_above', value: { threshold_units: 100 } }]),
    max_invocations: either<number | undefined>(coordinatorGrant.max_invocations, undefined, 0, 1, 3),
    max_total_cost: either<unknown>(coordinatorGrant.max_total_cost, undefined, money(499, 'USD'), money(501, 'USD'), money(500, 'EUR')),
    max_cost_per_invocation: either<unknown>(coordinatorGrant.max_cost_per_invocation, undefined, money(1, 'USD'), money(501, 'USD')),
  })
  .map((g) => Object.fromEntries(Object.entries(g).filter(([, v]) => v !== undefined)));

t.test('property: a delegation the builder makes, the chain verifier accepts; one it refuses, the verifier refuses with the same code and path', async (t) => {
  const delegator = keyOf(coordinator.subject);
  const coordinatorSeed = (Object.values(parties).find((p) => p.hex === coordinator.subject) as { seed: Uint8Array }).seed;
  let made = 0;
  let refused = 0;
  fc.assert(
    fc.property(grantArb, either(0, -1, 1, 5), either(0, -1, 1, -100), (grant, issuedOffset, expiresOffset) => {
      const issued_at = coordinator.issued_at + issuedOffset;
      const expires_at = coordinator.expires_at + expiresOffset;
      const input = { id: 'cap-property', subject: executor.subject, scope: { grants: [grant] }, issued_at, expires_at, link: false } as const;
      const built = delegateCapability(coordinator, input as never, delegator, { ancestors: [root, vendor] });
      // By hand: the members SPEC 7.4 names, signed by the parent's holder.
      const byHand = signCompact({ id: 'cap-property', issuer: coordinator.subject, subject: executor.subject, scope: { grants: [grant] }, issued_at, expires_at, delegation_depth: 3, parent_capability_id: coordinator.id }, coordinatorSeed);
      const judged = verifyCapabilityChain(byHand, { now: issued_at, evidence: [root, vendor, coordinator] });
      if (built.ok) made++;
      else refused++;
      if (judged.ok) return built.ok && canonical(built.value) === canonical(byHand);
      return !built.ok && built.code === judged.code && built.path === judged.path;
    }),
    { numRuns: 300, seed: 20261202 },
  );
  t.ok(made > 20 && refused > 20, `both sides of the boundary are reached (${made} made, ${refused} refused)`);
});

t.test('property: a budget decision the builder records verifies with its ledger, and the opposite decision does not', async (t) => {
  const cap = procurement;
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 400000 }), fc.integer({ min: 0, max: 400000 }), fc.boolean(), (calls, spent, exposure, approval) => {
      const ledger = { invocations: calls, total: spent };
      const input = { grant_index: 1, exposure: money(exposure, 'USD'), ledger, decided_at: 1776272770, ...(approval ? { approval: { approved_by: 'lead', reason: 'ok', approved_at: 1776272700 } } : {}) };
      const built = authorizeBudget(cap, input);
      if (!built.ok) return false;
      const record = built.value;
      if (!verifyBudgetAuthorization(record, { now: 1776272770, capability: cap, ledger }).ok) return false;
      const flipped = record.decision === 'allowed'
        ? { ...record, decision: 'denied', denial: 'max_total_cost', invocation_count: calls, total_exposure: money(spent, 'USD') }
        : { ...record, decision: 'allowed', denial: undefined, invocation_count: calls + 1, total_exposure: money(spent + exposure, 'USD') };
      const clean = Object.fromEntries(Object.entries(flipped).filter(([, v]) => v !== undefined));
      return !verifyBudgetAuthorization(clean, { now: 1776272770, capability: cap, ledger }).ok;
    }),
    { numRuns: 300, seed: 20261202 },
  );
  t.pass('300 decisions');
});

t.test('property: a receipt the builder signs verifies against its intent; changed after signing, it does not', async (t) => {
  const kernel = generateKeyPair();
  fc.assert(
    fc.property(fc.constantFrom('allow', 'deny'), fc.option(fc.integer({ min: 0, max: 10 ** 9 }), { nil: undefined }), fc.jsonValue({ maxDepth: 2 }), (verdict, cost, parameters) => {
      const input = {
        id: 'rcpt-property',
        timestamp: 1776272775,
        tool_server: intent.tool_server,
        tool_name: intent.tool_name,
        decision: verdict === 'allow' ? { verdict: 'allow' as const } : { verdict: 'deny' as const, reason: 'over budget' },
        action: { parameters },
        ...(cost === undefined ? {} : { cost: money(cost, 'USD') }),
      };
      const built = signReceipt(input as never, intent, kernel);
      // Parameters with no canonical form (an integer beyond 2^53 - 1) have no hash to sign.
      const plain = notPlainJson(parameters) ?? signedContentIssue(parameters);
      if (plain !== undefined) return !built.ok && built.code === plain.code && built.path === `/action/parameters${plain.path}`;
      if (!built.ok) return false;
      const r = built.value;
      if (r.action?.parameter_hash !== documentHash(parameters)) return false;
      if (!verifyReceipt(r, { now: 1776272775, intent }).ok) return false;
      if (!verifyDocument(r, { now: 1776272775, evidence: [intent] }).ok) return false;
      return !verifyReceipt({ ...r, tool_name: `${r.tool_name}-x` }, { now: 1776272775, intent }).ok;
    }),
    { numRuns: 150, seed: 20261202 },
  );
  t.pass('150 receipts');
});
