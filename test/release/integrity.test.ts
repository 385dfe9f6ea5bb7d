/**
 * `checkIntegrity` on a copy of this repository's boundary, tampered with in every way the
 * specification names (SPEC.md 10.3).
 */
import { appendFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import t, { type Test } from 'tap';
import { SHA256SUM, needs, present } from '../tools.js';
import { checkIntegrity } from '../../src/release/integrity.js';
import { copyBoundary, ROOT } from '../helpers.js';

const INDEX = 'schemas/v1.0.0/index.json';

/** A fresh intact copy of the boundary. */
function copy(t: Test): string {
  const dir = t.testdir();
  copyBoundary(dir);
  return dir;
}

t.test('this repository is intact, and so is a copy of its boundary', async (t) => {
  const own = checkIntegrity(ROOT);
  t.same(own.issues, []);
  t.ok(own.ok);
  const dir = copy(t);
  const r = checkIntegrity(dir);
  t.ok(r.ok, JSON.stringify(r.issues));
  t.equal(r.verified, readFileSync(join(ROOT, 'checksums.txt'), 'utf8').split('\n').length - 1);
});

t.test('`sha256sum -c checksums.txt` accepts the repository', needs(SHA256SUM), async (t) => {
  if (!present(t, SHA256SUM)) return;
  const r = spawnSync(SHA256SUM.command, ['--check', '--strict', '--quiet', 'checksums.txt'], { cwd: ROOT, encoding: 'utf8' });
  t.equal(r.status, 0, r.stdout + r.stderr);
});

t.test('one byte changed: ALTERED, naming the file', async (t) => {
  const dir = copy(t);
  const file = join(dir, INDEX);
  const bytes = readFileSync(file);
  bytes[10] = (bytes[10] as number) ^ 0x01;
  writeFileSync(file, bytes);
  const r = checkIntegrity(dir);
  t.notOk(r.ok);
  t.match(r.issues, [{ code: 'ERR_INTEGRITY_ALTERED', path: INDEX }]);
  t.equal(r.issues.length, 1);
});

t.test('a file removed: MISSING', async (t) => {
  const dir = copy(t);
  unlinkSync(join(dir, 'examples/v1.0.0/commercial/quote/valid/quote.request.commerce-network.json'));
  t.match(checkIntegrity(dir).issues, [{ code: 'ERR_INTEGRITY_MISSING', path: 'examples/v1.0.0/commercial/quote/valid/quote.request.commerce-network.json' }]);
});

t.test('a declared file removed together with its ledger line: MISSING', async (t) => {
  const dir = copy(t);
  unlinkSync(join(dir, 'SPEC.md'));
  const ledger = join(dir, 'checksums.txt');
  writeFileSync(ledger, readFileSync(ledger, 'utf8').split('\n').filter((l) => !l.endsWith('  SPEC.md')).join('\n'));
  t.match(checkIntegrity(dir).issues, [{ code: 'ERR_INTEGRITY_MISSING', path: 'SPEC.md' }]);
});

t.test('a file added inside the boundary: EXTRA', async (t) => {
  const dir = copy(t);
  writeFileSync(join(dir, 'schemas/v1.0.0/commercial/backdoor.schema.json'), '{}');
  t.match(checkIntegrity(dir).issues, [{ code: 'ERR_INTEGRITY_EXTRA', path: 'schemas/v1.0.0/commercial/backdoor.schema.json' }]);
});

t.test('a file outside the boundary is none of its business', async (t) => {
  const dir = copy(t);
  writeFileSync(join(dir, 'NOTES.txt'), 'local notes');
  t.ok(checkIntegrity(dir).ok);
});

t.test('a ledger line for a path outside the boundary: OUTSIDE_BOUNDARY', async (t) => {
  const dir = copy(t);
  writeFileSync(join(dir, 'zzz.txt'), 'x');
  appendFileSync(join(dir, 'checksums.txt'), `${'0'.repeat(64)}  zzz.txt\n`);
  t.match(checkIntegrity(dir).issues, [{ code: 'ERR_INTEGRITY_OUTSIDE_BOUNDARY', path: 'zzz.txt' }]);
});

t.test('a symbolic link inside the boundary: NOT_REGULAR', async (t) => {
  const dir = copy(t);
  const target = join(dir, 'examples/v1.0.0/commercial/quote/valid/quote.request.commerce-network.json');
  unlinkSync(target);
  symlinkSync('/etc/hostname', target);
  t.match(checkIntegrity(dir).issues, [
    { code: 'ERR_INTEGRITY_NOT_REGULAR', path: 'examples/v1.0.0/commercial/quote/valid/quote.request.commerce-network.json' },
    { code: 'ERR_INTEGRITY_MISSING', path: 'examples/v1.0.0/commercial/quote/valid/quote.request.commerce-network.json' },
  ]);
});

t.test('no ledger, no manifest, a broken manifest', async (t) => {
  const noLedger = copy(t);
  unlinkSync(join(noLedger, 'checksums.txt'));
  t.match(checkIntegrity(noLedger).issues, [{ code: 'ERR_INTEGRITY_LEDGER_MISSING' }]);
  const noManifest = copy(t);
  unlinkSync(join(noManifest, 'manifest.json'));
  t.match(checkIntegrity(noManifest).issues, [{ code: 'ERR_INTEGRITY_MANIFEST_MISSING' }]);
  const badManifest = copy(t);
  writeFileSync(join(badManifest, 'manifest.json'), '{"name":"writ","name":"evil"}');
  t.match(checkIntegrity(badManifest).issues, [{ code: 'ERR_INTEGRITY_MANIFEST_INVALID' }]);
  const escaping = copy(t);
  const m = JSON.parse(readFileSync(join(escaping, 'manifest.json'), 'utf8'));
  m.boundary.push('../../etc/');
  writeFileSync(join(escaping, 'manifest.json'), JSON.stringify(m));
  t.match(checkIntegrity(escaping).issues, [{ code: 'ERR_INTEGRITY_MANIFEST_INVALID' }], 'a boundary cannot climb out of the copy');
  // The path rule of bundles, shared (SPEC.md 2): a name Windows reads as another file or a device.
  for (const entry of ['schemas./', 'logs/NUL.json', 'docs/aux']) {
    const windows = copy(t);
    const w = JSON.parse(readFileSync(join(windows, 'manifest.json'), 'utf8'));
    w.boundary.push(entry);
    writeFileSync(join(windows, 'manifest.json'), JSON.stringify(w));
    t.match(checkIntegrity(windows).issues, [{ code: 'ERR_INTEGRITY_MANIFEST_INVALID' }], `the boundary entry ${JSON.stringify(entry)}`);
  }
});

t.test('a folder declared where a file should be: NOT_REGULAR', async (t) => {
  const dir = copy(t);
  rmSync(join(dir, 'LICENSE'));
  mkdirSync(join(dir, 'LICENSE'));
  t.match(checkIntegrity(dir).issues, [{ code: 'ERR_INTEGRITY_NOT_REGULAR', path: 'LICENSE' }]);
});

t.test('every problem is reported at once', async (t) => {
  const dir = copy(t);
  writeFileSync(join(dir, 'README.md'), 'changed');
  unlinkSync(join(dir, 'POLICY.md'));
  writeFileSync(join(dir, 'examples/v1.0.0/extra.json'), '{}');
  const codes = checkIntegrity(dir).issues.map((i) => `${i.code} ${i.path}`).sort();
  t.same(codes, ['ERR_INTEGRITY_ALTERED README.md', 'ERR_INTEGRITY_EXTRA examples/v1.0.0/extra.json', 'ERR_INTEGRITY_MISSING POLICY.md']);
});

t.test('a separately obtained ledger catches a copy whose own ledger was rewritten to match', async (t) => {
  const dir = copy(t);
  writeFileSync(join(dir, 'schemas/v1.0.0/index.json'), '{"tampered":true}\n');
  const { formatLedger, parseLedger, sha256Hex } = await import('../../src/release/ledger.js');
  const ledger = parseLedger(readFileSync(join(dir, 'checksums.txt'), 'utf8')).entries.map((e) =>
    e.path === INDEX ? { path: e.path, sha256: sha256Hex(readFileSync(join(dir, INDEX))) } : e,
  );
  writeFileSync(join(dir, 'checksums.txt'), formatLedger(ledger));
  t.ok(checkIntegrity(dir).ok, 'the copy agrees with its own rewritten ledger');
  t.match(checkIntegrity(dir, { ledger: join(ROOT, 'checksums.txt') }).issues, [{ code: 'ERR_INTEGRITY_ALTERED', path: INDEX }]);
});
