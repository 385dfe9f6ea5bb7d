/**
 * One entry point for every document type (SPEC.md 12): recognise the document, then verify
 * it with whatever the other documents given supply (the capabilities it descends from, the
 * intent a receipt commits to, the mandates a payment names, the credentials a card lists).
 * This is what `writ verify <file>...` runs for each file, and what bundles and replays run for
 * each artifact.
 */
import type { DidDocument, GovernedIntent, IntentMandate, PaymentMandate } from '../generated/types.js';
import { verifyCompact, verifyDataIntegrity } from '../crypto/envelopes.js';
import { documentHash } from '../crypto/hash.js';
import { notPlainJson } from '../crypto/jcs.js';
import { fail, pass, warn, type Issue, type Verdict } from '../issues.js';
import { addDecimal, formatDecimal, parseDecimal, type Decimal } from '../encoding/decimal.js';
import { verifyBudgetAuthorization, verifySpendReconciliation } from './budget.js';
import { verifyCapabilityChain } from './capability.js';
import { compareInstants, readRfc3339 } from '../encoding/time.js';
import { backendOf, invalidDocument, proofOptionsOf, readAs, within } from './common.js';
import { contextProblem, registryOf, type VerifyContext } from './context.js';
import { verifyAgentCard, verifyCredential } from './identity.js';
import { intactIntent, verifyIntent } from './intent.js';
import { cartHonours, verifyMandateChain } from './mandate.js';
import { verifyReceipt, verifyReceiptPair } from './receipt.js';
import { verifySettlement } from './settlement.js';
import { verifyTrace } from './trace.js';
import { pointerAppend } from '../encoding/pointer.js';
import { isRecord } from '../encoding/json.js';
import { capabilitiesById, EvidenceIndex } from '../model/evidence.js';
import { readCall, verified } from '../model/read.js';

export type { TypedDocument } from '../model/evidence.js';

/** The evidence of a verification, with what the verifiers need of it: trusted revocations, DID documents, intact intents. */
export class Evidence extends EvidenceIndex {
  private intents: Map<string, GovernedIntent> | undefined;

  /**
   * Evidence from documents of unknown type: each is recognised from its members, and those
   * that are not documents of the line are left out.
   *
   * @param docs - the documents.
   * @param ctx - the context (for its registry).
   * @returns the evidence.
   */
  static fromDocuments(docs: readonly unknown[], ctx: Pick<VerifyContext, 'registry'>): Evidence {
    const registry = registryOf(ctx);
    return new Evidence(EvidenceIndex.recognise(docs, registry), registry);
  }

  /**
   * Revocations the evidence carries, merged with the context's: a signed record counts only when
   * its signature verifies; an unsigned one is the holder's own record.
   *
   * @param ctx - the context, whose revocations are kept.
   * @returns capability id -> revoked at.
   */
  revocations(ctx: VerifyContext): Map<string, number> {
    const out = new Map(ctx.revocations ?? []);
    // Every document the index holds is valid as its type (EvidenceIndex): no record is read twice.
    for (const r of this.all('capability/revocation')) {
      if (r.signature !== undefined && !verifyCompact(r, 'revoked_by', backendOf(ctx)).ok) continue;
      if (r.revoked_by !== undefined && !this.mayRevoke(r.revoked_by, r.capability_id)) continue;
      const before = out.get(r.capability_id);
      out.set(r.capability_id, before === undefined ? r.revoked_at : Math.min(before, r.revoked_at));
    }
    return out;
  }

  /**
   * Whether a key may revoke a capability: the capability is in the evidence, once, and the key
   * issued it or one of its ancestors (none of which is held twice under one id).
   *
   * @param key - the revoker's hex key.
   * @param capabilityId - the capability revoked.
   * @returns whether the revocation is authorized as far as the evidence shows.
   */
  mayRevoke(key: string, capabilityId: string): boolean {
    const { byId: tokens, forked } = capabilitiesById(this.all('capability/token'));
    // A capability the evidence does not hold, or holds twice under one id, cannot show who may
    // revoke it: the record does not count (SPEC.md 12.2).
    let token = forked.has(capabilityId) ? undefined : tokens.get(capabilityId);
    if (token === undefined) return false;
    for (let hops = 0; token !== undefined && hops <= tokens.size; hops++) {
      if (token.issuer === key) return true;
      const parent: string | null | undefined = token.parent_capability_id;
      token = parent === undefined || parent === null || forked.has(parent) ? undefined : tokens.get(parent);
    }
    return false;
  }

