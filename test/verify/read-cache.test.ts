/**
 * The read cache (src/verify/read-cache.ts): a caller that verifies many bundles may share the
 * files it has read between them. Only the work may differ: every verdict is the one a
 * verification without a cache gives, including those that turn on the context (the time, the
 * sealers), which is read again on every call.
 */
import { join } from 'node:path';
import t from 'tap';
import { referenceAnswer } from '../../src/conformance/reference.js';
import { packagedVectors, readVectors } from '../../src/conformance/vectors.js';
import { documentHash } from '../../src/crypto/hash.js';
import { readBundleFolder } from '../../src/io/bundle-folder.js';
import { SchemaRegistry } from '../../src/schema/registry.js';
import { parseTime } from '../../src/verify/context.js';
import { ReadCache } from '../../src/verify/read-cache.js';
import { replayTransaction } from '../../src/verify/replay.js';
import { verifyBundle } from '../../src/verify/bundle.js';
import { takeWork } from '../../src/work.js';
import { ROOT } from '../helpers.js';

const folder = readBundleFolder(join(ROOT, 'examples/v1.0.0/transactions/seven-station'));
const PINNED = [documentHash(JSON.parse(new TextDecoder().decode(folder.files.get('identity/dreamineering-did.json') as Uint8Array)))];
const NOW = parseTime('2026-11-01T10:08:00Z');
const artifacts = [...folder.files.keys()].filter((p) => p !== 'bundle-manifest.json');
/** A fresh copy of the bundle's bytes: equal content, new arrays, as a second bundle brings them. */
const copyFiles = (): Map<string, Uint8Array> => new Map([...folder.files].map(([p, b]) => [p, new Uint8Array(b)]));

t.test('a second replay of equal bytes through one cache reads, validates and verifies nothing again but the manifest and its seal', async (t) => {
  const cache = new ReadCache();
  takeWork();
  const first = replayTransaction(copyFiles(), { now: NOW, pinnedDocuments: PINNED, cache });
  const firstWork = takeWork();
  const second = replayTransaction(copyFiles(), { now: NOW, pinnedDocuments: PINNED, cache });
  const secondWork = takeWork();
  t.ok(first.ok, JSON.stringify(first.errors));
  t.same(second, first, 'the same report');
  t.equal(cache.size, artifacts.length, 'every artifact kept, the manifest not');
  t.equal(firstWork.validations, artifacts.length + 1, 'the first replay does all the work');
  // The manifest is read again (each bundle has its own), and each file's digest is its key.
  t.equal(secondWork.validations, 1, 'only the manifest validated again');
  t.equal(secondWork.detections, 0, 'nothing recognised again');
  t.equal(secondWork.signatures, 1, "only the manifest's proof verified again");
  t.equal(secondWork.hashes, artifacts.length + 2, "only the files' digests taken again, and the two of the manifest's proof");
});

t.test('what turns on the context is checked again on every call: a warm cache does not pass an expired transaction', async (t) => {
  const later = NOW + 400 * 86400;
  const fresh = replayTransaction(copyFiles(), { now: later, pinnedDocuments: PINNED });
  t.notOk(fresh.ok, 'without a cache, a year later the transaction no longer verifies');
  const cache = new ReadCache();
  t.ok(replayTransaction(copyFiles(), { now: NOW, pinnedDocuments: PINNED, cache }).ok);
  t.same(replayTransaction(copyFiles(), { now: later, pinnedDocuments: PINNED, cache }), fresh, 'with the warm cache: the same refusal');
  const unpinned = replayTransaction(copyFiles(), { now: NOW });
  t.same(replayTransaction(copyFiles(), { now: NOW, cache }), unpinned, 'and an unpinned DID document is unpinned, cached or not');
  const sealers = verifyBundle(copyFiles(), { now: NOW, pinnedDocuments: PINNED, sealers: ['did:web:nobody.example'] });
  t.same(verifyBundle(copyFiles(), { now: NOW, pinnedDocuments: PINNED, sealers: ['did:web:nobody.example'], cache }), sealers, 'and the seal is judged by the policy of the call');
});

t.test('every bundle and replay vector answers the same through one cache shared by all of them', async (t) => {
  const registry = SchemaRegistry.open();
  const cases = readVectors(packagedVectors(registry.index.line), registry).vectors.filter((c) => c.profile === 'bundle' || c.profile === 'replay');
  t.ok(cases.length > 150, `${cases.length} cases`);
  const cache = new ReadCache();
  const differ: string[] = [];
  // Twice over, so that every case meets a cache already holding its own files and its family's.
  for (const round of [1, 2]) {
    for (const c of cases) {
      const plain = referenceAnswer(structuredClone(c));
      const cached = referenceAnswer(structuredClone(c), { cache });
      if (JSON.stringify(plain) !== JSON.stringify(cached)) differ.push(`${round} ${c.id}: ${JSON.stringify(plain)} / ${JSON.stringify(cached)}`);
    }
  }
  t.same(differ, []);
  t.ok(cache.size > 50, `${cache.size} files shared`);
});

t.test('the cache keeps at most maxBytes of files, the least recently used going first', async (t) => {
  const sizes = artifacts.map((p) => (folder.files.get(p) as Uint8Array).length);
  const largest = Math.max(...sizes);
  const cache = new ReadCache({ maxBytes: largest * 2 });
  t.ok(replayTransaction(copyFiles(), { now: NOW, pinnedDocuments: PINNED, cache }).ok);
  t.ok(cache.bytes <= largest * 2, `${cache.bytes} bytes kept`);
  t.ok(cache.size >= 1 && cache.size < artifacts.length, `${cache.size} files kept`);
  const none = new ReadCache({ maxBytes: 0 });
  t.ok(replayTransaction(copyFiles(), { now: NOW, pinnedDocuments: PINNED, cache: none }).ok, 'a cache that keeps nothing still verifies');
  t.equal(none.size, 0);
  cache.clear();
  t.equal(cache.size, 0);
  t.equal(cache.bytes, 0);
  for (const maxBytes of [-1, 1.5, Number.NaN, Infinity]) t.throws(() => new ReadCache({ maxBytes }), RangeError, `maxBytes ${maxBytes}`);
});

t.test('a file that does not read is not kept', async (t) => {
  const cache = new ReadCache();
  const files = copyFiles();
  const path = artifacts[0] as string;
  files.set(path, new TextEncoder().encode('{"a":01}'));
  const r = replayTransaction(files, { now: NOW, pinnedDocuments: PINNED, cache });
  t.notOk(r.ok);
  t.equal(cache.size, artifacts.length - 1, 'all but the file that is not JSON');
});

t.test('a context whose cache is not a ReadCache is refused with a code, never used', async (t) => {
  const forged = Object.create(ReadCache.prototype) as ReadCache;
  for (const cache of [forged, {}, new Map()]) {
    const r = verifyBundle(copyFiles(), { now: NOW, cache: cache as never });
    t.notOk(r.ok);
    t.same(r.errors.map((e) => e.code), ['ERR_USAGE_INVALID_ARGUMENT']);
    t.match(r.errors[0]?.message, /context\.cache must be a ReadCache/);
  }
});
