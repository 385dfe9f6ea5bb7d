/**
 * The intent trace, recorded (SPEC.md 7.8, 12.9, Agent Commerce Rails station 5): the anchored
 * record of a transaction, proved by its recorder, pointing by hash at what it anchors.
 *
 * Every hash a trace carries is the hash (SPEC.md 6.3) of a document the recorder holds, and the
 * builder takes it from the document when it is given:
 *
 * | member | the hash of |
 * | --- | --- |
 * | `intent_ref` | the intent mandate |
 * | `action_hash` | the action executed (a tool-call receipt's `action`) |
 * | `references.mandate_hash` | the payment mandate |
 * | `references.receipt_hashes` | the tool-call receipts |
 * | `references.identity_credential` | the agent credential (its id and hash) |
 *
 * A hash given without its document is kept as given, and is then unchecked (the trace comes
 * back with an `ERR_RECEIPT_REFERENCE_NOT_GIVEN` warning for it). The documents given are the
 * check's evidence: a hash stated beside its document that is not the document's, or a subject
 * that is not the credential's, is refused with the verifier's `ERR_REPLAY_LINK_BROKEN`.
 */
import { randomUUID } from 'node:crypto';
import type { AgentCredential, IntentMandate, IntentTrace, PaymentMandate, ToolCallReceipt, X402SettleResponse } from '../generated/types.js';
import { documentHash } from '../crypto/hash.js';
import { isRecord } from '../encoding/json.js';
import { gate, misuse, notObject, type IssueResult } from './issue.js';
import { methodOf, optional, othersOf, proofStart, proveAssertion, secondsOf, type ProofIssueOptions } from './proof.js';

/** What a trace's `references` say, beside what the builder fills from the documents given. */
export interface TraceReferencesInput {
  /** The payment mandate's hash; the hash of `payment_mandate` by default. */
  readonly mandate_hash?: string;
  /** The call receipts' hashes; the hashes of `receipts` by default. */
  readonly receipt_hashes?: readonly string[];
  /** The facilitator's settlement response, as x402 wrote it (required when the outcome is `settled`). */
  readonly settlement_proof?: X402SettleResponse;
  /** The agent's credential by id and hash; those of `credential` by default. */
  readonly identity_credential?: { readonly id: string; readonly hash: string };
}

/** What a trace says, and the documents it anchors. */
export interface TraceInput {
  /** Its id; `trace-<uuid>` by default. */
  readonly trace_id?: string;
  /** The agent whose transaction it is, a DID; the credential's subject by default. */
  readonly subject?: string;
  /** The intent mandate's hash; the hash of `intent_mandate` by default. */
  readonly intent_ref?: string;
  /** The action's hash; the hash of `action`, else of the action the `receipts` record, by default. */
  readonly action_hash?: string;
  /** How the transaction ended. */
  readonly outcome: IntentTrace['outcome'];
  /** Whether the recorder verified every hop before recording. */
  readonly verified: boolean;
  /** What the trace is anchored to, beside what the documents give. */
  readonly references?: TraceReferencesInput;
  /** When it was recorded, RFC 3339; `options.created`, else the time of the check, by default. */
  readonly recorded_at?: string;
  /** The intent mandate that governs the transaction. */
  readonly intent_mandate?: IntentMandate;
  /** The payment mandate paid. */
  readonly payment_mandate?: PaymentMandate;
  /** The agent's identity credential. */
  readonly credential?: AgentCredential;
  /** The tool-call receipts of the action. */
  readonly receipts?: readonly ToolCallReceipt[];
  /** The action executed, as a receipt records it. */
  readonly action?: unknown;
}

/** The members of a trace the builder places, in the schema's order, and the documents it is given. */
const TRACE_MEMBERS = ['trace_version', 'trace_id', 'subject', 'intent_ref', 'action_hash', 'outcome', 'verified', 'references', 'recorded_at', 'intent_mandate', 'payment_mandate', 'credential', 'receipts', 'action'] as const;
const REFERENCE_MEMBERS = ['mandate_hash', 'receipt_hashes', 'settlement_proof', 'identity_credential'] as const;

/**
 * Record an intent trace, proved by its recorder for `assertionMethod`.
 *
 * @param input - the outcome, and the documents the trace anchors (or their hashes).
 * @param recorder - the recorder's signing key.
 * @param options - the proof's verification method (the recorder's did:key method by default)
 *   and `created` (`recorded_at` by default), and the context of the check; checked at
 *   `recorded_at` by default.
 * @returns the trace, as the verifier accepts it with the documents given (a warning for each
 *   reference no document answered), or its refusal: `ERR_USAGE_INVALID_ARGUMENT` for a hash
 *   that neither it nor its document gives, `ERR_REPLAY_LINK_BROKEN` for a hash or subject the
 *   documents given contradict, schema codes (`ERR_SCHEMA_REQUIRED` for a settled trace without
 *   its settlement proof).
 * @example
 * ```ts
 * const trace = recordTrace(
 *   { outcome: 'settled', verified: true, references: { settlement_proof: settleResponse }, intent_mandate, payment_mandate, credential, receipts },
 *   recorderKey,
 * );
 * ```
 */
