/**
 * The intent trace, recorded (src/issue/trace.ts): the committed traces rebuilt byte for byte
 * from the recorder's key, every hash taken from the document it names; what the verifier
 * refuses refused with its code.
 */
import t from 'tap';
import type { AgentCredential, IntentMandate, IntentTrace, PaymentMandate, ToolCallReceipt } from '../../src/generated/types.js';
import { documentHash } from '../../src/crypto/hash.js';
import { recordTrace } from '../../src/issue/trace.js';
import { verifyDocument } from '../../src/verify/document.js';
import { didKeyOf, fixture, fixtureText, handProved, publicOnly, recorder, stranger, text, transactionFile, vmOf, without } from './examples.js';

const intentMandate = fixture<IntentMandate>('mandate/intent-mandate', 'shopping-agent.commerce-rails');
const paymentMandate = fixture<PaymentMandate>('mandate/payment-mandate', 'commerce-rails');
const credential = fixture<AgentCredential>('identity/agent-credential', 'shopping-agent.commerce-rails');
const action = { tool: 'market-report', arguments: { category: 'agent payment rails' } };
const documents = { intent_mandate: intentMandate, payment_mandate: paymentMandate, credential };
/** 2026-11-01T10:08:00Z, when the settled trace was recorded. */
const RECORDED = 1793527680;

/** What a trace fixture says that no document gives. */
const said = (trace: IntentTrace) => ({
  trace_id: trace.trace_id,
  outcome: trace.outcome,
  verified: trace.verified,
  references: trace.references.settlement_proof === undefined ? {} : { settlement_proof: trace.references.settlement_proof },
  recorded_at: trace.recorded_at,
});

t.test('the traces of the fixtures, byte for byte, every hash from its document', async (t) => {
  for (const name of ['settled.commerce-rails', 'payment-failed']) {
    const want = fixture<IntentTrace>('receipt/intent-trace', name);
    const made = recordTrace({ ...said(want), ...documents, action }, recorder);
    t.ok(made.ok, name);
    if (!made.ok) continue;
    t.equal(text(made.value), fixtureText('receipt/intent-trace', name), `intent-trace.${name}`);
    t.equal(made.value.subject, credential.credentialSubject.id, 'about the credential\'s subject');
    // No receipt was given: the action's hash could not be checked against one.
    t.match(made.warnings, [{ code: 'ERR_RECEIPT_REFERENCE_NOT_GIVEN', path: '/action_hash' }]);
  }
});

t.test('the seven-station trace: its hashes from the receipts, receipt_hashes written in the schema\'s place', async (t) => {
  const want = transactionFile<IntentTrace>('receipts/intent-trace.json');
  const receipts = [transactionFile<ToolCallReceipt>('receipts/buyer-receipt.json'), transactionFile<ToolCallReceipt>('receipts/provider-receipt.json')];
  const made = recordTrace({ ...said(want), ...documents, receipts }, recorder);
  t.ok(made.ok);
  if (!made.ok) return;
  t.same(made.warnings, [], 'every reference resolved');
  t.same(made.value.references.receipt_hashes, want.references.receipt_hashes, 'the receipts\' hashes');
  t.equal(made.value.action_hash, want.action_hash, 'the action the receipts record');
  // The generator spread receipt_hashes onto finished references, so the file has it last; the
  // builder writes the schema's order. The canonical form, hence the hash and the proof, is one.
  t.equal(documentHash(made.value), documentHash(want), 'the same document');
  t.equal(made.value.proof.proofValue, want.proof.proofValue, 'the same proof');
  t.same(Object.keys(made.value.references), ['mandate_hash', 'receipt_hashes', 'settlement_proof', 'identity_credential']);
});

t.test('hashes given without their documents are kept, and said to be unchecked', async (t) => {
  const want = fixture<IntentTrace>('receipt/intent-trace', 'settled.commerce-rails');
  const made = recordTrace({ ...said(want), subject: want.subject!, intent_ref: want.intent_ref, action_hash: want.action_hash, references: want.references }, recorder);
  t.ok(made.ok);
  if (!made.ok) return;
  t.equal(text(made.value), fixtureText('receipt/intent-trace', 'settled.commerce-rails'));
  t.same(made.warnings.map((w) => w.path), ['/intent_ref', '/references/mandate_hash', '/references/identity_credential', '/action_hash']);
  const fresh = recordTrace({ outcome: 'failed', verified: false, ...documents, action }, recorder, { now: RECORDED });
  t.ok(fresh.ok);
  if (fresh.ok) {
    t.match(fresh.value.trace_id, /^trace-[0-9a-f-]{36}$/);
    t.equal(fresh.value.recorded_at, '2026-11-01T10:08:00Z', 'recorded at the time of the check');
    t.equal(fresh.value.proof.verificationMethod, vmOf(recorder));
  }
});

