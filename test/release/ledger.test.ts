import fc from 'fast-check';
import t from 'tap';
import { compareBytewise, formatLedger, parseLedger, sha256Hex } from '../../src/release/ledger.js';
import { unsafeBundlePath } from '../../src/encoding/file-path.js';

const H = (c: string) => c.repeat(64);

t.test('sha256Hex is lowercase hex of SHA-256 (FIPS 180-4 test vector "abc")', async (t) => {
  t.equal(sha256Hex(new TextEncoder().encode('abc')), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});

t.test('format sorts bytewise by UTF-8 path and ends every line with LF', async (t) => {
  const text = formatLedger([
    { sha256: H('b'), path: 'schemas/x.json' },
    { sha256: H('a'), path: 'README.md' },
    { sha256: H('c'), path: 'LICENSE' },
    { sha256: H('d'), path: 'examples/\u00e9.json' },
    { sha256: H('e'), path: 'examples/z.json' },
  ]);
  t.equal(text, `${H('c')}  LICENSE\n${H('a')}  README.md\n${H('e')}  examples/z.json\n${H('d')}  examples/\u00e9.json\n${H('b')}  schemas/x.json\n`);
});

t.test('bytewise order is the order of UTF-8 bytes, not of UTF-16 code units', async (t) => {
  // U+FF61 is one UTF-16 unit 0xFF61; U+1F600 is the pair 0xD83D 0xDE00, so UTF-16 order puts
  // the emoji first. In UTF-8, EF BD A1 comes before F0 9F 98 80.
  t.ok(compareBytewise('\uff61', '\u{1f600}') < 0);
  t.ok('\uff61' > '\u{1f600}', 'JavaScript string order differs here');
});

t.test('parse reads back what format writes', async (t) => {
  // Paths a release may hold (SPEC.md 2): names Windows would read as another file are left out.
  const safe = fc.stringMatching(/^[a-z][a-z0-9._-]{0,8}(\/[a-z][a-z0-9._-]{0,8}){0,3}$/).filter((p) => unsafeBundlePath(p) === undefined);
  fc.assert(
    fc.property(fc.uniqueArray(safe, { minLength: 1, maxLength: 20 }), (paths) => {
      const entries = paths.map((path, i) => ({ path, sha256: sha256Hex(new Uint8Array([i])) }));
      const parsed = parseLedger(formatLedger(entries));
      return parsed.issues.length === 0 && parsed.entries.length === entries.length;
    }),
  );
});

t.test('malformed lines are each reported with their line number, and good lines kept', async (t) => {
  const cases: string[] = [
    `${H('a')} README.md\n`,
    `${H('A')}  README.md\n`,
    `${H('a').slice(1)}  README.md\n`,
    `${H('a')} *README.md\n`,
    `${H('a')}  README.md\r\n`,
    `${H('a')}  /etc/passwd\n`,
    `${H('a')}  ../outside\n`,
    `${H('a')}  a//b\n`,
    `${H('a')}  a\\b\n`,
    // Names Windows reads as another file, or as a device (SPEC.md 2): the bundle rule, shared.
    `${H('a')}  schemas/receipt.\n`,
    `${H('a')}  logs/NUL.json\n`,
    `${H('a')}  C:evil\n`,
    `\n`,
  ];
  for (const bad of cases) {
    const r = parseLedger(`${H('0')}  LICENSE\n${bad}${H('1')}  z.json\n`);
    t.match(r.issues, [{ code: 'ERR_INTEGRITY_LEDGER_MALFORMED', path: 'checksums.txt', details: { line: 2 } }], JSON.stringify(bad));
    t.same(r.entries.map((e) => e.path), ['LICENSE', 'z.json']);
  }
  t.match(parseLedger(`${H('0')}  LICENSE`).issues, [{ code: 'ERR_INTEGRITY_LEDGER_MALFORMED' }], 'no final LF');
});

t.test('lines out of order and repeated paths are reported', async (t) => {
  t.match(parseLedger(`${H('0')}  b\n${H('1')}  a\n`).issues, [{ code: 'ERR_INTEGRITY_LEDGER_UNSORTED', details: { line: 2 } }]);
  const dup = parseLedger(`${H('0')}  a\n${H('1')}  a\n`);
  t.match(dup.issues, [{ code: 'ERR_INTEGRITY_LEDGER_UNSORTED', details: { line: 2 } }]);
  t.equal(dup.entries.length, 1, 'the second entry of a repeated path is not used');
});
