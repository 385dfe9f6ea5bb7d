/**
 * Capability chains (SPEC.md 12.2): a capability is usable at `now` when every capability from
 * its root to it is well formed, signed by its issuer, within its validity period, not revoked,
 * linked to its parent (depth, parent id, issuer = parent's subject), and no wider than its
 * parent. The chain is walked root first, so the shallowest problem is the one reported; a
 * revoked ancestor is named with its depth (Incident Network, revoke mid-chain).
 */
import type { CapabilityToken, ToolGrant } from '../generated/types.js';
import { verifyCompact } from '../crypto/envelopes.js';
import { canonicalJson } from '../crypto/jcs.js';
import { pointerAppend } from '../encoding/pointer.js';
import { fail, pass, warn, type Verdict } from '../issues.js';
import { backendOf, readAs } from './common.js';
import { isRecord } from '../encoding/json.js';
import { contextProblem, type VerifyContext } from './context.js';
import { readCall, verified } from '../model/read.js';
import { capabilitiesById } from '../model/evidence.js';

const DEFAULT_MAX_DEPTH = 16;

/** A capability's place in a verdict path: its id as one pointer token. */
const idPointer = (id: string): string => pointerAppend('', id);

/** Details of a chain verdict. */
export interface ChainDetails {
  /** The capability ids from the root to the one verified, as far as the walk got. */
  readonly chain: readonly string[];
  /** The revoked ancestor, when one denied the chain. */
  readonly revoked_capability_id?: string;
  /** Its delegation depth. */
  readonly denied_at_depth?: number;
}

/** The options of {@link verifyCapabilityChain}: the context, and what the subject is checked against. */
export interface ChainOptions extends VerifyContext {
  /** The capabilities the chain descends from, in any order (and any others: they are ignored). */
  readonly evidence?: readonly unknown[] | undefined;
}

/**
 * Verify a capability and the chain of capabilities it was delegated through.
 *
 * @param capability - the capability to use (the leaf).
 * @param options - the context (time, revocations, trust anchors, maximum depth) and `evidence`: the capabilities it may descend from, in any order (a bundle's, a store's).
 * @returns a passing verdict with the chain in `details.chain`, or the first failure root first:
 *   schema codes, `ERR_SIG_*`, `ERR_CHAIN_*`, `ERR_CAP_*`. The path starts with the failing
 *   capability's id (`/<id>/scope/grants/0`).
 * @example
 * ```ts
 * const v = verifyCapabilityChain(executor, { now: 1776272800, evidence: [root, vendor, coordinator] });
 * if (!v.ok && v.code === 'ERR_CHAIN_REVOKED_ANCESTOR') console.log(v.details?.revoked_capability_id);
 * ```
 */
export function verifyCapabilityChain(capability: unknown, options: ChainOptions): Verdict {
  return readCall(
    options,
    (options) => [['', capability], ['/evidence', options?.evidence]],
    ([capability_, evidence_], options) => verified(verifyCapabilityChainModel(capability_, evidence_ ?? [], options), capability_),
  );
}

