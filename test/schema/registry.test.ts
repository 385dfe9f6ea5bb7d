import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import t from 'tap';
import { SchemaRegistry } from '../../src/schema/registry.js';
import { WritError } from '../../src/issues.js';
import { readJson } from '../helpers.js';

const BASE = 'https://writ.dev/schemas/v9.0.0/';

/** Write a small line v9.0.0 into a scratch folder: manifest, index and the given schemas. */
function scratchLine(dir: string, schemas: Record<string, object | string>, detect: Record<string, object> = {}): string {
  const write = (rel: string, value: unknown) => {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), typeof value === 'string' ? value : JSON.stringify(value));
  };
  write('manifest.json', { name: 'scratch', line: 'v9.0.0', version: '9.0.0', schema_index: 'schemas/v9.0.0/index.json', boundary: ['manifest.json', 'checksums.txt'] });
  const documents = Object.keys(schemas).map((path) => ({ id: `test/${path.replace(/\.schema\.json$/, '')}`, path, detect: detect[path] ?? { present: [`/${path}`] } }));
  write('schemas/v9.0.0/index.json', { line: 'v9.0.0', base: BASE, error_codes: 'error-codes.json', documents, definitions: [] });
  for (const [path, schema] of Object.entries(schemas)) {
    write(`schemas/v9.0.0/${path}`, typeof schema === 'string' ? schema : { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: BASE + path, title: path, ...schema });
  }
  return dir;
}

t.test('opens the line manifest.json declares, and finds schemas by id, $id or path', async (t) => {
  const r = SchemaRegistry.open();
  t.equal(r.index.line, (readJson('manifest.json') as { line: string }).line);
  const byId = r.find('commercial/checkout.request');
  t.ok(byId);
  t.equal(r.find(byId?.uri ?? ''), byId);
  t.equal(r.find('commercial/checkout/checkout.request.schema.json'), byId);
  t.equal(r.find(`schemas/${r.index.line}/commercial/checkout/checkout.request.schema.json`), byId);
  t.equal(r.find('commercial/nope'), undefined);
});

t.test('compiles nothing when opened, and each schema once, when first used', async (t) => {
  const r = SchemaRegistry.open();
  t.same(r.compiledIds(), []);
  const doc = readJson('examples/v1.0.0/commercial/checkout/valid/checkout.request.protocol-commercial.json');
  t.ok(r.validate('commercial/checkout.request', doc).ok);
  t.ok(r.validate('commercial/checkout.request', doc).ok);
  t.same(r.compiledIds(), ['commercial/checkout.request']);
});

t.test('a schema the caller does not use is never read', async (t) => {
  const dir = scratchLine(t.testdir(), { 'good.schema.json': { type: 'object' }, 'broken.schema.json': '{ not json' });
  const r = SchemaRegistry.open({ root: dir });
  t.ok(r.validate('test/good', {}).ok);
  const broken = r.validate('test/broken', {});
  t.match(broken, { ok: false, issues: [{ code: 'ERR_SCHEMA_INDEX_INVALID' }] }, 'a damaged schema file is an issue, not an exception');
});

