/**
 * The conformance vectors as the only test of the reference implementation, for the mutation
 * tester (`npm run mutation`, mutation/README.md): one test per vector, each asking the reference
 * (`referenceAnswer`, in-process) and comparing its outcome with the vector's expectation by the
 * runner's own `agrees`. A mutant of the reference that every vector still agrees with survives:
 * either a vector is missing or the mutant is equivalent, and mutation/equivalent.json says which.
 *
 * This is not part of `npm test` (tap runs `test/**\/*.test.ts`); mocha runs it under Stryker.
 */
import { strict as assert } from 'node:assert';
import { agrees } from '../src/conformance/case.js';
import { referenceAnswer } from '../src/conformance/reference.js';
import { packagedVectors, readVectors } from '../src/conformance/vectors.js';
import { SchemaRegistry } from '../src/schema/registry.js';

const set = readVectors(packagedVectors('v1.0.0'), SchemaRegistry.open());
if (set.issues.length > 0) throw new Error(`the vectors cannot be read: ${JSON.stringify(set.issues.slice(0, 3))}`);

describe('conformance vectors through the reference implementation', () => {
  for (const v of set.vectors) {
    it(v.id, () => {
      const r = referenceAnswer({ id: v.id, profile: v.profile, input: v.input, context: v.context });
      assert.ok(r.errored !== true && r.skipped !== true, `the reference did not answer: ${JSON.stringify(r)}`);
      const actual = { verdict: r.verdict!, ...(r.code === undefined ? {} : { code: r.code }), ...(r.codes === undefined ? {} : { codes: r.codes }), ...(r.output === undefined ? {} : { output: r.output }), ...(r.hops === undefined ? {} : { hops: r.hops }) };
      assert.ok(agrees(v.expect, actual), `expected ${JSON.stringify(v.expect)}, got ${JSON.stringify(actual)}`);
    });
  }
});
