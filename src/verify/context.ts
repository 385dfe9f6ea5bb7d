/**
 * What a verifier may know besides the artifacts (SPEC.md 12): the time, the DID documents and
 * trust anchors the caller accepts, the revocations it knows of. Verifiers are pure functions of
 * the artifacts and this context: none reads the clock, the network or a file.
 */
import type { Ed25519Backend } from '../crypto/ed25519.js';
import type { DidDocuments } from '../crypto/resolve.js';
import { fail, WritError, type Refusal } from '../issues.js';
import { LATEST_SECOND, readTime } from '../encoding/time.js';
import { SchemaRegistry } from '../schema/registry.js';
import { ReadCache } from './read-cache.js';

/** The caller's side of a verification. */
export interface VerifyContext {
  /** The time of verification, Unix seconds. Every time-dependent check uses it. */
  readonly now: number;
  /** DID documents the caller trusts, by DID (did:web documents are never fetched). */
  readonly documents?: DidDocuments;
  /** Revoked capability ids, with when they were revoked (Unix seconds). */
  readonly revocations?: ReadonlyMap<string, number>;
  /** Issuer keys (hex) a root capability must come from; any when absent. */
  readonly trustAnchors?: readonly string[];
  /**
   * The DIDs that may seal a bundle (prove its manifest). When given, a bundle must be sealed by
   * one of them (`ERR_BUNDLE_UNSEALED`, `ERR_BUNDLE_SEAL_UNTRUSTED`); when absent, no one is
   * trusted to, and a bundle report says who sealed it, as a warning, never as a verification.
   */
  readonly sealers?: readonly string[];
  /**
   * Hashes (`sha256:...`, SPEC.md 6.3) of DID documents the caller vouches for. A DID document
   * among the evidence (a bundle's file, another input) counts only when its hash is here: the
   * evidence never vouches for itself. Documents the caller supplies in `documents` count as they are.
   */
  readonly pinnedDocuments?: readonly string[];
  /** The deepest delegation accepted. Default 16. */
  readonly maxDepth?: number;
  /** Ed25519 implementation; both give the same answers. */
  readonly backend?: Ed25519Backend;
  /** The schemas to validate against; the package's own by default. */
  readonly registry?: SchemaRegistry;
  /**
   * Bundle files read before, by content, for a caller that verifies many bundles sharing files:
   * only the work differs, never a verdict. None by default: nothing is kept across calls.
   */
  readonly cache?: ReadCache;
}

let defaultRegistry: SchemaRegistry | undefined;

/**
 * The registry a verification uses.
 *
 * @param ctx - the context.
 * @returns `ctx.registry`, or the package's own (opened once).
 */
export function registryOf(ctx: Pick<VerifyContext, 'registry'>): SchemaRegistry {
  if (ctx.registry !== undefined) return ctx.registry;
  defaultRegistry ??= SchemaRegistry.open();
  return defaultRegistry;
}

/**
 * Check a context's shape. A verifier reports a malformed context as a verdict too: it never
 * throws, whatever it is given.
 *
 * @param ctx - the context to check.
 * @returns `undefined` when usable, or `ERR_USAGE_INVALID_ARGUMENT` naming the member at fault.
 */
export function contextProblem(ctx: unknown): Refusal | undefined {
  if (ctx === null || typeof ctx !== 'object') return fail('ERR_USAGE_INVALID_ARGUMENT', '', 'verify: the context must be an object with now (Unix seconds)');
  const c = ctx as Record<string, unknown>;
  if (!Number.isSafeInteger(c['now']) || (c['now'] as number) < 0 || (c['now'] as number) > LATEST_SECOND) {
    return fail('ERR_USAGE_INVALID_ARGUMENT', '', 'verify: context.now must be the time of verification in whole Unix seconds, before the year 10000');
  }
  if (c['documents'] !== undefined && !(c['documents'] instanceof Map)) return fail('ERR_USAGE_INVALID_ARGUMENT', '', 'verify: context.documents must be a Map from DID to DID document');
  if (c['revocations'] !== undefined && !(c['revocations'] instanceof Map)) return fail('ERR_USAGE_INVALID_ARGUMENT', '', 'verify: context.revocations must be a Map from capability id to Unix seconds');
  if (c['revocations'] instanceof Map) {
    // A revocation time that is not a whole number of seconds would compare as "not yet": a
    // revoked capability taken as live. It is refused, never read.
    for (const [id, at] of Map.prototype.entries.call(c['revocations']) as IterableIterator<[unknown, unknown]>) {
      if (typeof id !== 'string' || !Number.isSafeInteger(at) || (at as number) < 0) {
        return fail('ERR_USAGE_INVALID_ARGUMENT', '', `verify: context.revocations must map capability ids to whole Unix seconds; ${JSON.stringify(String(id))} maps to ${typeof at}`);
      }
    }
  }
  if (c['trustAnchors'] !== undefined && !(Array.isArray(c['trustAnchors']) && c['trustAnchors'].every((a) => typeof a === 'string'))) {
    return fail('ERR_USAGE_INVALID_ARGUMENT', '', 'verify: context.trustAnchors must be an array of hex keys');
  }
  for (const key of ['sealers', 'pinnedDocuments'] as const) {
    if (c[key] !== undefined && !(Array.isArray(c[key]) && (c[key] as unknown[]).every((a) => typeof a === 'string'))) {
      return fail('ERR_USAGE_INVALID_ARGUMENT', '', `verify: context.${key} must be an array of ${key === 'sealers' ? 'DIDs' : 'sha256: hashes'}`);
    }
  }
  if (c['maxDepth'] !== undefined && !(Number.isSafeInteger(c['maxDepth']) && (c['maxDepth'] as number) >= 0)) {
    return fail('ERR_USAGE_INVALID_ARGUMENT', '', 'verify: context.maxDepth must be a non-negative integer');
  }
  if (c['backend'] !== undefined && c['backend'] !== 'native' && c['backend'] !== 'portable') {
    return fail('ERR_USAGE_INVALID_ARGUMENT', '', "verify: context.backend must be 'native' or 'portable'");
  }
  if (c['registry'] !== undefined && !SchemaRegistry.isRegistry(c['registry'])) return fail('ERR_USAGE_INVALID_ARGUMENT', '', 'verify: context.registry must be a SchemaRegistry');
  if (c['cache'] !== undefined && !ReadCache.isReadCache(c['cache'])) return fail('ERR_USAGE_INVALID_ARGUMENT', '', 'verify: context.cache must be a ReadCache');
  return undefined;
}

/**
 * Read a time given on a command line or in a vector: RFC 3339, or Unix seconds.
 *
 * @param text - `2026-04-15T16:26:15Z` or `1776272775`.
 * @returns whole Unix seconds (a fraction of a second is dropped).
 * @throws {@link WritError} `ERR_USAGE_INVALID_ARGUMENT` when the text is neither.
 * @example
 * ```ts
 * parseTime('2026-04-15T17:06:15Z'); // 1776272775
 * parseTime('1776272775');           // 1776272775
 * ```
 */
export function parseTime(text: string): number {
  const read = readTime(text);
  if (!read.ok) throw new WritError({ code: 'ERR_USAGE_INVALID_ARGUMENT', message: read.message });
  return read.instant.seconds;
}