/** {@link verifyCapabilityChain} on its inputs as read once, into snapshots. */
function verifyCapabilityChainModel(capability: unknown, others: unknown, ctx: VerifyContext): Verdict {
  const problem = contextProblem(ctx);
  if (problem !== undefined) return problem;
  if (!Array.isArray(others)) return fail('ERR_USAGE_INVALID_ARGUMENT', '', 'verify: the other capabilities must be an array');
  // One id, one capability: with two, the walk could take one and a revocation check the other.
  // The same capability given twice (the leaf among the evidence too) is one capability.
  const identified = (o: unknown): o is { readonly id: string } => isRecord(o) && typeof o['id'] === 'string';
  const [twice] = capabilitiesById([capability, ...others].filter(identified)).forked;
  if (twice !== undefined) return fail('ERR_CHAIN_DUPLICATE_ID', idPointer(twice), `two different capabilities among those given have the id ${twice}: a chain must name each capability once`);
  // The capability is among those given: a parent id may name it (a cycle of one).
  const byId = new Map<string, unknown>([capability, ...others].filter(identified).map((o) => [o.id, o]));
  // Walk up from the leaf, checking shape and links, to find the root.
  const path: CapabilityToken[] = [];
  const seen = new Set<string>();
  let current: unknown = capability;
  let at = '';
  for (;;) {
    const read = readAs(ctx, 'capability/token', current, at);
    if (!read.ok) return read;
    const token = read.doc;
    if (seen.has(token.id)) return fail('ERR_CHAIN_CYCLE', idPointer(token.id), `following parent ids from ${path[0]?.id ?? token.id} comes back to ${token.id}`);
    seen.add(token.id);
    path.push(token);
    if (path.length > (ctx.maxDepth ?? DEFAULT_MAX_DEPTH) + 1) {
      return fail('ERR_CHAIN_TOO_DEEP', idPointer(token.id), `the chain is deeper than ${ctx.maxDepth ?? DEFAULT_MAX_DEPTH}`);
    }
    const parentId = token.parent_capability_id;
    if (parentId === undefined || parentId === null) break;
    at = idPointer(parentId);
    current = byId.get(parentId);
    if (current === undefined) {
      return fail('ERR_CHAIN_PARENT_MISSING', `${idPointer(token.id)}/parent_capability_id`, `${token.id} names parent ${parentId}, which is not among the capabilities given`);
    }
  }
  path.reverse();
  const chain = path.map((t) => t.id);
  for (const [depth, token] of path.entries()) {
    const verdict = checkHop(token, path, depth, path.length - 1, ctx);
    if (verdict !== undefined) return { ...verdict, details: { ...verdict.details, chain } };
  }
  const verdict = pass(`capability ${chain[chain.length - 1]} is usable: ${chain.length} capabilities verified from the root`, { chain });
  const [root] = path;
  if (root === undefined) return fail('ERR_CHAIN_PARENT_MISSING', '', 'the chain holds no capability');
  // Without trust anchors a chain is internally consistent: anyone can issue a root.
  return ctx.trustAnchors !== undefined
    ? verdict
    : warn(verdict, { code: 'ERR_CHAIN_ROOT_UNANCHORED', path: `${idPointer(root.id)}/issuer`, message: `the root ${root.id} is issued by ${root.issuer}, and no trust anchors were given: the chain is internally consistent, and nothing says that key may issue it`, details: { chain } });
}

function checkHop(token: CapabilityToken, path: readonly CapabilityToken[], depth: number, leafDepth: number, ctx: VerifyContext): Verdict | undefined {
  const at = idPointer(token.id);
  const parent = depth === 0 ? undefined : path[depth - 1];
  const stated = token.delegation_depth ?? 0;
  if (stated !== depth) return fail('ERR_CHAIN_DEPTH_MISMATCH', `${at}/delegation_depth`, `${token.id} states depth ${stated} but sits at depth ${depth} of its chain`);
  const signature = verifyCompact(token, 'issuer', backendOf(ctx));
  if (!signature.ok) return fail(signature.code, `${at}${signature.path}`, `${token.id}: ${signature.message}`);
  if (parent === undefined) {
    if (ctx.trustAnchors !== undefined && !ctx.trustAnchors.includes(token.issuer)) {
      return fail('ERR_CHAIN_UNTRUSTED_ROOT', `${at}/issuer`, `the root ${token.id} is issued by ${token.issuer}, which is not a trust anchor`);
    }
  } else {
    if (token.issuer !== parent.subject) {
      return fail('ERR_CHAIN_ISSUER_MISMATCH', `${at}/issuer`, `${token.id} is issued by ${token.issuer}, not by ${parent.id}'s subject ${parent.subject}`);
    }
    const narrowing = checkNarrowing(token, parent);
    if (narrowing !== undefined) return narrowing;
  }
  const links = linkProblem(token, path, depth, ctx);
  if (links !== undefined) return links;
  const revokedAt = ctx.revocations?.get(token.id);
  if (revokedAt !== undefined && revokedAt <= ctx.now) {
    return depth === leafDepth
      ? fail('ERR_CHAIN_REVOKED', at, `${token.id} was revoked at ${revokedAt}`, { revoked_capability_id: token.id, denied_at_depth: depth })
      : fail('ERR_CHAIN_REVOKED_ANCESTOR', at, `ancestor capability ${token.id} (depth ${depth}) was revoked at ${revokedAt}`, { revoked_capability_id: token.id, denied_at_depth: depth });
  }
  if (ctx.now < token.issued_at) return fail('ERR_CHAIN_NOT_YET_VALID', `${at}/issued_at`, `${token.id} is not valid before ${token.issued_at} (now ${ctx.now})`);
  if (ctx.now >= token.expires_at) return fail('ERR_CHAIN_EXPIRED', `${at}/expires_at`, `${token.id} expired at ${token.expires_at} (now ${ctx.now})`);
  return undefined;
}

