/**
 * Evidence bundles and transaction replay (SPEC.md 12.8, 12.9): the seven-station transaction
 * in examples/ replays hop by hop, and any one artifact tampered with fails the hop it belongs
 * to; hostile bundles (paths, case, links, missing and unlisted files) are refused in every
 * mode; Incident Network's bundle passes its smoke assertions and fails them when the cost is wrong.
 */
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { documentHash, sha256Bytes } from '../../src/crypto/hash.js';
import { toHex } from '../../src/encoding/bytes.js';
import type { VerificationReport } from '../../src/generated/types.js';
import { SchemaRegistry } from '../../src/schema/registry.js';
import { BUNDLE_MANIFEST_PATH, verifyBundle } from '../../src/verify/bundle.js';
import { readBundleFolder } from '../../src/io/bundle-folder.js';
import { HOPS, replayTransaction } from '../../src/verify/replay.js';
import { bundleOf, changed, EXAMPLES, fixture, parties, resign, T0 } from './world.js';

const registry = SchemaRegistry.open();
const SEVEN = join(EXAMPLES, 'transactions', 'seven-station');
const folder = readBundleFolder(SEVEN);
const NOW = Date.parse('2026-11-01T10:08:00Z') / 1000;
// The caller vouches for Dreamineering's DID document by its hash: the bundle carries it, but
// only the pin makes it count (SPEC.md 12.8, trust).
const didFile = folder.files.get('identity/dreamineering-did.json') as Uint8Array;
const PINNED = [documentHash(JSON.parse(new TextDecoder().decode(didFile)))];
const replay = (files: ReadonlyMap<string, Uint8Array>, now = NOW) => replayTransaction(files, { now, pinnedDocuments: PINNED });
const failed = (r: VerificationReport) => (r.hops ?? []).filter((h) => !h.ok);
const enc = new TextEncoder();
const dec = new TextDecoder();

t.test('the seven-station transaction replays end to end, every hop verified', async (t) => {
  t.same(folder.issues, []);
  const r = replay(folder.files);
  t.equal(r.ok, true, JSON.stringify(r.errors));
  t.same(
    (r.hops ?? []).map((h) => [h.hop, h.ok]),
    HOPS.map((h) => [h.hop, true]),
  );
  t.equal(registry.validate('bundle/verification-report', r).ok, true, 'the report is a valid verification report');
  t.equal(verifyBundle(folder.files, { now: NOW, pinnedDocuments: PINNED }).ok, true, 'and verifies as a bundle');
});

/** Every artifact, with one character of one value changed. */
function tampered(path: string): string {
  const text = dec.decode(folder.files.get(path));
  const out = text.replace(/(: "[^"]*?)([0-9a-z])"/, (_m, head: string, last: string) => `${head}${last === 'a' ? 'b' : 'a'}"`);
  if (out === text) throw new Error(`nothing to change in ${path}`);
  return out;
}
const artifacts = [...folder.files.keys()].filter((p) => p !== BUNDLE_MANIFEST_PATH);
const hopNames: Record<string, string> = { identity: 'identity', manifest: 'manifest', capability: 'capability_chain', intent: 'intent', mandates: 'mandates', settlement: 'settlement', receipts: 'receipts' };

t.test('a tampered artifact fails the hop it belongs to, named by the report', async (t) => {
  t.equal(artifacts.length, 17);
  for (const path of artifacts) {
    const files = new Map(folder.files);
    files.set(path, enc.encode(tampered(path)));
    const r = replay(files);
    const hop = hopNames[path.split('/')[0] as string];
    t.equal(r.ok, false, `${path}: the replay fails`);
    t.match(r.hops?.find((h) => h.hop === hop), { ok: false, code: 'ERR_BUNDLE_ALTERED', path }, `${path}: hop ${hop} names it`);
  }
});

t.test('with its hash recomputed in the manifest, the manifest\'s proof and the hop\'s own check both catch it', async (t) => {
  for (const path of artifacts) {
    const files = new Map(folder.files);
    const body = tampered(path);
    files.set(path, enc.encode(body));
    const manifest = JSON.parse(dec.decode(folder.files.get(BUNDLE_MANIFEST_PATH)));
    manifest.artifacts[path] = `sha256:${toHex(sha256Bytes(enc.encode(body)))}`;
    files.set(BUNDLE_MANIFEST_PATH, enc.encode(JSON.stringify(manifest)));
    const r = replay(files);
    t.equal(r.ok, false, `${path}: the replay fails`);
    t.match(r.errors[0], { code: 'ERR_PROOF_INVALID', path: `${BUNDLE_MANIFEST_PATH}#/proof/proofValue` }, `${path}: the manifest's proof no longer verifies`);
    // Signed artifacts, and unsigned records held to what they account for, fail at their hop.
    const hop = hopNames[path.split('/')[0] as string];
    if (path === 'settlement/settlement.json') continue; // its id is referenced by nothing; the manifest proof is its guard
    t.ok(failed(r).some((h) => h.hop === hop), `${path}: hop ${hop} fails on its own (${failed(r).map((h) => `${h.hop} ${h.code}`).join(', ')})`);
  }
});

