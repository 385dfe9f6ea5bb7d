/**
 * One worker thread of `writ adapter` (SPEC.md 13.3, writ-adapter/2): it answers cases with the
 * reference, as the adapter's own thread would. Its schemas are compiled as it starts, before the
 * adapter answers `start`, so that no case pays for a compilation.
 */
import type { CaseResult, ConformanceCase } from './case.js';
import { compileReferenceSchemas, referenceAnswer } from './reference.js';
import { ReadCache } from '../verify/read-cache.js';

compileReferenceSchemas();
/** The bundle files this worker's cases have read: the bundle and replay vectors share most of theirs. */
const cache = new ReadCache();

/**
 * Answer one case; nothing for the ping that waits for the worker to be ready.
 *
 * @param c - the case, or nothing.
 * @returns the reference's answer, or null for a ping.
 * @example
 * ```ts
 * answer({ id: 'jcs/x', profile: 'jcs', input: { text: '[1.0]' }, context: { now: 0 } }); // { verdict: 'accept', output: '[1]' }
 * ```
 */
export default function answer(c: ConformanceCase | undefined): CaseResult | null {
  return c === undefined ? null : referenceAnswer(c, { cache });
}
