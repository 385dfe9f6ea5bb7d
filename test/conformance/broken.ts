/**
 * Broken implementations, one realistic bug each, to prove the suite catches them (issue 5: "the
 * suite proves its own power"). Each is a working implementation of its profiles with one bug
 * switched on: a small independent chain verifier, a small mandate-chain verifier, a budget
 * reconciler, and two canonicalisers and a signature check as people write them. With no bug
 * switched on, the small verifiers pass every vector of their profiles (a test holds it), so a
 * failure is the bug's and nothing else's.
 */
import { createHash } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519';
import type { AdapterHello, CapabilityToken, CartMandate, ConformanceProfile, IntentMandate, MoneyUnits, PaymentMandate, ToolGrant } from '../../src/generated/types.js';
import { FunctionAdapter, type Adapter } from '../../src/conformance/adapters.js';
import type { CaseResult, ConformanceCase } from '../../src/conformance/case.js';
import { referenceAnswer, toContext } from '../../src/conformance/reference.js';
import { verifyCompact, verifyDataIntegrity } from '../../src/crypto/envelopes.js';
import { documentHash } from '../../src/crypto/hash.js';
import { canonicalJson } from '../../src/crypto/jcs.js';
import { fromHex } from '../../src/encoding/bytes.js';

/** An in-process implementation of some profiles. */
export function implementation(name: string, profiles: readonly ConformanceProfile[], answer: (c: ConformanceCase) => CaseResult): Adapter {
  const hello: AdapterHello = { protocol: 'writ-adapter/1', implementation: { name, version: '0.0.0', language: 'TypeScript' }, profiles: [...profiles] };
  return new FunctionAdapter(hello, answer);
}

const accept: CaseResult = { verdict: 'accept' };
const reject = (code: string): CaseResult => ({ verdict: 'reject', code });

// ---------------------------------------------------------------------------------------------
// Canonical form by sorted JSON.stringify: JSON.parse keeps the last duplicate, keeps lone
// surrogates, nests without limit and turns 1e400 into Infinity (written null).

function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortDeep((v as Record<string, unknown>)[k])]));
  return v;
}
export const sortedStringify = implementation('sorted JSON.stringify', ['jcs', 'hash'], (c) => {
  const raw = typeof c.input['bytes'] === 'string' ? Buffer.from(c.input['bytes'], 'base64url').toString('utf8') : String(c.input['text']);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return reject('ERR_JSON_SYNTAX');
  }
  const text = JSON.stringify(sortDeep(value));
  return { verdict: 'accept', output: c.profile === 'jcs' ? text : `sha256:${createHash('sha256').update(text).digest('hex')}` };
});

// ---------------------------------------------------------------------------------------------
// Permissive Ed25519: @noble/curves' default (ZIP-215), no checks before the equation.

export const zip215 = implementation('ZIP-215 Ed25519', ['signature'], (c) => {
  const [key, sig, message] = ['public_key', 'signature', 'message'].map((k) => fromHex(String(c.input[k])));
  if (key === undefined || sig === undefined || message === undefined || key.length !== 32 || sig.length !== 64) return reject('ERR_SIG_MALFORMED');
  try {
    return ed25519.verify(sig, message, key) ? accept : reject('ERR_SIG_INVALID');
  } catch {
    return reject('ERR_SIG_INVALID');
  }
});

// ---------------------------------------------------------------------------------------------
// A small capability-chain verifier (SPEC.md 12.2), with six bugs to switch on.

/** The bugs of {@link chainVerifier}. */
export interface ChainBugs {
  /** Attenuation compares cap amounts without their currencies. */
  readonly ignoreCurrency?: boolean;
  /** Revocation is looked up for the capability and its immediate parent only. */
  readonly revocationParentOnly?: boolean;
  /** Expiry compared with <=: a capability is still usable at its expires_at. */
  readonly expiryInclusive?: boolean;
  /** Accepts a delegation link whose delegator and delegatee each belong to the chain, without pairing them to the hop it names. */
  readonly linkUnpaired?: boolean;
  /** A prefix pattern covers whatever starts with its prefix, another pattern included. */
  readonly prefixCoversPatterns?: boolean;
  /** Resource and prompt grants are not checked against the parent's. */
  readonly ignoreNamedGrants?: boolean;
}

