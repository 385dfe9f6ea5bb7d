/**
 * How an independent implementation is run in-process: a hello, and an answer to each case. The
 * runner's adapter interface and the generated types are the protocol's, not the reference's, so
 * these are the only things of writ's an independent implementation uses (a test holds it).
 */
import { FunctionAdapter, type Adapter } from '../../../src/conformance/adapters.js';
import type { CaseResult, ConformanceCase } from '../../../src/conformance/case.js';
import type { ConformanceContext, ConformanceProfile } from '../../../src/generated/types.js';

/** A case's context as the vector gives it. */
export type Context = ConformanceContext;

/** An in-process implementation of some profiles. */
export function implementation(name: string, profiles: readonly ConformanceProfile[], answer: (c: ConformanceCase) => CaseResult): Adapter {
  return new FunctionAdapter({ protocol: 'writ-adapter/1', implementation: { name, version: '0.0.0', language: 'TypeScript' }, profiles: [...profiles] }, answer);
}

export const accept: CaseResult = { verdict: 'accept' };
export const reject = (code: string): CaseResult => ({ verdict: 'reject', code });