t.test('a $ref outside the index is refused without any network request', async (t) => {
  let requests = 0;
  const server = createServer((_req, res) => {
    requests++;
    res.end('{"type":"object"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => server.close());
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/remote.schema.json`;
  const dir = scratchLine(t.testdir(), { 'doc.schema.json': { type: 'object', properties: { x: { $ref: url } } } });
  const r = SchemaRegistry.open({ root: dir });
  const result = r.validate('test/doc', { x: 1 });
  t.match(result, { ok: false, issues: [{ code: 'ERR_SCHEMA_UNRESOLVED_REF' }] });
  t.equal(requests, 0, 'the server was never asked');
});

t.test('strict mode: an unknown keyword makes a schema unusable, with a code', async (t) => {
  const dir = scratchLine(t.testdir(), { 'doc.schema.json': { type: 'object', colour: 'blue' } });
  t.match(SchemaRegistry.open({ root: dir }).validate('test/doc', {}), { ok: false, issues: [{ code: 'ERR_SCHEMA_INVALID' }] });
});

t.test('unknown ids and definition-only schemas are ERR_SCHEMA_UNKNOWN', async (t) => {
  const r = SchemaRegistry.open();
  t.match(r.validate('commercial/nope', {}), { ok: false, issues: [{ code: 'ERR_SCHEMA_UNKNOWN' }] });
  t.match(r.validate('common/defs', {}), { ok: false, issues: [{ code: 'ERR_SCHEMA_UNKNOWN' }] });
});

t.test('a missing or malformed index is a WritError with a code', async (t) => {
  t.throws(() => SchemaRegistry.open({ root: t.testdir() }), { code: 'ERR_SCHEMA_INDEX_INVALID' });
  const dir = scratchLine(t.testdir(), { 'doc.schema.json': { type: 'object' } });
  writeFileSync(join(dir, 'schemas/v9.0.0/index.json'), '{"line":"v9.0.0","line":"v9.0.0"}');
  t.throws(() => SchemaRegistry.open({ root: dir }), WritError);
  const dup = scratchLine(t.testdir(), { 'a.schema.json': { type: 'object' } });
  const index = JSON.parse(readFileSync(join(dup, 'schemas/v9.0.0/index.json'), 'utf8'));
  index.documents.push(index.documents[0]);
  writeFileSync(join(dup, 'schemas/v9.0.0/index.json'), JSON.stringify(index));
  t.throws(() => SchemaRegistry.open({ root: dup }), { code: 'ERR_SCHEMA_INDEX_INVALID' }, 'an id listed twice');
});

t.test('detection: exactly one rule must match', async (t) => {
  const r = SchemaRegistry.open();
  const seed = readJson('examples/v1.0.0/commercial/checkout/valid/checkout.request.protocol-commercial.json') as Record<string, unknown>;
  t.match(r.detect(seed), { ok: true, schema: { id: 'commercial/checkout.request' } });
  t.match(r.detect({ ...seed, receipt_id: 'r-1' }), { ok: true, schema: { id: 'commercial/checkout.receipt' } });
  t.match(r.detect({ hello: 'world' }), { ok: false, code: 'ERR_SCHEMA_UNDETECTED' });
  t.match(r.detect('text'), { ok: false, code: 'ERR_SCHEMA_UNDETECTED' });
  const dir = scratchLine(t.testdir(), { 'a.schema.json': { type: 'object' }, 'b.schema.json': { type: 'object' } }, { 'a.schema.json': { present: ['/x'] }, 'b.schema.json': { present: ['/x'] } });
  t.match(SchemaRegistry.open({ root: dir }).detect({ x: 1 }), { ok: false, code: 'ERR_SCHEMA_AMBIGUOUS', details: { candidates: ['test/a', 'test/b'] } });
});

t.test('first-error mode reports one issue; report mode reports all', async (t) => {
  const r = SchemaRegistry.open();
  const all = r.validate('commercial/checkout.request', {});
  t.ok(!all.ok && all.issues.length > 5);
  const first = r.validate('commercial/checkout.request', {}, { allErrors: false });
  t.ok(!first.ok && first.issues.length === 1);
  t.match(first, { ok: false, issues: [{ code: 'ERR_SCHEMA_REQUIRED' }] });
});

t.test('issues carry the member path for required and additional members, and Ajv locations in details', async (t) => {
  const r = SchemaRegistry.open();
  const doc = readJson('examples/v1.0.0/commercial/checkout/valid/checkout.request.protocol-commercial.json') as Record<string, unknown>;
  const { payment_session: _dropped, ...noSession } = doc;
  t.match(r.validate('commercial/checkout.request', { ...noSession, payment_sesion: {} }), {
    ok: false,
    issues: [
      { code: 'ERR_SCHEMA_REQUIRED', path: '/payment_session', keyword: 'required', details: { instancePath: '' } },
      { code: 'ERR_SCHEMA_ADDITIONAL_PROPERTY', path: '/payment_sesion', keyword: 'additionalProperties', details: { instancePath: '' } },
    ],
  });
});

t.test('a failed alternative is one issue, not one per branch', async (t) => {
  const r = SchemaRegistry.open();
  const index = readJson('schemas/v1.0.0/index.json') as { documents: { detect: { equals?: Record<string, unknown> } }[] };
  (index.documents[0] as { detect: { equals: Record<string, unknown> } }).detect.equals['/verb'] = { not: 'a scalar' };
  const result = r.validate('release/schema-index', index);
  t.match(result, { ok: false, issues: [{ code: 'ERR_SCHEMA_NO_MATCH', path: '/documents/0/detect/equals/~1verb', keyword: 'anyOf' }] });
  t.equal(result.ok ? 0 : result.issues.length, 1);
});