t.test('a trace the verifier refuses is refused with its code', async (t) => {
  const want = fixture<IntentTrace>('receipt/intent-trace', 'settled.commerce-rails');
  // About another agent than the credential's subject.
  const about = recordTrace({ ...said(want), ...documents, action, subject: didKeyOf(stranger) }, recorder);
  const hand = verifyDocument(handProved({ ...without(want, 'proof'), subject: didKeyOf(stranger) }, recorder, vmOf(recorder), want.recorded_at), { now: RECORDED, evidence: [intentMandate, paymentMandate, credential] });
  t.match(about, { ok: false, code: 'ERR_REPLAY_LINK_BROKEN', path: '/subject' });
  t.match(hand, { ok: false, code: 'ERR_REPLAY_LINK_BROKEN', path: '/subject' }, 'as a hand-assembled copy');
  // A stated hash the document given contradicts.
  t.match(recordTrace({ ...said(want), ...documents, action, intent_ref: documentHash({}) }, recorder), { ok: false, code: 'ERR_REPLAY_LINK_BROKEN', path: '/intent_ref' });
  t.match(recordTrace({ ...said(want), ...documents, action, references: { ...said(want).references, mandate_hash: documentHash(intentMandate) } }, recorder), { ok: false, code: 'ERR_REPLAY_LINK_BROKEN', path: '/references/mandate_hash' });
  // A receipt that records another action than the one hashed.
  const receipts = [transactionFile<ToolCallReceipt>('receipts/provider-receipt.json')];
  t.match(recordTrace({ ...said(want), ...documents, action, receipts }, recorder), { ok: false, code: 'ERR_REPLAY_LINK_BROKEN', path: '/action_hash' });
  // Settled without the settlement proof: the schema's refusal.
  t.match(recordTrace({ ...said(want), references: {}, ...documents, action }, recorder), { ok: false, code: 'ERR_SCHEMA_REQUIRED', path: '/references/settlement_proof' });
  t.match(recordTrace({ ...said(want), ...documents, action, outcome: 'lost' } as never, recorder), { ok: false, code: 'ERR_SCHEMA_ENUM', path: '/outcome' });
});

t.test('what is not a key, a document or an input is refused, never thrown', async (t) => {
  const want = fixture<IntentTrace>('receipt/intent-trace', 'settled.commerce-rails');
  const input = { ...said(want), ...documents, action };
  t.match(recordTrace(input, publicOnly(recorder)), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT', path: '/recorder' });
  for (const [change, path] of [
    [{ intent_mandate: undefined }, '/intent_ref'],
    [{ payment_mandate: undefined }, '/references/mandate_hash'],
    [{ credential: undefined }, '/references/identity_credential'],
    [{ credential: without(credential, 'id') }, '/credential/id'],
    [{ action: undefined }, '/action_hash'],
    [{ payment_mandate: 'sha256:...' }, '/payment_mandate'],
    [{ receipts: {} }, '/receipts'],
    [{ references: [] }, '/references'],
  ] as const) {
    t.match(recordTrace({ ...input, ...change } as never, recorder), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT', path }, `refused at ${path}`);
  }
  const two = [transactionFile<ToolCallReceipt>('receipts/provider-receipt.json'), { ...transactionFile<ToolCallReceipt>('receipts/buyer-receipt.json'), action: { parameters: {}, parameter_hash: documentHash({}) } }];
  t.match(recordTrace({ ...input, action: undefined, receipts: two }, recorder), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT', path: '/action' }, 'receipts of two actions do not say which');
  t.match(recordTrace(undefined as never, recorder), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT', path: '' });
  t.match(recordTrace(input, recorder, { verificationMethod: 'key-1' }), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT', path: '/verificationMethod' });
  t.match(recordTrace({ ...input, action: { at: new Date(0) } }, recorder), { ok: false, code: 'ERR_JSON_NOT_PLAIN', path: '/action/at' });
});