  /**
   * The DID documents a verification may resolve keys with: the caller's, and those the evidence
   * carries whose hash the caller pinned (`pinnedDocuments`). A DID document the evidence brings
   * without a pin is not used: a bundle's own document for did:web:shop.example would let anyone
   * who writes the bundle speak for shop.example (SPEC.md 12.8, trust).
   *
   * @param ctx - the context.
   * @returns DID -> document.
   */
  didDocuments(ctx: VerifyContext): Map<string, unknown> {
    return vouchedDocuments(this.all('identity/did-document'), ctx);
  }

  /** The governed intent whose recomputed hash is `hash` (the intact intents are found once). */
  intentFor(hash: string, ctx: VerifyContext): GovernedIntent | undefined {
    this.intents ??= new Map(this.all('intent/governed-intent').filter((i) => intactIntent(i, ctx).ok).map((i) => [i.intent_hash, i]));
    return this.intents.get(hash);
  }

  /**
   * The context a verification with this evidence runs in: the evidence's DID documents and
   * revocations added to the caller's.
   *
   * @param ctx - the caller's context.
   * @returns the context.
   */
  context(ctx: VerifyContext): VerifyContext {
    return { ...ctx, documents: this.didDocuments(ctx), revocations: this.revocations(ctx) };
  }
}

/**
 * The DID documents a caller vouches for: its own, and those among `candidates` (valid DID
 * documents brought by the evidence) whose hash it pinned; its own win a clash (SPEC.md 12.8).
 *
 * @param candidates - DID documents the evidence carries, each valid.
 * @param ctx - the caller's documents and pinned hashes.
 * @returns DID -> document.
 */
export function vouchedDocuments(candidates: readonly DidDocument[], ctx: Pick<VerifyContext, 'documents' | 'pinnedDocuments'>): Map<string, unknown> {
  const pinned = new Set(ctx.pinnedDocuments ?? []);
  const out = new Map<string, unknown>(candidates.filter((d) => pinned.has(documentHash(d))).map((d) => [d.id, d]));
  for (const [k, v] of ctx.documents ?? []) out.set(k, v);
  return out;
}

/** The options of {@link verifyDocument}: the context, and what the subject is checked against. */
export interface DocumentOptions extends VerifyContext {
  /** Other documents it may depend on, of any type, in any order. */
  readonly evidence?: readonly unknown[] | undefined;
  /** Its schema id, when known; otherwise it is recognised from its members. */
  readonly type?: string | undefined;
}

/**
 * Verify one document of any type, with the others as its evidence.
 *
 * @param doc - the document (any value).
 * @param options - the time, trust, revocations and DID documents (the evidence's DID documents and revocation records are added to these); `evidence`: other documents it may depend on, of any type, in any order; `type`: the schema id, when known (otherwise it is recognised from the document).
 * @returns the verdict of the document's verifier, with `details.type`; a type without a
 *   verifier of its own (a quote, a task, a report) is verified by its schema alone.
 * @example
 * ```ts
 * verifyDocument(executorCapability, { now, evidence: [root, vendor, coordinator, revocation] });
 * ```
 */
export function verifyDocument(doc: unknown, options: DocumentOptions): Verdict {
  return readCall(
    options,
    (options) => [['', doc], ['/evidence', options?.evidence]],
    ([doc_, evidence_], options) => verified(verifyDocumentModel(doc_, (evidence_ ?? []) as readonly unknown[], options, options?.type), doc_),
  );
}

