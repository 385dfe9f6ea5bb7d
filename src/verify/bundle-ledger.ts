/**
 * What a bundle is counted as, across all its artifacts (SPEC.md 12.8): each artifact once,
 * however many paths hold it, and every allowed call under a grant counted against the grant's
 * caps, whatever each record says of itself. A verifier that checked each budget record alone
 * would accept a second call under a one-call grant that also calls itself call 1.
 */
import type { BudgetAuthorization, DocumentTypes } from '../generated/types.js';
import { verifyCapabilityChain } from './capability.js';
import type { VerifyContext } from './context.js';
import { intentHash } from './intent.js';
import { documentHash } from '../crypto/hash.js';
import { notPlainJson } from '../crypto/jcs.js';
import type { Issue } from '../issues.js';

/**
 * An artifact of a bundle that was read, recognised and valid: its document is of its type, so
 * `a.type === 'capability/token'` makes `a.doc` a capability token, and filtering by type
 * yields typed documents without a cast.
 */
export type ReadArtifact = { [K in keyof DocumentTypes]: ArtifactOf<K> }[keyof DocumentTypes];

/** A read artifact of one type. */
export interface ArtifactOf<K extends keyof DocumentTypes> {
  readonly path: string;
  readonly type: K;
  readonly doc: DocumentTypes[K];
}

/**
 * A read artifact from a document validated as its type.
 *
 * @param path - its path in the bundle.
 * @param type - the schema id it validated against.
 * @param doc - the validated document.
 * @returns the artifact.
 */
export function readArtifact<K extends keyof DocumentTypes>(path: string, type: K, doc: DocumentTypes[K]): ReadArtifact {
  // TypeScript cannot pick the member of the union a generic K names; this is that member.
  return { path, type, doc } as ReadArtifact;
}

const at = (file: string, pointer: string): string => (pointer === '' ? file : `${file}#${pointer}`);

/**
 * The artifacts with each document once: a document under two paths is one, at its first path.
 *
 * @param artifacts - readable artifacts.
 * @returns the first artifact of each distinct document, in order.
 */
export function distinctArtifacts<T extends { readonly path: string; readonly doc?: unknown }>(artifacts: readonly T[]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const a of artifacts) {
    if (a.doc === undefined || notPlainJson(a.doc) !== undefined) continue;
    const hash = documentHash(a.doc);
    if (seen.has(hash)) continue;
    seen.add(hash);
    out.push(a);
  }
  return out;
}

/**
 * The artifacts held under more than one path: each copy after the first is reported.
 *
 * @param artifacts - the bundle's readable artifacts, in the manifest's order.
 * @returns an `ERR_BUNDLE_DUPLICATE` issue per copy.
 */
export function duplicateIssues(artifacts: readonly { readonly path: string; readonly doc?: unknown }[]): Issue[] {
  const first = new Map<string, string>();
  const out: Issue[] = [];
  for (const a of artifacts) {
    if (a.doc === undefined || notPlainJson(a.doc) !== undefined) continue;
    const hash = documentHash(a.doc);
    const seen = first.get(hash);
    if (seen === undefined) first.set(hash, a.path);
    else out.push({ code: 'ERR_BUNDLE_DUPLICATE', path: a.path, message: `${a.path} is the same document as ${seen}: it is counted once`, details: { document_hash: hash, first: seen } });
  }
  return out;
}

/**
 * The allowed calls under each grant, counted across the bundle (each record once): their
 * number within the grant's `max_invocations`, their exposures within its `max_total_cost`, and
 * no two of them claiming the same place in the grant's count.
 *
 * @param artifacts - the bundle's readable artifacts.
 * @returns the issues, at the record that goes over.
 */
export function ledgerIssues(artifacts: readonly ReadArtifact[]): Issue[] {
  const tokens = new Map(docsOf(artifacts, 'capability/token').map(([, t]) => [t.id, t]));
  const byGrant = new Map<string, { path: string; record: BudgetAuthorization }[]>();
  for (const [path, record] of docsOf(distinctArtifacts(artifacts), 'settlement/budget-authorization')) {
    if (record.decision !== 'allowed') continue;
    const key = `${record.capability_id.length}:${record.capability_id}:${record.grant_index}`;
    byGrant.set(key, [...(byGrant.get(key) ?? []), { path, record }]);
  }
  const out: Issue[] = [];
  for (const calls of byGrant.values()) {
    const { capability_id, grant_index } = (calls[0] as { record: BudgetAuthorization }).record;
    const grant = tokens.get(capability_id)?.scope.grants?.[grant_index];
    const places = new Map<number, string>();
    let total = 0;
    for (const [n, { path, record }] of calls.entries()) {
      const place = record.invocation_count;
      if (place !== undefined) {
        const other = places.get(place);
        if (other !== undefined) {
          out.push({ code: 'ERR_BUDGET_DECISION_MISMATCH', path: at(path, '/invocation_count'), message: `${path} and ${other} both say they are call ${place} under ${capability_id} grant ${grant_index}: two calls cannot hold one place in the count`, details: { capability_id, grant_index, invocation_count: place } });
        }
        places.set(place, path);
      }
      total += record.exposure.units;
      if (grant === undefined) continue;
      if (grant.max_invocations !== undefined && n + 1 > grant.max_invocations) {
        out.push({ code: 'ERR_BUDGET_INVOCATIONS_EXCEEDED', path, message: `${path} is allowed call ${n + 1} under ${capability_id} grant ${grant_index}, which allows ${grant.max_invocations}`, details: { capability_id, grant_index, calls: n + 1, max_invocations: grant.max_invocations } });
      }
      const cap = grant.max_total_cost;
      if (cap !== undefined && record.exposure.currency === cap.currency && total > cap.units) {
        out.push({ code: 'ERR_BUDGET_TOTAL_EXCEEDED', path: at(path, '/exposure/units'), message: `the calls allowed under ${capability_id} grant ${grant_index} reach ${total} ${cap.currency} with ${path}; the grant allows ${cap.units}`, details: { capability_id, grant_index, total_exposure: total, max_total_cost: cap.units } });
      }
    }
  }
  return out;
}

