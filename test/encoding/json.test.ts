import fc from 'fast-check';
import t from 'tap';
import { parseJson } from '../../src/encoding/json.js';

const bytes = (s: string) => new TextEncoder().encode(s);

t.test('reads every RFC 8259 value form', async (t) => {
  const text = ' {"a":[1,2.5,-0.5e3,1E2,0,true,false,null,"x\\u00e9\\n\\t\\"\\\\\\/"],"b":{},"c":[]}\n';
  const r = parseJson(text);
  t.ok(r.ok);
  if (r.ok) t.same(r.value, JSON.parse(text));
});

t.test('agrees with JSON.parse on any JSON without duplicate members', async (t) => {
  fc.assert(
    fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
      const text = JSON.stringify(value, null, pretty ? 2 : undefined);
      const r = parseJson(text);
      return r.ok && Object.is(JSON.stringify(r.value), JSON.stringify(JSON.parse(text)));
    }),
    { numRuns: 2000 },
  );
});

t.test('never throws, whatever the input', async (t) => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.jsonValue().map((v) => JSON.stringify(v).slice(0, -1)), fc.uint8Array()), (input) => {
      const r = parseJson(input);
      return r.ok || r.code.startsWith('ERR_JSON_');
    }),
    { numRuns: 2000 },
  );
});

t.test('duplicate member names are rejected where they occur', async (t) => {
  const cases: [string, string][] = [
    ['{"a":1,"a":2}', '/a'],
    ['{"x":{"b":1,"c":2,"b":3}}', '/x/b'],
    ['[{"ok":1},{"k/~":1,"k/~":2}]', '/1/k~1~0'],
    ['{"a":1,"\\u0061":2}', '/a'],
  ];
  for (const [text, path] of cases) {
    const r = parseJson(text);
    t.notOk(r.ok, text);
    if (!r.ok) t.match(r, { code: 'ERR_JSON_DUPLICATE_KEY', path }, text);
  }
});

t.test('lone surrogates are rejected, pairs are kept', async (t) => {
  for (const text of ['"\\ud800"', '"\\udc00"', '"a\\ud83dx"', '{"\\ud800":1}', '"\ud800"']) {
    const r = parseJson(text);
    t.notOk(r.ok, text);
    if (!r.ok) t.equal(r.code, 'ERR_JSON_LONE_SURROGATE', text);
  }
  const pair = parseJson('"\\ud83d\\ude00"');
  t.same(pair, { ok: true, value: '😀' });
});

t.test('encoding: UTF-8 only, without a byte-order mark', async (t) => {
  t.match(parseJson(new Uint8Array([0xef, 0xbb, 0xbf, 0x31])), { ok: false, code: 'ERR_JSON_ENCODING' });
  t.match(parseJson('\ufeff1'), { ok: false, code: 'ERR_JSON_ENCODING' });
  t.match(parseJson(new Uint8Array([0x22, 0xff, 0x22])), { ok: false, code: 'ERR_JSON_ENCODING' });
  t.same(parseJson(bytes('"é"')), { ok: true, value: 'é' });
});

t.test('syntax errors carry ERR_JSON_SYNTAX and the path of the enclosing value', async (t) => {
  const cases: [string, string][] = [
    ['', ''],
    ['{', ''],
    ['{"a":1,}', ''],
    ['[1,]', '/1'],
    ['{"a" 1}', '/a'],
    ['{"a":01}', ''],
    ['{"a":.5}', '/a'],
    ['{"a":"x\ny"}', '/a'],
    ['{"a":"\\x"}', '/a'],
    ['{"a":"\\u12"}', '/a'],
    ['{"a":tru}', '/a'],
    ['{"a":1} x', ''],
    ['// comment\n{}', ''],
    ["{'a':1}", ''],
    ['NaN', ''],
    ['{"a":"unterminated', '/a'],
  ];
  for (const [text, path] of cases) {
    const r = parseJson(text);
    t.notOk(r.ok, JSON.stringify(text));
    if (!r.ok) t.match(r, { code: 'ERR_JSON_SYNTAX', path }, JSON.stringify(text));
  }
});

t.test('numbers that overflow a double are rejected', async (t) => {
  t.match(parseJson('{"n":1e400}'), { ok: false, code: 'ERR_JSON_NUMBER_RANGE', path: '/n' });
  t.match(parseJson('-1e309'), { ok: false, code: 'ERR_JSON_NUMBER_RANGE' });
  t.same(parseJson('1e308'), { ok: true, value: 1e308 });
});

t.test('depth and size limits', async (t) => {
  t.match(parseJson('[[[1]]]', { maxDepth: 2 }), { ok: false, code: 'ERR_JSON_TOO_DEEP', path: '/0/0' });
  t.ok(parseJson('[[[1]]]', { maxDepth: 3 }).ok);
  const deep = '['.repeat(100_000) + ']'.repeat(100_000);
  t.match(parseJson(deep), { ok: false, code: 'ERR_JSON_TOO_DEEP' }, 'deep nesting is refused, not a stack overflow');
  t.match(parseJson('"abcdef"', { maxBytes: 4 }), { ok: false, code: 'ERR_JSON_TOO_LARGE' });
});

t.test('a member named __proto__ stays an own member and changes no prototype', async (t) => {
  const r = parseJson('{"__proto__":{"polluted":true},"a":1}');
  t.ok(r.ok);
  if (r.ok) {
    const v = r.value as Record<string, unknown>;
    t.ok(Object.prototype.hasOwnProperty.call(v, '__proto__'));
    t.equal(Object.getPrototypeOf(v), Object.prototype);
    t.equal(({} as Record<string, unknown>)['polluted'], undefined);
  }
});

t.test('canonicalNumbers: a number not written in its RFC 8785 form is refused, and only when asked', async (t) => {
  for (const text of ['[1.0]', '[2.5e2]', '[1E2]', '[0.10]', '[0.0000001]', '[100e-2]']) {
    t.match(parseJson(text, { canonicalNumbers: true }), { ok: false, code: 'ERR_JSON_NUMBER_FORM', path: '/0' }, text);
    t.equal(parseJson(text).ok, true, `${text} is ordinary JSON without the option`);
  }
  for (const text of ['[1]', '[250]', '[1e+21]', '[1e-7]', '[0.5]', '[-3]', '[5e-324]']) {
    t.equal(parseJson(text, { canonicalNumbers: true }).ok, true, text);
  }
});