/** {@link verifyDocument} on its inputs as read once, into snapshots. */
function verifyDocumentModel(doc: unknown, others: readonly unknown[], ctx: VerifyContext, type?: string): Verdict {
  const problem = contextProblem(ctx) ?? (Array.isArray(others) ? undefined : fail('ERR_USAGE_INVALID_ARGUMENT', '', 'verify: the other documents must be an array'));
  if (problem !== undefined) return problem;
  let id = type;
  if (id === undefined) {
    const plain = notPlainJson(doc);
    if (plain !== undefined) return fail(plain.code, plain.path, `the document is not plain JSON: ${plain.message}`);
    const detected = registryOf(ctx).detect(doc);
    if (!detected.ok) return fail(detected.code, detected.path, detected.message, detected.details);
    id = detected.schema.id;
  }
  // The document is evidence too: a revocation is judged against the capability it revokes,
  // even when that capability is the one being verified.
  const evidence = Evidence.fromDocuments([doc, ...others], ctx);
  return verifyWithEvidence(doc, id, evidence, evidence.context(ctx));
}

/**
 * Verify a document of a known type against evidence built once for many documents (a bundle's).
 *
 * @param doc - the document; it is in the evidence too.
 * @param type - its schema id.
 * @param evidence - every document of the verification.
 * @param ctx - the context, from {@link Evidence.context}.
 * @returns as {@link verifyDocument}.
 */
export function verifyWithEvidence(doc: unknown, type: string, evidence: Evidence, ctx: VerifyContext): Verdict {
  const v = dispatch(type, doc, evidence, ctx);
  const details = { type, ...v.details };
  return v.ok ? { ...v, details } : { ...v, details };
}

/** Intents given, none of them the one a receipt commits to: the commitment is broken, not unanswered. */
const unlike = (hash: string): Verdict => fail('ERR_RECEIPT_INTENT_MISMATCH', '/intent_hash', `the receipt commits to the intent ${hash}, and no intent given hashes to it`);

