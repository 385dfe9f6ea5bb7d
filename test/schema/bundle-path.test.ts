/**
 * Bundle and release paths (SPEC.md 2, 12.8; issue 10): no name Windows reads as another file or
 * as a device. unsafeBundlePath is the rule; the schema patterns of the bundle manifest, of
 * RelativePath and of the release boundary state it for the characters they allow, and are held
 * to it here string by string.
 */
import t from 'tap';
import { MAX_SEGMENT_LENGTH, unsafeBundlePath } from '../../src/encoding/file-path.js';
import { SchemaRegistry } from '../../src/schema/registry.js';
import { listBoundary } from '../../src/release/boundary.js';
import { ROOT, manifest, readJson } from '../helpers.js';

type Node = Record<string, unknown> & { pattern: string; not: { pattern: string } };
const registry = SchemaRegistry.open();
const bundleNames = (readJson('schemas/v1.0.0/bundle/manifest.schema.json') as { properties: { artifacts: { propertyNames: Node } } }).properties.artifacts.propertyNames;
const relativePath = (readJson('schemas/v1.0.0/release/defs.schema.json') as { $defs: { relative_path: Node } }).$defs.relative_path;
const boundaryItem = (readJson('schemas/v1.0.0/release/manifest.schema.json') as { properties: { boundary: { items: Node } } }).properties.boundary.items;
/** What the bundle manifest's propertyNames accept, as its two patterns say it. */
const path = new RegExp(bundleNames.pattern, 'u');
const device = new RegExp(bundleNames.not.pattern, 'u');
const schemaAccepts = (p: string): boolean => path.test(p) && !device.test(p) && p.length <= 512;
/** The manifest pattern before issue 10: relative, no empty, . or .. segment, no backslash. */
const before = /^[A-Za-z0-9_][A-Za-z0-9._-]*(\/[A-Za-z0-9_][A-Za-z0-9._-]*)*$/u;

const DEVICES = ['CON', 'PRN', 'AUX', 'NUL', ...Array.from({ length: 10 }, (_, i) => `COM${i}`), ...Array.from({ length: 10 }, (_, i) => `LPT${i}`)];
/** Every spelling of a name in upper and lower case. */
const cases = (name: string): string[] =>
  [...name].reduce<string[]>((acc, c) => acc.flatMap((s) => (c.toLowerCase() === c.toUpperCase() ? [s + c] : [s + c.toLowerCase(), s + c.toUpperCase()])), ['']);

t.test('the paths refused before are refused still', async (t) => {
  for (const p of ['', '/etc/passwd', 'C:/x.json', 'c:x', 'a\\b.json', 'a\0b', '../etc/passwd', 'a/../b', 'a//b', './a', 'a/./b', 'a/']) t.not(unsafeBundlePath(p), undefined, JSON.stringify(p));
});

t.test('a name Windows drops a trailing dot or space from is refused: there it names another file', async (t) => {
  for (const p of ['receipt.', 'a./b.json', 'a/b.', 'a..', 'receipt.json.', 'receipt ', 'a /b.json', 'a/b.json ']) t.not(unsafeBundlePath(p), undefined, JSON.stringify(p));
});

t.test('a device name Windows reserves is refused in any case, alone or before an extension, in any folder', async (t) => {
  let n = 0;
  for (const name of [...DEVICES, 'CONIN$', 'CONOUT$', 'COM\u00b9', 'LPT\u00b3']) {
    for (const spelling of cases(name)) {
      for (const p of [spelling, `${spelling}.json`, `${spelling}.tar.gz`, `logs/${spelling}`, `a/${spelling}.txt/b.json`, `${spelling} .txt`, `${spelling}/b.json`]) {
        n++;
        if (unsafeBundlePath(p) === undefined) t.fail(`${JSON.stringify(p)} is allowed`);
      }
    }
  }
  t.ok(n > 1000, `${n} paths refused`);
});

t.test('characters Windows cannot hold in a name are refused, and so is a segment longer than it holds', async (t) => {
  for (const c of ['<', '>', ':', '"', '|', '?', '*', '\u0001', '\t', '\u001f']) t.not(unsafeBundlePath(`a/b${c}c.json`), undefined, JSON.stringify(c));
  t.equal(unsafeBundlePath(`a/${'x'.repeat(MAX_SEGMENT_LENGTH)}`), undefined, 'a segment of 255 characters');
  t.not(unsafeBundlePath(`a/${'x'.repeat(MAX_SEGMENT_LENGTH + 1)}`), undefined, 'a segment of 256');
});