const covers = (pattern: string, name: string, bugs: ChainBugs = {}): boolean =>
  pattern === '*' || pattern === name || (pattern.endsWith('*') && name.startsWith(pattern.slice(0, -1)) && (bugs.prefixCoversPatterns === true || !name.endsWith('*')));
/** Every resource or prompt grant of the child is within a delegable parent grant of its kind, name and operations. */
const namedWithin = <G extends { readonly operations: readonly string[] }>(mine: readonly G[], theirs: readonly G[], name: (g: G) => string): boolean =>
  mine.every((g) => theirs.some((p) => covers(name(p), name(g)) && p.operations.includes('delegate') && g.operations.every((o) => p.operations.includes(o))));
const canon = (v: unknown): string => {
  const r = canonicalJson(v);
  return r.ok ? r.text : '';
};

function narrows(child: ToolGrant, parent: ToolGrant, bugs: ChainBugs): string | undefined {
  if (!parent.operations.includes('delegate')) return 'ERR_CAP_NOT_DELEGABLE';
  if (child.operations.some((o) => !parent.operations.includes(o))) return 'ERR_CAP_OPERATION_WIDENED';
  if (parent.max_invocations !== undefined) {
    if (child.max_invocations === undefined) return 'ERR_CAP_LIMIT_DROPPED';
    if (child.max_invocations > parent.max_invocations) return 'ERR_CAP_LIMIT_EXCEEDED';
  }
  for (const k of ['max_cost_per_invocation', 'max_total_cost'] as const) {
    const p = parent[k] as MoneyUnits | undefined;
    const c = child[k] as MoneyUnits | undefined;
    if (p === undefined) continue;
    if (c === undefined) return 'ERR_CAP_LIMIT_DROPPED';
    if (!bugs.ignoreCurrency && c.currency !== p.currency) return 'ERR_CAP_CURRENCY_MISMATCH';
    if (c.units > p.units) return 'ERR_CAP_LIMIT_EXCEEDED';
  }
  const mine = new Set((child.constraints ?? []).map(canon));
  if ((parent.constraints ?? []).some((x) => !mine.has(canon(x)))) return 'ERR_CAP_CONSTRAINT_DROPPED';
  return undefined;
}

/**
 * A capability-chain verifier written from SPEC.md 12.2, with the given bugs.
 *
 * @param bugs - which bugs to switch on; none gives a correct verifier.
 * @returns an implementation of the capability and chain profiles.
 */
