/**
 * produce-intent, produce-receipt, produce-delegation, produce-seal (SPEC.md 13.2): the
 * implementation makes an artifact from the case's inputs, and the runner's judge verifies it with
 * the reference verifier; a case that expects a refusal names the code the verifier gives what the
 * request would make.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../lib/emit.js';
import type { Party } from '../../lib/parties.js';
import { accept, at, b64, fixture, LINE, mut, readJson, reject, text, vector, type Change, type Context, type Doc, type Expect, type Files } from './shared.js';
import { buyer, coordinator, executor, holder, intent, P, root, T0, vendor } from './world.js';

export function produceVectors(): void {
  {
    // Producer conformance (SPEC.md 13.2): the implementation makes an artifact from the case's
    // inputs and the runner's judge verifies it with the reference verifier; a case that expects a
    // refusal names the code the verifier gives what the request would make.
    const jwkOf = (party: Party) => ({ kty: 'OKP', crv: 'Ed25519', x: b64(party.pk), d: b64(party.seed) });
    const produce = (profile: string, name: string, spec: string, description: string, input: Readonly<Record<string, unknown>>, context: Context, expect: Expect): void => vector(`${profile}/${name}`, spec, description, input, context, expect);

    // produce-intent: an intent's hash, computed.
    const { intent_hash: _ih, ...intentBody } = intent;
    produce('produce-intent', 'commerce-network', '12.3', 'Agent Commerce Network\'s governed intent without its intent_hash: produce it with its hash.', { intent: intentBody }, at(T0), accept());
    produce('produce-intent', 'stale-hash-replaced', '12.3', 'The intent with a stale intent_hash: the hash produced is the recomputed one.', { intent: { ...intentBody, intent_hash: `sha256:${'0'.repeat(64)}` } }, at(T0), accept());
    produce('produce-intent', 'incident-network', '12.3', 'Incident Network\'s governed intent without its intent_hash.', { intent: mut(fixture('intent/governed-intent', 'disable-edge-rule.incident-network'), (d) => delete d.intent_hash) }, at(T0), accept());
    produce('produce-intent', 'without-its-buyer', '12.3', 'An intent without buyer_org, a member its schema requires: no hash is produced for it.', { intent: mut(intentBody, (d) => delete d.buyer_org) }, at(T0), reject('ERR_SCHEMA_REQUIRED'));
    produce('produce-intent', 'with-a-member-of-its-own', '12.3', 'An intent with a member its schema does not have: refused, not hashed.', { intent: { ...intentBody, discount: 'none' } }, at(T0), reject('ERR_SCHEMA_ADDITIONAL_PROPERTY'));

    // produce-receipt: a kernel signs the receipt of one call, bound to its intent.
    const kernel = holder(buyer.kernel_key);
    const { kernel_key: _k, signature: _s, intent_hash: _h, capability_id: _c, ...asked } = buyer;
    const receiptCase = (name: string, description: string, receipt: Doc, ofIntent: Doc, expect: Expect, key: Party = kernel): void => produce('produce-receipt', name, '12.4', description, { key: jwkOf(key), receipt, intent: ofIntent }, at(T0), expect);
    receiptCase('buyer-kernel', 'Agent Commerce Network\'s buyer kernel signs its receipt of the call, given the governed intent: the receipt names the intent\'s capability, commits to its hash and is signed under the kernel\'s key.', asked, intent, accept());
    receiptCase('with-its-parameters', 'The buyer kernel\'s receipt recording the call\'s parameters: their parameter_hash is computed and signed.', { ...asked, action: { parameters: { job: 'security-review', window: '2026-04', lines: [1, 2.5, 'three'] } } }, intent, accept());
    receiptCase('a-denial', 'A denied call\'s receipt, with its reason.', { ...asked, decision: { verdict: 'deny', reason: 'over budget' }, settlement_status: 'not_applicable' }, intent, accept());
    receiptCase('naming-its-capability', 'A receipt that names the intent\'s capability itself.', { ...asked, capability_id: intent.capability_id }, intent, accept());
    receiptCase('for-an-intent-whose-hash-is-stale', 'The intent given has a stale intent_hash (its purpose changed after hashing): no receipt is signed for it.', asked, { ...intent, purpose: 'another purpose' }, reject('ERR_INTENT_HASH_MISMATCH'));
    receiptCase('under-another-capability', 'A receipt asked under another capability than its intent\'s: refused.', { ...asked, capability_id: 'cap-of-another-deal' }, intent, reject('ERR_RECEIPT_CAPABILITY_MISMATCH'));
    receiptCase('a-denial-without-its-reason', 'A denial without the reason a receipt must give for it: refused by its schema.', { ...asked, decision: { verdict: 'deny' } }, intent, reject('ERR_SCHEMA_REQUIRED'));

    // produce-delegation: the holder of a capability delegates a narrower child (SPEC.md 12.2).
    const delegator = holder(coordinator.subject);
    const { signature: _es, issuer: _ei, delegation_depth: _ed, parent_capability_id: _ep, delegation_chain: _el, ...child } = executor;
    const grant = executor.scope.grants[0];
    const narrowed = (change: Change): Doc => ({ ...child, scope: { grants: [mut(grant, change)] } });
    const delegation = (name: string, description: string, asked: Doc, expect: Expect, extra: Readonly<Record<string, unknown>> = {}, key: Party = delegator, now: number = child.issued_at): void =>
      produce('produce-delegation', name, '12.2', description, { key: jwkOf(key), parent: coordinator, ancestors: [root, vendor], child: asked, ...extra }, at(now), expect);
    delegation('incident-network-executor', 'Incident Network: the provider coordinator delegates the executor\'s capability (one call of disable_edge_rule, 5.00 USD) to the executor, as the source writes it, without a delegation link.', child, accept(), { link: false });
    delegation('with-its-link', 'The executor\'s capability with the delegation link of this hop, signed by the coordinator after its parent\'s links.', child, accept());
    delegation('the-parent-scope', 'A child asked without a scope: it holds its parent\'s (which lets it delegate).', mut(child, (d) => delete d.scope), accept());
    delegation('every-cap-at-the-parent', 'A child whose caps equal its parent\'s (two calls, 5.00 USD in all and per call) and whose end is its parent\'s: equal is within.', { ...narrowed((g) => ((g.max_invocations = 2), (g.operations = ['invoke', 'delegate']))), expires_at: coordinator.expires_at, ttl_secs: coordinator.expires_at - child.issued_at }, accept());
    delegation('one-more-call', 'A child asking three calls of a parent that allows two: refused, not signed.', narrowed((g) => (g.max_invocations = 3)), reject('ERR_CAP_LIMIT_EXCEEDED'));
    delegation('one-cent-more', 'A child asking 5.01 USD in all of a parent that allows 5.00.', narrowed((g) => (g.max_total_cost = { units: 501, currency: 'USD' })), reject('ERR_CAP_LIMIT_EXCEEDED'));
    delegation('another-operation', 'A child asking read as well as invoke, which its parent does not grant.', narrowed((g) => (g.operations = ['invoke', 'read'])), reject('ERR_CAP_OPERATION_WIDENED'));
    delegation('without-the-total-cap', 'A child that drops its parent\'s max_total_cost.', narrowed((g) => delete g.max_total_cost), reject('ERR_CAP_LIMIT_DROPPED'));
    delegation('without-a-constraint', 'A child that drops its parent\'s target_rule constraint.', narrowed((g) => (g.constraints = g.constraints.slice(1))), reject('ERR_CAP_CONSTRAINT_DROPPED'));
    delegation('another-tool', 'A child asking another tool than its parent covers.', narrowed((g) => (g.tool_name = 'enable_edge_rule')), reject('ERR_CAP_NOT_COVERED'));
    delegation('outliving-its-parent', 'A child asked to expire one second after its parent.', { ...child, expires_at: coordinator.expires_at + 1, ttl_secs: coordinator.expires_at + 1 - child.issued_at }, reject('ERR_CAP_EXPIRY_EXTENDED'));
    delegation('older-than-its-parent', 'A child dated one second before its parent was issued, produced after both were.', { ...child, issued_at: coordinator.issued_at - 1, ttl_secs: child.expires_at - coordinator.issued_at + 1 }, reject('ERR_CAP_ISSUED_BEFORE_PARENT'));
    delegation('by-another-key', 'The child signed by the vendor liaison, who does not hold the coordinator\'s capability: refused.', child, reject('ERR_CHAIN_ISSUER_MISMATCH'), {}, P.liaison);

    // produce-seal: the sealer lists every file with its hash and proves the manifest (SPEC.md 12.8).
    const CN = join(ROOT, 'examples', LINE, 'transactions', 'commerce-network');
    const cnManifest = readJson(join(CN, 'bundle-manifest.json'));
    const cnFiles = Object.fromEntries(Object.keys(cnManifest.artifacts).map((f) => [f, { base64: b64(readFileSync(join(CN, f))) }]));
    const sealer = Object.values(P).find((p) => p.vm === cnManifest.proof.verificationMethod) as Party;
    const sealAt = Date.parse(cnManifest.created_at) / 1000;
    const sealCase = (name: string, description: string, files: Files, bundle: Doc, expect: Expect): void => produce('produce-seal', name, '12.8', description, { key: jwkOf(sealer), files, bundle }, at(sealAt), expect);
    sealCase('commerce-network', 'Agent Commerce Network\'s procurement bundle, its nine artifacts: seal it as its trust control, declaring the procurement it records.', cnFiles, { bundle_id: cnManifest.bundle_id, created_at: cnManifest.created_at, transaction: 'procurement' }, accept());
    sealCase('without-a-kind', 'The same files sealed without declaring a kind of transaction.', cnFiles, {}, accept());
    const forgedReceipt = mut(readJson(join(CN, 'receipts/buyer.json')), (d) => (d.tool_name = 'procurement_job_delete'));
    sealCase('a-receipt-changed', 'The bundle with the buyer\'s receipt changed after its kernel signed it: the sealer refuses to vouch for it.', { ...cnFiles, 'receipts/buyer.json': { base64: b64(new TextEncoder().encode(text(forgedReceipt))) } }, { transaction: 'procurement' }, reject('ERR_SIG_INVALID'));
    const { 'contracts/fulfillment-package.json': _fp, ...withoutPackage } = cnFiles;
    sealCase('a-procurement-without-its-package', 'The procurement bundle without its fulfillment package, sealed as a procurement: the kind requires one.', withoutPackage, { transaction: 'procurement' }, reject('ERR_BUNDLE_REQUIRED_MISSING'));
  }
}