t.test('a transaction without a hop is missing that hop', async (t) => {
  const files = new Map(folder.files);
  files.delete('receipts/intent-trace.json');
  const manifest = JSON.parse(dec.decode(folder.files.get(BUNDLE_MANIFEST_PATH)));
  delete manifest.artifacts['receipts/intent-trace.json'];
  delete manifest.proof;
  files.set(BUNDLE_MANIFEST_PATH, enc.encode(JSON.stringify(manifest)));
  const r = replay(files);
  t.match(r.hops?.find((h) => h.hop === 'receipts'), { ok: false, code: 'ERR_REPLAY_HOP_MISSING' });
  t.same(failed(r).map((h) => h.hop), ['receipts']);
});

t.test('replayed after the capability expired, the chain hop fails and names why', async (t) => {
  const r = replay(folder.files, NOW + 3600);
  t.match(r.hops?.find((h) => h.hop === 'capability_chain'), { ok: false, code: 'ERR_CHAIN_EXPIRED', path: 'capability/shopping-agent.json#/expires_at' });
});

t.test('hostile bundles are refused, from memory and from a folder alike', async (t) => {
  const base = bundleOf({ 'a.json': fixture('settlement/dispute', 'opened.commerce-network') });
  const withManifest = (artifacts: Record<string, string>) => {
    const files = new Map(base);
    files.set(BUNDLE_MANIFEST_PATH, enc.encode(JSON.stringify({ artifacts })));
    return files;
  };
  const hash = JSON.parse(dec.decode(base.get(BUNDLE_MANIFEST_PATH))).artifacts['a.json'] as string;
  const codes = (files: Map<string, Uint8Array>) => verifyBundle(files, { now: T0 }).errors.map((e) => `${e.code} ${e.path}`);
  t.same(codes(base), []);
  t.same(codes(withManifest({ 'a.json': hash, '../etc/passwd': hash })), ['ERR_BUNDLE_PATH_UNSAFE bundle-manifest.json#/artifacts/..~1etc~1passwd']);
  t.same(codes(withManifest({ 'a.json': hash, '/etc/passwd': hash })), ['ERR_BUNDLE_PATH_UNSAFE bundle-manifest.json#/artifacts/~1etc~1passwd']);
  t.same(codes(withManifest({ 'a.json': hash, 'A.json': hash })), ['ERR_BUNDLE_CASE_COLLISION bundle-manifest.json#/artifacts/A.json']);
  t.same(codes(withManifest({ 'a.json': hash, 'b.json': hash })), ['ERR_BUNDLE_MISSING b.json']);
  t.same(codes(withManifest({ 'a.json': `sha256:${'0'.repeat(64)}` })), ['ERR_BUNDLE_ALTERED a.json']);
  const extra = new Map(base);
  extra.set('b.json', enc.encode('{}'));
  extra.set('A.JSON', enc.encode('{}'));
  extra.set('./c.json', enc.encode('{}'));
  t.same(codes(extra), ['ERR_BUNDLE_PATH_UNSAFE ./c.json', 'ERR_BUNDLE_CASE_COLLISION A.JSON', 'ERR_BUNDLE_UNRECOGNISED b.json'], 'unsafe, colliding and unlisted paths in the file map');
  const duplicate = new Map(base);
  duplicate.set(BUNDLE_MANIFEST_PATH, enc.encode(`{"artifacts":{"a.json":"${hash}","a.json":"${hash}"}}`));
  t.same(codes(duplicate), ['ERR_JSON_DUPLICATE_KEY bundle-manifest.json#/artifacts/a.json'], 'a path listed twice');
  const none = new Map(base);
  none.delete(BUNDLE_MANIFEST_PATH);
  t.same(codes(none), ['ERR_BUNDLE_MANIFEST_MISSING bundle-manifest.json']);
  const notJson = new Map(base);
  notJson.set('a.json', enc.encode('{'));
  notJson.set(BUNDLE_MANIFEST_PATH, enc.encode(JSON.stringify({ artifacts: { 'a.json': `sha256:${toHex(sha256Bytes(enc.encode('{')))}` } })));
  t.match(codes(notJson), [/^ERR_JSON_SYNTAX a\.json/]);
  const unknown = bundleOf({ 'x.json': { hello: 'world' } });
  t.same(codes(unknown), ['ERR_BUNDLE_UNRECOGNISED x.json']);

  const dir = mkdtempSync(join(tmpdir(), 'writ-bundle-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(SEVEN, dir, { recursive: true });
  symlinkSync(join(dir, 'identity', 'agent-credential.json'), join(dir, 'identity', 'link.json'));
  writeFileSync(join(dir, 'stray.json'), '{}');
  const read = readBundleFolder(dir);
  t.same(read.issues.map((i) => `${i.code} ${i.path}`), ['ERR_BUNDLE_SYMLINK identity/link.json'], 'a link is reported, never followed');
  const r = replayTransaction(read.files, { now: NOW, pinnedDocuments: PINNED, readIssues: read.issues });
  t.same(r.errors.map((e) => e.code), ['ERR_BUNDLE_SYMLINK', 'ERR_BUNDLE_UNRECOGNISED']);
  t.same(failed(r), [], 'the hops themselves verify');
  t.match(readBundleFolder(join(dir, 'nothing-here')).issues, [{ code: 'ERR_IO_NOT_FOUND' }]);
});

t.test('Incident Network, smoke assertions: lineage walked for every capability, the executor\'s cost is the budget consumed', async (t) => {
  const docs = {
    'capabilities/root-commander.json': fixture('capability/token', 'root-commander.incident-network'),
    'capabilities/vendor-liaison-agent.json': fixture('capability/token', 'vendor-liaison.incident-network'),
    'capabilities/provider-coordinator.json': fixture('capability/token', 'provider-coordinator.incident-network'),
    'capabilities/provider-executor.json': fixture('capability/token', 'provider-executor.incident-network'),
    'lineage/root-commander-chain.json': fixture('capability/lineage-chain', 'root-commander.incident-network'),
    'acp/task-created.json': fixture('task/task-created', 'incident-network'),
    'intent/disable-edge-rule.json': fixture('intent/governed-intent', 'disable-edge-rule.incident-network'),
    'financial/budget.json': fixture('settlement/budget-authorization', 'executor.incident-network'),
    'receipts/executor.json': fixture('receipt/tool-call', 'executor.incident-network'),
  };
  const at = T0 + 45;
  t.same(verifyBundle(bundleOf(docs), { now: at }).errors, []);
  const overcharged = resign(changed(docs['receipts/executor.json'], (d) => (d.cost.units = 300)), { ...parties.opsKernel });
  t.match(verifyBundle(bundleOf({ ...docs, 'receipts/executor.json': overcharged }), { now: at }).errors, [{ code: 'ERR_BUNDLE_COST_MISMATCH', path: 'receipts/executor.json#/cost', details: { receipts_cost: 300, budget_consumed: 250 } }]);
  const revoked = { ...docs, 'revocations/vendor.json': fixture('capability/revocation', 'vendor-liaison.incident-network') };
  const errors = verifyBundle(bundleOf(revoked), { now: at }).errors.map((e) => `${e.code} ${e.path}`);
  t.same(errors, [
    'ERR_CHAIN_REVOKED capabilities/vendor-liaison-agent.json',
    'ERR_CHAIN_REVOKED_ANCESTOR capabilities/vendor-liaison-agent.json',
    'ERR_CHAIN_REVOKED_ANCESTOR capabilities/vendor-liaison-agent.json',
    // The task carries the vendor capability itself, verified as if it stood alone.
    'ERR_CHAIN_REVOKED acp/task-created.json#/vendor_liaison_capability',
    // The executor's allowed receipt (1776272817) is from after the revocation (1776272790).
    'ERR_CHAIN_REVOKED_ANCESTOR receipts/executor.json#/timestamp',
  ], 'the revocation in the bundle denies the vendor capability and everything under it, each reported at the vendor\'s file, the task that carries it, and the allow recorded after it');
  const forgedRevocation = resign(changed(fixture('capability/revocation', 'vendor-liaison.incident-network'), (d) => (d.revoked_by = parties.stranger.hex)), parties.stranger);
  t.match(verifyBundle(bundleOf({ ...docs, 'revocations/vendor.json': forgedRevocation }), { now: at }).errors, [{ code: 'ERR_KEY_NOT_AUTHORIZED', path: 'revocations/vendor.json#/revoked_by' }], 'a revocation by a stranger does not count');
  const lineage = (change: (d: any) => void) => bundleOf({ ...docs, 'lineage/root-commander-chain.json': changed(docs['lineage/root-commander-chain.json'], change) });
  t.match(verifyBundle(lineage((d) => (d.chain[4].parent_capability_id = 'INC-2026-0428-change')), { now: at }).errors, [{ code: 'ERR_REPLAY_LINK_BROKEN', path: 'lineage/root-commander-chain.json#/chain/4/parent_capability_id' }], 'a lineage record that gives a capability another parent');
  t.match(verifyBundle(lineage((d) => ((d.chain[5].parent_capability_id = 'INC-2026-0428-change'), (d.chain[5].delegation_depth = 2))), { now: at }).errors, [{ code: 'ERR_CHAIN_DEPTH_MISMATCH', path: 'lineage/root-commander-chain.json#/chain/5/delegation_depth' }], 'or another depth');
});

t.test('trust: a seal counts only under a policy that names its sealer, and a bundle never vouches for its own DID documents', async (t) => {
  const manifest = JSON.parse(dec.decode(folder.files.get(BUNDLE_MANIFEST_PATH) as Uint8Array)) as { proof: { verificationMethod: string } };
  const bundler = manifest.proof.verificationMethod.split('#')[0] as string;
  // The capability root's issuer as the trust anchor, so that the seal's warning is the only one.
  const anchors = [(JSON.parse(dec.decode(folder.files.get('capability/agents-root.json') as Uint8Array)) as { issuer: string }).issuer];
  const open = verifyBundle(folder.files, { now: NOW, pinnedDocuments: PINNED, trustAnchors: anchors });
  t.equal(open.ok, true, 'without a policy the bundle is internally consistent');
  t.same(open.seal, { status: 'untrusted', sealer: bundler }, 'and the report names who sealed it, untrusted');
  t.same(open.warnings?.map((w) => w.code), ['ERR_BUNDLE_SEAL_UNTRUSTED'], 'as a structured warning');
  t.equal(registry.validate('bundle/verification-report', open).ok, true);
  const trusted = verifyBundle(folder.files, { now: NOW, pinnedDocuments: PINNED, sealers: [bundler], trustAnchors: anchors });
  t.same([trusted.ok, trusted.seal, trusted.warnings], [true, { status: 'trusted', sealer: bundler }, []], 'named by the policy, the seal is trusted');
  const other = verifyBundle(folder.files, { now: NOW, pinnedDocuments: PINNED, sealers: ['did:web:someone.else'] });
  t.same(other.errors.map((e) => e.code), ['ERR_BUNDLE_SEAL_UNTRUSTED'], 'a policy that names another sealer refuses it');
  const files = new Map(folder.files);
  const stripped = { ...JSON.parse(dec.decode(files.get(BUNDLE_MANIFEST_PATH) as Uint8Array)) };
  delete stripped.proof;
  files.set(BUNDLE_MANIFEST_PATH, enc.encode(JSON.stringify(stripped)));
  const unsealed = verifyBundle(files, { now: NOW, pinnedDocuments: PINNED, trustAnchors: anchors });
  t.same([unsealed.ok, unsealed.seal, unsealed.warnings?.map((w) => w.code)], [true, { status: 'unsealed' }, ['ERR_BUNDLE_UNSEALED']], 'an unsealed bundle says so');
  t.same(verifyBundle(files, { now: NOW, pinnedDocuments: PINNED, sealers: [bundler] }).errors.map((e) => e.code), ['ERR_BUNDLE_UNSEALED'], 'and fails a policy that requires a seal');
  const unpinned = verifyBundle(folder.files, { now: NOW, sealers: [bundler] });
  t.ok(unpinned.errors.length > 0 && unpinned.errors.every((e) => e.code === 'ERR_KEY_UNRESOLVED'), 'the bundle\'s own DID document, unpinned, resolves nothing');
  const supplied = verifyBundle(folder.files, { now: NOW, sealers: [bundler], documents: new Map([['did:web:dreamineering.com', JSON.parse(dec.decode(didFile))]]) });
  t.equal(supplied.ok, true, 'the caller may supply the document instead of pinning it');
});
