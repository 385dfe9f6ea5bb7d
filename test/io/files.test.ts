/**
 * The one file reader (issue 10, attack 14): it reads regular files only, checked on the opened
 * descriptor, opens without blocking, and reads to a cap. A FIFO is served by a writer that
 * opens it again and again (./fifo.ts): a reader that blocked would be let through and read an
 * empty file (the wrong answer) rather than hang the test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { entryKind, readFileCapped, readTextFile, writeFileWhole } from '../../src/io/files.js';
import { ROOT } from '../helpers.js';
import { fifo, noFifo } from './fifo.js';

t.test('a FIFO is refused as not a regular file, without waiting for a writer', { timeout: 20_000, skip: noFifo }, async (t) => {
  const path = fifo(t);
  t.match(readFileCapped(path), { ok: false, code: 'ERR_IO_READ' });
  t.match(readTextFile(path), { ok: false, code: 'ERR_IO_READ' });
  const link = join(path, '..', 'link.json');
  symlinkSync(path, link);
  t.match(readFileCapped(link), { ok: false, code: 'ERR_IO_READ' }, 'through a symbolic link too');
});

t.test('/dev/zero is refused as not a regular file, not read to the cap', { timeout: 60_000, skip: existsSync('/dev/zero') ? false : 'no /dev/zero' }, async (t) => {
  // In a child with a time limit: a reader that read the device would never stop.
  const loader = process.execArgv.filter((a) => a.includes('typescript'));
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TAP')));
  // A cap that a reader of the device would pass at once: still ERR_IO_READ, not ERR_JSON_TOO_LARGE.
  const reads = [['/dev/zero'], ['/dev/zero', 1], ['/dev/zero', Number.MAX_SAFE_INTEGER]];
  const r = spawnSync(process.execPath, [...loader, join(ROOT, 'test/io/read-child.ts'), JSON.stringify(reads)], { env, encoding: 'utf8', timeout: 40_000, killSignal: 'SIGKILL' });
  t.equal(r.status, 0, `the child finished: ${r.signal ?? ''} ${r.stderr}`);
  t.same(JSON.parse(r.stdout || 'null'), ['ERR_IO_READ', 'ERR_IO_READ', 'ERR_IO_READ']);
});

t.test('a folder is refused; a missing file is ERR_IO_NOT_FOUND', async (t) => {
  t.match(readFileCapped(tmpdir()), { ok: false, code: 'ERR_IO_READ' });
  t.match(readFileCapped(join(tmpdir(), 'writ-no-such-file', 'x.json')), { ok: false, code: 'ERR_IO_NOT_FOUND' });
});

t.test('a regular file is read to its cap: exactly the cap passes, a byte more is ERR_JSON_TOO_LARGE', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'writ-files-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'a.json'), '{"a":1}');
  t.same(readFileCapped(join(dir, 'a.json'), 7), { ok: true, bytes: new TextEncoder().encode('{"a":1}'), mode: statSync(join(dir, 'a.json')).mode & 0o7777 });
  t.match(readFileCapped(join(dir, 'a.json'), 6), { ok: false, code: 'ERR_JSON_TOO_LARGE' });
  writeFileSync(join(dir, 'empty.json'), '');
  t.match(readFileCapped(join(dir, 'empty.json')), { ok: true, bytes: new Uint8Array() });
});

t.test('a regular file holding more than its size says (a /proc file) is read whole, or refused at the cap', { skip: existsSync('/proc/self/status') ? false : 'no /proc' }, async (t) => {
  const r = readFileCapped('/proc/self/status');
  t.equal(r.ok, true);
  const text = r.ok ? new TextDecoder().decode(r.bytes) : '';
  t.ok(text.length > 100 && text.includes('\nPid:'), `read ${text.length} characters, not the one byte past its size of 0`);
  t.match(readFileCapped('/proc/self/status', 10), { ok: false, code: 'ERR_JSON_TOO_LARGE' });
});

t.test('a file is written whole only where a regular file is, or nothing: a FIFO, a link or a folder is never replaced', { timeout: 20_000, skip: noFifo }, async (t) => {
  const x = fifo(t, 'out.tap');
  const dir = join(x, '..');
  t.match(writeFileWhole(x, 'TAP version 14\n'), { code: 'ERR_IO_WRITE' });
  t.equal(entryKind(x), 'other', 'still a FIFO');
  writeFileSync(join(dir, 'target.txt'), 'kept');
  symlinkSync('target.txt', join(dir, 'link.tap'));
  t.match(writeFileWhole(join(dir, 'link.tap'), 'new'), { code: 'ERR_IO_WRITE' });
  t.equal(readlinkSync(join(dir, 'link.tap')), 'target.txt', 'still the link');
  t.equal(readFileSync(join(dir, 'target.txt'), 'utf8'), 'kept');
  t.match(writeFileWhole(dir, 'new'), { code: 'ERR_IO_WRITE' });
  t.equal(writeFileWhole(join(dir, 'target.txt'), 'replaced'), undefined, 'a regular file is replaced');
  t.equal(readFileSync(join(dir, 'target.txt'), 'utf8'), 'replaced');
  t.equal(writeFileWhole(join(dir, 'new.tap'), 'created'), undefined, 'a new file is written');
  t.equal(readFileSync(join(dir, 'new.tap'), 'utf8'), 'created');
});

t.test('a file written with a mode has it from its creation, and the rename keeps it', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'writ-mode-'));
  const path = join(dir, 'secret.json');
  t.equal(writeFileWhole(path, '{}', { mode: 0o600 }), undefined);
  t.equal(statSync(path).mode & 0o777, 0o600);
  writeFileSync(join(dir, 'open.json'), '{}', { mode: 0o644 });
  t.equal(writeFileWhole(join(dir, 'open.json'), '{"a":1}', { mode: 0o600 }), undefined);
  t.equal(statSync(join(dir, 'open.json')).mode & 0o777, 0o600, 'a replaced file takes the new mode');
  t.equal(readFileCapped(path).ok && (readFileCapped(path) as { mode: number }).mode & 0o777, 0o600, 'and a read reports it');
});
