/**
 * The example fixtures: every valid one validates, every invalid one fails for exactly the one
 * reason its sidecar records, and the fixture checker itself catches each kind of dishonest
 * fixture. (The documents the sources print are checked against their printed form in test/sources.test.ts.)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import t from 'tap';
import { checkFixtures, fixtureSchema } from '../../src/schema/fixtures.js';
import { SchemaRegistry } from '../../src/schema/registry.js';
import { ROOT, listFiles } from '../helpers.js';

const registry = SchemaRegistry.open();
const examples = join(ROOT, 'examples', registry.index.line);
const fixtures = listFiles(examples).filter((f) => f.endsWith('.json') && !f.endsWith('.expect.json') && !f.startsWith('transactions/'));

/** The schema id a fixture's name selects. */
function schemaOf(file: string): string {
  const id = fixtureSchema(registry, file);
  if (id === undefined) throw new Error(`${file} names no schema`);
  return id;
}

t.test('each document schema has at least two valid and three invalid fixtures', async (t) => {
  for (const doc of registry.documents()) {
    const mine = fixtures.filter((f) => schemaOf(f) === doc.id);
    t.ok(mine.filter((f) => f.includes('/valid/')).length >= 2, `${doc.id}: valid fixtures`);
    t.ok(mine.filter((f) => f.includes('/invalid/')).length >= 3, `${doc.id}: invalid fixtures`);
  }
});

t.test('valid fixtures validate and are recognised as the schema their name gives', async (t) => {
  for (const f of fixtures.filter((x) => x.includes('/valid/'))) {
    const doc = JSON.parse(readFileSync(join(examples, f), 'utf8'));
    const r = registry.validate(schemaOf(f), doc);
    t.ok(r.ok, `${f} ${r.ok ? '' : JSON.stringify(r.issues)}`);
    t.match(registry.detect(doc), { ok: true, schema: { id: schemaOf(f) } }, `${f} detected`);
  }
});

t.test('each invalid fixture fails for exactly the reason its sidecar records, and no other', async (t) => {
  const invalid = fixtures.filter((x) => x.includes('/invalid/'));
  t.ok(invalid.length >= 36);
  for (const f of invalid) {
    const doc = JSON.parse(readFileSync(join(examples, f), 'utf8'));
    const want = JSON.parse(readFileSync(join(examples, f.replace(/\.json$/, '.expect.json')), 'utf8'));
    const r = registry.validate(schemaOf(f), doc);
    t.notOk(r.ok, `${f} is rejected`);
    if (r.ok) continue;
    t.equal(r.issues.length, 1, `${f} breaks exactly one rule: ${r.issues.map((i) => i.code + ' ' + i.path).join(', ')}`);
    t.match(r.issues[0], { code: want.code, path: want.path, keyword: want.keyword, details: { instancePath: want.instancePath } }, f);
  }
});

t.test('every sidecar belongs to an invalid fixture', async (t) => {
  for (const s of listFiles(examples).filter((f) => f.endsWith('.expect.json'))) {
    t.ok(s.includes('/invalid/') && fixtures.includes(s.replace(/\.expect\.json$/, '.json')), s);
  }
});

t.test('the whole examples folder passes the fixture checker', async (t) => {
  const report = checkFixtures(examples, registry);
  t.ok(report.ok, JSON.stringify(report.results.filter((r) => !r.ok)));
  t.equal(report.results.length, fixtures.length);
});

