/**
 * What the runner and every implementation share (SPEC.md 13.2, 13.3): the profiles of the
 * suite, a case as the runner sends it, and how an answer is compared with a vector's
 * expectation. The runner and the adapters import this, never the reference implementation.
 */
import type { AdapterResult, CaseOutcome, ConformanceContext, ConformanceProfile } from '../generated/types.js';

/** A case as the runner sends it: a vector without its description, spec and expectation. */
export interface ConformanceCase {
  readonly id: string;
  readonly profile: ConformanceProfile;
  readonly input: Record<string, unknown>;
  readonly context: ConformanceContext;
}

/** A result without its sequence number. */
export type CaseResult = Omit<AdapterResult, 'seq'>;

/** Every profile, in SPEC order. */
export const PROFILES: readonly ConformanceProfile[] = ['schema', 'jcs', 'hash', 'signature', 'proof', 'compact', 'capability', 'chain', 'budget', 'intent', 'mandate', 'receipt', 'settlement', 'document', 'bundle', 'replay', 'release', 'produce-intent', 'produce-receipt', 'produce-delegation', 'produce-seal'];

/** The profiles whose cases ask the implementation to produce an artifact, judged by the reference verifier (SPEC.md 13.2). */
export const PRODUCER_PROFILES: ReadonlySet<ConformanceProfile> = new Set(['produce-intent', 'produce-receipt', 'produce-delegation', 'produce-seal']);

/**
 * Whether an answer is the expected one: the same verdict, and the same code, codes (as sets),
 * output and hop verdicts wherever the expectation names them. Messages are never compared.
 *
 * @param expected - the vector's expectation.
 * @param actual - the implementation's outcome.
 * @returns true when they agree.
 * @example
 * ```ts
 * agrees({ verdict: 'reject', code: 'ERR_SIG_INVALID' }, { verdict: 'reject', code: 'ERR_SIG_INVALID' }); // true
 * ```
 */
export function agrees(expected: CaseOutcome, actual: CaseOutcome): boolean {
  if (expected.verdict !== actual.verdict) return false;
  if (expected.code !== undefined && expected.code !== actual.code) return false;
  if (expected.codes !== undefined && distinct(expected.codes).join(' ') !== distinct(actual.codes ?? []).join(' ')) return false;
  if (expected.output !== undefined && expected.output !== actual.output) return false;
  if (expected.hops !== undefined) {
    const got = actual.hops ?? [];
    if (got.length !== expected.hops.length) return false;
    return expected.hops.every((h, i) => got[i]?.hop === h.hop && got[i]?.verdict === h.verdict && (h.code === undefined || got[i]?.code === h.code));
  }
  return true;
}

function distinct(codes: readonly string[]): string[] {
  return [...new Set(codes)].sort();
}
