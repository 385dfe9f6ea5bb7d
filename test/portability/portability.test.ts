/**
 * Portability (issue: vendoring into other runtimes): every fixture, against its schema as
 * files and against its bundled single-file schema, gets the same verdict from Ajv (what writ
 * uses), from @hyperjump/json-schema, and from Python's jsonschema (Debian's
 * python3-jsonschema, optional outside CI: test/tools.ts), and that verdict is the one the fixture's folder and sidecar state.
 * A fixture that breaks only a document rule (keyword rule:...) is valid as far as JSON Schema
 * goes, and all three must say so.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { removeUriSchemePlugin } from '@hyperjump/browser';
import { registerSchema, setShouldValidateFormat, unregisterSchema, validate as hyperjumpValidate } from '@hyperjump/json-schema/draft-2020-12';
import '@hyperjump/json-schema/formats';
import t from 'tap';
import { bundleSchema } from '../../src/schema/bundle.js';
import { fixtureSchema } from '../../src/schema/fixtures.js';
import { isDateTime, isUri } from '../../src/schema/formats.js';
import { SchemaRegistry } from '../../src/schema/registry.js';
import { ROOT, listFiles } from '../helpers.js';
import { PYTHON_JSONSCHEMA, needs, present } from '../tools.js';

const PYTHON = PYTHON_JSONSCHEMA.command;
const registry = SchemaRegistry.open();
const examples = join(ROOT, 'examples', registry.index.line);

interface Case {
  readonly id: string;
  readonly schema: string;
  readonly uri: string;
  readonly text: string;
  readonly expectValid: boolean;
}

const cases: Case[] = listFiles(examples)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.expect.json') && !f.startsWith('transactions/'))
  .map((f) => {
    const schema = fixtureSchema(registry, f) as string;
    let expectValid = f.includes('/valid/');
    if (!expectValid) {
      const expect = JSON.parse(readFileSync(join(examples, f.replace(/\.json$/, '.expect.json')), 'utf8'));
      expectValid = String(expect.keyword).startsWith('rule:');
    }
    return { id: f, schema, uri: registry.find(schema)?.uri as string, text: readFileSync(join(examples, f), 'utf8'), expectValid };
  });
const allSchemas = registry.index.entries.map((e) => registry.schemaJson(e));
const bundles = new Map(registry.documents().map((d) => {
  const b = bundleSchema(registry, d.id);
  if (!b.ok) throw new Error(b.message);
  return [d.uri, b.schema];
}));

/** Ajv as writ configures it (schema only: document rules are writ's, not JSON Schema's). */
function ajvFor(schemas: readonly object[]): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, strictRequired: false, strictTuples: false, allowUnionTypes: true, validateSchema: false });
  ajv.addFormat('date-time', { type: 'string', validate: isDateTime }).addFormat('uri', { type: 'string', validate: isUri });
  for (const s of schemas) ajv.addSchema(s);
  return ajv;
}

for (const scheme of ['http', 'https', 'file']) removeUriSchemePlugin(scheme);
setShouldValidateFormat(true);

function python(sets: Record<string, readonly object[]>, list: readonly { id: string; set: string; schema: string; instance: string }[]) {
  const r = spawnSync(PYTHON, [join(ROOT, 'test/portability/jsonschema_check.py')], { input: JSON.stringify({ sets, cases: list }), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`python failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { version: string; results: Record<string, { valid: boolean }> };
}

t.test("Python's jsonschema 4.x is the third validator (Debian's python3-jsonschema, installed by .ci/run)", needs(PYTHON_JSONSCHEMA), async (t) => {
  if (!present(t, PYTHON_JSONSCHEMA)) return;
  const r = spawnSync(PYTHON, ['-c', 'from importlib import metadata; print(metadata.version("jsonschema"))'], { encoding: 'utf8' });
  t.equal(r.status, 0, r.stderr);
  t.match(r.stdout, /^4\.\d+/);
});

t.test('every fixture: Ajv, hyperjump and Python agree, on the verdict its folder states', needs(PYTHON_JSONSCHEMA), async (t) => {
  if (!present(t, PYTHON_JSONSCHEMA)) return;
  t.ok(cases.length > 200, `${cases.length} fixtures`);
  const ajv = ajvFor(allSchemas);
  for (const s of allSchemas) registerSchema(s as Parameters<typeof registerSchema>[0]);
  const py = python({ line: allSchemas }, cases.map((c) => ({ id: c.id, set: 'line', schema: c.uri, instance: c.text })));
  const hyper = new Map<string, Awaited<ReturnType<typeof hyperjumpValidate>>>();
  for (const c of cases) {
    const doc = JSON.parse(c.text);
    const a = (ajv.getSchema(c.uri) as (d: unknown) => boolean)(doc);
    if (!hyper.has(c.uri)) hyper.set(c.uri, await hyperjumpValidate(c.uri));
    const h = (hyper.get(c.uri) as (d: unknown) => { valid: boolean })(doc).valid;
    const p = py.results[c.id]?.valid;
    t.same({ ajv: a, hyperjump: h, python: p }, { ajv: c.expectValid, hyperjump: c.expectValid, python: c.expectValid }, c.id);
  }
  for (const s of allSchemas) unregisterSchema((s as { $id: string }).$id);
});

t.test('every fixture against its bundled single-file schema: the three still agree', needs(PYTHON_JSONSCHEMA), async (t) => {
  if (!present(t, PYTHON_JSONSCHEMA)) return;
  const sets = Object.fromEntries([...bundles].map(([uri, b]) => [uri, [b]]));
  const py = python(sets, cases.map((c) => ({ id: c.id, set: c.uri, schema: c.uri, instance: c.text })));
  for (const [uri, bundle] of bundles) {
    const mine = cases.filter((c) => c.uri === uri);
    const ajv = ajvFor([bundle]);
    registerSchema(bundle as Parameters<typeof registerSchema>[0]);
    const hyper = await hyperjumpValidate(uri);
    for (const c of mine) {
      const doc = JSON.parse(c.text);
      const verdicts = { ajv: (ajv.getSchema(uri) as (d: unknown) => boolean)(doc), hyperjump: hyper(doc).valid, python: py.results[c.id]?.valid };
      t.same(verdicts, { ajv: c.expectValid, hyperjump: c.expectValid, python: c.expectValid }, `${c.id} (bundled)`);
    }
    unregisterSchema(uri);
  }
});

t.test('a bundle refers to nothing outside itself', async (t) => {
  for (const [uri, bundle] of bundles) {
    const resources = new Set([uri, ...Object.keys((bundle as { $defs: Record<string, unknown> }).$defs).filter((k) => k.startsWith('https://'))]);
    const outside: string[] = [];
    // Each $ref resolves against the $id of the resource it sits in.
    const walk = (node: unknown, base: string): void => {
      if (Array.isArray(node)) return node.forEach((n) => walk(n, base));
      if (node === null || typeof node !== 'object') return;
      const o = node as Record<string, unknown>;
      const here = typeof o['$id'] === 'string' ? (o['$id'] as string) : base;
      if (typeof o['$ref'] === 'string' && !resources.has(new URL(o['$ref'] as string, here).href.replace(/#.*$/, ''))) outside.push(o['$ref'] as string);
      for (const [k, v] of Object.entries(o)) if (k !== 'const' && k !== 'enum') walk(v, here);
    };
    walk(bundle, uri);
    t.same(outside, [], `${uri} refers only to its own resources`);
  }
});
