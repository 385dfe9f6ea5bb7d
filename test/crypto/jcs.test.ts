/**
 * RFC 8785 canonical form: the cyberphone test data, the first 10,000 lines of the ES6 number
 * file, chio's canonical vectors, and the laws (idempotent, order-independent).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import t from 'tap';
import { canonicalJson, signedContentIssue } from '../../src/crypto/jcs.js';
import { VECTORS } from '../helpers.js';

const JCS = join(VECTORS, 'jcs');

t.test('cyberphone test data: input -> output, byte for byte', async (t) => {
  const files = readdirSync(join(JCS, 'input'));
  t.ok(files.length >= 6);
  for (const f of files) {
    const r = canonicalJson(JSON.parse(readFileSync(join(JCS, 'input', f), 'utf8')));
    t.same(r, { ok: true, text: readFileSync(join(JCS, 'output', f), 'utf8') }, f);
  }
});

t.test('ES6 number serialisation: 10,000 IEEE-754 bit patterns', async (t) => {
  const lines = readFileSync(join(JCS, 'es6numbers-10000.txt'), 'utf8').trim().split('\n');
  t.equal(lines.length, 10000);
  const view = new DataView(new ArrayBuffer(8));
  let wrong = 0;
  for (const line of lines) {
    const [hex, expected] = line.split(',') as [string, string];
    view.setBigUint64(0, BigInt(`0x${hex}`));
    const n = view.getFloat64(0);
    const r = canonicalJson(n);
    if (!(r.ok && r.text === expected)) wrong++;
  }
  t.equal(wrong, 0, 'every number prints as the file says');
});

t.test("chio's canonical vectors", async (t) => {
  const v = JSON.parse(readFileSync(join(VECTORS, 'chio/canonical.v1.json'), 'utf8')) as { cases: { id: string; input_json: string; canonical_json: string }[] };
  for (const c of v.cases) t.same(canonicalJson(JSON.parse(c.input_json)), { ok: true, text: c.canonical_json }, c.id);
});

t.test('idempotent and independent of member order', async (t) => {
  fc.assert(
    fc.property(fc.jsonValue(), (v) => {
      const once = canonicalJson(v);
      if (!once.ok) return false;
      const twice = canonicalJson(JSON.parse(once.text));
      return twice.ok && twice.text === once.text;
    }),
    { numRuns: 1000 },
  );
  fc.assert(
    fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (o) => {
      const reversed = Object.fromEntries(Object.entries(o).reverse());
      const a = canonicalJson(o);
      const b = canonicalJson(reversed);
      return a.ok && b.ok && a.text === b.text;
    }),
    { numRuns: 500 },
  );
});

t.test('only plain JSON reaches the canonicaliser', async (t) => {
  for (const bad of [undefined, () => 1, Symbol('x'), 1n, NaN, Infinity, new Date(0), new Map(), { a: undefined }, [1, undefined], { toJSON: () => 1, nested: { v: new Set() } }]) {
    const r = canonicalJson(bad);
    t.notOk(r.ok, String(typeof bad));
  }
  t.match(canonicalJson({ a: [1, { b: NaN }] }), { ok: false, path: '/a/1/b' });
});

t.test('signed content: no -0, no integer beyond 2^53 - 1', async (t) => {
  t.match(signedContentIssue({ a: [0, -0] }), { code: 'ERR_JSON_NEGATIVE_ZERO', path: '/a/1' });
  t.match(signedContentIssue({ units: 2 ** 53 }), { code: 'ERR_JSON_UNSAFE_INTEGER', path: '/units' });
  t.match(signedContentIssue({ written: 1e30 }), { code: 'ERR_JSON_UNSAFE_INTEGER' }, 'an integral value beyond 2^53 however written');
  t.equal(signedContentIssue({ units: 2 ** 53 - 1, f: 0.5 }), undefined);
});
