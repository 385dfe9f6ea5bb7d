/**
 * The conformance vectors as the only test of the reference implementation, for the mutation
 * tester (`npm run mutation`, mutation/README.md): one test per vector, each asking the reference
 * (`referenceAnswer`, in-process) and comparing its outcome with the vector's expectation by the
 * runner's own `agrees`. A mutant of the reference that every vector still agrees with survives:
 * either a vector is missing or the mutant is equivalent, and mutation/equivalent.json says which.
 *
 * Each test answers a fresh copy of its vector: the reference memoises work on the objects it is
 * given (hashes, verified proofs, snapshots) and Stryker runs every mutant in the same process,
 * so with shared objects a mutant in memoised code would meet only the original's answers. For
 * the same reason the imported-key cache is emptied before each test. The vectors whose answers
 * turn on signatures are answered by the portable Ed25519 implementation too, so that its code
 * is measured as the native one is. The bundle and replay vectors are answered once more through
 * a read cache of their own (src/verify/read-cache.ts), twice, cold and then warm: `writ
 * conformance` answers through one, and the cache's code, and the readings it keeps, must give
 * the answers the uncached path gives. A cache lives for one test only, so that no answer a
 * mutant computed can reach the test of another.
 *
 * This is not part of `npm test` (tap runs `test/**\/*.test.ts`); mocha runs it under Stryker.
 */
import { strict as assert } from 'node:assert';
import type { ConformanceCase } from '../src/conformance/case.js';
import { judge } from '../src/conformance/judge.js';
import { forgetImportedKeys } from '../src/crypto/ed25519.js';
import { referenceAnswer } from '../src/conformance/reference.js';
import { ReadCache } from '../src/verify/read-cache.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packagedVectors } from '../src/conformance/vectors.js';
import type { ConformanceVector as Vector } from '../src/generated/types.js';

// The vector files are read with JSON.parse, not with the reference's reader: a mutant of the
// reader (src/encoding/json.ts) must meet the vectors' inputs, not break the loading of the
// vectors themselves, which Stryker would count as a run error rather than a kill. The files
// are the ones `writ conformance` checks against their schema (readVectors, in npm test).
const dir = packagedVectors('v1.0.0');
const set = {
  vectors: readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Vector),
};

/** The profiles whose every vector turns on one signature check or a few. */
const SIGNED = new Set(['signature', 'compact', 'proof', 'capability', 'chain']);
/** The profiles whose vectors are bundles, which a read cache may answer from what it read before. */
const CACHED = new Set(['bundle', 'replay']);
type Run = 'native' | 'portable' | 'cached';
const TITLES: Record<Run, string> = { native: '', portable: ' (portable Ed25519)', cached: ' (through a read cache, cold then warm)' };

describe('conformance vectors through the reference implementation', () => {
  beforeEach(forgetImportedKeys);
  const runs = set.vectors.flatMap((v) => [
    { v, run: 'native' as Run },
    ...(SIGNED.has(v.profile) ? [{ v, run: 'portable' as Run }] : []),
    ...(CACHED.has(v.profile) ? [{ v, run: 'cached' as Run }] : []),
  ]);
  for (const { v, run } of runs) {
    it(`${v.id}${TITLES[run]}`, () => {
      const fresh = (): ConformanceCase => structuredClone({ id: v.id, profile: v.profile, input: v.input, context: v.context });
      const cache = run === 'cached' ? new ReadCache() : undefined;
      const options = run === 'portable' ? { backend: 'portable' as const } : cache === undefined ? {} : { cache };
      for (const pass of cache === undefined ? ['once'] : ['cold', 'warm']) {
        const r = referenceAnswer(fresh(), options);
        assert.ok(r.errored !== true && r.skipped !== true, `the reference did not answer (${pass}): ${JSON.stringify(r)}`);
        const actual = { verdict: r.verdict!, ...(r.code === undefined ? {} : { code: r.code }), ...(r.codes === undefined ? {} : { codes: r.codes }), ...(r.output === undefined ? {} : { output: r.output }), ...(r.hops === undefined ? {} : { hops: r.hops }) };
        const judged = judge(v, actual);
        assert.ok(judged.pass, `expected ${JSON.stringify(v.expect)}, got ${JSON.stringify(actual)} (${pass}): ${judged.reason ?? ''}`);
      }
    });
  }
});