t.test('names near a device name, and ordinary paths, are safe', async (t) => {
  for (const p of ['com10', 'COM10.json', 'lpt', 'co', 'conx', 'console.log', 'auxiliary.json', 'nul_x', 'nulls/a.json', 'a.con', 'x/CON_1', 'prn-2', '_con', 'receipts/executor.json', 'a.b.c', 'a..b', '.hidden', 'v1.0.0/x']) {
    t.equal(unsafeBundlePath(p), undefined, p);
  }
});

t.test('every file the release ships has a path RelativePath and unsafeBundlePath accept', async (t) => {
  const files = listBoundary(ROOT, manifest().boundary).files;
  t.ok(files.length > 100);
  const relative = new RegExp(relativePath.pattern, 'u');
  const relativeDevice = new RegExp(relativePath.not.pattern, 'u');
  t.same(files.filter((f) => unsafeBundlePath(f) !== undefined || !relative.test(f) || relativeDevice.test(f)), []);
  const boundary = new RegExp(boundaryItem.pattern, 'u');
  t.same(manifest().boundary.filter((b) => !boundary.test(b) || device.test(b)), [], 'the boundary, folders with their /');
});

t.test('one rule in three schemas: the bundle manifest, RelativePath, and the release boundary (which may end with /)', async (t) => {
  t.equal(relativePath.pattern, bundleNames.pattern);
  t.equal(boundaryItem.pattern, bundleNames.pattern.replace(/\$$/, '/?$'));
  t.same(relativePath.not, bundleNames.not);
  t.same(boundaryItem.not, bundleNames.not);
  t.equal(bundleNames.maxLength, 512);
  t.equal(relativePath.maxLength, 512);
});

t.test('the schema accepts exactly the paths it accepted before that unsafeBundlePath accepts: every path of up to 5 characters over a 19-letter alphabet', async (t) => {
  // The letters of the device names in both cases, a digit, and every separator the pattern knows.
  const alphabet = [...'conmulxptr1', 'C', 'N', 'U', '.', '/', '-', '_'];
  const wrong: string[] = [];
  let n = 0;
  const visit = (p: string, depth: number): void => {
    n++;
    if (schemaAccepts(p) !== (before.test(p) && unsafeBundlePath(p) === undefined) && wrong.length < 10) wrong.push(p);
    if (depth > 0) for (const c of alphabet) visit(p + c, depth - 1);
  };
  visit('', 5);
  t.same(wrong, []);
  t.ok(n > 2_000_000, `${n} paths`);
});

t.test('the schema and the rule agree on every device name, in every case, with what may surround it', async (t) => {
  const wrong: string[] = [];
  for (const name of [...DEVICES, 'COM10', 'LPT', 'CONS', 'NULL', 'AU', 'PR']) {
    for (const spelling of cases(name)) {
      for (const p of [spelling, `${spelling}.json`, `${spelling}.tar.gz`, `${spelling}.`, `${spelling}x`, `x${spelling}`, `_${spelling}`, `${spelling}-1`, `${spelling}_`, `logs/${spelling}`, `logs/${spelling}.json/a`, `${spelling}/a`, `a.${spelling}`]) {
        if (schemaAccepts(p) !== (before.test(p) && unsafeBundlePath(p) === undefined)) wrong.push(p);
      }
    }
  }
  t.same(wrong, []);
});

t.test('a manifest listing a name Windows cannot hold is invalid, with the code of a refused member name', async (t) => {
  const hash = `sha256:${'0'.repeat(64)}`;
  const codes = (p: string) => {
    const r = registry.validate('bundle/manifest', { artifacts: { [p]: hash } });
    return r.ok ? [] : r.issues.map((i) => `${i.code} ${i.path}`);
  };
  t.same(codes('receipt.'), ['ERR_SCHEMA_PROPERTY_NAME /artifacts/receipt.']);
  t.same(codes('a./b.json'), ['ERR_SCHEMA_PROPERTY_NAME /artifacts/a.~1b.json']);
  t.same(codes('logs/NUL.json'), ['ERR_SCHEMA_PROPERTY_NAME /artifacts/logs~1NUL.json']);
  t.same(codes('Com1'), ['ERR_SCHEMA_PROPERTY_NAME /artifacts/Com1']);
  t.same(codes('logs/com10.json'), []);
  t.same(codes('receipts/executor.json'), []);
  const index = registry.validate('release/manifest', { ...manifest(), boundary: ['README.md', 'aux.json'] });
  t.same(index.ok ? [] : index.issues.map((i) => `${i.code} ${i.path}`), ['ERR_SCHEMA_FORBIDDEN /boundary/1'], 'a release boundary entry that is a device name');
});