function dispatch(id: string, doc: unknown, e: Evidence, ctx: VerifyContext): Verdict {
  switch (id) {
    case 'capability/token':
      return verifyCapabilityChain(doc, { ...ctx, evidence: e.all('capability/token') });
    case 'capability/revocation': {
      const read = readAs(ctx, 'capability/revocation', doc);
      if (!read.ok) return read;
      const r = read.doc;
      if (r.signature === undefined) return pass(`revocation of ${r.capability_id} (an unsigned local record)`);
      const signed = verifyCompact(r, 'revoked_by', backendOf(ctx));
      if (!signed.ok) return signed;
      // The signature verified under revoked_by, so the record names it.
      if (r.revoked_by === undefined || !e.mayRevoke(r.revoked_by, r.capability_id)) {
        const held = e.all('capability/token').some((c) => c.id === r.capability_id);
        return held
          ? fail('ERR_KEY_NOT_AUTHORIZED', '/revoked_by', `${String(r.revoked_by)} issued neither ${r.capability_id} nor any capability it descends from (once each under its id), so it cannot revoke it`)
          : fail('ERR_KEY_NOT_AUTHORIZED', '/capability_id', `the capability ${r.capability_id} is not among the evidence, so nothing shows that ${String(r.revoked_by)} may revoke it`);
      }
      return signed;
    }
    case 'intent/governed-intent':
      return verifyIntent(doc, ctx);
    case 'receipt/tool-call': {
      const read = readAs(ctx, 'receipt/tool-call', doc);
      if (!read.ok) return read;
      const intent = e.intentFor(read.doc.intent_hash, ctx);
      if (intent === undefined && e.all('intent/governed-intent').length > 0) return unlike(read.doc.intent_hash);
      return verifyReceipt(read.doc, { ...ctx, intent });
    }
    case 'receipt/receipt-pair': {
      // With its intent, the pair's own verifier reads it (and decides its rules with its codes);
      // without, it is read here, rules and all: once either way.
      const hash = isRecord(doc) ? doc['intent_hash'] : undefined;
      const intent = typeof hash === 'string' ? e.intentFor(hash, ctx) : undefined;
      if (intent !== undefined) return verifyReceiptPair(doc, { ...ctx, intent });
      const read = readAs(ctx, 'receipt/receipt-pair', doc);
      if (!read.ok) return read;
      if (e.all('intent/governed-intent').length > 0) return unlike(read.doc.intent_hash);
      const p = read.doc;
      const warnings: Issue[] = [];
      for (const [at, r] of [['/buyer_receipt', p.buyer_receipt], ['/provider_receipt', p.provider_receipt]] as const) {
        const v = verifyReceipt(r, ctx);
        if (!v.ok) return within(at, v);
        warnings.push(...(v.warnings ?? []).map((w) => ({ ...w, path: `${at}${w.path}` })));
      }
      return warn(pass(`both receipts of pair ${p.pair_id} are signed (the intent was not given, so the commitment to it is unchecked)`, { intent_checked: false }), ...warnings);
    }
    case 'receipt/intent-trace':
      return verifyTrace(doc, e, ctx);
    case 'identity/agent-credential':
    case 'identity/merchant-credential':
      return verifyCredential(doc, ctx);
    case 'discovery/agent-card':
      return verifyAgentCard(doc, { ...ctx, credentials: [...e.all('identity/agent-credential'), ...e.all('identity/merchant-credential')] });
    case 'mandate/intent-mandate':
    case 'mandate/cart-mandate':
    case 'mandate/payment-mandate':
      return verifyMandate(id, doc, e, ctx);
    case 'settlement/budget-authorization': {
      const read = readAs(ctx, 'settlement/budget-authorization', doc);
      if (!read.ok) return read;
      const capId = read.doc.capability_id;
      const cap = e.find('capability/token', (c) => c.id === capId);
      if (cap === undefined) return fail('ERR_REPLAY_LINK_BROKEN', '/capability_id', `capability ${capId} was not given: the decision cannot be checked against its grant`);
      return verifyBudgetAuthorization(read.doc, { ...ctx, capability: cap });
    }
    case 'settlement/spend-reconciliation': {
      const read = readAs(ctx, 'settlement/spend-reconciliation', doc);
      if (!read.ok) return read;
      const r = read.doc;
      const authorization = e.find('settlement/budget-authorization', (a) => a.capability_id === r.capability_id && a.grant_index === r.grant_index && a.decision === 'allowed' && a.exposure.units === r.charged.units);
      const receipt = e.find('receipt/tool-call', (c) => c.id === r.receipt_id);
      return verifySpendReconciliation(r, { ...ctx, authorization, receipt });
    }
    case 'settlement/settlement-reconciliation': {
      const read = readAs(ctx, 'settlement/settlement-reconciliation', doc);
      if (!read.ok) return read;
      const s = read.doc;
      const dispute = e.find('settlement/dispute', (d) => d.settlement_id === s.settlement_id);
      // Checked against an intent that is intact (its hash recomputes), never against the first
      // one given: a tampered copy placed first must not stand in for the genuine intent.
      const intent = e.all('intent/governed-intent').find((i) => intactIntent(i, ctx).ok);
      const quoteId = intent?.billing_context.quote_id;
      const quote = e.find('commercial/quote.response', (q) => quoteId === undefined || q.quote_id === quoteId);
      return verifySettlement(s, { ...ctx, ...(quote === undefined ? {} : { quote }), ...(intent === undefined ? {} : { intent }), ...(dispute === undefined ? {} : { dispute }) });
    }
    case 'task/task-created': {
      // The capability a task carries is verified as if it stood alone, with the same evidence:
      // a widened, stale or stranger's capability inside a task is no better than outside it.
      const read = readAs(ctx, 'task/task-created', doc);
      if (!read.ok) return read;
      const task = read.doc;
      const embedded = task.vendor_liaison_capability;
      if (embedded === undefined) return pass('a valid task/task-created: it carries no capability');
      const chain = verifyCapabilityChain(embedded, { ...ctx, evidence: e.all('capability/token') });
      if (chain.ok) return warn(pass(`task ${task.task_id}: its capability ${chain.message}`, chain.details), ...(chain.warnings ?? []));
      // A problem with the embedded capability itself points into the task; one with an
      // ancestor keeps the chain's path (the ancestor's id, then the pointer into it).
      const own = pointerAppend('', embedded.id);
      return chain.path === own || chain.path.startsWith(`${own}/`) ? { ...chain, path: `/vendor_liaison_capability${chain.path.slice(own.length)}` } : chain;
    }
    case 'task/process-task-response':
      return verifyDenial(doc, e, ctx);
    default: {
      const invalid = invalidDocument(ctx, id, doc);
      return invalid ?? pass(`a valid ${id}: it carries no signature or hash for writ to verify`);
    }
  }
}