/**
 * Unsigned budget records lean on the signed intent they name (SPEC.md 12.8): when the bundle
 * holds intents, an authorization for an intent none of them hashes to is not evidence of this
 * bundle's calls.
 *
 * @param artifacts - the bundle's readable artifacts.
 * @returns an `ERR_REPLAY_LINK_BROKEN` issue per authorization for an intent the bundle does not hold.
 */
export function intentLinkIssues(artifacts: readonly ReadArtifact[]): Issue[] {
  const intents = docsOf(artifacts, 'intent/governed-intent').map(([, i]) => intentHash(i));
  if (intents.length === 0) return [];
  const held = new Set(intents);
  const out: Issue[] = [];
  for (const [path, b] of docsOf(artifacts, 'settlement/budget-authorization')) {
    const hash = b.intent_hash;
    if (hash !== undefined && !held.has(hash)) out.push({ code: 'ERR_REPLAY_LINK_BROKEN', path: at(path, '/intent_hash'), message: `${path} authorizes the exposure of intent ${hash}, which no intent of the bundle hashes to` });
  }
  return out;
}

/**
 * No silent allow (SPEC.md 12.8; Incident Network's smoke assertions): a receipt that records an
 * allowed call was issued when the call's capability chain was usable. The chain is checked at
 * the receipt's own time, with the revocations that count; `now` only says whether it is still
 * usable. An allow recorded after an ancestor's revocation is refused with the chain's code.
 *
 * @param artifacts - the bundle's readable artifacts.
 * @param ctx - the context with the evidence's revocations (Evidence.context).
 * @returns an issue per allowed receipt whose chain was not usable at its time.
 */
export function receiptTimeIssues(artifacts: readonly ReadArtifact[], ctx: VerifyContext): Issue[] {
  const tokens = docsOf(artifacts, 'capability/token').map(([, t]) => t);
  const out: Issue[] = [];
  for (const [path, r] of docsOf(artifacts, 'receipt/tool-call')) {
    if (r.decision.verdict !== 'allow') continue;
    const capability = tokens.find((t) => t.id === r.capability_id);
    if (capability === undefined) continue;
    const v = verifyCapabilityChain(capability, { ...ctx, now: r.timestamp, evidence: tokens });
    if (!v.ok && v.code !== 'ERR_CHAIN_DUPLICATE_ID') {
      out.push({ code: v.code, path: at(path, '/timestamp'), message: `${path} records an allowed call at ${r.timestamp}, when its capability chain was not usable: ${v.message}`, ...(v.details === undefined ? {} : { details: v.details }) });
    }
  }
  return out;
}

/**
 * Every receipt of a bundle belongs to it (SPEC.md 12.8): when the bundle holds capabilities, a
 * receipt is under one of them. (That it commits to one of the bundle's intents, when it holds
 * any, is its own verification's answer: verifyWithEvidence.) A receipt of some other
 * transaction, however well signed, cannot stand in for a deleted one.
 *
 * @param artifacts - the bundle's readable artifacts.
 * @returns the issues, at the receipt's member.
 */
export function receiptLinkIssues(artifacts: readonly ReadArtifact[]): Issue[] {
  const capabilities = new Set(docsOf(artifacts, 'capability/token').map(([, t]) => t.id));
  const out: Issue[] = [];
  for (const [path, r] of docsOf(artifacts, 'receipt/tool-call')) {
    if (capabilities.size > 0 && !capabilities.has(r.capability_id)) out.push({ code: 'ERR_REPLAY_LINK_BROKEN', path: at(path, '/capability_id'), message: `${path} is a receipt under ${r.capability_id}, which is not a capability of the bundle: it is not evidence of this transaction` });
  }
  return out;
}

