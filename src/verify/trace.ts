/**
 * The intent trace (SPEC.md 12.9, station 5): the anchored record of a settled mandate, proved by
 * its recorder, whose every reference the evidence can answer must resolve.
 */
import type { DocumentTypes } from '../generated/types.js';
import { verifyDataIntegrity } from '../crypto/envelopes.js';
import { documentHash } from '../crypto/hash.js';
import { fail, pass, warn, type Issue, type Verdict } from '../issues.js';
import type { EvidenceIndex } from '../model/evidence.js';
import { readDocument } from '../model/read.js';
import { proofOptionsOf } from './common.js';
import { registryOf, type VerifyContext } from './context.js';

/**
 * An intent trace: its proof, and every reference it makes that the evidence can answer: the
 * intent mandate (`intent_ref`), the payment mandate, the identity credential, the receipts.
 */
export function verifyTrace(doc: unknown, e: EvidenceIndex, ctx: VerifyContext): Verdict {
  const read = readDocument(registryOf(ctx), 'receipt/intent-trace', doc);
  if (!read.ok) return read;
  const t = read.doc;
  const proved = verifyDataIntegrity(t, proofOptionsOf(ctx));
  if (!proved.ok) return proved;
  const hashes = (type: keyof DocumentTypes): string[] => [...e.hashesOf(type).keys()];
  const links: [string, boolean, string][] = [];
  if (e.all('mandate/intent-mandate').length > 0) links.push(['/intent_ref', hashes('mandate/intent-mandate').includes(t.intent_ref), `no intent mandate given hashes to ${t.intent_ref}`]);
  if (e.all('mandate/payment-mandate').length > 0) links.push(['/references/mandate_hash', hashes('mandate/payment-mandate').includes(t.references.mandate_hash), `no payment mandate given hashes to ${t.references.mandate_hash}`]);
  const credential = t.references.identity_credential;
  const credentials = e.all('identity/agent-credential');
  const given = credentials.find((c) => c.id === credential.id);
  if (given !== undefined) {
    const hash = documentHash(given);
    const subject = given.credentialSubject.id;
    links.push(['/references/identity_credential/hash', hash === credential.hash, `credential ${credential.id} hashes to ${hash}, not ${credential.hash}`]);
    links.push(['/subject', subject === t.subject, `the trace is about ${t.subject}; credential ${credential.id} is about ${String(subject)}`]);
  } else if (credentials.length > 0) {
    // Agent credentials given, none of them the one named: a broken reference, not an unanswered one.
    links.push(['/references/identity_credential/id', false, `no agent credential given has the id ${credential.id}`]);
  }
  const receipts = hashes('receipt/tool-call');
  for (const [i, h] of (t.references.receipt_hashes ?? []).entries()) links.push([`/references/receipt_hashes/${i}`, receipts.includes(h), `no receipt given hashes to ${h}`]);
  const actions = e.all('receipt/tool-call').filter((r) => r.action !== undefined).map((r) => documentHash(r.action));
  if (actions.length > 0) links.push(['/action_hash', actions.includes(t.action_hash), `no receipt given records an action that hashes to ${t.action_hash}`]);
  const broken = links.find(([, ok]) => !ok);
  if (broken !== undefined) return fail('ERR_REPLAY_LINK_BROKEN', broken[0], broken[2]);
  // What the evidence could not answer is said, not passed over.
  const unanswered: [string, string][] = [];
  if (e.all('mandate/intent-mandate').length === 0) unanswered.push(['/intent_ref', `the intent mandate ${t.intent_ref}`]);
  if (e.all('mandate/payment-mandate').length === 0) unanswered.push(['/references/mandate_hash', `the payment mandate ${t.references.mandate_hash}`]);
  if (credentials.length === 0) unanswered.push(['/references/identity_credential', `the credential ${credential.id}`]);
  if (actions.length === 0) unanswered.push(['/action_hash', `a receipt recording the action ${t.action_hash}`]);
  const verdict = pass(`trace ${t.trace_id} is proved by ${String(proved.details?.['signer'])} and its ${links.length} reference(s) resolve`, { signer: proved.details?.['signer'], references_checked: links.length });
  return warn(verdict, ...unanswered.map(([path, what]): Issue => ({ code: 'ERR_RECEIPT_REFERENCE_NOT_GIVEN', path, message: `the trace refers to ${what}, which was not given: that reference is not resolved` })));
}
