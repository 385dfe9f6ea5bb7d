/**
 * How much work one verification does, counted, not timed (SPEC.md 12): a seven-station replay
 * recognises each artifact once, validates each once (the manifest too), verifies each distinct
 * signature once however many checks rest on it, and takes each hash once.
 */
import { join } from 'node:path';
import t from 'tap';
import { parseJson, type JsonValue } from '../../src/encoding/json.js';
import { parseTime } from '../../src/verify/context.js';
import { readBundleFolder } from '../../src/io/bundle-folder.js';
import { replayTransaction } from '../../src/verify/replay.js';
import { takeWork } from '../../src/work.js';
import { documentHash } from '../../src/crypto/hash.js';
import { ROOT } from '../helpers.js';

/** Every signature and proof value inside a value, embedded ones included. */
function signatures(value: JsonValue, out: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const v of value) signatures(v, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'signature' || k === 'proofValue') && typeof v === 'string') out.add(v);
      else signatures(v, out);
    }
  }
  return out;
}

const folder = readBundleFolder(join(ROOT, 'examples/v1.0.0/transactions/seven-station'));
// The caller vouches for the bundle's DID document by its hash (SPEC.md 12.8, trust).
const PINNED = [documentHash(JSON.parse(new TextDecoder().decode(folder.files.get('identity/dreamineering-did.json') as Uint8Array)))];
const artifacts = [...folder.files.keys()].filter((p) => p !== 'bundle-manifest.json');
const distinct = new Set<string>();
for (const bytes of folder.files.values()) {
  const parsed = parseJson(bytes);
  if (parsed.ok) signatures(parsed.value, distinct);
}

t.test('one seven-station replay: each artifact recognised once and validated once; each signature verified once', async (t) => {
  t.same(folder.issues, []);
  t.equal(artifacts.length, 17);
  t.equal(distinct.size, 12, 'the bundle holds 12 distinct signatures and proofs');
  takeWork();
  const report = replayTransaction(folder.files, { now: parseTime('2026-11-01T10:08:00Z'), pinnedDocuments: PINNED, readIssues: folder.issues });
  const work = takeWork();
  t.ok(report.ok, JSON.stringify(report.errors));
  t.equal(work.detections, artifacts.length, 'each artifact recognised once');
  t.equal(work.validations, artifacts.length + 1, 'each artifact and the manifest validated once');
  t.equal(work.signatures, distinct.size, 'each distinct signature verified once');
  // 17 file digests, two hashes for each of the 8 Data Integrity proofs (proof options and
  // document), the document hash of each of the 17 artifacts (a bundle counts each document
  // once, however many paths hold it: SPEC.md 12.8), and 3 of values inside artifacts: the
  // governed intent without its intent_hash, the provider receipt's action (the trace's
  // action_hash) and that action's parameters (the receipt's parameter_hash).
  t.equal(work.hashes, 17 + 2 * 8 + 17 + 3, 'each hash taken once');
});

t.test('a second replay of the same bytes does the same work: nothing is kept across verifications of new input', async (t) => {
  takeWork();
  replayTransaction(folder.files, { now: parseTime('2026-11-01T10:08:00Z'), pinnedDocuments: PINNED, readIssues: folder.issues });
  const work = takeWork();
  t.equal(work.validations, artifacts.length + 1);
  t.equal(work.signatures, distinct.size);
});
