/**
 * bundle (SPEC.md 2, 3, 12.8): a bundle read and checked. Paths, hashes and the manifest, the
 * receipts' cost against the budget consumed, the ledger of each grant, the kinds' required
 * artifacts, Incident Network's smoke assertions and Agent Commerce Network's procurement folder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../../../src/io/files.js';
import type { ErrorCode } from '../../../src/issues.js';
import { reprove, resign, type Party } from '../../lib/parties.js';
import { accept, at, b64, bundle, EXAMPLES, file, files, fixture, mut, readJson, rejectAll, sha256, text, transactionDocs, unpack, usd, utf8, vector, type Change, type Context, type Doc, type Docs, type Expect, type FileBytes, type Files, type FileTree } from './shared.js';
import { AT, buyer, coordinator, dispute, executor, forkedVendor, NOV, P, procurement, revocation, root, settled, smoke, T0 } from './world.js';
import { intentAt } from './builders.js';
import { pinned } from './seven-station.js';

/** A bundle vector (SPEC.md 12.8): the files verified at `now`. */
export const bundleVector = (name: string, description: string, f: FileTree, now: number, expect: Expect): void => vector(`bundle/${name}`, '12.8', description, { files: f }, at(now), expect);
const small = { 'dispute.json': dispute };

export function bundleVectors(): void {
  bundleVector('incident-network/smoke', 'Incident Network smoke assertions: every artifact present with its hash, the lineage walked for every capability, the executor\'s receipt cost equal to the budget consumed.', bundle(smoke), AT, accept());
  bundleVector('incident-network/cost-mismatch', 'The executor\'s receipt records 300 where the budget consumed is 250.', bundle({ ...smoke, 'receipts/executor.json': resign(mut(smoke['receipts/executor.json'], (d) => (d.cost.units = 300)), P.opsKernel) }), AT, rejectAll('ERR_BUNDLE_COST_MISMATCH'));
  bundleVector('incident-network/revoked-in-bundle', 'Incident Network: the bundle carries the revocation of the vendor capability; it and everything under it are denied.', bundle({ ...smoke, 'revocations/vendor.json': revocation }), AT, rejectAll('ERR_CHAIN_REVOKED', 'ERR_CHAIN_REVOKED_ANCESTOR'));
  bundleVector('revocation-by-a-stranger', 'Denial by forged revocation: a record signed by a key that issued nothing on the chain does not count.', bundle({ ...smoke, 'revocations/vendor.json': resign({ ...revocation, revoked_by: P.stranger.hex }, P.stranger) }), AT, rejectAll('ERR_KEY_NOT_AUTHORIZED'));
  bundleVector('revocation-of-an-unknown-capability', 'A stranger revokes a capability the evidence does not hold: nothing shows it may, so the record is refused.', bundle({ ...smoke, 'revocations/unknown.json': resign({ ...revocation, capability_id: 'INC-2026-0428-unknown', revoked_by: P.stranger.hex }, P.stranger) }), AT, rejectAll('ERR_KEY_NOT_AUTHORIZED'));
  bundleVector('forked-id-suppresses-revocation', 'Suppress a revocation with a forked id: beside the genuine revocation of the vendor liaison\'s capability, a self-signed capability with its id. Every chain refuses the ambiguous evidence, and the revocation counts for no one.', bundle({ ...smoke, 'revocations/vendor.json': revocation, 'capabilities/forked-vendor.json': forkedVendor }), AT, rejectAll('ERR_CHAIN_DUPLICATE_ID', 'ERR_KEY_NOT_AUTHORIZED'));
  {
    const budget = smoke['financial/budget.json'];
    const second = { ...budget, hold_id: `${budget.hold_id}-again` };
    bundleVector('double-spend/second-call-claims-call-one', 'Spend twice: a second authorization under the one-call grant that also calls itself call 1.', bundle({ ...smoke, 'financial/budget-2.json': second }), AT, rejectAll('ERR_BUDGET_DECISION_MISMATCH', 'ERR_BUDGET_INVOCATIONS_EXCEEDED', 'ERR_BUNDLE_COST_MISMATCH'));
    bundleVector('double-spend/same-artifacts-twice', 'Spend twice: the same receipt and authorization under two more paths. Each is counted once, and each copy is reported.', bundle({ ...smoke, 'financial/budget-copy.json': budget, 'receipts/executor-copy.json': smoke['receipts/executor.json'] }), AT, rejectAll('ERR_BUNDLE_DUPLICATE'));
  }
  {
    // Denials verify as denials (SPEC.md 12.8): the provider's answer names the revoked ancestor
    // and its depth, and the evidence must give both.
    const denial = fixture('task/process-task-response', 'revoked-ancestor.incident-network');
    const revoked = { ...smoke, 'revocations/vendor.json': revocation };
    bundleVector('incident-network/denial-recorded', 'Incident Network revocation: the provider\'s denial names the revoked vendor liaison capability at depth 1, as the chain gives it. The denial adds no error to the revoked chain\'s.', bundle({ ...revoked, 'task/denial.json': denial }), AT, rejectAll('ERR_CHAIN_REVOKED', 'ERR_CHAIN_REVOKED_ANCESTOR'));
    bundleVector('incident-network/denial-wrong-depth', 'A denial that names the revoked ancestor at another depth than its chain gives.', bundle({ ...revoked, 'task/denial.json': mut(denial, (d) => (d.execution.denied_at_depth = 2)) }), AT, rejectAll('ERR_CHAIN_REVOKED', 'ERR_CHAIN_REVOKED_ANCESTOR', 'ERR_CHAIN_DENIAL_MISMATCH'));
    bundleVector('incident-network/denial-wrong-ancestor', 'A denial that blames the provider coordinator\'s capability, which nobody revoked.', bundle({ ...revoked, 'task/denial.json': mut(denial, (d) => ((d.execution.revoked_capability_id = coordinator.id), (d.execution.denied_at_depth = 2))) }), AT, rejectAll('ERR_CHAIN_REVOKED', 'ERR_CHAIN_REVOKED_ANCESTOR', 'ERR_CHAIN_DENIAL_MISMATCH'));
    bundleVector('incident-network/denial-without-revocation', 'A denial that names a revocation the bundle does not hold: the chain is live, so the denial is unfounded.', bundle({ ...smoke, 'task/denial.json': denial }), AT, rejectAll('ERR_CHAIN_DENIAL_MISMATCH'));
  }
  {
    // A capability embedded in a task is verified as if it stood alone (SPEC.md 12.8).
    const task = fixture('task/task-created', 'incident-network');
    bundleVector('incident-network/task-capability', 'Incident Network: the task the vendor liaison created carries its capability, which verifies with the bundle\'s chain.', bundle({ ...smoke, 'tasks/task.json': task }), AT, accept());
    const own = (change: Change): Doc => mut(task, (d) => ((d.vendor_liaison_capability.id = 'INC-2026-0428-vendor-task'), change(d.vendor_liaison_capability)));
    bundleVector('incident-network/task-capability-widened', 'A task whose embedded capability was widened (more invocations) after its issuer signed it.', bundle({ ...smoke, 'tasks/task.json': own((c) => (c.scope.grants[0].max_invocations = 99)) }), AT, rejectAll('ERR_SIG_INVALID'));
    bundleVector('incident-network/task-capability-by-a-stranger', 'A task whose embedded capability a stranger issued and signed, under the root.', bundle({ ...smoke, 'tasks/task.json': mut(own(() => {}), (d) => (d.vendor_liaison_capability = resign({ ...d.vendor_liaison_capability, issuer: P.stranger.hex }, P.stranger))) }), AT, rejectAll('ERR_CHAIN_ISSUER_MISMATCH'));
    bundleVector('incident-network/task-capability-forked', 'A task whose embedded capability has the vendor liaison capability\'s id but other grants: two capabilities with one id.', bundle({ ...smoke, 'tasks/task.json': mut(task, (d) => (d.vendor_liaison_capability.scope.grants[0].max_invocations = 99)) }), AT, rejectAll('ERR_CHAIN_DUPLICATE_ID'));
  }
  bundleVector('authorization-for-another-intent', 'Lean on what nobody signed: a budget authorization for an intent the bundle does not hold.', bundle({ ...smoke, 'financial/budget.json': { ...smoke['financial/budget.json'], intent_hash: `sha256:${'5'.repeat(64)}` } }), AT, rejectAll('ERR_REPLAY_LINK_BROKEN'));
  // No silent allow (SPEC.md 12.8): each allowed receipt is checked at its own time.
  bundleVector('incident-network/allowed-after-revocation', 'No silent allow: the vendor liaison capability is revoked at 1776272790, and the executor\'s allowed receipt is from 1776272817. Checked at a time before the revocation, the chain is usable; at the receipt\'s own time it was not.', bundle({ ...smoke, 'revocations/vendor.json': revocation }), T0 + 14, rejectAll('ERR_CHAIN_REVOKED_ANCESTOR'));
  bundleVector('incident-network/allowed-after-expiry', 'An allowed receipt dated after its capability expired, re-signed by the kernel: the chain is checked at the receipt\'s time, not only at now.', bundle({ ...smoke, 'receipts/executor.json': resign(mut(smoke['receipts/executor.json'], (d) => (d.timestamp = executor.expires_at + 1)), P.opsKernel) }), AT, rejectAll('ERR_CHAIN_EXPIRED'));
  // Hide a missing hop (SPEC.md 12.8): a bundle that declares its kind must hold what the kind requires.
  {
    const declared = (docs: Docs): Files => bundle(docs, (m) => (m.transaction = 'delegated-fix'));
    bundleVector('incident-network/smoke-declared', 'Incident Network smoke assertions, the manifest declaring a delegated fix: every artifact the kind requires is there.', declared(smoke), AT, accept());
    const { 'lineage/root-commander-chain.json': _lineage, ...noLineage } = smoke;
    bundleVector('incident-network/lineage-deleted', 'Hide a missing hop: the lineage record deleted from a delegated-fix bundle.', declared(noLineage), AT, rejectAll('ERR_BUNDLE_REQUIRED_MISSING'));
    const { 'receipts/executor.json': _receipt, ...noReceipt } = smoke;
    bundleVector('incident-network/receipt-deleted', 'Hide a missing hop: the executor\'s receipt deleted from a delegated-fix bundle. The budget it consumed now has no call behind it, too.', declared(noReceipt), AT, rejectAll('ERR_BUNDLE_REQUIRED_MISSING', 'ERR_BUNDLE_COST_MISMATCH'));
    bundleVector('incident-network/same-receipt-twice-for-two', 'A receipt listed twice does not stand for two: the copy is reported, and counted once.', bundle({ ...smoke, 'receipts/executor-2.json': smoke['receipts/executor.json'] }, (m) => (m.transaction = 'delegated-fix')), AT, rejectAll('ERR_BUNDLE_DUPLICATE'));
  }
  // Stand-ins and uncounted calls (found by an attack on the checks above).
  {
    const receipt = smoke['receipts/executor.json'];
    const { 'receipts/executor.json': _r, ...noReceipt } = smoke;
    const stranger = resign({ ...receipt, id: 'rcpt-elsewhere', capability_id: 'cap-elsewhere', intent_hash: `sha256:${'9'.repeat(64)}`, kernel_key: P.stranger.hex }, P.stranger);
    bundleVector('incident-network/receipt-stand-in', 'Hide a missing hop behind a stand-in: the executor\'s receipt replaced by a stranger-signed receipt of another transaction. It is under no capability of the bundle and commits to none of its intents, and the budget consumed has no call behind it.', bundle({ ...noReceipt, 'receipts/executor.json': stranger }, (m) => (m.transaction = 'delegated-fix')), AT, rejectAll('ERR_REPLAY_LINK_BROKEN', 'ERR_RECEIPT_INTENT_MISMATCH', 'ERR_BUNDLE_COST_MISMATCH'));
    const unbudgeted = resign({ ...receipt, id: 'rcpt-coordinator-extra', capability_id: coordinator.id, cost: usd(499) }, P.opsKernel);
    bundleVector('incident-network/call-without-a-budget', 'An allowed, costed call under the coordinator\'s grant, which no budget record accounts for: it consumed nothing, so its cost of 4.99 is a mismatch (and the intent it commits to is the executor\'s, not the coordinator\'s).', bundle({ ...smoke, 'receipts/coordinator-extra.json': unbudgeted }), AT, rejectAll('ERR_BUNDLE_COST_MISMATCH', 'ERR_RECEIPT_CAPABILITY_MISMATCH'));
    const { cost: _c, ...costless } = receipt;
    const second = resign({ ...costless, id: 'rcpt-019d921b-executor-0002' }, P.opsKernel);
    bundleVector('incident-network/second-call-without-cost', 'A second allowed call under the executor\'s one-call grant, its receipt recording no cost: the calls receipts record count against max_invocations.', bundle({ ...smoke, 'receipts/executor-2.json': second }), AT, rejectAll('ERR_BUDGET_INVOCATIONS_EXCEEDED'));
  }
  // Numbers as signed (SPEC.md 3, 12.8): a signed artifact's number text is its RFC 8785 form.
  for (const [name, form] of [['trailing-zero', '250.0'], ['exponent', '2.5e2']] as const) {
    const receiptText = text(smoke['receipts/executor.json']).replace('"units": 250', `"units": ${form}`);
    bundleVector(`number-not-as-signed/${name}`, `Sign what JSON text does not say: the executor's receipt with its cost written ${form}. Read as a double it is 250 and the signature verifies; a reader that keeps the text, or reads it as a decimal, sees other content than was signed. Refused, the receipt leaves the budget with no call behind it.`, bundle({ ...smoke, 'receipts/executor.json': receiptText }), AT, rejectAll('ERR_JSON_NUMBER_FORM', 'ERR_BUNDLE_COST_MISMATCH'));
  }
  bundleVector('lineage-disagrees', 'A lineage record that gives a capability another parent than it names.', bundle({ ...smoke, 'lineage/root-commander-chain.json': mut(smoke['lineage/root-commander-chain.json'], (d) => (d.chain[4].parent_capability_id = 'INC-2026-0428-change')) }), AT, rejectAll('ERR_REPLAY_LINK_BROKEN'));
  bundleVector('lineage-depth-disagrees', 'A lineage record that puts a capability at another depth.', bundle({ ...smoke, 'lineage/root-commander-chain.json': mut(smoke['lineage/root-commander-chain.json'], (d) => ((d.chain[5].parent_capability_id = 'INC-2026-0428-change'), (d.chain[5].delegation_depth = 2))) }), AT, rejectAll('ERR_CHAIN_DEPTH_MISMATCH'));
  bundleVector('path-traversal', 'Path traversal: the manifest lists ../etc/passwd.', bundle(small, (d) => (d.artifacts['../etc/passwd'] = d.artifacts['dispute.json'])), T0, rejectAll('ERR_BUNDLE_PATH_UNSAFE'));
  bundleVector('windows-trailing-dot', 'A manifest that lists dispute.json and dispute.json. (a trailing dot): on Windows, which drops the dot, both are one file.', bundle(small, (d) => (d.artifacts['dispute.json.'] = d.artifacts['dispute.json'])), T0, rejectAll('ERR_BUNDLE_PATH_UNSAFE'));
  bundleVector('windows-device-name', 'A bundle holding logs/NUL.json, listed in its manifest: on Windows, in any folder, that name is the null device.', bundle({ ...small, 'logs/NUL.json': dispute }), T0, rejectAll('ERR_BUNDLE_PATH_UNSAFE'));
  bundleVector('absolute-path', 'An absolute path in the manifest.', bundle(small, (d) => (d.artifacts['/etc/passwd'] = d.artifacts['dispute.json'])), T0, rejectAll('ERR_BUNDLE_PATH_UNSAFE'));
  bundleVector('case-collision', 'Two paths that differ only in case: one file on case-insensitive file systems.', bundle(small, (d) => (d.artifacts['Dispute.json'] = d.artifacts['dispute.json'])), T0, rejectAll('ERR_BUNDLE_CASE_COLLISION'));
  bundleVector('missing-file', 'A file the manifest lists is not there.', bundle(small, (d) => (d.artifacts['receipt.json'] = d.artifacts['dispute.json'])), T0, rejectAll('ERR_BUNDLE_MISSING'));
  bundleVector('altered-file', 'A file changed after the manifest was written.', { ...bundle(small), 'dispute.json': file({ ...dispute, status: 'withdrawn' }) }, T0, rejectAll('ERR_BUNDLE_ALTERED'));
  bundleVector('unlisted-file', 'A file in the bundle the manifest does not list: unverified evidence.', { ...bundle(small), 'extra.json': file(dispute) }, T0, rejectAll('ERR_BUNDLE_UNRECOGNISED'));
  bundleVector('symbolic-link', 'A symbolic link in the bundle, which could point anywhere: reported, never followed.', { ...bundle(small), 'link.json': { symlink: 'dispute.json' } }, T0, rejectAll('ERR_BUNDLE_SYMLINK'));
  bundleVector('no-manifest', 'A bundle without bundle-manifest.json.', files(small), T0, rejectAll('ERR_BUNDLE_MANIFEST_MISSING'));
  bundleVector('manifest-lists-a-path-twice', 'A manifest that lists one path twice, with two hashes: the reader refuses the duplicate.', { ...files(small), 'bundle-manifest.json': { base64: b64(utf8(`{"artifacts":{"dispute.json":"${sha256(utf8(text(dispute)))}","dispute.json":"sha256:${'0'.repeat(64)}"}}`)) } }, T0, rejectAll('ERR_JSON_DUPLICATE_KEY'));
  // Second routes (issue 11): each bundle code reached another way than above.
  bundleVector('listed-file-is-a-symbolic-link', 'The file the manifest lists is a symbolic link: reported and never followed, so the listed file is not there either.', { ...bundle(small), 'dispute.json': { symlink: 'bundle-manifest.json' } }, T0, rejectAll('ERR_BUNDLE_SYMLINK', 'ERR_BUNDLE_MISSING'));
  bundleVector('listed-file-not-of-the-line', 'A file the manifest lists, with its hash, that is JSON but no document of the line.', bundle({ ...small, 'notes.json': { note: 'call the provider back' } }), T0, rejectAll('ERR_BUNDLE_UNRECOGNISED'));
  bundleVector('case-collision-between-two-files', 'Two files, dispute.json and Dispute.json, each listed with its own hash, as written on a case-sensitive file system: on a case-insensitive one they are one file.', bundle({ ...small, 'Dispute.json': settled }), T0, rejectAll('ERR_BUNDLE_CASE_COLLISION'));
  {
    const { 'bundle-manifest.json': m, ...rest } = bundle(small);
    bundleVector('manifest-in-a-folder', 'The manifest is at evidence/bundle-manifest.json, not at the bundle\'s root: the bundle has no manifest.', { ...rest, 'evidence/bundle-manifest.json': m as FileBytes }, T0, rejectAll('ERR_BUNDLE_MANIFEST_MISSING'));
  }
  {
    // An allow recorded before the chain was usable (SPEC.md 12.8): the receipt's own time is checked.
    const early = resign(mut(smoke['receipts/executor.json'], (d) => (d.timestamp = executor.issued_at - 1)), P.opsKernel);
    bundleVector('incident-network/allowed-before-issued', 'An allowed receipt dated one second before the executor\'s capability was issued, re-signed by the kernel: at the receipt\'s time the chain was not yet valid.', bundle({ ...smoke, 'receipts/executor.json': early }), AT, rejectAll('ERR_CHAIN_NOT_YET_VALID'));
    const changed = resign(mut(smoke['receipts/executor.json'], (d) => (d.action.parameters.rule = 'allow-all')), P.opsKernel);
    bundleVector('incident-network/receipt-parameters-changed', 'The executor\'s receipt in the bundle records other parameters than its parameter_hash commits to, re-signed by its kernel.', bundle({ ...smoke, 'receipts/executor.json': changed }), AT, rejectAll('ERR_RECEIPT_PARAMETER_HASH'));
  }

  // The Incident Network and Agent Commerce Network transaction folders in examples/ (SPEC.md 12.8):
  // the seeds' smoke assertions (every required artifact with its hash, lineage, cost equal to the
  // budget consumed, no silent allow after revocation) over each, sealed by the party the policy names.
  for (const [name, seal, tamper] of [
    ['incident-network', P.commander, { name: 'revoked-then-allowed', description: 'The commander revokes the vendor liaison capability and the bundle is re-sealed by the commander: every chain below it is denied, and the executor\'s allow, recorded after the revocation, is a silent allow.', change: (d) => ({ ...d, 'revocations/vendor.json': revocation }), codes: ['ERR_CHAIN_REVOKED', 'ERR_CHAIN_REVOKED_ANCESTOR'] }],
    ['commerce-network', P.trust000, { name: 'settlement-deleted', description: 'The settlement reconciliation deleted from the procurement bundle, which its sealer then sealed again: the kind requires it.', change: ({ 'contracts/settlement-reconciliation.json': _s, ...d }) => d, codes: ['ERR_BUNDLE_REQUIRED_MISSING'] }],
  ] satisfies [string, Party, { name: string; description: string; change: (docs: Docs) => Docs; codes: ErrorCode[] }][]) {
    const dir = join(EXAMPLES, 'transactions', name);
    const folderFiles = Object.fromEntries(listFiles(dir).map((f) => [f, { base64: b64(readFileSync(join(dir, f))) }]));
    const m = readJson(join(dir, 'bundle-manifest.json'));
    const policy = { sealers: [seal.didKey] };
    vector(`bundle/${name}/transaction-folder`, '12.8', `The ${name} transaction folder in examples/, sealed by its sealer: it holds every artifact its kind (${m.transaction}) requires, each with its hash, its lineage walked, its receipts' cost the budget consumed.`, { files: folderFiles }, at(AT, policy), accept());
    const docs = transactionDocs(name);
    const resealed = bundle(tamper.change(docs), (d) => ((d.bundle_id = m.bundle_id), (d.created_at = m.created_at), (d.transaction = m.transaction)));
    const manifest2 = unpack(resealed['bundle-manifest.json']);
    const sealed = { ...resealed, 'bundle-manifest.json': { base64: b64(utf8(text(reprove({ ...manifest2, proof: m.proof }, seal)))) } };
    vector(`bundle/${name}/${tamper.name}`, '12.8', tamper.description, { files: sealed }, at(AT, policy), rejectAll(...tamper.codes));
  }
  {
    // A settlement is checked against an intent whose hash recomputes (SPEC.md 12.8), not the first given.
    const docs = transactionDocs('commerce-network');
    const genuine = docs['contracts/governed-intent.json'];
    const tampered = mut(genuine, (d) => (d.billing_context.max_price_minor = 100000));
    // The settlement is this job's (SPEC.md 12.8): one job, the spend reconciled, the quote the intent names.
    const job2 = (d: Doc): Doc => ((d.job_id = 'job_lattice_002'), d);
    bundleVector('commerce-network/fulfillment-of-another-job', 'A fulfillment package of another job (job_lattice_002) stands in for this one\'s: no settlement of the bundle settles its job, and the settlement\'s job has no fulfillment.', bundle({ ...docs, 'contracts/fulfillment-package.json': mut(docs['contracts/fulfillment-package.json'], job2) }), AT, rejectAll('ERR_REPLAY_LINK_BROKEN'));
    bundleVector('commerce-network/settlement-of-another-job', 'The settlement of another job (job_lattice_002, 900.00 of the same quote) stands in for this one\'s: its job has no fulfillment here, and it settles other than the spend the bundle reconciled.', bundle({ ...docs, 'contracts/settlement-reconciliation.json': mut(docs['contracts/settlement-reconciliation.json'], (d) => ((d.settlement_id = 'settlement_lattice_vanguard_002'), job2(d), (d.approved_amount_minor = 90000), (d.settled_amount_minor = 90000))) }), AT, rejectAll('ERR_REPLAY_LINK_BROKEN', 'ERR_SETTLEMENT_AMOUNT_MISMATCH'));
    bundleVector('commerce-network/settled-other-than-reconciled', 'The settlement settles 1200.00 where the spend reconciled for the call is 1250.00.', bundle({ ...docs, 'contracts/settlement-reconciliation.json': mut(docs['contracts/settlement-reconciliation.json'], (d) => (d.settled_amount_minor = 120000)) }), AT, rejectAll('ERR_SETTLEMENT_AMOUNT_MISMATCH'));
    bundleVector('commerce-network/quote-of-another-request', 'The quote replaced by another quote (quote_vanguard_002) at the same price: the intent is priced on quote_vanguard_001, which the bundle does not hold.', bundle({ ...docs, 'contracts/quote-response.json': mut(docs['contracts/quote-response.json'], (d) => (d.quote_id = 'quote_vanguard_002')) }), AT, rejectAll('ERR_REPLAY_LINK_BROKEN'));
    const { 'contracts/quote-response.json': _quote, ...noQuote } = docs;
    bundleVector('commerce-network/quote-deleted', 'Hide a missing hop: the quote deleted from a procurement bundle, so the settlement\'s quoted amount is held to nothing.', bundle(noQuote, (m) => (m.transaction = 'procurement')), AT, rejectAll('ERR_BUNDLE_REQUIRED_MISSING'));
    bundleVector('commerce-network/settlement-against-a-tampered-intent', 'The settlement of 1250.00, which the genuine intent allows, beside a tampered copy of the intent (allowing 1000.00) placed first: the settlement is held to the intact intent, not to the first given, and only the copy fails, on its own hash.', bundle({ 'contracts/a-tampered-intent.json': tampered, ...docs }), AT, rejectAll('ERR_INTENT_HASH_MISMATCH'));
  }
  {
    // Bundle files are read with the number form of signed content (SPEC.md 3).
    const rootText = text(root);
    const rootWith = (replacement: string): string => rootText.replace('"delegation_depth": 0', `"delegation_depth": ${replacement}`);
    const bundleOf = (name: string, description: string, files_: FileTree, expect: Expect): void => vector(`bundle/encoding/${name}`, '3', description, { files: files_ }, at(AT), expect);
    const rawBundle = (texts: Readonly<Record<string, string>>, extra: Readonly<Record<string, string>> = {}): Files => {
      const f = Object.fromEntries(Object.entries(texts).map(([p, t]) => [p, { base64: b64(utf8(t)) }]));
      const artifacts = Object.fromEntries(Object.entries(f).map(([p, { base64 }]) => [p, sha256(Buffer.from(base64, 'base64url'))]));
      return { ...f, ...Object.fromEntries(Object.entries(extra).map(([p, t]) => [p, { base64: b64(utf8(t)) }])), 'bundle-manifest.json': { base64: b64(utf8(text({ bundle_id: 'conformance-bundle', artifacts }))) } };
    };
    bundleOf('root-capability', 'A bundle of the root capability alone: it verifies.', rawBundle({ 'capabilities/root.json': rootText }), accept());
    bundleOf('negative-zero-in-a-file', 'The root capability whose delegation_depth is written -0, manifest hash updated: -0 is signed content\'s negative zero, not a number form.', rawBundle({ 'capabilities/root.json': rootWith('-0') }), rejectAll('ERR_JSON_NEGATIVE_ZERO'));
    bundleOf('negative-zero-with-a-fraction-in-a-file', 'The root capability whose delegation_depth is written -0.0: not the RFC 8785 form of its value.', rawBundle({ 'capabilities/root.json': rootWith('-0.0') }), rejectAll('ERR_JSON_NUMBER_FORM'));
    bundleOf('zero-with-an-exponent-in-a-file', 'The root capability whose delegation_depth is written 0e0.', rawBundle({ 'capabilities/root.json': rootWith('0e0') }), rejectAll('ERR_JSON_NUMBER_FORM'));

    // Bundle paths (SPEC.md 2): a file the manifest does not list is unrecognised when its path is
    // safe, and unsafe otherwise.
    const pathCase = (name: string, path: string, safe: boolean, why: string): void =>
      bundleOf(`path/${name}`, `The root capability's bundle holds an unlisted file at ${JSON.stringify(path)}: ${why}.`, rawBundle({ 'capabilities/root.json': rootText }, { [path]: '{}\n' }), rejectAll(safe ? 'ERR_BUNDLE_UNRECOGNISED' : 'ERR_BUNDLE_PATH_UNSAFE'));
    const seg = (n: number): string => `a${'b'.repeat(n - 6)}.json`;
    for (const [name, path, safe, why] of [
      ['safe', 'notes/extra.json', true, 'a safe path, so only an unlisted file'],
      ['backslash', 'notes\\extra.json', false, 'a backslash'],
      ['nul-character', 'notes/ex\u0000tra.json', false, 'a NUL character'],
      ['control', 'notes/ex\u0001tra.json', false, 'the control character U+0001'],
      ['unit-separator', 'notes/ex\u001ftra.json', false, 'the control character U+001F'],
      ['pipe', 'notes/a|b.json', false, 'a | character'],
      ['less-than', 'a<b.json', false, 'a < character'],
      ['question-mark', 'a?.json', false, 'a ? character'],
      ['star', 'a*.json', false, 'a * character'],
      ['colon', 'a:b.json', false, 'a : character'],
      ['drive-letter', 'C:/extra.json', false, 'a drive letter'],
      ['absolute', '/extra.json', false, 'an absolute path'],
      ['empty-segment', 'notes//extra.json', false, 'an empty segment'],
      ['trailing-slash', 'notes/', false, 'an empty last segment'],
      ['dot-segment', 'notes/./extra.json', false, 'a . segment'],
      ['dot-dot-segment', 'notes/../extra.json', false, 'a .. segment'],
      ['leading-dot', '.well-known/extra.json', true, 'a segment that starts with a dot is a name like any other'],
      ['leading-space', 'notes/ extra.json', true, 'a segment that starts with a space is a name Windows keeps'],
      ['trailing-dot', 'notes/extra.', false, 'a segment ending with a dot'],
      ['trailing-space', 'notes/extra ', false, 'a segment ending with a space'],
      ['trailing-dot-folder', 'notes./extra.json', false, 'a folder ending with a dot'],
      ['device-con', 'CON', false, 'the device name CON, without an extension'],
      ['device-aux-lower', 'notes/aux', false, 'the device name aux in lower case'],
      ['device-nul-json', 'notes/nul.json', false, 'the device name nul before an extension'],
      ['device-nul-space-dot', 'NUL .txt', false, 'the device name NUL, spaces and an extension'],
      ['device-nul-two-spaces', 'nul  .tar.gz', false, 'the device name nul, two spaces and an extension'],
      ['device-com1', 'com1.json', false, 'the device name com1'],
      ['device-com9', 'COM9', false, 'the device name COM9'],
      ['device-com0', 'com0.log', false, 'the device name com0'],
      ['device-lpt1', 'LPT1.txt', false, 'the device name LPT1'],
      ['device-com-superscript', 'COM\u00b9', false, 'the device name COM¹'],
      ['device-lpt-superscript', 'lpt\u00b3.json', false, 'the device name lpt³'],
      ['device-conin', 'CONIN$', false, 'the device name CONIN$'],
      ['near-device-falcon', 'falcon.json', true, 'falcon ends with con but is not a device name'],
      ['near-device-comx', 'comx.json', true, 'comx is not a device name'],
      ['near-device-lptx', 'lptx.json', true, 'lptx is not a device name'],
      ['near-device-com10', 'com10', true, 'com10 is not a device name'],
      ['near-device-a-space-nul', 'a nul.txt', true, '"a nul" is not a device name'],
      ['near-device-spaces', '   .txt', true, 'a name of spaces before its extension is no device name'],
      ['near-device-console', 'console', true, 'console, without a dot, is not a device name'],
      ['segment-255', `notes/${seg(255)}`, true, 'a segment of 255 characters, the most allowed'],
      ['segment-256', `notes/${seg(256)}`, false, 'a segment of 256 characters'],
    ] as const) pathCase(name, path, safe, why);
  }
  // Mutation boundaries of the verifiers: src/verify/bundle.ts.
  {
    // Mutation boundaries of src/verify/bundle.ts (SPEC.md 12.8): what reading a bundle refuses,
    // and how the receipts charged to each grant are matched with the budget it consumed.
    const manifestText = (t: string, rest: Docs = {}): Files => ({ ...files(rest), 'bundle-manifest.json': { base64: b64(utf8(t)) } });
    bundleVector('manifest/null', 'A bundle whose bundle-manifest.json is the JSON text null: JSON, but not a bundle manifest, which is an object.', manifestText('null\n'), T0, rejectAll('ERR_SCHEMA_TYPE'));
    bundleVector('manifest/artifacts-null', 'A manifest whose artifacts member is null: a bundle manifest\'s artifacts are an object from path to hash.', manifestText('{"bundle_id":"conformance-bundle","artifacts":null}\n'), T0, rejectAll('ERR_SCHEMA_TYPE'));
    bundleVector('manifest/without-artifacts', 'A manifest with a bundle id and no artifacts member, which a bundle manifest requires.', manifestText('{"bundle_id":"conformance-bundle"}\n', small), T0, rejectAll('ERR_SCHEMA_REQUIRED'));
    {
      const m = unpack(bundle(small)['bundle-manifest.json']);
      const t = text(m).replace('"bundle_id"', '"version": 1.0,\n  "bundle_id"');
      bundleVector('manifest/number-not-as-written', 'A manifest that carries a number written 1.0: the manifest is signed content read from text, where every number is in its RFC 8785 form (1), so the reader refuses it before anything else is read.', manifestText(t, small), T0, rejectAll('ERR_JSON_NUMBER_FORM'));
    }
    bundleVector('artifact-not-a-valid-document', 'The dispute the manifest lists, with its hash, without its status: it is recognised as a dispute, and a dispute requires a status.', bundle({ 'dispute.json': mut(dispute, (d) => delete d.status) }), T0, rejectAll('ERR_SCHEMA_REQUIRED'));
    bundleVector('case-collision/sharp-s', 'The manifest lists notes/\u00df.json and notes/\u1e9e.json (a small and a capital sharp s), each file present with its hash: the two names differ only in letter case.', bundle({ 'notes/\u00df.json': dispute, 'notes/\u1e9e.json': settled }), T0, rejectAll('ERR_BUNDLE_CASE_COLLISION'));
    for (const [name, a, b, why] of [
      ['long-s', 'notes/s.json', 'notes/\u017f.json', 'an s and a long s (\u017f), which case folding makes one'],
      ['sharp-s-and-ss', 'notes/\u00df.json', 'notes/ss.json', 'a sharp s and ss, which full case folding makes one'],
      ['dotless-i', 'notes/i.json', 'notes/\u0131.json', 'an i and a dotless \u0131, whose upper case is I'],
      ['kelvin-sign', 'notes/k.json', 'notes/\u212a.json', 'a k and the Kelvin sign (\u212a), whose lower case is k'],
      ['composed-and-decomposed', 'notes/\u00e9.json', 'notes/e\u0301.json', 'an \u00e9 written as one code point and as e with a combining acute accent, one name after NFC'],
    ] as const) bundleVector(`case-collision/${name}`, `The manifest lists ${JSON.stringify(a)} and ${JSON.stringify(b)}, each file present with its hash: ${why}, so on a case-insensitive file system they may be one file.`, bundle({ [a]: dispute, [b]: settled }), T0, rejectAll('ERR_BUNDLE_CASE_COLLISION'));
    bundleVector('case-collision/accent-is-no-case', 'The bundle holds notes/a.json, listed with its hash, and notes/\u00e1.json, which the manifest does not list: an accent is not letter case, so the two are two files, and the second is reported only as unlisted evidence.', { ...bundle({ 'notes/a.json': dispute }), 'notes/\u00e1.json': file(settled) }, T0, rejectAll('ERR_BUNDLE_UNRECOGNISED'));
    bundleVector('case-collision/unlisted-file', 'The bundle holds dispute.json, listed with its hash, and Dispute.json, a copy the manifest does not list: the two paths differ only in letter case, which is refused as the bundle is read, so the second is never taken as evidence.', { ...bundle(small), 'Dispute.json': file(dispute) }, T0, rejectAll('ERR_BUNDLE_CASE_COLLISION'));
    vector('bundle/no-manifest-under-a-named-sealer', '12.8', 'A bundle without bundle-manifest.json under a trust policy that names a sealer: without a manifest nothing in the bundle can be checked, and there is no manifest proof to judge.', { files: files(small) }, at(T0, { sealers: [P.recorder.didKey] }), rejectAll('ERR_BUNDLE_MANIFEST_MISSING'));
    // Which records and calls are charged to a grant.
    const receipt = smoke['receipts/executor.json'];
    bundleVector('cost/denied-record-consumes-nothing', 'Incident Network smoke assertions with a second budget record under the executor\'s grant, a denial of 4.50 pending approval: a denied exposure consumes no budget, so the 2.50 receipt is still the budget consumed.', bundle({ ...smoke, 'financial/budget-denied.json': fixture('settlement/budget-authorization', 'broader-rollback-pending-approval.incident-network') }), AT, accept());
    const refused = resign({ ...receipt, id: 'rcpt-019d921b-executor-denied', decision: { verdict: 'deny', reason: 'requested work exceeds the budget envelope', guard: 'budget' }, cost: usd(0) }, P.opsKernel);
    bundleVector('cost/denied-call-is-not-charged', 'Incident Network smoke assertions with a second receipt under the executor\'s one-call grant that records a denied call: only allowed calls are charged to a grant, so one call is counted and its cost is the budget consumed.', bundle({ ...smoke, 'receipts/executor-denied.json': refused }), AT, accept());
    const free = resign({ ...receipt, id: 'rcpt-coordinator-free', capability_id: coordinator.id, cost: usd(0) }, P.opsKernel);
    bundleVector('cost/grant-of-another-capability', 'An allowed call under the coordinator\'s grant 0 costing 0, beside the executor\'s budget record for its own grant 0: the coordinator\'s grant consumed nothing, and nothing is charged to it but its own receipt, so the costs agree (the intent the receipt commits to names the executor\'s capability, not the coordinator\'s).', bundle({ ...smoke, 'receipts/coordinator-free.json': free }), AT, rejectAll('ERR_RECEIPT_CAPABILITY_MISMATCH'));
    const noGrants = resign(mut(root, (d) => (d.scope = {})), P.commander);
    bundleVector('cost/capability-without-grants', 'A root capability with an empty scope, re-signed by its issuer, and a budget record for its grant 0: it has no grant 0, so the record is refused and no cost is compared.', bundle({ 'capabilities/root.json': noGrants, 'financial/budget.json': { ...smoke['financial/budget.json'], capability_id: root.id } }), AT, rejectAll('ERR_BUDGET_GRANT_MISSING'));
    {
      // The Agent Commerce Network folder (every artifact of the procurement), and a second allowed
      // call under the procurement capability's grant 0 (procurement_quote_read), which no budget
      // record covers and which cost nothing.
      const docs = transactionDocs('commerce-network');
      const buyerReceipt = docs['receipts/buyer.json'];
      const quoteRead = resign({ ...buyerReceipt, id: `${buyerReceipt.id}-quote-read`, tool_name: 'procurement_quote_read', cost: usd(0) }, P.buyerKernel);
      bundleVector('cost/commerce-network/free-call-under-another-grant', 'The Agent Commerce Network procurement with an allowed call of procurement_quote_read under the capability\'s grant 0, costing 0: the authorization and the spend reconciled are grant 1\'s, so grant 0 consumed nothing and its call cost nothing.', bundle({ ...docs, 'receipts/quote-read.json': quoteRead }), AT, accept());
      const { 'contracts/spend-reconciliation.json': _spend, ...unreconciled } = docs;
      const underCharged = resign({ ...buyerReceipt, cost: usd(124000) }, P.buyerKernel);
      bundleVector('cost/commerce-network/two-grants-one-mismatched', 'The procurement without its spend reconciliation, the buyer\'s receipt recording 1240.00 for the call under grant 1, whose allowed exposure is 1250.00, and a free call under grant 0: grant 1\'s receipts cost other than the budget it consumed, whatever grant 0\'s do.', bundle({ ...unreconciled, 'receipts/buyer.json': underCharged, 'receipts/quote-read.json': quoteRead }), AT, rejectAll('ERR_BUNDLE_COST_MISMATCH'));
    }
    {
      // A receipt's cost in another currency than the budget, and a budget of nothing with no call.
      const euros = resign(mut(receipt, (d) => (d.cost = { units: 250, currency: 'EUR' })), P.opsKernel);
      bundleVector('cost/receipt-in-another-currency', 'Incident Network smoke assertions with the executor\'s receipt recording 250 EUR, re-signed by its kernel, where the budget consumed is 250 USD: the same number of units in another currency is not the same cost.', bundle({ ...smoke, 'receipts/executor.json': euros }), AT, rejectAll('ERR_BUNDLE_COST_MISMATCH'));
      const { 'receipts/executor.json': _r, ...noReceipt } = smoke;
      const nothing = mut(smoke['financial/budget.json'], (d) => ((d.exposure = usd(0)), (d.total_exposure = usd(0))));
      bundleVector('cost/zero-budget-without-a-call', 'Incident Network smoke assertions without the executor\'s receipt, the budget record allowing an exposure of 0: a budget consumed with no call behind it is a mismatch only when something was consumed, and nothing was.', bundle({ ...noReceipt, 'financial/budget.json': nothing }), AT, accept());
    }
  }
  {
    // Each artifact a declared transaction kind requires (SPEC.md 12.8), deleted from its bundle in turn.
    const docsIn = transactionDocs;
    const manifestOf = (name: string): Doc => readJson(join(EXAMPLES, 'transactions', name, 'bundle-manifest.json'));
    for (const [name, now, context, cases] of [
      ['seven-station', NOV, pinned, [
        ['agent-credential', 'the agent\'s credential', ['identity/agent-credential.json'], []],
        ['merchant-credential', 'the merchant\'s credential', ['identity/merchant-credential.json'], []],
        ['agent-card', 'the agent card', ['manifest/agent-card.json'], []],
        ['capabilities', 'both capabilities (the agents\' root and the shopping agent\'s; the budget authorization, charged to the shopping agent\'s, is then held to no capability of the bundle)', ['capability/agents-root.json', 'capability/shopping-agent.json'], ['ERR_REPLAY_LINK_BROKEN']],
        ['governed-intent', 'the governed intent', ['intent/governed-intent.json'], []],
        ['intent-mandate', 'the intent mandate (the cart and the payment, which name its hash, are then chained to nothing)', ['mandates/intent-mandate.json'], ['ERR_MANDATE_CHAIN_BROKEN']],
        ['cart-mandate', 'the cart mandate (the payment, which names its hash, is then chained to nothing)', ['mandates/cart-mandate.json'], ['ERR_MANDATE_CHAIN_BROKEN']],
        ['payment-mandate', 'the payment mandate', ['mandates/payment-mandate.json'], []],
        ['budget-authorization', 'the budget authorization', ['settlement/budget-authorization.json'], []],
        ['spend-reconciliation', 'the spend reconciliation', ['settlement/spend-reconciliation.json'], []],
        ['intent-trace', 'the intent trace', ['receipts/intent-trace.json'], []],
      ]],
      ['commerce-network', AT, {}, [
        ['capability', 'the procurement capability (the budget authorization charged to it is then held to no capability of the bundle)', ['capability.json'], ['ERR_REPLAY_LINK_BROKEN']],
        ['governed-intent', 'the governed intent', ['contracts/governed-intent.json'], []],
        ['budget-authorization', 'the budget authorization', ['contracts/budget-authorization.json'], []],
        ['spend-reconciliation', 'the spend reconciliation', ['contracts/spend-reconciliation.json'], []],
        ['provider-receipt', 'the provider\'s receipt, leaving one of the two', ['receipts/provider.json'], []],
        ['fulfillment-package', 'the fulfillment package', ['contracts/fulfillment-package.json'], []],
      ]],
      ['incident-network', AT, {}, [
        ['governed-intent', 'the governed intent', ['intent/disable-edge-rule.json'], []],
        ['budget-authorization', 'the budget authorization (the executor\'s receipt then records a cost no budget consumed)', ['financial/budget.json'], ['ERR_BUNDLE_COST_MISMATCH']],
      ]],
    ] satisfies [string, number, Omit<Context, 'now'>, [string, string, string[], ErrorCode[]][]][]) {
      const docs = docsIn(name);
      const m = manifestOf(name);
      for (const [what, words, gone, also] of cases) {
        const rest = Object.fromEntries(Object.entries(docs).filter(([p]) => !gone.includes(p)));
        vector(`bundle/required/${name}/${what}-deleted`, '12.8', `Hide a missing hop: ${words} deleted from the ${m.transaction} bundle, its hash dropped from the manifest, which is left unsealed. The kind requires it.`, { files: bundle(rest, (d) => ((d.transaction = m.transaction), (d.bundle_id = m.bundle_id))) }, at(now, context), rejectAll('ERR_BUNDLE_REQUIRED_MISSING', ...also));
      }
    }
    // The bundle's ledgers and links (SPEC.md 12.8), each on one side of its condition.
    {
      const docs = docsIn('commerce-network');
      const b1 = docs['contracts/budget-authorization.json'];
      bundleVector('links/budget-naming-no-intent', 'The procurement bundle with its budget authorization naming no intent (intent_hash left out; the record is unsigned): only an authorization for an intent none of the bundle\'s intents hashes to is refused, and this one names none.', bundle({ ...docs, 'contracts/budget-authorization.json': mut(docs['contracts/budget-authorization.json'], (d) => delete d.intent_hash) }), AT, accept());
      const b2 = mut(b1, (d) => ((d.exposure.units = 25000), (d.invocation_count = 2), (d.total_exposure.units = 150000), (d.hold_id = 'hold-lattice-0002'), (d.decided_at += 60), delete d.approval));
      bundleVector('cost/authorization-no-reconciliation-settles', 'The procurement bundle with a second allowed budget authorization under the same grant (call 2, 25000 more, 150000 in all: a true record), which no spend reconciliation settles and no receipt records: its exposure is still held, so the budget the grant consumed (150000) is not what its receipts cost (125000).', bundle({ ...docs, 'contracts/budget-authorization-2.json': b2 }), AT, rejectAll('ERR_BUNDLE_COST_MISMATCH'));
      const call2 = resign({ ...docs['receipts/buyer.json'], id: 'rcpt-019d921b-buyer-0002' }, P.buyerKernel);
      bundleVector('cost/second-authorization-with-its-call', 'The same second authorization beside a second buyer\'s receipt of the same tool under the grant (another id, signed again by its kernel, recording no cost): each authorization has its call, the receipts record no cost to compare, and the bundle verifies.', bundle({ ...docs, 'contracts/budget-authorization-2.json': b2, 'receipts/buyer-2.json': call2 }), AT, accept());
      const job2 = (d: Doc): Doc => ((d.job_id = 'job_lattice_002'), d);
      const pkg2 = mut(docs['contracts/fulfillment-package.json'], job2);
      const set2 = mut(docs['contracts/settlement-reconciliation.json'], (d) => ((d.settlement_id = 'settlement_lattice_vanguard_002'), job2(d)));
      bundleVector('links/second-package-of-another-job', 'Beside this job\'s fulfillment package and settlement, a second package of another job (job_lattice_002) that no settlement of the bundle settles.', bundle({ ...docs, 'contracts/fulfillment-package-2.json': pkg2 }), AT, rejectAll('ERR_REPLAY_LINK_BROKEN'));
      bundleVector('links/second-settlement-of-another-job', 'Beside this job\'s settlement, a second settlement of 125000 for another job (job_lattice_002), which no fulfillment package fulfils; the two settle 250000 where the spend reconciled is 125000.', bundle({ ...docs, 'contracts/settlement-reconciliation-2.json': set2 }), AT, rejectAll('ERR_REPLAY_LINK_BROKEN', 'ERR_SETTLEMENT_AMOUNT_MISMATCH'));
      bundleVector('links/two-jobs-each-settled-and-fulfilled', 'Two jobs, each with its fulfillment package and its settlement of 125000: every package is settled and every settlement fulfilled, but the two settle 250000 where the spend reconciled is 125000.', bundle({ ...docs, 'contracts/fulfillment-package-2.json': pkg2, 'contracts/settlement-reconciliation-2.json': set2 }), AT, rejectAll('ERR_SETTLEMENT_AMOUNT_MISMATCH'));
    }
    bundleVector('links/receipt-alone', 'A bundle of the buyer\'s receipt alone: it holds no capability and no intent for the receipt to belong to, so there is nothing it fails to link to, and it verifies.', bundle({ 'receipts/buyer.json': buyer }), T0, accept());
    bundleVector('links/budget-without-intent', 'A bundle of the procurement capability and its allowed budget authorization, which names an intent hash: the bundle holds no intent, so the authorization\'s intent is not held to one; but no receipt records the call it allowed, so the budget it consumed has no call behind it.', bundle({ 'capability.json': procurement, 'budget.json': fixture('settlement/budget-authorization', 'allowed.commerce-network') }), T0, rejectAll('ERR_BUNDLE_COST_MISMATCH'));
  }
  // Mutation boundaries of src/verify/bundle-ledger.ts: the ledger of each grant and the settlement's currency (SPEC.md 12.8).
  {
    const docs = transactionDocs('commerce-network');
    const b1 = docs['contracts/budget-authorization.json'];
    const call2 = resign({ ...docs['receipts/buyer.json'], id: 'rcpt-019d921b-buyer-0002' }, P.buyerKernel);
    const second = (units: number, currency = 'USD'): Doc => mut(b1, (d) => ((d.exposure = { units, currency }), delete d.invocation_count, delete d.total_exposure, (d.hold_id = 'hold-lattice-0002'), (d.decided_at += 60), delete d.approval));
    bundleVector('ledger/second-call-past-the-total', 'The procurement bundle with a second allowed budget authorization under grant 1 (30000 USD, below the approval threshold, recording no counts, so true alone) and a second buyer\'s receipt for its call: the two authorizations allowed under the grant sum to 155000, past its max_total_cost of 150000.', bundle({ ...docs, 'contracts/budget-authorization-2.json': second(30000), 'receipts/buyer-2.json': call2 }), AT, rejectAll('ERR_BUDGET_TOTAL_EXCEEDED'));
    bundleVector('ledger/two-records-without-counts', 'The procurement bundle with its budget authorization recording no counts, a second one under grant 1 (25000 USD) recording none either, and a second buyer\'s receipt: 150000 in all is within max_total_cost, two calls within max_invocations, and records that claim no place in the count do not claim the same one.', bundle({ ...docs, 'contracts/budget-authorization.json': mut(b1, (d) => (delete d.invocation_count, delete d.total_exposure)), 'contracts/budget-authorization-2.json': second(25000), 'receipts/buyer-2.json': call2 }), AT, accept());
    bundleVector('ledger/record-under-an-uncapped-grant', 'The procurement bundle with a second allowed budget authorization, under grant 0 (procurement_quote_read, which has no caps): call 1 with 0 USD exposed, a true record. It is counted under its own grant, not grant 1 (where it would be a second call 1), and a grant with no caps is exceeded by nothing; it consumed nothing, so no receipt need record it.', bundle({ ...docs, 'contracts/budget-authorization-0.json': mut(b1, (d) => ((d.grant_index = 0), (d.exposure = { units: 0, currency: 'USD' }), (d.total_exposure = { units: 0, currency: 'USD' }), (d.hold_id = 'hold-lattice-0000'), delete d.approval)) }), AT, accept());
    bundleVector('ledger/second-call-in-another-currency', 'The procurement bundle with a second authorization under grant 1 recorded as allowed with 30000 EUR exposed, and a second buyer\'s receipt: the grant\'s caps are in USD, so the exposure is refused (ERR_BUDGET_CURRENCY_MISMATCH) and the record that says allowed is ERR_BUDGET_DECISION_MISMATCH; an exposure in another currency is not added to the USD total, so max_total_cost is not exceeded.', bundle({ ...docs, 'contracts/budget-authorization-2.json': second(30000, 'EUR'), 'receipts/buyer-2.json': call2 }), AT, rejectAll('ERR_BUDGET_DECISION_MISMATCH'));
    const set0 = mut(docs['contracts/settlement-reconciliation.json'], (d) => ((d.settlement_id = 'settlement_lattice_vanguard_000'), (d.currency = 'EUR'), (d.settled_amount_minor = 0)));
    bundleVector('links/settlements-in-two-currencies', 'The procurement bundle with a second settlement of the same job, listed first, in EUR settling 0: the settled amounts add up to the 125000 reconciled, but the settlements are not all in one currency (and the EUR settlement is not in the currency of the USD quote it is checked against, ERR_SETTLEMENT_QUOTE_MISMATCH).', bundle({ 'contracts/settlement-reconciliation-0.json': set0, ...docs }), AT, rejectAll('ERR_SETTLEMENT_AMOUNT_MISMATCH', 'ERR_SETTLEMENT_QUOTE_MISMATCH'));
    bundleVector('links/spend-reconciled-in-another-currency', 'The procurement bundle with its spend reconciliation recording 125000 EUR charged and 125000 EUR actual: the authorization it reconciles charged 125000 USD, not that amount (ERR_REPLAY_LINK_BROKEN); the allowed authorization is then settled by no reconciliation, so it and the reconciliation each consume budget for a call where the receipts record one (ERR_BUNDLE_COST_MISMATCH); and the settlement of 125000 USD and the reconciled spend are not in one currency, though their figures agree (ERR_SETTLEMENT_AMOUNT_MISMATCH).', bundle({ ...docs, 'contracts/spend-reconciliation.json': mut(docs['contracts/spend-reconciliation.json'], (d) => ((d.charged.currency = 'EUR'), (d.actual.currency = 'EUR'))) }), AT, rejectAll('ERR_BUNDLE_COST_MISMATCH', 'ERR_REPLAY_LINK_BROKEN', 'ERR_SETTLEMENT_AMOUNT_MISMATCH'));
    const spend0 = mut(docs['contracts/spend-reconciliation.json'], (d) => ((d.receipt_id = call2.id), (d.charged = { units: 0, currency: 'EUR' }), (d.actual = { units: 0, currency: 'EUR' })));
    bundleVector('links/second-spend-in-another-currency', 'The procurement bundle with a second spend reconciliation, listed first, of 0 EUR for a second buyer\'s receipt: the reconciled figures (125000 and 0) add up to the 125000 settled, but the settlement in USD and the reconciled spend are not all in one currency.', bundle({ 'contracts/spend-reconciliation-0.json': spend0, ...docs, 'receipts/buyer-2.json': call2 }), AT, rejectAll('ERR_SETTLEMENT_AMOUNT_MISMATCH'));
    const early = resign(mut(fixture('receipt/tool-call', 'denied-over-budget'), (d) => (d.timestamp = docs['capability.json'].issued_at - 60)), P.buyerKernel);
    bundleVector('links/denial-before-the-capability', 'The procurement bundle with a buyer\'s receipt, signed again by its kernel, that records a denied call (cost 0) 60 seconds before the procurement capability was issued: only a receipt that records an allowed call is checked against its chain at its timestamp (an allow when the chain was not usable would be a silent allow); a denial is none, and the bundle verifies.', bundle({ ...docs, 'receipts/buyer-denied.json': early }), AT, accept());
    const intent2 = intentAt(mut(docs['contracts/governed-intent.json'], (d) => ((d.intent_id = 'intent_lattice_vanguard_002'), (d.billing_context.scheme = 'fixed'), delete d.billing_context.quote_id)), T0);
    bundleVector('links/second-intent-names-no-quote', 'The procurement bundle with a second governed intent, re-hashed, at a fixed price that names no quote: only an intent priced on a quote must have it among the bundle\'s quotes, and this one names none.', bundle({ ...docs, 'contracts/governed-intent-2.json': intent2 }), AT, accept());
  }
  {
    // A delegated fix requires two capability tokens at least, a root and a delegate (SPEC.md 12.8).
    const { 'capabilities/vendor-liaison-agent.json': _v, 'capabilities/provider-coordinator.json': _c, 'capabilities/provider-executor.json': _e, ...rootOnly } = smoke;
    bundleVector('incident-network/one-capability-declared', 'Hide a missing hop: a delegated-fix bundle holding every required artifact but only the root capability, its three delegates deleted. The kind requires two capabilities, a root and a delegate; and the executor\'s receipt is under none of the capabilities the bundle holds.', bundle(rootOnly, (m) => (m.transaction = 'delegated-fix')), AT, rejectAll('ERR_BUNDLE_REQUIRED_MISSING', 'ERR_REPLAY_LINK_BROKEN'));
  }
  // Mutation boundaries of src/verify/bundle.ts, costIssues (SPEC.md 12.8): which allowed
  // authorization a spend reconciliation settles, and a budget of nothing consumed by more records
  // than the calls the receipts record.
  {
    const docs = transactionDocs('commerce-network');
    const b1 = docs['contracts/budget-authorization.json'];
    const buyerReceipt = docs['receipts/buyer.json'];
    // A reconciliation settles the allowed authorization of its grant whose exposure is what it
    // charged, not the first of the grant's in the same currency: the 25000 authorization, listed
    // first, is settled by none and still holds its exposure.
    const smaller = mut(b1, (d) => ((d.exposure = usd(25000)), delete d.invocation_count, delete d.total_exposure, (d.hold_id = 'hold-lattice-0002'), (d.decided_at += 60), delete d.approval));
    const costed = resign({ ...buyerReceipt, cost: usd(125000) }, P.buyerKernel);
    const call2 = resign({ ...buyerReceipt, id: 'rcpt-019d921b-buyer-0002', cost: usd(25000) }, P.buyerKernel);
    bundleVector('cost/commerce-network/reconciliation-settles-the-authorization-it-charged', 'The procurement bundle with a second allowed budget authorization under grant 1, listed first, exposing 25000 USD (below the approval threshold, recording no counts), the buyer\'s receipt recording its cost of 125000 and a second buyer\'s receipt recording 25000: the spend reconciliation (charged 125000, actual 125000) settles the authorization whose exposure it charged, 125000, not the 25000 one listed first, which no reconciliation settles and which still holds its exposure; the budget consumed is 125000 + 25000 for two calls, what the two receipts cost.', bundle({ 'contracts/budget-authorization-2.json': smaller, ...docs, 'receipts/buyer.json': costed, 'receipts/buyer-2.json': call2 }), AT, accept());
    // Two allowed authorizations of nothing under grant 0 and one free call: each consumes budget
    // for one call, and only one call is recorded; a budget of nothing is excused only when no
    // receipt is charged to the grant.
    const nothing = (hold: string, later: number): Doc => mut(b1, (d) => ((d.grant_index = 0), (d.exposure = usd(0)), delete d.invocation_count, delete d.total_exposure, (d.hold_id = hold), (d.decided_at += later), delete d.approval));
    const quoteRead = resign({ ...buyerReceipt, id: `${buyerReceipt.id}-quote-read`, tool_name: 'procurement_quote_read', cost: usd(0) }, P.buyerKernel);
    bundleVector('cost/commerce-network/two-free-records-one-free-call', 'The procurement bundle with two allowed budget authorizations under grant 0 (procurement_quote_read, no caps), each exposing 0 USD, and one allowed call of procurement_quote_read costing 0: each authorization none settles consumes budget for one call, two of them against the one call the receipts record; a budget of nothing is no mismatch only when no receipt is charged to the grant, and one is.', bundle({ ...docs, 'contracts/budget-authorization-0a.json': nothing('hold-lattice-000a', 10), 'contracts/budget-authorization-0b.json': nothing('hold-lattice-000b', 20), 'receipts/quote-read.json': quoteRead }), AT, rejectAll('ERR_BUNDLE_COST_MISMATCH'));
    bundleVector('cost/commerce-network/one-free-record-one-free-call', 'The procurement bundle with one allowed budget authorization under grant 0 (procurement_quote_read, no caps) exposing 0 USD and one allowed call of procurement_quote_read costing 0: one call consumed, one recorded, at the cost consumed.', bundle({ ...docs, 'contracts/budget-authorization-0a.json': nothing('hold-lattice-000a', 10), 'receipts/quote-read.json': quoteRead }), AT, accept());
  }
}
