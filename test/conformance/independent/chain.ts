/**
 * A small capability-chain verifier, written from SPEC.md 12.2 alone (it imports nothing of
 * writ's sources), with bugs to switch on: each is the one-line change an implementer makes by
 * mistake, and with none the verifier passes every vector of its profiles (a test holds it).
 */
import type { CapabilityToken, MoneyUnits, ToolGrant } from '../../../src/generated/types.js';
import type { Adapter } from '../../../src/conformance/adapters.js';
import { compact, hashOf, jcs } from './kit.js';
import { accept, implementation, reject, type Context } from './adapter.js';

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
const canon = (v: unknown): string => jcs(v);

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
  // dpop_required is kept: a child neither leaves it out nor sets it false.
  if (parent.dpop_required === true && child.dpop_required !== true) return 'ERR_CAP_CONSTRAINT_DROPPED';
  return undefined;
}

/** The last second a verification may take: 9999-12-31T23:59:59Z (SPEC 6.2). */
const LATEST_SECOND = 253402300799;
const wholeSeconds = (n: unknown): boolean => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/** A malformed context (SPEC 12): a verdict of ERR_USAGE_INVALID_ARGUMENT, never one about the chain. */
function contextMalformed(ctx: Context | null | undefined): boolean {
  if (ctx === null || typeof ctx !== 'object' || !wholeSeconds(ctx.now) || ctx.now > LATEST_SECOND) return true;
  if (ctx.revocations !== undefined && !(Array.isArray(ctx.revocations) && ctx.revocations.every((r) => typeof r?.capability_id === 'string' && wholeSeconds(r.revoked_at)))) return true;
  if (ctx.trust_anchors !== undefined && !(Array.isArray(ctx.trust_anchors) && ctx.trust_anchors.every((a) => typeof a === 'string'))) return true;
  return ctx.max_depth !== undefined && !wholeSeconds(ctx.max_depth);
}

/** The document rules of a capability token (SPEC 5.3) a chain meets: valid-period, then ttl-matches. */
function ruleBroken(t: CapabilityToken): string | undefined {
  if (t.expires_at <= t.issued_at) return 'ERR_RULE_TIME_ORDER';
  if (t.ttl_secs !== undefined && t.ttl_secs !== null && t.ttl_secs !== t.expires_at - t.issued_at) return 'ERR_RULE_TTL_MISMATCH';
  return undefined;
}

/**
 * Check a chain as SPEC.md 12.2 orders it, with the given bugs.
 *
 * @param leaf - the capability.
 * @param evidence - the capabilities given with it.
 * @param ctx - the case's context (well formed).
 * @param bugs - which bugs to switch on.
 * @returns the code of the first problem, or undefined when the chain verifies.
 */
