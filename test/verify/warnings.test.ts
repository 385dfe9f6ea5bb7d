/**
 * Warnings (SPEC.md 12): a passing verdict says what it did not check for want of evidence, with
 * a code that is only ever a warning. Each warning is pinned on both sides: given without the
 * evidence, taken away by it.
 */
import t from 'tap';
import { verifyBundle } from '../../src/verify/bundle.js';
import { verifyCapabilityChain } from '../../src/verify/capability.js';
import { verifyDocument } from '../../src/verify/document.js';
import { verifyReceipt } from '../../src/verify/receipt.js';
import { verifySettlement } from '../../src/verify/settlement.js';
import { verifySpendReconciliation } from '../../src/verify/budget.js';
import { verifyAgentCard } from '../../src/verify/identity.js';
import type { Verdict } from '../../src/issues.js';
import { runCli } from '../helpers.js';
import { bundleOf, fixture, T0 } from './world.js';

const codes = (v: Verdict): [string, string][] => (v.ok ? (v.warnings ?? []).map((w) => [w.code, w.path]) : [['not ok', v.code]]);
const NOW = T0 + 20;

const intent = fixture('intent/governed-intent', 'commerce-network');
const buyer = fixture('receipt/tool-call', 'buyer.commerce-network');
const pair = fixture('receipt/receipt-pair', 'commerce-network');
const root = fixture('capability/token', 'root-commander.incident-network');
const vendor = fixture('capability/token', 'vendor-liaison.incident-network');
const moved = fixture('settlement/settlement-reconciliation', 'dispute-reversal-pending.commerce-network');
const dispute = fixture('settlement/dispute', 'opened.commerce-network');

t.test('a receipt verified without its intent warns that its commitment is unchecked; with the intent it does not', async (t) => {
  t.same(codes(verifyReceipt(buyer, { now: NOW })), [['ERR_RECEIPT_INTENT_NOT_GIVEN', '/intent_hash']]);
  t.same(codes(verifyReceipt(buyer, { now: NOW, intent })), []);
});

t.test("a receipt pair verified without its intent warns for each receipt; with the intent as evidence it does not", async (t) => {
  t.same(codes(verifyDocument(pair, { now: NOW })), [
    ['ERR_RECEIPT_INTENT_NOT_GIVEN', '/buyer_receipt/intent_hash'],
    ['ERR_RECEIPT_INTENT_NOT_GIVEN', '/provider_receipt/intent_hash'],
  ]);
  t.same(codes(verifyDocument(pair, { now: NOW, evidence: [intent] })), []);
});

t.test('a settlement a dispute moved, verified without the dispute, warns; with it, it does not', async (t) => {
  t.same(codes(verifySettlement(moved, { now: NOW })), [['ERR_SETTLEMENT_DISPUTE_NOT_GIVEN', '/dispute_id']]);
  t.same(codes(verifySettlement(moved, { now: NOW, dispute })), []);
});

t.test('a chain verified without trust anchors warns at its root; with the root among them it does not', async (t) => {
  t.same(codes(verifyCapabilityChain(vendor, { now: NOW, evidence: [root] })), [['ERR_CHAIN_ROOT_UNANCHORED', `/${root.id}/issuer`]]);
  t.same(codes(verifyCapabilityChain(vendor, { now: NOW, evidence: [root], trustAnchors: [root.issuer] })), []);
});

t.test('an agent card verified without a credential it lists warns at that entry; with the credential it does not', async (t) => {
  const didDoc = fixture('identity/did-document', 'dreamineering.commerce-rails');
  const ctx = { now: Date.parse('2026-11-01T10:08:00Z') / 1000, documents: new Map([[didDoc.id as string, didDoc]]) };
  const card = fixture('discovery/agent-card', 'dreamineering.commerce-rails');
  const credential = fixture('identity/merchant-credential', 'dreamineering-self-issued.commerce-rails');
  t.same(codes(verifyAgentCard(card, { ...ctx, credentials: [] })), [['ERR_IDENTITY_CREDENTIAL_NOT_GIVEN', '/credentials/0']]);
  t.same(codes(verifyAgentCard(card, { ...ctx, credentials: [credential] })), []);
});

