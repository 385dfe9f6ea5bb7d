/**
 * `writ canonicalize` and `writ hash` (src/cli/canonical.ts): RFC 8785's own examples give their
 * published output byte for byte, the hash is the SHA-256 of those bytes, and a text writ's JSON
 * intake refuses is refused here with its code and exit status 1. They read as the jcs and hash
 * conformance profiles do (SPEC.md 13.2).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { ROOT, runCli } from '../helpers.js';

const JCS = join(ROOT, 'test/vectors/jcs');

t.test('writ canonicalize prints RFC 8785\'s published output for each of its examples, and hash its SHA-256', async (t) => {
  const names = readdirSync(join(JCS, 'input'));
  t.ok(names.length >= 6);
  for (const name of names) {
    const expected = readFileSync(join(JCS, 'output', name), 'utf8');
    const r = await runCli(['canonicalize', join('test/vectors/jcs/input', name)]);
    t.equal(r.code, 0, name);
    t.equal(r.out, expected, `${name}: the canonical form, no newline after it`);
    const h = await runCli(['hash', join('test/vectors/jcs/input', name)]);
    t.equal(h.out, `sha256:${createHash('sha256').update(expected, 'utf8').digest('hex')}  test/vectors/jcs/input/${name}\n`, `${name}: its hash`);
  }
});

t.test('standard input, several files, and JSON output', async (t) => {
  const r = await runCli(['hash', '-', 'test/vectors/jcs/input/arrays.json', '--json'], { stdin: '{"b":2,"a":1}' });
  t.equal(r.code, 0);
  const out = JSON.parse(r.out) as { file: string; ok: boolean; hash: string }[];
  t.same(out.map((x) => x.file), ['-', 'test/vectors/jcs/input/arrays.json']);
  t.equal(out[0]?.hash, `sha256:${createHash('sha256').update('{"a":1,"b":2}').digest('hex')}`);
  const c = await runCli(['canonicalize', '-', '--json'], { stdin: '{"b":2,"a":1}' });
  t.same(JSON.parse(c.out), { ok: true, canonical: '{"a":1,"b":2}' });
  t.equal((await runCli(['canonicalize', '-'], { stdin: '[-0,1E2,0.10]' })).out, '[0,100,0.1]', 'numbers in their ECMAScript form, -0 as 0 (RFC 8785 3.2.2.3), as the jcs profile reads them');
});

t.test('what writ\'s JSON intake refuses is refused, with its code, and exit status 1', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'writ-jcs-'));
  for (const [why, text, code] of [
    ['a duplicate member', '{"a":1,"a":2}', 'ERR_JSON_DUPLICATE_KEY'],
    ['a lone surrogate', '{"a":"\\ud800"}', 'ERR_JSON_LONE_SURROGATE'],
    ['not JSON', '{"a":', 'ERR_JSON_SYNTAX'],
  ] as const) {
    const file = join(dir, 'doc.json');
    writeFileSync(file, text);
    const c = await runCli(['canonicalize', file]);
    t.equal(c.code, 1, why);
    t.match(c.err, new RegExp(code), `${why}: ${code}`);
    t.equal(c.out, '', `${why}: nothing printed on standard output`);
    const h = await runCli(['hash', file, 'test/vectors/jcs/input/arrays.json', '--json']);
    t.equal(h.code, 1, `${why}: hash fails`);
    t.match(JSON.parse(h.out), [{ ok: false, error: { code } }, { ok: true }], `${why}: the other file is still hashed`);
  }
  t.match(await runCli(['hash', join(dir, 'none.json')]), { code: 1, err: /ERR_IO_NOT_FOUND/ });
  t.match(await runCli(['canonicalize']), { code: 2, err: /ERR_USAGE_MISSING_ARGUMENT/ });
  t.match(await runCli(['canonicalize', 'a.json', 'b.json']), { code: 2, err: /name one file/ });
  t.match(await runCli(['hash']), { code: 2, err: /ERR_USAGE_MISSING_ARGUMENT/ });
  t.match(await runCli(['hash', '-', '-']), { code: 2, err: /can be read once/ });
});