export function chainProblem(leaf: CapabilityToken, evidence: readonly unknown[], ctx: Context, bugs: ChainBugs = {}): string | undefined {
  const revocations = new Map((ctx.revocations ?? []).map((r) => [r.capability_id, r.revoked_at]));
  const leafRule = ruleBroken(leaf);
  if (leafRule !== undefined) return leafRule;
  const byId = new Map<string, CapabilityToken>([[leaf.id, leaf]]);
  // A value without a string id is not a capability: no parent id names it.
  for (const t of (evidence as unknown[]).filter((o): o is CapabilityToken => o !== null && typeof o === 'object' && typeof (o as { id?: unknown }).id === 'string')) {
    const known = byId.get(t.id);
    if (known !== undefined && hashOf(known) !== hashOf(t)) return 'ERR_CHAIN_DUPLICATE_ID';
    byId.set(t.id, t);
  }
  const path: CapabilityToken[] = [leaf];
  const seen = new Set([leaf.id]);
  for (let t = leaf; t.parent_capability_id !== undefined && t.parent_capability_id !== null; ) {
    const parent = byId.get(t.parent_capability_id);
    if (parent === undefined) return 'ERR_CHAIN_PARENT_MISSING';
    const rule = ruleBroken(parent);
    if (rule !== undefined) return rule;
    if (seen.has(parent.id)) return 'ERR_CHAIN_CYCLE';
    seen.add(parent.id);
    path.push(parent);
    if (path.length > (ctx.max_depth ?? 16) + 1) return 'ERR_CHAIN_TOO_DEEP';
    t = parent;
  }
  path.reverse();
  for (const [depth, t] of path.entries()) {
    const parent = path[depth - 1];
    if ((t.delegation_depth ?? 0) !== depth) return 'ERR_CHAIN_DEPTH_MISMATCH';
    const signed = compact(t as unknown as Record<string, unknown>, 'issuer');
    if (signed !== undefined) return signed;
    if (parent === undefined) {
      if (ctx.trust_anchors !== undefined && !ctx.trust_anchors.includes(t.issuer)) return 'ERR_CHAIN_UNTRUSTED_ROOT';
    } else {
      if (t.issuer !== parent.subject) return 'ERR_CHAIN_ISSUER_MISMATCH';
      if (t.issued_at < parent.issued_at) return 'ERR_CAP_ISSUED_BEFORE_PARENT';
      if (t.expires_at > parent.expires_at) return 'ERR_CAP_EXPIRY_EXTENDED';
      for (const g of t.scope.grants ?? []) {
        const candidates = (parent.scope.grants ?? []).filter((p) => covers(p.server_id, g.server_id, bugs) && covers(p.tool_name, g.tool_name, bugs));
        if (candidates.length === 0) return 'ERR_CAP_NOT_COVERED';
        const failures = candidates.map((p) => narrows(g, p, bugs));
        if (!failures.includes(undefined)) return failures[0] as string;
      }
      if (bugs.ignoreNamedGrants !== true) {
        if (!namedWithin(t.scope.resource_grants ?? [], parent.scope.resource_grants ?? [], (r) => r.uri_pattern)) return 'ERR_CAP_NOT_COVERED';
        if (!namedWithin(t.scope.prompt_grants ?? [], parent.scope.prompt_grants ?? [], (r) => r.prompt_name)) return 'ERR_CAP_NOT_COVERED';
      }
    }
    const upTo = path.slice(0, depth + 1);
    for (const link of t.delegation_chain ?? []) {
      const linked = compact(link as unknown as Record<string, unknown>, 'delegator');
      if (linked !== undefined) return linked;
      if (bugs.linkUnpaired === true) {
        if (!upTo.some((u) => u.issuer === link.delegator) || !upTo.some((u) => u.subject === link.delegatee) || !upTo.some((u) => u.id === link.capability_id)) return 'ERR_CHAIN_LINK_INVALID';
        continue;
      }
      const hop = path.slice(0, depth).findIndex((u) => u.id === link.capability_id);
      if (hop < 0 || link.delegator !== path[hop]?.subject || link.delegatee !== path[hop + 1]?.subject) return 'ERR_CHAIN_LINK_INVALID';
    }
    const checked = bugs.revocationParentOnly !== true || depth >= path.length - 2;
    const revokedAt = revocations.get(t.id);
    if (checked && revokedAt !== undefined && revokedAt <= ctx.now) return depth === path.length - 1 ? 'ERR_CHAIN_REVOKED' : 'ERR_CHAIN_REVOKED_ANCESTOR';
    if (ctx.now < t.issued_at) return 'ERR_CHAIN_NOT_YET_VALID';
    if (bugs.expiryInclusive === true ? ctx.now > t.expires_at : ctx.now >= t.expires_at) return 'ERR_CHAIN_EXPIRED';
  }
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
    const ctx = c.context as Context;
    if (contextMalformed(ctx)) return reject('ERR_USAGE_INVALID_ARGUMENT');
    const evidence = c.input['capabilities'] ?? [];
    if (!Array.isArray(evidence)) return reject('ERR_USAGE_INVALID_ARGUMENT');
    const problem = chainProblem(c.input['capability'] as CapabilityToken, evidence, ctx, bugs);
    return problem === undefined ? accept : reject(problem);
  });
}
