/**
 * What a verifier may know besides the artifacts (SPEC.md 12): the time, the DID documents and
 * trust anchors the caller accepts, the revocations it knows of. Verifiers are pure functions of
 * the artifacts and this context: none reads the clock, the network or a file.
 */
import type { Ed25519Backend } from '../crypto/ed25519.js';
import type { DidDocuments } from '../crypto/resolve.js';
import { WritError } from '../issues.js';
import { SchemaRegistry } from '../schema/registry.js';

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
  /** The deepest delegation accepted. Default 16. */
  readonly maxDepth?: number;
  /** Ed25519 implementation; both give the same answers. */
  readonly backend?: Ed25519Backend;
  /** The schemas to validate against; the package's own by default. */
  readonly registry?: SchemaRegistry;
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
 * Check a context's shape: a caller's mistake is a TypeError, not a verdict.
 *
 * @param ctx - the context to check.
 * @throws TypeError when `now` is not a non-negative safe integer.
 */
export function checkContext(ctx: VerifyContext): void {
  if (ctx === null || typeof ctx !== 'object' || !Number.isSafeInteger(ctx.now) || ctx.now < 0) {
    throw new TypeError('verify: context.now must be the time of verification in whole Unix seconds');
  }
}

/**
 * Read a time given on a command line or in a vector: RFC 3339, or Unix seconds.
 *
 * @param text - `2026-04-15T16:26:15Z` or `1776272775`.
 * @returns Unix seconds.
 * @throws {@link WritError} `ERR_USAGE_INVALID_ARGUMENT` when the text is neither.
 */
export function parseTime(text: string): number {
  if (/^(0|[1-9][0-9]{0,15})$/.test(text)) return Number(text);
  const ms = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}T/i.test(text) || Number.isNaN(ms)) {
    throw new WritError({ code: 'ERR_USAGE_INVALID_ARGUMENT', message: `${JSON.stringify(text)} is neither an RFC 3339 date-time nor Unix seconds` });
  }
  return Math.floor(ms / 1000);
}