/**
 * The delegation links a capability carries (SPEC.md 6.4, 12.2): each is signed by its
 * delegator, and records one hop of this chain: the capability it delegates is a strict
 * ancestor of this one, its delegator is that ancestor's holder (its `subject`), and its
 * delegatee the holder of the next capability down the chain (Chio's reading of a link). A link
 * signed by a stranger, copied from another chain, or pairing a delegator and a delegatee of
 * different hops does not vouch for this one.
 */
function linkProblem(token: CapabilityToken, path: readonly CapabilityToken[], depth: number, ctx: VerifyContext): Verdict | undefined {
  const at = idPointer(token.id);
  for (const [i, link] of (token.delegation_chain ?? []).entries()) {
    const lat = `${at}/delegation_chain/${i}`;
    const signature = verifyCompact(link, 'delegator', backendOf(ctx));
    if (!signature.ok) return fail(signature.code, `${lat}${signature.path}`, `${token.id}, delegation link ${i}: ${signature.message}`);
    const hop = path.slice(0, depth).findIndex((t) => t.id === link.capability_id);
    const ancestor = path[hop];
    const next = path[hop + 1];
    if (hop < 0 || ancestor === undefined || next === undefined) return fail('ERR_CHAIN_LINK_INVALID', `${lat}/capability_id`, `${token.id}, delegation link ${i} delegates ${link.capability_id}, which is not an ancestor of ${token.id} in this chain`);
    if (link.delegator !== ancestor.subject) return fail('ERR_CHAIN_LINK_INVALID', `${lat}/delegator`, `${token.id}, delegation link ${i}: its delegator ${link.delegator} does not hold ${ancestor.id} (held by ${ancestor.subject}), which the link delegates`);
    if (link.delegatee !== next.subject) return fail('ERR_CHAIN_LINK_INVALID', `${lat}/delegatee`, `${token.id}, delegation link ${i}: its delegatee ${link.delegatee} is not the holder of ${next.id} (${next.subject}), the capability delegated from ${ancestor.id}`);
  }
  return undefined;
}

/** A child may only narrow its parent (SPEC.md 12.2): its window, expiry, ttl, and every grant. */
function checkNarrowing(child: CapabilityToken, parent: CapabilityToken): Verdict | undefined {
  const at = idPointer(child.id);
  if (child.issued_at < parent.issued_at) {
    return fail('ERR_CAP_ISSUED_BEFORE_PARENT', `${at}/issued_at`, `${child.id} is issued at ${child.issued_at}, before its parent ${parent.id} (${parent.issued_at}): a delegation cannot predate what it delegates`);
  }
  if (child.expires_at > parent.expires_at) {
    return fail('ERR_CAP_EXPIRY_EXTENDED', `${at}/expires_at`, `${child.id} expires at ${child.expires_at}, after its parent ${parent.id} (${parent.expires_at})`);
  }
  if (child.ttl_secs !== undefined && parent.ttl_secs !== undefined && child.ttl_secs > parent.ttl_secs) {
    return fail('ERR_CAP_EXPIRY_EXTENDED', `${at}/ttl_secs`, `${child.id} asks for ttl ${child.ttl_secs}, longer than its parent's ${parent.ttl_secs}`);
  }
  const parentGrants = parent.scope.grants ?? [];
  for (const [i, grant] of (child.scope.grants ?? []).entries()) {
    const gat = `${at}/scope/grants/${i}`;
    const candidates = parentGrants.filter((p) => covers(p.server_id, grant.server_id) && covers(p.tool_name, grant.tool_name));
    if (candidates.length === 0) {
      return fail('ERR_CAP_NOT_COVERED', gat, `${child.id} grants ${grant.server_id}/${grant.tool_name}, which no grant of ${parent.id} covers`);
    }
    const failures = candidates.map((p) => narrows(grant, p, gat));
    if (failures.some((f) => f === undefined)) continue;
    return failures[0];
  }
  return (
    namedGrantsProblem(child, parent, 'resource_grants', child.scope.resource_grants ?? [], parent.scope.resource_grants ?? [], (g) => g.uri_pattern) ??
    namedGrantsProblem(child, parent, 'prompt_grants', child.scope.prompt_grants ?? [], parent.scope.prompt_grants ?? [], (g) => g.prompt_name)
  );
}

