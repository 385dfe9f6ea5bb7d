/**
 * The rules every schema of the line follows (SPEC.md, "The schema line"), checked on the files
 * themselves: meta-schema validity, identity, titles and descriptions, closed objects,
 * conditionals that name members in scope, portable patterns, exact formatting.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import t from 'tap';
import { SchemaRegistry } from '../../src/schema/registry.js';
import { ROOT, listFiles, manifest } from '../helpers.js';

type Node = Record<string, unknown>;
const registry = SchemaRegistry.open();
const line = registry.index.line;
const lineDir = join(ROOT, 'schemas', line);
const entries = registry.index.entries;
const isNode = (v: unknown): v is Node => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Visit every subschema with its JSON Pointer and whether it only constrains: a conditional
 * (if/then/else/not), an allOf member that pins members of a referenced type, or the members of
 * a `$ref` refined in place. Those add rules to a type defined elsewhere and are not types.
 */
function walk(node: unknown, at: string, constraintOnly: boolean, visit: (n: Node, at: string, constraintOnly: boolean) => void): void {
  if (!isNode(node)) return;
  visit(node, at, constraintOnly);
  for (const [k, v] of Object.entries(node)) {
    if (k === 'properties' || k === '$defs' || k === 'patternProperties' || k === 'dependentSchemas') {
      const refined = k === 'properties' && node['$ref'] !== undefined;
      if (isNode(v)) for (const [name, sub] of Object.entries(v)) walk(sub, `${at}/${k}/${name}`, (constraintOnly || refined) && k !== '$defs', visit);
    } else if (k === 'prefixItems') {
      (v as unknown[]).forEach((sub, i) => walk(sub, `${at}/${k}/${i}`, constraintOnly, visit));
    } else if (k === 'allOf' || k === 'anyOf' || k === 'oneOf') {
      (v as unknown[]).forEach((sub, i) => walk(sub, `${at}/${k}/${i}`, constraintOnly || (isNode(sub) && sub['type'] === undefined && sub['$ref'] === undefined), visit));
    } else if (k === 'if' || k === 'then' || k === 'else' || k === 'not') {
      walk(v, `${at}/${k}`, true, visit);
    } else if (k === 'items' || k === 'additionalProperties' || k === 'propertyNames' || k === 'contains' || k === 'unevaluatedProperties') {
      walk(v, `${at}/${k}`, constraintOnly, visit);
    }
  }
}

t.test('every file of the line folder is in the index, and every index entry exists', async (t) => {
  const listed = new Set(entries.map((e) => e.path));
  const files = listFiles(lineDir).filter((f) => f !== 'index.json' && f !== registry.index.errorCodes);
  t.same(files.filter((f) => !listed.has(f)), [], 'files not listed in index.json');
  t.same([...listed].filter((p) => !files.includes(p)), [], 'index entries without a file');
  t.equal(manifest().schema_index, `schemas/${line}/index.json`);
});

t.test('every schema is valid JSON Schema 2020-12 and compiles in strict mode', async (t) => {
  const ajv = new Ajv2020({ strict: true, strictRequired: false, strictTuples: false, allowUnionTypes: true, validateSchema: true });
  ajv.addFormat('date-time', true).addFormat('uri', true);
  for (const e of entries) {
    const schema = registry.schemaJson(e);
    t.ok(ajv.validateSchema(schema), `${e.path} against the meta-schema ${JSON.stringify(ajv.errors)}`);
    t.equal(schema['$schema'], 'https://json-schema.org/draft/2020-12/schema', `${e.path} $schema`);
    t.equal(schema['$id'], registry.index.base + e.path, `${e.path} $id is base + path`);
  }
  for (const d of registry.documents()) {
    const r = registry.validate(d.id, {});
    t.notOk(!r.ok && r.issues.some((i) => i.code === 'ERR_SCHEMA_INVALID' || i.code === 'ERR_SCHEMA_UNRESOLVED_REF'), `${d.id} compiles`);
  }
  t.same(registry.compiledIds(), registry.documents().map((d) => d.id));
});