/**
 * A provider's answer that names the revoked ancestor that denied a task (Incident Network,
 * revocation) verifies as evidence of that denial only when the evidence gives it: the
 * capability is among the evidence, once, at the depth named, and revoked by the time of
 * verification (the caller's revocations, or the evidence's that count). Otherwise a denial
 * naming the wrong ancestor, or the wrong depth, would read the same as the right one.
 */
function verifyDenial(doc: unknown, e: Evidence, ctx: VerifyContext): Verdict {
  const read = readAs(ctx, 'task/process-task-response', doc);
  if (!read.ok) return read;
  const x = read.doc.execution;
  if (x.verdict !== 'deny' || x.revoked_capability_id === undefined) return pass(`a valid task/process-task-response (${x.verdict}): it names no revoked ancestor to check`);
  const id = x.revoked_capability_id;
  const { byId, forked } = capabilitiesById(e.all('capability/token'));
  const token = forked.has(id) ? undefined : byId.get(id);
  if (token === undefined) return fail('ERR_CHAIN_DENIAL_MISMATCH', '/execution/revoked_capability_id', `the denial names ${id}, which is not among the evidence (once): nothing shows it was the ancestor that denied the task`);
  if ((token.delegation_depth ?? 0) !== x.denied_at_depth) return fail('ERR_CHAIN_DENIAL_MISMATCH', '/execution/denied_at_depth', `the denial puts ${id} at depth ${String(x.denied_at_depth)}; the capability states ${token.delegation_depth ?? 0}`);
  const revokedAt = ctx.revocations?.get(id);
  if (revokedAt === undefined || revokedAt > ctx.now) return fail('ERR_CHAIN_DENIAL_MISMATCH', '/execution/revoked_capability_id', `the denial names ${id} as revoked, but no revocation of it that counts is known${revokedAt === undefined ? '' : ` before ${revokedAt}`}`);
  return pass(`a verified denial: ${id} (depth ${token.delegation_depth ?? 0}) was revoked at ${revokedAt}`, { revoked_capability_id: id, denied_at_depth: token.delegation_depth ?? 0 });
}