t.test('a spend reconciliation verified without its authorization or its receipt warns for each; with both it does not', async (t) => {
  const record = fixture('settlement/spend-reconciliation', 'unchanged.commerce-network');
  const authorization = fixture('settlement/budget-authorization', 'allowed.commerce-network');
  t.same(codes(verifySpendReconciliation(record, { now: NOW })), [
    ['ERR_BUDGET_EVIDENCE_NOT_GIVEN', '/charged'],
    ['ERR_BUDGET_EVIDENCE_NOT_GIVEN', '/receipt_id'],
  ]);
  t.same(codes(verifySpendReconciliation(record, { now: NOW, authorization })), [['ERR_BUDGET_EVIDENCE_NOT_GIVEN', '/receipt_id']]);
  t.same(codes(verifySpendReconciliation(record, { now: NOW, authorization, receipt: buyer })), []);
});

t.test('a cart mandate or an intent trace verified alone warns of each reference not given; with the evidence it does not', async (t) => {
  const didDoc = fixture('identity/did-document', 'dreamineering.commerce-rails');
  const ctx = { now: Date.parse('2026-11-01T10:08:00Z') / 1000, documents: new Map([[didDoc.id as string, didDoc]]) };
  const cart = fixture('mandate/cart-mandate', 'dreamineering.commerce-rails');
  const intentMandate = fixture('mandate/intent-mandate', 'shopping-agent.commerce-rails');
  t.same(codes(verifyDocument(cart, ctx)), [['ERR_MANDATE_INTENT_NOT_GIVEN', '/intent_mandate_hash']]);
  t.same(codes(verifyDocument(cart, { ...ctx, evidence: [intentMandate] })), []);
  const trace = fixture('receipt/intent-trace', 'settled.commerce-rails');
  t.same(
    codes(verifyDocument(trace, { ...ctx, evidence: [] })).map(([code, path]) => `${code} ${path}`),
    ['/intent_ref', '/references/mandate_hash', '/references/identity_credential', '/action_hash'].map((p) => `ERR_RECEIPT_REFERENCE_NOT_GIVEN ${p}`),
  );
});

t.test("a bundle report gathers its artifacts' warnings after the seal's, each once, at the file it is about", async (t) => {
  const files = bundleOf({ 'capabilities/root.json': root, 'capabilities/vendor.json': vendor });
  const open = verifyBundle(files, { now: NOW });
  t.equal(open.ok, true);
  // Both capabilities descend from one root: one warning, at the root's file.
  t.same(
    (open.warnings ?? []).map((w) => [w.code, w.path]),
    [
      ['ERR_BUNDLE_UNSEALED', 'bundle-manifest.json'],
      ['ERR_CHAIN_ROOT_UNANCHORED', 'capabilities/root.json#/issuer'],
    ],
  );
  const anchored = verifyBundle(files, { now: NOW, trustAnchors: [root.issuer] });
  t.same((anchored.warnings ?? []).map((w) => w.code), ['ERR_BUNDLE_UNSEALED']);
});

t.test('writ verify prints the warnings, and --json carries them with their codes', async (t) => {
  const file = 'examples/v1.0.0/receipt/tool-call/valid/tool-call.buyer.commerce-network.json';
  const human = await runCli(['verify', file, '--now', String(NOW)]);
  t.equal(human.code, 0);
  t.match(human.out, /1 warning\(s\):\n {4}ERR_RECEIPT_INTENT_NOT_GIVEN at \/intent_hash/);
  const json = JSON.parse((await runCli(['verify', file, '--now', String(NOW), '--json'])).out) as { files: { warnings?: { code: string }[] }[] };
  t.same(json.files[0]?.warnings?.map((w) => w.code), ['ERR_RECEIPT_INTENT_NOT_GIVEN']);
  const withIntent = JSON.parse((await runCli(['verify', file, 'examples/v1.0.0/intent/governed-intent/valid/governed-intent.commerce-network.json', '--now', String(NOW), '--json'])).out) as { files: { warnings?: unknown[] }[] };
  t.equal(withIntent.files[0]?.warnings, undefined);
});