t.test('titles on every type, descriptions on every property, titles unique in the line', async (t) => {
  const titles = new Map<string, string>();
  for (const e of entries) {
    const schema = registry.schemaJson(e);
    const types: [string, unknown][] = [['', schema], ...Object.entries((schema['$defs'] as Node | undefined) ?? {}).map(([k, v]): [string, unknown] => [`/$defs/${k}`, v])];
    for (const [at, node] of types) {
      const title = isNode(node) ? node['title'] : undefined;
      t.type(title, 'string', `${e.path}#${at} has a title`);
      if (typeof title === 'string') {
        t.notOk(titles.has(title), `title ${title} of ${e.path}#${at} is unique (also ${titles.get(title)})`);
        titles.set(title, `${e.path}#${at}`);
      }
    }
    walk(schema, '', false, (n, at, constraintOnly) => {
      // Members named by a rule or a refinement are described where their type is defined.
      if (!isNode(n['properties']) || constraintOnly || n['$ref'] !== undefined) return;
      for (const [name, p] of Object.entries(n['properties'] as Node)) {
        t.ok(isNode(p) && typeof p['description'] === 'string', `${e.path}#${at}/properties/${name} has a description`);
      }
    });
  }
});

t.test('objects are closed, except where they only constrain', async (t) => {
  let checked = 0;
  for (const e of entries) {
    walk(registry.schemaJson(e), '', false, (n, at, constraintOnly) => {
      if (constraintOnly || !isNode(n['properties']) || n['$ref'] !== undefined) return;
      checked++;
      t.ok(n['additionalProperties'] === false || n['unevaluatedProperties'] === false, `${e.path}#${at} is closed`);
    });
  }
  t.ok(checked >= 36, `checked ${checked} object schemas`);
});

t.test('conditional rules name only members their object defines', async (t) => {
  for (const e of entries) {
    walk(registry.schemaJson(e), '', false, (n, at, constraintOnly) => {
      if (constraintOnly || !isNode(n['properties'])) return;
      const defined = new Set(Object.keys(n['properties'] as Node));
      const names: [string, string][] = [];
      const collect = (c: unknown, where: string): void => {
        if (!isNode(c)) return;
        for (const r of (c['required'] as string[] | undefined) ?? []) names.push([r, where]);
        for (const k of Object.keys((c['properties'] as Node | undefined) ?? {})) names.push([k, where]);
        for (const k of ['if', 'then', 'else', 'not']) collect(c[k], `${where}/${k}`);
      };
      ((n['allOf'] as unknown[] | undefined) ?? []).forEach((rule, i) => {
        if (isNode(rule) && 'if' in rule) collect(rule, `${at}/allOf/${i}`);
      });
      for (const [k, deps] of Object.entries((n['dependentRequired'] as Record<string, string[]> | undefined) ?? {})) {
        for (const d of [k, ...deps]) names.push([d, `${at}/dependentRequired`]);
      }
      for (const [name, where] of names) t.ok(defined.has(name), `${e.path}#${where} names "${name}", a member of the object`);
    });
  }
});

t.test('patterns are portable (no lookaround, backreferences or Unicode-dependent classes)', async (t) => {
  let count = 0;
  for (const e of entries) {
    walk(registry.schemaJson(e), '', false, (n, at) => {
      const p = n['pattern'];
      if (typeof p !== 'string') return;
      count++;
      t.doesNotThrow(() => new RegExp(p, 'u'), `${e.path}#${at} compiles as a Unicode regex`);
      t.notMatch(p, /\(\?[=!<]|\\[1-9dDwWsSbB]/, `${e.path}#${at} pattern ${p}`);
    });
  }
  t.ok(count > 10);
});

t.test('numeric bounds stay within the exact range of JSON numbers', async (t) => {
  for (const e of entries) {
    walk(registry.schemaJson(e), '', false, (n, at) => {
      for (const k of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum']) {
        const v = n[k];
        if (typeof v === 'number') t.ok(Number.isSafeInteger(v), `${e.path}#${at}/${k} = ${v}`);
      }
    });
  }
});

t.test('schema and index files are formatted exactly as JSON.stringify(value, null, 2) + LF', async (t) => {
  for (const f of listFiles(lineDir)) {
    const text = readFileSync(join(lineDir, f), 'utf8');
    t.equal(text, `${JSON.stringify(JSON.parse(text), null, 2)}\n`, f);
  }
  const m = readFileSync(join(ROOT, 'manifest.json'), 'utf8');
  t.equal(m, `${JSON.stringify(JSON.parse(m), null, 2)}\n`, 'manifest.json');
});
