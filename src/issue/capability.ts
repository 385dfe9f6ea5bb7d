/**
 * Capabilities, issued (SPEC.md 7.4, 12.2): a root, a child delegated from its parent with the
 * link its delegator signs, and a revocation. Each is checked by the chain verifier before it is
 * returned (see issue.ts): a child that widens its parent is refused with the code the verifier
 * gives it (`ERR_CAP_...`), never signed and sent.
 */
import { randomUUID } from 'node:crypto';
import type { CapabilityScope, CapabilityToken, DelegationLink, RevocationRecord } from '../generated/types.js';
import { signCompact } from '../crypto/envelopes.js';
import { toHex } from '../encoding/bytes.js';
import { isRecord } from '../encoding/json.js';
import { gate, misuse, notObject, signerOf, unixNow, unsignable, type IssueOptions, type IssueResult } from './issue.js';
import type { PublicKey } from './keys.js';

/** Who holds a capability: a public key, or its 64 lowercase hex digits. */
export type Holder = PublicKey | string;

/** What a capability says, beside what the builder fills. */
export interface CapabilityInput {
  /** Its id, unique to its issuer; `cap-<uuid>` by default. */
  readonly id?: string;
  /** Who holds it. */
  readonly subject: Holder;
  /** What it allows. */
  readonly scope: CapabilityScope;
  /** From when it is valid, Unix seconds; `options.now` or the current time by default. */
  readonly issued_at?: number;
  /** When it stops being valid; `issued_at + ttl_secs` when only the lifetime is given. */
  readonly expires_at?: number;
  /** Its lifetime as requested, seconds. */
  readonly ttl_secs?: number;
}

/** What a delegated capability says: a capability's members, each defaulting to its parent's where it has one. */
export interface DelegationInput extends Omit<CapabilityInput, 'scope'> {
  /** What the child allows; its parent's scope when absent (which the parent must allow to delegate). */
  readonly scope?: CapabilityScope;
  /** The attenuations the delegation link records, in chio's tagged form. */
  readonly attenuations?: DelegationLink['attenuations'];
  /**
   * Whether the child carries the signed link of this hop after its parent's links: true by
   * default. chio's tokens and Incident Network's carry none; the chain is then shown by the
   * parents alone (SPEC.md 12.2).
   */
  readonly link?: boolean;
  /** When the delegator signed the link, Unix seconds; the child's `issued_at` by default. */
  readonly link_timestamp?: number;
}

/** The options of {@link delegateCapability}: the context, and the parent's own ancestors. */
export interface DelegationOptions extends IssueOptions {
  /** The parent's ancestors, up to the root, in any order; the check walks the whole chain. */
  readonly ancestors?: readonly CapabilityToken[];
}

const holderHex = (holder: Holder): string | undefined => {
  if (typeof holder === 'string') return holder;
  return isRecord(holder) && holder.publicKey instanceof Uint8Array ? toHex(holder.publicKey) : undefined;
};

/** The lifetime members of a capability, from what was given and what it falls back on. */
function lifetime(input: CapabilityInput | DelegationInput, issuedAt: number, fallback?: CapabilityToken): { expires_at: number; ttl_secs?: number } | undefined {
  const ttl = input.ttl_secs;
  const expires = input.expires_at ?? (ttl !== undefined ? issuedAt + ttl : fallback?.expires_at);
  if (expires === undefined) return undefined;
  if (ttl !== undefined) return { expires_at: expires, ttl_secs: ttl };
  // A child of a parent that states its lifetime states its own, so that the two are compared.
  if (input.expires_at === undefined && fallback?.ttl_secs !== undefined) return { expires_at: expires, ttl_secs: expires - issuedAt };
  return { expires_at: expires };
}

/**
 * Issue a root capability, signed by its issuer.
 *
 * @param input - its subject, scope and lifetime (`expires_at` or `ttl_secs`).
 * @param issuer - the issuer's signing key.
 * @param options - the context of the check (its trust anchors, revocations); checked at `issued_at` by default.
 * @returns the token, as the chain verifier accepts it, or its refusal.
 * @example
 * ```ts
 * const root = issueCapability({ subject: agent, scope: { grants: [grant] }, ttl_secs: 3600 }, issuer);
 * if (!root.ok) throw new Error(`${root.code} at ${root.path}: ${root.message}`);
 * ```
 */
export function issueCapability(input: CapabilityInput, issuer: unknown, options: IssueOptions = {}): IssueResult<CapabilityToken> {
  const signer = signerOf(issuer, '/issuer');
  if (!signer.ok) return signer;
  if (notObject(input)) return misuse('', 'the capability must be an object with its subject, scope and lifetime');
  const subject = holderHex(input.subject);
  if (subject === undefined) return misuse('/subject', 'the subject must be a public key or its 64 hex digits');
  const issuedAt = input.issued_at ?? options.now ?? unixNow();
  const life = lifetime(input, issuedAt);
  if (life === undefined) return misuse('/expires_at', 'a capability needs an end: give expires_at or ttl_secs');
  const body = {
    id: input.id ?? `cap-${randomUUID()}`,
    issuer: signer.hex,
    subject,
    scope: input.scope,
    issued_at: issuedAt,
    ...life,
    delegation_depth: 0,
    parent_capability_id: null,
  };
  const refused = unsignable(body);
  if (refused !== undefined) return refused;
  return gate(signCompact(body, signer.seed) as CapabilityToken, 'capability/token', issuedAt, [], options);
}

