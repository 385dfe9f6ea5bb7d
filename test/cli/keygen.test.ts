/**
 * `writ keygen` (src/cli/keygen.ts): a new owner-only key file, the public forms printed, the
 * secret never; exit codes 0 and 2.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { readKeyFile } from '../../src/issue/key-file.js';
import { exportPublicKey, isSigningKey } from '../../src/issue/keys.js';
import { runCli } from '../helpers.js';

t.test('writ keygen writes an owner-only key file and prints the public forms only', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'writ-keygen-'));
  const r = await runCli(['keygen', '--out', 'buyer.key.json'], { cwd: dir });
  t.equal(r.code, 0, r.err);
  const path = join(dir, 'buyer.key.json');
  t.equal(statSync(path).mode & 0o777, 0o600);
  const read = readKeyFile(path);
  t.ok(read.ok && isSigningKey(read.key));
  if (!read.ok) return;
  const d = (JSON.parse(readFileSync(path, 'utf8')) as { d: string }).d;
  t.notOk(r.out.includes(d) || r.err.includes(d), 'the secret is not printed');
  for (const format of ['did-key', 'multikey', 'hex'] as const) t.ok(r.out.includes(exportPublicKey(read.key, format)), `the ${format} form is printed`);
  const again = await runCli(['keygen', '--out', 'buyer.key.json', '--json'], { cwd: dir });
  t.equal(again.code, 2, 'an existing key file is not replaced');
  t.match(JSON.parse(again.out), { ok: false, error: { code: 'ERR_IO_WRITE' } });
  const json = await runCli(['keygen', '--out', 'seller.key.json', '--json'], { cwd: dir });
  t.equal(json.code, 0);
  const printed = JSON.parse(json.out) as Record<string, unknown>;
  t.match(printed, { ok: true, key_file: 'seller.key.json', did_key: /^did:key:z6Mk/, multikey: /^z6Mk/, hex: /^[0-9a-f]{64}$/, jwk: { kty: 'OKP', crv: 'Ed25519' } });
  t.notOk('d' in (printed['jwk'] as object), 'the JSON holds no d');
});

t.test('writ keygen without --out is a usage error: a key nobody keeps is no key', async (t) => {
  const r = await runCli(['keygen']);
  t.equal(r.code, 2);
  t.match(r.err, /--out <file> is required/);
  t.match(r.err, /ERR_USAGE_MISSING_ARGUMENT/);
  const extra = await runCli(['keygen', 'buyer.key.json']);
  t.equal(extra.code, 2);
  t.match(extra.err, /the key file is --out <file>/);
  const help = await runCli(['help', 'keygen']);
  t.equal(help.code, 0);
  t.match(help.out, /Usage: writ keygen --out <file>/);
});