export function chainVerifier(bugs: ChainBugs): Adapter {
  return implementation(`chain verifier ${JSON.stringify(bugs)}`, ['capability', 'chain'], (c) => {
    const ctx = toContext(c.context);
    const leaf = c.input['capability'] as CapabilityToken;
    const byId = new Map<string, CapabilityToken>([[leaf.id, leaf]]);
    for (const t of c.input['capabilities'] as CapabilityToken[]) {
      const known = byId.get(t.id);
      if (known !== undefined && documentHash(known) !== documentHash(t)) return reject('ERR_CHAIN_DUPLICATE_ID');
      byId.set(t.id, t);
    }
    const path: CapabilityToken[] = [leaf];
    const seen = new Set([leaf.id]);
    for (let t = leaf; t.parent_capability_id !== undefined && t.parent_capability_id !== null; ) {
      const parent = byId.get(t.parent_capability_id);
      if (parent === undefined) return reject('ERR_CHAIN_PARENT_MISSING');
      if (seen.has(parent.id)) return reject('ERR_CHAIN_CYCLE');
      seen.add(parent.id);
      path.push(parent);
      if (path.length > (ctx.maxDepth ?? 16) + 1) return reject('ERR_CHAIN_TOO_DEEP');
      t = parent;
    }
    path.reverse();
    for (const [depth, t] of path.entries()) {
      const parent = path[depth - 1];
      if ((t.delegation_depth ?? 0) !== depth) return reject('ERR_CHAIN_DEPTH_MISMATCH');
      const signed = verifyCompact(t, 'issuer');
      if (!signed.ok) return reject(signed.code);
      if (parent === undefined) {
        if (ctx.trustAnchors !== undefined && !ctx.trustAnchors.includes(t.issuer)) return reject('ERR_CHAIN_UNTRUSTED_ROOT');
      } else {
        if (t.issuer !== parent.subject) return reject('ERR_CHAIN_ISSUER_MISMATCH');
        if (t.issued_at < parent.issued_at) return reject('ERR_CAP_ISSUED_BEFORE_PARENT');
        if (t.expires_at > parent.expires_at) return reject('ERR_CAP_EXPIRY_EXTENDED');
        for (const g of t.scope.grants ?? []) {
          const candidates = (parent.scope.grants ?? []).filter((p) => covers(p.server_id, g.server_id, bugs) && covers(p.tool_name, g.tool_name, bugs));
          if (candidates.length === 0) return reject('ERR_CAP_NOT_COVERED');
          const failures = candidates.map((p) => narrows(g, p, bugs));
          if (!failures.includes(undefined)) return reject(failures[0] as string);
        }
        if (bugs.ignoreNamedGrants !== true) {
          if (!namedWithin(t.scope.resource_grants ?? [], parent.scope.resource_grants ?? [], (r) => r.uri_pattern)) return reject('ERR_CAP_NOT_COVERED');
          if (!namedWithin(t.scope.prompt_grants ?? [], parent.scope.prompt_grants ?? [], (r) => r.prompt_name)) return reject('ERR_CAP_NOT_COVERED');
        }
      }
      const upTo = path.slice(0, depth + 1);
      for (const link of t.delegation_chain ?? []) {
        const linked = verifyCompact(link, 'delegator');
        if (!linked.ok) return reject(linked.code);
        if (bugs.linkUnpaired === true) {
          if (!upTo.some((u) => u.issuer === link.delegator) || !upTo.some((u) => u.subject === link.delegatee) || !upTo.some((u) => u.id === link.capability_id)) return reject('ERR_CHAIN_LINK_INVALID');
          continue;
        }
        const hop = path.slice(0, depth).findIndex((u) => u.id === link.capability_id);
        if (hop < 0 || link.delegator !== path[hop]?.subject || link.delegatee !== path[hop + 1]?.subject) return reject('ERR_CHAIN_LINK_INVALID');
      }
      const checked = bugs.revocationParentOnly !== true || depth >= path.length - 2;
      const revokedAt = ctx.revocations?.get(t.id);
      if (checked && revokedAt !== undefined && revokedAt <= ctx.now) return reject(depth === path.length - 1 ? 'ERR_CHAIN_REVOKED' : 'ERR_CHAIN_REVOKED_ANCESTOR');
      if (ctx.now < t.issued_at) return reject('ERR_CHAIN_NOT_YET_VALID');
      if (bugs.expiryInclusive === true ? ctx.now > t.expires_at : ctx.now >= t.expires_at) return reject('ERR_CHAIN_EXPIRED');
    }
    return accept;
  });
}

// ---------------------------------------------------------------------------------------------
// A small mandate-chain verifier (SPEC.md 12.6), with one bug to switch on.

/** A decimal amount of at most two places, in cents, exactly (as SPEC.md 6.1 asks). */
const cents = (s: string): bigint => {
  const [whole = '0', fraction = ''] = s.split('.');
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2));
};

/**
 * A mandate-chain verifier written from SPEC.md 12.6 (amounts in exact cents, as BigInt).
 *
 * @param bugs - `skipCartHash`: the payment's cart_mandate_hash is never compared;
 *   `ignorePayee`: the payee the cart's method names is never compared with the payment's;
 *   `floatMoney`: amounts added as doubles; `centsAsNumber`: as cents held in doubles;
 *   `timesAsText`: times compared as their text, not as instants.
 * @returns an implementation of the mandate profile.
 */