/** A mandate with the mandates around it: the whole chain when the evidence has it. */
function verifyMandate(id: 'mandate/intent-mandate' | 'mandate/cart-mandate' | 'mandate/payment-mandate', doc: unknown, e: Evidence, ctx: VerifyContext): Verdict {
  if (id === 'mandate/payment-mandate') {
    const read = readAs(ctx, id, doc);
    if (!read.ok) return read;
    const p = read.doc;
    const intent = e.withHash('mandate/intent-mandate', p.intent_mandate_hash);
    const cart = e.withHash('mandate/cart-mandate', p.cart_mandate_hash);
    if (intent !== undefined && cart !== undefined) {
      const earlier = [...e.hashesOf('mandate/payment-mandate').values()].filter((o) => documentHash(o) !== documentHash(p) && o.intent_mandate_hash === p.intent_mandate_hash && paidBefore(o, p));
      const v = verifyMandateChain({ intent_mandate: intent, cart_mandate: cart, payment_mandate: p }, { ...ctx, spent: spentBy(earlier, intent) });
      if (v.ok) return v;
      // Say where the failure is from this mandate's point of view: in it, or in the mandate
      // of the given hash (a bundle reports that one at its own file).
      if (v.path.startsWith('/payment_mandate')) return { ...v, path: v.path.slice('/payment_mandate'.length) };
      const other = v.path.startsWith('/intent_mandate') ? intent : cart;
      return { ...v, details: { ...v.details, document_hash: documentHash(other) } };
    }
    const missing = intent === undefined ? '/intent_mandate_hash' : '/cart_mandate_hash';
    return fail('ERR_MANDATE_CHAIN_BROKEN', missing, `the ${missing === '/intent_mandate_hash' ? 'intent' : 'cart'} mandate this payment names was not given (no mandate hashes to ${missing === '/intent_mandate_hash' ? p.intent_mandate_hash : p.cart_mandate_hash})`);
  }
  // An intent or cart mandate on its own: its proof, by the party who must sign it, and for a
  // cart, its link to the intent mandate when that is given.
  const read = readAs(ctx, id, doc);
  if (!read.ok) return read;
  const m = read.doc;
  const signer = 'user' in m ? m.user : m.merchant;
  const proved = verifyDataIntegrity(m, proofOptionsOf(ctx));
  if (!proved.ok) return proved;
  if (proved.details?.['signer'] !== signer) return fail('ERR_MANDATE_WRONG_SIGNER', '/proof/verificationMethod', `proved by ${String(proved.details?.['signer'])}; it must be signed by ${signer}`);
  const verdict = pass(`${id.slice('mandate/'.length)} proved by ${signer}`, { signer });
  if ('merchant' in m) {
    const intent = e.withHash('mandate/intent-mandate', m.intent_mandate_hash);
    if (intent === undefined && e.all('mandate/intent-mandate').length > 0) {
      return fail('ERR_MANDATE_CHAIN_BROKEN', '/intent_mandate_hash', `no intent mandate given hashes to ${m.intent_mandate_hash}`);
    }
    if (intent === undefined) return warn(verdict, { code: 'ERR_MANDATE_INTENT_NOT_GIVEN', path: '/intent_mandate_hash', message: `the cart names intent mandate ${m.intent_mandate_hash}, which was not given: the cart's cap and merchant are not checked against it` });
    // Given the intent mandate, the cart must honour it as a chain would (SPEC.md 12.6, 3 and 4).
    const honoured = cartHonours(intent, m);
    if (honoured !== undefined) return honoured;
  }
  return verdict;
}

/**
 * What earlier payments under an intent mandate paid, in its cap's currency. Each counts at its
 * total, and a negative total (no payment of a cart, which is never negative: it fails its own
 * checks) as nothing: a record that fails can only add to what was spent, never hide a payment.
 */
function spentBy(earlier: readonly PaymentMandate[], intent: IntentMandate): { currency: string; value: string } | undefined {
  if (earlier.length === 0) return undefined;
  const zero = { units: 0n, scale: 0 };
  const paid = (p: PaymentMandate): Decimal => {
    const total = parseDecimal(p.payment_mandate_contents.payment_details_total.amount.value) ?? zero;
    return total.units < 0n ? zero : total;
  };
  const total = earlier.reduce((sum, p) => addDecimal(sum, paid(p)), zero);
  return { currency: intent.spend_cap.currency, value: formatDecimal(total) };
}


/**
 * Whether payment `o` was made before payment `p`, so that it counts against `p`'s cap. A
 * timestamp that does not read counts as earlier: an unreadable record can only add to what
 * was spent, never hide a payment.
 */
function paidBefore(o: PaymentMandate, p: PaymentMandate): boolean {
  const a = readRfc3339(o.payment_mandate_contents?.timestamp);
  const b = readRfc3339(p.payment_mandate_contents?.timestamp);
  if (!a.ok || !b.ok) return true;
  const order = compareInstants(a.instant, b.instant);
  if (order !== 0) return order < 0;
  // Two payments in the same instant: one of them is first, whichever its hash says, so each
  // does not see the other as absent and both under the cap. The same payment twice is one
  // payment (a bundle reports the copy).
  const ha = documentHash(o);
  const hb = documentHash(p);
  return ha !== hb && ha < hb;
}
