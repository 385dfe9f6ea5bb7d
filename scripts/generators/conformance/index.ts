/**
 * Generates the conformance vectors (SPEC.md 13) into conformance/<line>/<profile>/...: one JSON
 * file per vector, `{ id, profile, description, spec, input, context, expect }`.
 *
 * Every expectation is stated in the modules below, from what the case is (a tampered signature
 * is ERR_SIG_INVALID), from a fixture's recorded sidecar, or from a standard's published output;
 * none is computed by the verifier under test. Inputs are built from the example fixtures and the
 * example keys (SPEC.md 9), so every signature in them is real; standards' vectors are copied into
 * test/vectors (see test/vectors/PROVENANCE.md and conformance/PROVENANCE.md).
 *
 * One module per profile, or family of profiles; shared.ts holds `vector()` and what every
 * module uses, world.ts the parties and fixtures, seven-station.ts Agent Commerce Rails'
 * transaction. Each vector is its own file, so the order the modules run in does not change what
 * is written; a vector id made twice is an error.
 *
 * Usage: npm run generate:conformance [-- --check]
 */
import { emit } from '../../lib/emit.js';
import { budgetVectors } from './budget.js';
import { bundleEvidenceVectors } from './bundle-evidence.js';
import { compactVectors } from './compact.js';
import { documentVectors } from './document.js';
import { intentVectors } from './intent.js';
import { jcsHashVectors } from './jcs-hash.js';
import { produceVectors } from './produce.js';
import { proofSetVectors, proofVectors } from './proof.js';
import { receiptVectors } from './receipt.js';
import { releaseVectors } from './release.js';
import { replayBoundaryVectors } from './replay-boundaries.js';
import { replayVectors } from './replay.js';
import { schemaVectors } from './schema.js';
import { settlementVectors } from './settlement.js';
import { LINE, out } from './shared.js';
import { signatureVectors } from './signature.js';
import { capabilityChainVectors } from './capability-chain.js';
import { mandateVectors } from './mandate.js';
import { bundleVectors } from './bundle.js';

for (const make of [
  schemaVectors,
  jcsHashVectors,
  signatureVectors,
  proofVectors,
  proofSetVectors,
  compactVectors,
  capabilityChainVectors,
  budgetVectors,
  intentVectors,
  receiptVectors,
  mandateVectors,
  settlementVectors,
  documentVectors,
  bundleVectors,
  bundleEvidenceVectors,
  replayVectors,
  replayBoundaryVectors,
  releaseVectors,
  produceVectors,
]) {
  make();
}

emit('generate:conformance', out, process.argv.slice(2), { owned: [`conformance/${LINE}`] });
