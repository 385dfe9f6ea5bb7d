/**
 * readSnapshot builds the snapshot as it reads (SPEC.md 3): its answer must be exactly the
 * answer of parseJson followed by snapshotJson, on every input, good or bad, whatever the limits.
 */
import fc from 'fast-check';
import t, { type Test } from 'tap';
import { parseJson, type ParseJsonOptions } from '../../src/encoding/json.js';
import { isSnapshot, readSnapshot, snapshotJson } from '../../src/encoding/snapshot.js';

/** The answer of the two steps the snapshot reader stands for. */
function twoSteps(input: string | Uint8Array, options: ParseJsonOptions) {
  const parsed = parseJson(input, options);
  return parsed.ok ? snapshotJson(parsed.value) : parsed;
}

/** Every container of a value is a snapshot, and no object has a prototype. */
function allSnapshots(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (!isSnapshot(value) || !Object.isFrozen(value)) return false;
  if (!Array.isArray(value) && Object.getPrototypeOf(value) !== null) return false;
  return Object.values(value).every(allSnapshots);
}

function same(t: Test, input: string | Uint8Array, options: ParseJsonOptions = {}, note = ''): boolean {
  const a = readSnapshot(input, options);
  const b = twoSteps(input, options);
  if (!a.ok || !b.ok) {
    const ok = !a.ok && !b.ok && a.code === b.code && a.path === b.path && a.message === b.message;
    if (!ok) t.same(a, b, note);
    return ok;
  }
  if (JSON.stringify(a.value) !== JSON.stringify(b.value)) return t.fail(`${note}: another value`) && false;
  if (!allSnapshots(a.value)) return t.fail(`${note}: not a snapshot all through`) && false;
  return true;
}

t.test('the same answer as parseJson then snapshotJson, on JSON texts and near-misses', async (t) => {
  fc.assert(
    fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => same(t, JSON.stringify(value, null, pretty ? 2 : undefined))),
    { numRuns: 400, seed: 3 },
  );
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.jsonValue().map((v) => JSON.stringify(v).slice(0, -1)), fc.jsonValue().map((v) => `[${JSON.stringify(v)},${JSON.stringify(v)}`), fc.uint8Array()), (input) => same(t, input)),
    { numRuns: 400, seed: 4 },
  );
});

t.test('errors keep their paths: the reader names the value at fault without building paths it does not need', async (t) => {
  const cases: [string, string, string][] = [
    ['{"a":{"b/c":[1,{"~d":tru}]}}', 'ERR_JSON_SYNTAX', '/a/b~1c/1/~0d'],
    ['{"a":{"b/c":[1,{"~d":01}]}}', 'ERR_JSON_SYNTAX', '/a/b~1c/1'],
    ['{"a":1,"a":2}', 'ERR_JSON_DUPLICATE_KEY', '/a'],
    ['{"x":[true,"\\ud800"]}', 'ERR_JSON_LONE_SURROGATE', '/x/1'],
    ['{"x":[1e400]}', 'ERR_JSON_NUMBER_RANGE', '/x/0'],
    ['{"x" 1}', 'ERR_JSON_SYNTAX', '/x'],
    ['{"x":1 "y":2}', 'ERR_JSON_SYNTAX', ''],
    ['[[[', 'ERR_JSON_SYNTAX', '/0/0'],
  ];
  for (const [text, code, path] of cases) {
    const r = readSnapshot(text);
    t.match(r, { ok: false, code, path }, text);
    t.ok(same(t, text), `${text}: as the two steps`);
  }
});

t.test('past the snapshot limits, refused as the snapshot refuses, with the reader set wider', async (t) => {
  const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
  for (const n of [63, 64, 65, 80]) {
    t.ok(same(t, deep(n), { maxDepth: 100 }), `nesting ${n}, reader limit 100`);
    t.ok(same(t, deep(n)), `nesting ${n}, default limit`);
  }
  t.match(readSnapshot(deep(65), { maxDepth: 100 }), { ok: false, code: 'ERR_JSON_TOO_DEEP' });
  t.match(readSnapshot(deep(64), { maxDepth: 100 }), { ok: true });
  // A value whose measure passes the snapshot's 16 MiB: 1e21 reads back as "1e+21", longer than its text.
  const count = Math.ceil((16 * 1024 * 1024) / 6);
  const wide = `[${Array.from({ length: count }, () => '1e21').join(',')}]`;
  t.ok(wide.length <= 16 * 1024 * 1024, 'the text is within the reader limit');
  t.ok(same(t, wide, { maxBytes: 32 * 1024 * 1024 }), 'a value measured past the limit');
  t.match(readSnapshot(wide, { maxBytes: 32 * 1024 * 1024 }), { ok: false, code: 'ERR_JSON_TOO_LARGE' });
});

t.test('a scalar is returned as it is; "__proto__" stays a member', async (t) => {
  t.same(readSnapshot('"x"'), { ok: true, value: 'x' });
  const r = readSnapshot('{"__proto__":{"a":1}}');
  t.ok(r.ok && Object.hasOwn(r.value as object, '__proto__') && Object.getPrototypeOf(r.value) === null);
  t.ok(same(t, '{"__proto__":{"a":1}}'));
});