export function mandateVerifier(bugs: { readonly skipCartHash?: boolean; readonly ignorePayee?: boolean; readonly floatMoney?: boolean; readonly centsAsNumber?: boolean; readonly timesAsText?: boolean }): Adapter {
  return implementation(`mandate verifier ${JSON.stringify(bugs)}`, ['mandate'], (c) => {
    const ctx = toContext(c.context);
    const intent = c.input['intent_mandate'] as IntentMandate;
    const cart = c.input['cart_mandate'] as CartMandate;
    const payment = c.input['payment_mandate'] as PaymentMandate;
    const spent = c.input['spent'] as { currency: string; value: string } | undefined;
    for (const [doc, signer] of [[intent, intent.user], [cart, cart.merchant], [payment, intent.user]] as const) {
      const proved = verifyDataIntegrity(doc, { documents: ctx.documents ?? new Map(), now: ctx.now, purpose: 'assertionMethod' });
      if (!proved.ok) return reject(proved.code);
      if (proved.details?.['signer'] !== signer) return reject('ERR_MANDATE_WRONG_SIGNER');
    }
    if (cart.intent_mandate_hash !== documentHash(intent) || payment.intent_mandate_hash !== documentHash(intent)) return reject('ERR_MANDATE_CHAIN_BROKEN');
    if (bugs.skipCartHash !== true && payment.cart_mandate_hash !== documentHash(cart)) return reject('ERR_MANDATE_CHAIN_BROKEN');
    if (cart.spend_cap.currency !== intent.spend_cap.currency || cents(cart.spend_cap.value) !== cents(intent.spend_cap.value)) return reject('ERR_MANDATE_CAP_MISMATCH');
    if (intent.merchants !== null && intent.merchants !== undefined && !intent.merchants.includes(cart.contents.merchant_name)) return reject('ERR_MANDATE_MERCHANT_NOT_ALLOWED');
    const paid = payment.payment_mandate_contents.timestamp;
    const lapsed = bugs.timesAsText === true ? (expiry: string): boolean => paid >= expiry : (expiry: string): boolean => Date.parse(paid) >= Date.parse(expiry);
    if (lapsed(intent.intent_expiry) || lapsed(cart.contents.cart_expiry)) return reject('ERR_MANDATE_EXPIRED');
    const total = payment.payment_mandate_contents.payment_details_total.amount;
    const details = cart.contents.payment_request.details;
    if (payment.payment_mandate_contents.payment_details_id !== details.id || total.currency !== details.total.amount.currency || cents(total.value) !== cents(details.total.amount.value) || payment.payment_mandate_contents.merchant_agent !== cart.contents.merchant_name) {
      return reject('ERR_MANDATE_CART_MISMATCH');
    }
    const response = payment.payment_mandate_contents.payment_response;
    const method = cart.contents.payment_request.method_data.find((m) => m.supported_methods === response.method_name);
    const payTo = (data: unknown): unknown => (data !== null && typeof data === 'object' ? (data as { payTo?: unknown }).payTo : undefined);
    if (method === undefined || (bugs.ignorePayee !== true && typeof payTo(method.data) === 'string' && payTo(method.data) !== payTo(response.details))) return reject('ERR_MANDATE_CART_MISMATCH');
    if (spent !== undefined && spent.currency !== intent.spend_cap.currency) return reject('ERR_MANDATE_CAP_MISMATCH');
    // The bugs implementers write: adding money as doubles, or as cents held in doubles.
    const money = bugs.floatMoney === true ? (v: string): number => Number(v) : bugs.centsAsNumber === true ? (v: string): number => Math.round(Number(v) * 100) : undefined;
    const over = money === undefined ? (spent === undefined ? 0n : cents(spent.value)) + cents(total.value) > cents(intent.spend_cap.value) : (spent === undefined ? 0 : money(spent.value)) + money(total.value) > money(intent.spend_cap.value);
    if (over) return reject('ERR_MANDATE_OVER_CAP');
    return accept;
  });
}

// ---------------------------------------------------------------------------------------------
// Reconcile-spend that charges an overrun instead of failing the receipt.

export const overrunCharged = implementation('overrun charged', ['budget'], (c) => {
  const op = c.input['operation'];
  const r = (op === 'reconcile' ? c.input : op === 'reconciliation' ? c.input['record'] : undefined) as { charged?: MoneyUnits; actual?: MoneyUnits } | undefined;
  // The bug: an actual cost above the charge is simply charged; the receipt is not failed.
  if (r?.charged !== undefined && r.actual !== undefined && r.actual.currency === r.charged.currency && r.actual.units > r.charged.units) return accept;
  return referenceAnswer(c);
});