export function recordTrace(input: TraceInput, recorder: unknown, options: ProofIssueOptions = {}): IssueResult<IntentTrace> {
  const start = proofStart(recorder, '/recorder', options, input, 'the trace must be an object with its outcome and the documents it anchors', 'the trace');
  if (!start.ok) return start;
  const { signer, settings: s, input: t } = start;
  const given = t['references'] ?? {};
  if (notObject(given)) return misuse('/references', 'the references must be an object (they may be empty)');
  const refs = given as Record<string, unknown>;
  for (const name of ['intent_mandate', 'payment_mandate', 'credential'] as const) {
    if (t[name] !== undefined && notObject(t[name])) return misuse(`/${name}`, `the ${name.replace('_', ' ')} must be the signed document itself`);
  }
  const receipts = t['receipts'];
  if (receipts !== undefined && !(Array.isArray(receipts) && receipts.every(isRecord))) return misuse('/receipts', 'the receipts must be an array of tool-call receipts');
  const credential = t['credential'] as Record<string, unknown> | undefined;
  const evidence = [t['intent_mandate'], t['payment_mandate'], credential, ...(receipts ?? [])].filter((d) => d !== undefined);

  const intentRef = t['intent_ref'] ?? (t['intent_mandate'] === undefined ? undefined : documentHash(t['intent_mandate']));
  if (intentRef === undefined) return misuse('/intent_ref', 'give the intent mandate (intent_mandate) or its hash (intent_ref)');
  let actionHash = t['action_hash'];
  if (actionHash === undefined) {
    const found = actionHashOf(t['action'], receipts);
    if (typeof found !== 'string') return found;
    actionHash = found;
  }
  const mandateHash = refs['mandate_hash'] ?? (t['payment_mandate'] === undefined ? undefined : documentHash(t['payment_mandate']));
  if (mandateHash === undefined) return misuse('/references/mandate_hash', 'give the payment mandate (payment_mandate) or its hash (references.mandate_hash)');
  let identity = refs['identity_credential'];
  if (identity === undefined && credential !== undefined) {
    if (typeof credential['id'] !== 'string') return misuse('/credential/id', 'a trace names the credential by its id: this credential has none');
    identity = { id: credential['id'], hash: documentHash(credential) };
  }
  if (identity === undefined) return misuse('/references/identity_credential', "give the agent's credential (credential) or its id and hash (references.identity_credential)");
  const credentialSubject = credential?.['credentialSubject'];
  const subject = t['subject'] ?? (isRecord(credentialSubject) ? credentialSubject['id'] : undefined);
  const recordedAt = t['recorded_at'] ?? s.created ?? s.nowText;
  const method = methodOf(undefined, signer.publicKey, s, '');
  if (!method.ok) return method;

  const body = {
    trace_version: t['trace_version'] ?? '1.2',
    trace_id: t['trace_id'] ?? `trace-${randomUUID()}`,
    ...optional('subject', subject),
    intent_ref: intentRef,
    action_hash: actionHash,
    ...optional('outcome', t['outcome']),
    ...optional('verified', t['verified']),
    references: {
      mandate_hash: mandateHash,
      ...optional('receipt_hashes', refs['receipt_hashes'] ?? receipts?.map((r) => documentHash(r))),
      ...optional('settlement_proof', refs['settlement_proof']),
      identity_credential: identity,
      ...othersOf(refs, REFERENCE_MEMBERS),
    },
    recorded_at: recordedAt,
    ...othersOf(t, TRACE_MEMBERS),
  };
  const created = s.created ?? (typeof recordedAt === 'string' ? recordedAt : s.nowText);
  return gate(proveAssertion<IntentTrace>(body, signer.seed, method.method, created, s), 'receipt/intent-trace', secondsOf(recordedAt), evidence, options);
}

/** The action hash from the action given, else from the one action the receipts record. */
function actionHashOf(action: unknown, receipts: readonly Record<string, unknown>[] | undefined): string | ReturnType<typeof misuse> {
  if (action !== undefined) return documentHash(action);
  const recorded = [...new Set((receipts ?? []).filter((r) => r['action'] !== undefined).map((r) => documentHash(r['action'])))];
  if (recorded.length === 1) return recorded[0] as string;
  if (recorded.length > 1) return misuse('/action', 'the receipts record different actions: give the action executed (action) or its hash (action_hash)');
  return misuse('/action_hash', 'give the action executed (action), its hash (action_hash), or a receipt that records it (receipts)');
}
