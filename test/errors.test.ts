/**
 * The error-code registry (SPEC.md section 11): well-formed, each code in a declared area, and
 * every code the source can produce is registered (the generated union enforces that at
 * compile time; this checks the registry side).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { ERROR_AREAS, ERROR_CODES } from '../src/generated/error-codes.js';
import { ROOT, listFiles, readJson } from './helpers.js';

const registry = readJson('schemas/v1.0.0/error-codes.json') as { areas: { area: string }[]; codes: { code: string; area: string; description: string }[] };

t.test('codes are unique, well-formed and belong to a declared area', async (t) => {
  const areas = new Set(registry.areas.map((a) => a.area));
  t.equal(areas.size, registry.areas.length, 'areas unique');
  const seen = new Set<string>();
  for (const c of registry.codes) {
    t.notOk(seen.has(c.code), `${c.code} listed once`);
    seen.add(c.code);
    t.match(c.code, /^ERR_[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/);
    t.ok(areas.has(c.area), `${c.code} area ${c.area} is declared`);
    t.ok(c.code.startsWith(`ERR_${c.area}_`), `${c.code} starts with ERR_${c.area}_`);
    t.ok(c.description.length > 20, `${c.code} has a description`);
  }
});

t.test('the generated union is the registry, in order', async (t) => {
  t.same([...ERROR_CODES], registry.codes.map((c) => c.code));
  t.same([...ERROR_AREAS], registry.areas.map((a) => a.area));
});

t.test('every code the source names is registered, and every registered code is used', async (t) => {
  const sources = listFiles(join(ROOT, 'src')).filter((f) => f.endsWith('.ts') && !f.startsWith('generated/'));
  const used = new Set<string>();
  // Node's own codes (ERR_PARSE_ARGS_...) are matched on, never produced: count writ's areas only.
  const areas = registry.areas.map((a) => a.area).join('|');
  const writCode = new RegExp(`'(ERR_(?:${areas})_[A-Z0-9_]+)'`, 'g');
  for (const f of sources) for (const m of readFileSync(join(ROOT, 'src', f), 'utf8').matchAll(writCode)) used.add(m[1] as string);
  const registered = new Set(registry.codes.map((c) => c.code));
  t.same([...used].filter((c) => !registered.has(c)), [], 'used but not registered');
  t.same(
    [...registered].filter((c) => !used.has(c)),
    [],
    'registered but never produced by the source: a code nobody can receive is a promise the code does not keep',
  );
});