/**
 * Delegate a child of a capability: signed by the parent's holder (its `subject`), one level
 * deeper, naming its parent, with the parent's delegation links and one more, signed by the
 * delegator, for this hop.
 *
 * @param parent - the capability delegated from.
 * @param input - the child's subject and what narrows it (scope, lifetime); the rest is the parent's.
 * @param delegator - the parent's holder's signing key.
 * @param options - the context of the check, and the parent's ancestors up to the root.
 * @returns the child, as the chain verifier accepts it with its ancestors, or its refusal: a child that widens its parent gets the `ERR_CAP_...` code of the rule it breaks.
 * @example
 * ```ts
 * const child = delegateCapability(root.value, { subject: worker, scope: narrower }, agent);
 * ```
 */
export function delegateCapability(parent: CapabilityToken, input: DelegationInput, delegator: unknown, options: DelegationOptions = {}): IssueResult<CapabilityToken> {
  const signer = signerOf(delegator, '/delegator');
  if (!signer.ok) return signer;
  if (notObject(parent)) return misuse('/parent', 'the parent must be a capability token');
  if (notObject(input)) return misuse('', 'the delegation must be an object with the child\'s subject');
  const { ancestors = [], ...ctx } = options;
  if (!Array.isArray(ancestors)) return misuse('/ancestors', 'the ancestors must be an array of capability tokens');
  const subject = holderHex(input.subject);
  if (subject === undefined) return misuse('/subject', 'the subject must be a public key or its 64 hex digits');
  const issuedAt = input.issued_at ?? options.now ?? unixNow();
  const life = lifetime(input, issuedAt, parent);
  if (life === undefined) return misuse('/expires_at', 'give the child an end: expires_at or ttl_secs');
  if (input.link === false && input.attenuations !== undefined) return misuse('/attenuations', 'attenuations are recorded in the delegation link: leave link true to record them');
  const link = {
    capability_id: parent.id,
    delegator: signer.hex,
    delegatee: subject,
    ...(input.attenuations === undefined ? {} : { attenuations: input.attenuations }),
    timestamp: input.link_timestamp ?? issuedAt,
  };
  const body = {
    id: input.id ?? `cap-${randomUUID()}`,
    issuer: signer.hex,
    subject,
    scope: input.scope ?? parent.scope,
    issued_at: issuedAt,
    ...life,
    delegation_depth: (typeof parent.delegation_depth === 'number' ? parent.delegation_depth : 0) + 1,
    parent_capability_id: parent.id,
    ...(input.link === false ? {} : { delegation_chain: [...(Array.isArray(parent.delegation_chain) ? parent.delegation_chain : []), link] }),
  };
  // Checked whole before anything is signed: the link's members are the body's too.
  const refused = unsignable(body);
  if (refused !== undefined) return refused;
  if (body.delegation_chain !== undefined) body.delegation_chain[body.delegation_chain.length - 1] = signCompact(link, signer.seed);
  return gate(signCompact(body, signer.seed) as CapabilityToken, 'capability/token', issuedAt, [parent, ...ancestors], ctx);
}

/** What a revocation says, beside the capability and the revoker. */
export interface RevocationInput {
  /** When it takes effect, Unix seconds; `options.now` or the current time by default. */
  readonly revoked_at?: number;
  /** Why. */
  readonly reason?: string;
}

/**
 * Revoke a capability: a record signed by its issuer or by an ancestor's issuer.
 *
 * @param capability - the capability revoked.
 * @param input - when, and why.
 * @param revoker - the signing key of its issuer or of an ancestor's.
 * @param options - the context of the check, and the capability's ancestors (needed when an ancestor's issuer revokes).
 * @returns the record, as the verifier counts it, or its refusal (`ERR_KEY_NOT_AUTHORIZED` for a key without that authority).
 * @example
 * ```ts
 * const record = revokeCapability(child.value, { reason: 'key compromised' }, agent, { ancestors: [root.value] });
 * ```
 */
export function revokeCapability(capability: CapabilityToken, input: RevocationInput, revoker: unknown, options: DelegationOptions = {}): IssueResult<RevocationRecord> {
  const signer = signerOf(revoker, '/revoked_by');
  if (!signer.ok) return signer;
  if (notObject(capability)) return misuse('/capability', 'the capability must be a capability token');
  if (notObject(input)) return misuse('', 'the revocation must be an object (it may be empty)');
  const { ancestors = [], ...ctx } = options;
  if (!Array.isArray(ancestors)) return misuse('/ancestors', 'the ancestors must be an array of capability tokens');
  const revokedAt = input.revoked_at ?? options.now ?? unixNow();
  const body = {
    capability_id: capability.id,
    revoked_at: revokedAt,
    revoked_by: signer.hex,
    ...(input.reason === undefined ? {} : { reason: input.reason }),
  };
  const refused = unsignable(body);
  if (refused !== undefined) return refused;
  return gate(signCompact(body, signer.seed) as RevocationRecord, 'capability/revocation', revokedAt, [capability, ...ancestors], ctx);
}