t.test('the fixture checker catches each kind of dishonest fixture', async (t) => {
  const dir = t.testdir();
  const put = (rel: string, value: unknown) => {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), typeof value === 'string' ? value : JSON.stringify(value));
  };
  const seed = JSON.parse(readFileSync(join(examples, 'commercial/checkout/valid/checkout.request.protocol-commercial.json'), 'utf8'));
  const expect = (o: object) => ({ $schema: 'https://writ.dev/schemas/v1.0.0/release/fixture-expectation.schema.json', ...o });
  put('commercial/checkout/invalid/checkout.request.passes.json', seed);
  put('commercial/checkout/invalid/checkout.request.passes.expect.json', expect({ instancePath: '', keyword: 'required', path: '/x', code: 'ERR_SCHEMA_REQUIRED' }));
  put('commercial/checkout/invalid/checkout.request.two-faults.json', { ...seed, items: [], capture: 'later' });
  put('commercial/checkout/invalid/checkout.request.two-faults.expect.json', expect({ instancePath: '/items', keyword: 'minItems', path: '/items', code: 'ERR_SCHEMA_ITEMS' }));
  put('commercial/checkout/invalid/checkout.request.other-fault.json', { ...seed, capture: 'later' });
  put('commercial/checkout/invalid/checkout.request.other-fault.expect.json', expect({ instancePath: '/items', keyword: 'minItems', path: '/items', code: 'ERR_SCHEMA_ITEMS' }));
  put('commercial/checkout/invalid/checkout.request.no-sidecar.json', { ...seed, items: [] });
  put('commercial/checkout/invalid/checkout.request.bad-sidecar.json', { ...seed, items: [] });
  put('commercial/checkout/invalid/checkout.request.bad-sidecar.expect.json', expect({ keyword: 'minItems' }));
  put('commercial/checkout/invalid/checkout.request.gone.expect.json', expect({ instancePath: '', keyword: 'required', path: '/x', code: 'ERR_SCHEMA_REQUIRED' }));
  put('commercial/checkout/valid/checkout.receipt.named-wrong.json', seed);
  put('commercial/checkout/valid/checkout.request.not-valid.json', { ...seed, items: [] });
  put('commercial/checkout/valid/invoice.request.unknown.json', seed);
  put('commercial/checkout/loose.json', seed);
  put('commercial/checkout/valid/checkout.request.ok.json', seed);
  const byFile = new Map(checkFixtures(dir, registry).results.map((r) => [r.file, r]));
  const expectCode = (file: string, code: string) => t.match(byFile.get(file), { ok: false, issues: [{ code }] }, `${file} -> ${code}`);
  expectCode('commercial/checkout/invalid/checkout.request.passes.json', 'ERR_FIXTURE_UNEXPECTED_PASS');
  expectCode('commercial/checkout/invalid/checkout.request.two-faults.json', 'ERR_FIXTURE_WRONG_REASON');
  expectCode('commercial/checkout/invalid/checkout.request.other-fault.json', 'ERR_FIXTURE_WRONG_REASON');
  expectCode('commercial/checkout/invalid/checkout.request.no-sidecar.json', 'ERR_FIXTURE_EXPECTATION_MISSING');
  expectCode('commercial/checkout/invalid/checkout.request.bad-sidecar.json', 'ERR_FIXTURE_EXPECTATION_INVALID');
  expectCode('commercial/checkout/invalid/checkout.request.gone.expect.json', 'ERR_FIXTURE_ORPHAN_EXPECTATION');
  expectCode('commercial/checkout/valid/checkout.receipt.named-wrong.json', 'ERR_SCHEMA_REQUIRED');
  expectCode('commercial/checkout/valid/checkout.request.not-valid.json', 'ERR_SCHEMA_ITEMS');
  expectCode('commercial/checkout/valid/invoice.request.unknown.json', 'ERR_FIXTURE_UNKNOWN_SCHEMA');
  expectCode('commercial/checkout/loose.json', 'ERR_FIXTURE_MISPLACED');
  t.match(byFile.get('commercial/checkout/valid/checkout.request.ok.json'), { ok: true });
});

t.test('a valid fixture its members do not identify is caught', async (t) => {
  // A manifest without its $schema member validates against release/manifest, but nothing in
  // it says what it is: a reader without the file name could not pick its schema.
  const dir = t.testdir();
  const { $schema: _dropped, ...anonymous } = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));
  mkdirSync(join(dir, 'release/manifest/valid'), { recursive: true });
  writeFileSync(join(dir, 'release/manifest/valid/manifest.anonymous.json'), JSON.stringify(anonymous));
  t.ok(registry.validate('release/manifest', anonymous).ok);
  t.match(checkFixtures(dir, registry).results, [{ file: 'release/manifest/valid/manifest.anonymous.json', ok: false, issues: [{ code: 'ERR_FIXTURE_DETECTED_AS' }] }]);
});