/**
 * The settlement of a bundle is this transaction's (SPEC.md 12.8): the job a settlement settles
 * is the job the bundle's fulfillment packages fulfil, and the other way round; the settled
 * amounts are the spend the bundle reconciled; an intent priced on a quote has that quote among
 * the bundle's quotes. Without these, the settlement and fulfillment of some other job satisfied
 * a procurement bundle's required artifacts.
 *
 * @param artifacts - the bundle's readable artifacts.
 * @returns the issues, at the member that does not link.
 */
export function settlementLinkIssues(artifacts: readonly ReadArtifact[]): Issue[] {
  const distinct = distinctArtifacts(artifacts);
  const settlements = docsOf(distinct, 'settlement/settlement-reconciliation');
  const packages = docsOf(distinct, 'task/fulfillment-package');
  const spends = docsOf(distinct, 'settlement/spend-reconciliation');
  const quotes = docsOf(distinct, 'commercial/quote.response');
  const out: Issue[] = [];
  if (settlements.length > 0) {
    for (const [path, p] of packages) {
      if (!settlements.some(([, s]) => s.job_id === p.job_id)) out.push({ code: 'ERR_REPLAY_LINK_BROKEN', path: at(path, '/job_id'), message: `${path} fulfils job ${p.job_id}, which no settlement of the bundle settles` });
    }
  }
  if (packages.length > 0) {
    for (const [path, s] of settlements) {
      if (!packages.some(([, p]) => p.job_id === s.job_id)) out.push({ code: 'ERR_REPLAY_LINK_BROKEN', path: at(path, '/job_id'), message: `${path} settles job ${s.job_id}, which no fulfillment package of the bundle fulfils` });
    }
  }
  const last = settlements[settlements.length - 1];
  if (last !== undefined && spends.length > 0) {
    const currency = last[1].currency;
    const oneCurrency = settlements.every(([, s]) => s.currency === currency) && spends.every(([, r]) => r.actual.currency === currency);
    const settled = settlements.reduce((sum, [, s]) => sum + s.settled_amount_minor, 0);
    const reconciled = spends.reduce((sum, [, r]) => sum + r.actual.units, 0);
    if (!oneCurrency || settled !== reconciled) {
      out.push({
        code: 'ERR_SETTLEMENT_AMOUNT_MISMATCH',
        path: at(last[0], '/settled_amount_minor'),
        message: oneCurrency ? `the bundle's settlements settle ${settled} ${currency}; the spend it reconciled is ${reconciled}` : `the bundle's settlements and reconciled spend are not all in ${currency}`,
        details: { currency, settled: oneCurrency ? settled : null, reconciled: oneCurrency ? reconciled : null },
      });
    }
  }
  if (quotes.length > 0) {
    for (const [path, i] of docsOf(distinct, 'intent/governed-intent')) {
      const named = i.billing_context.quote_id;
      if (named !== undefined && !quotes.some(([, q]) => q.quote_id === named)) out.push({ code: 'ERR_REPLAY_LINK_BROKEN', path: at(path, '/billing_context/quote_id'), message: `${path} is priced on quote ${named}, which is not among the bundle's quotes` });
    }
  }
  return out;
}

/**
 * The artifacts of one type, each as its path and its document, typed.
 *
 * @param artifacts - read artifacts.
 * @param type - a schema id.
 * @returns `[path, document]` for each artifact of the type, in order.
 */
export function docsOf<K extends keyof DocumentTypes>(artifacts: readonly ReadArtifact[], type: K): [path: string, doc: DocumentTypes[K]][] {
  const out: [string, DocumentTypes[K]][] = [];
  // An artifact's document is of its type (ReadArtifact): for `a.type === type` it is DocumentTypes[K],
  // which TypeScript cannot see through a generic K.
  for (const a of artifacts) if (a.type === type) out.push([a.path, a.doc as DocumentTypes[K]]);
  return out;
}

/**
 * An intent trace is its recorder's anchor of the transaction (Agent Commerce Rails, station 5:
 * a signed file and its hash), and the recorder seals the bundle the trace belongs to (SPEC.md
 * 12.8): in a sealed bundle every trace is proved by the sealer. Otherwise a trace proved with
 * any key of one's own would stand beside a genuine seal, and the trust policy that names the
 * sealer would say nothing of the trace.
 *
 * @param artifacts - the bundle's readable artifacts.
 * @param sealer - the DID whose proof of the manifest verified, if any.
 * @returns an `ERR_REPLAY_LINK_BROKEN` issue per trace another party proved.
 */
export function traceRecorderIssues(artifacts: readonly ReadArtifact[], sealer: string | undefined): Issue[] {
  if (sealer === undefined) return [];
  const out: Issue[] = [];
  for (const [path, trace] of docsOf(distinctArtifacts(artifacts), 'receipt/intent-trace')) {
    const method = trace.proof.verificationMethod;
    const recorder = method.split('#')[0];
    if (recorder !== sealer) out.push({ code: 'ERR_REPLAY_LINK_BROKEN', path: at(path, '/proof/verificationMethod'), message: `${path} is proved by ${String(recorder)}; the bundle is sealed by ${sealer}, who records its traces`, details: { recorder: recorder ?? null, sealer } });
  }
  return out;
}