/** Every resource or prompt grant of the child is within a delegable grant of the parent that covers its name and its operations. */
function namedGrantsProblem<G extends { readonly operations: readonly string[] }>(child: CapabilityToken, parent: CapabilityToken, kind: string, mine: readonly G[], theirs: readonly G[], name: (g: G) => string): Verdict | undefined {
  for (const [i, grant] of mine.entries()) {
    const covering = theirs.find((p) => covers(name(p), name(grant)) && p.operations.includes('delegate') && grant.operations.every((o) => p.operations.includes(o)));
    if (covering === undefined) return fail('ERR_CAP_NOT_COVERED', `${idPointer(child.id)}/scope/${kind}/${i}`, `${child.id}'s ${kind.replace('_', ' ')} ${name(grant)} is not within a delegable grant of ${parent.id}`);
  }
  return undefined;
}

/**
 * Does a grant's pattern cover a name: equal, `*`, or a prefix pattern ending in `*`?
 *
 * @param pattern - the grant's server_id or tool_name.
 * @param name - the name used (a child grant's, or a call's).
 * @returns whether the pattern admits the name.
 */
export function covers(pattern: string, name: string): boolean {
  if (pattern === '*' || pattern === name) return true;
  return pattern.endsWith('*') && name.startsWith(pattern.slice(0, -1)) && !name.endsWith('*');
}

function narrows(child: ToolGrant, parent: ToolGrant, at: string): Verdict | undefined {
  if (!parent.operations.includes('delegate')) {
    return fail('ERR_CAP_NOT_DELEGABLE', at, `the parent grant ${parent.server_id}/${parent.tool_name} does not include delegate`);
  }
  const widened = child.operations.find((o) => !parent.operations.includes(o));
  if (widened !== undefined) return fail('ERR_CAP_OPERATION_WIDENED', `${at}/operations`, `the child allows ${widened}, which its parent grant does not`);
  if (parent.max_invocations !== undefined) {
    if (child.max_invocations === undefined) return fail('ERR_CAP_LIMIT_DROPPED', `${at}/max_invocations`, `the parent caps invocations at ${parent.max_invocations}; the child must too`);
    if (child.max_invocations > parent.max_invocations) {
      return fail('ERR_CAP_LIMIT_EXCEEDED', `${at}/max_invocations`, `${child.max_invocations} invocations is more than the parent's ${parent.max_invocations}`);
    }
  }
  for (const cap of ['max_cost_per_invocation', 'max_total_cost'] as const) {
    const p = parent[cap];
    const c = child[cap];
    if (p === undefined) continue;
    if (c === undefined) return fail('ERR_CAP_LIMIT_DROPPED', `${at}/${cap}`, `the parent caps ${cap} at ${p.units} ${p.currency}; the child must too`);
    if (c.currency !== p.currency) return fail('ERR_CAP_CURRENCY_MISMATCH', `${at}/${cap}/currency`, `${cap} is in ${c.currency}, the parent's in ${p.currency}`);
    if (c.units > p.units) return fail('ERR_CAP_LIMIT_EXCEEDED', `${at}/${cap}/units`, `${cap} ${c.units} ${c.currency} is more than the parent's ${p.units}`);
  }
  // Compared in canonical form: the same constraint written with members in another order is the same.
  const canonical = (c: unknown): string => { const r = canonicalJson(c); return r.ok ? r.text : ''; };
  const childConstraints = new Set((child.constraints ?? []).map(canonical));
  const dropped = (parent.constraints ?? []).find((c) => !childConstraints.has(canonical(c)));
  if (dropped !== undefined) return fail('ERR_CAP_CONSTRAINT_DROPPED', `${at}/constraints`, `the child leaves out its parent's constraint ${JSON.stringify(dropped)}`);
  if (parent.dpop_required === true && child.dpop_required !== true) return fail('ERR_CAP_CONSTRAINT_DROPPED', `${at}/dpop_required`, 'the parent requires proof of possession; the child must too');
  return undefined;
}
