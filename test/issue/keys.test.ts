/**
 * Keys for the issuing side (src/issue/keys.ts, key-file.ts): generated, imported and exported in
 * every form writ writes; checked against the W3C eddsa-jcs-2022 test key pair and RFC 8037's
 * example JWK (RFC 8032's TEST 1 key); a secret never printed unless asked for by name.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import t from 'tap';
import { publicKeyOf, signEd25519, verifyEd25519 } from '../../src/crypto/ed25519.js';
import { toHex } from '../../src/encoding/bytes.js';
import { readKeyFile, readKeyFromEnv, writeKeyFile } from '../../src/issue/key-file.js';
import { exportJwk, exportPublicKey, exportSecretKey, generateKeyPair, importJwk, importPublicKey, importSecretKey, isSigningKey, secretOf, signingKeyOf, type SigningKey } from '../../src/issue/keys.js';
import { ROOT } from '../helpers.js';

// RFC 8037 appendix A.1 (the key of RFC 8032 section 7.1, TEST 1).
const RFC8037 = { kty: 'OKP', crv: 'Ed25519', d: 'nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' };
const W3C = JSON.parse(readFileSync(join(ROOT, 'test/vectors/eddsa-jcs-2022/keyPair.json'), 'utf8')) as { publicKeyMultibase: string; privateKeyMultibase: string };

t.test('a generated key pair signs, and its secret is its own', async (t) => {
  const a = generateKeyPair();
  const b = generateKeyPair();
  t.equal(a.publicKey.length, 32);
  t.equal(secretOf(a).length, 32);
  t.same(publicKeyOf(secretOf(a)), a.publicKey, 'the public key is the seed\'s');
  t.not(toHex(a.publicKey), toHex(b.publicKey), 'two keys differ');
  const message = new TextEncoder().encode('writ');
  t.ok(verifyEd25519(signEd25519(message, secretOf(a)), message, a.publicKey));
  t.ok(isSigningKey(a));
});

t.test('a secret is never printed unless asked for by name', async (t) => {
  const key = generateKeyPair();
  const seed = toHex(secretOf(key));
  const d = exportJwk(key, { secret: true }).d as string;
  for (const [how, text] of [
    ['JSON.stringify', JSON.stringify(key)],
    ['util.inspect', inspect(key, { showHidden: true, depth: 5 })],
    ['a spread copy', JSON.stringify({ ...key })],
    ['Object.values', JSON.stringify(Object.values(key).map((v) => (v instanceof Uint8Array ? toHex(v) : v)))],
    ['the public JWK', JSON.stringify(exportJwk(key))],
  ] as const) {
    t.notOk(text.includes(seed) || text.includes(d), `${how} shows no secret`);
  }
  t.match(inspect(key), /SigningKey did:key:z6Mk\S+ \(secret not shown\)/);
  t.equal(exportJwk(key, { secret: true }).d, d, 'asked for by name, it is there');
  t.throws(() => secretOf({ publicKey: key.publicKey, signing: true } as SigningKey), /not a signing key made by writ/, 'a look-alike object holds no secret');
  const pub = importPublicKey(exportPublicKey(key, 'did-key'));
  t.ok(pub.ok);
  if (pub.ok) t.throws(() => exportJwk(pub.key, { secret: true }), /no secret/, 'a public key has no secret to export');
});

t.test('RFC 8037\'s example JWK and the W3C test key pair read as the keys they are', async (t) => {
  const jwk = importJwk(RFC8037);
  t.ok(jwk.ok);
  if (!jwk.ok) return;
  t.equal(toHex(jwk.key.publicKey), 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', 'RFC 8032 TEST 1 public key');
  t.equal(toHex(secretOf(jwk.key as SigningKey)), '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'RFC 8032 TEST 1 secret key');
  t.same(exportJwk(jwk.key, { secret: true }), RFC8037, 'exported as it was given');
  const w3c = importSecretKey(W3C.privateKeyMultibase);
  t.ok(w3c.ok);
  if (!w3c.ok) return;
  t.equal(exportPublicKey(w3c.key, 'multikey'), W3C.publicKeyMultibase, 'the W3C secret key\'s public key is the published one');
  t.equal(exportSecretKey(w3c.key, 'multikey'), W3C.privateKeyMultibase, 'and it exports as published');
  t.equal(exportPublicKey(w3c.key, 'did-key'), `did:key:${W3C.publicKeyMultibase}`);
});

t.test('every form round-trips', async (t) => {
  const key = generateKeyPair();
  for (const format of ['multikey', 'did-key', 'hex'] as const) {
    const read = importPublicKey(exportPublicKey(key, format));
    t.ok(read.ok && toHex(read.key.publicKey) === toHex(key.publicKey), format);
    t.notOk(read.ok && isSigningKey(read.key), `${format} is a public key only`);
  }
  const pub = importJwk(JSON.parse(exportPublicKey(key, 'jwk')));
  t.ok(pub.ok && toHex(pub.key.publicKey) === toHex(key.publicKey) && !isSigningKey(pub.key), 'a public JWK');
  for (const format of ['multikey', 'hex'] as const) {
    const read = importSecretKey(exportSecretKey(key, format));
    t.ok(read.ok && toHex(secretOf(read.key)) === toHex(secretOf(key)), `secret ${format}`);
  }
  const full = importJwk(exportJwk(key, { secret: true }));
  t.ok(full.ok && isSigningKey(full.key) && toHex(secretOf(full.key)) === toHex(secretOf(key)), 'a JWK with d');
  t.ok(importPublicKey(`did:key:${exportPublicKey(key, 'multikey')}#${exportPublicKey(key, 'multikey')}`).ok, 'a did:key verification method');
});

t.test('a malformed key is refused with ERR_KEY_MALFORMED at the member at fault', async (t) => {
  const other = exportJwk(generateKeyPair());
  const x = RFC8037.x;
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const trailing = `${x.slice(0, -1)}${B64[B64.indexOf(x.at(-1) as string) | 1]}`;
  for (const [why, jwk, path] of [
    ['not an object', 'OKP', ''],
    ['an EC key', { ...RFC8037, kty: 'EC' }, '/kty'],
    ['another curve', { ...RFC8037, crv: 'X25519' }, '/crv'],
    ['another algorithm', { ...RFC8037, alg: 'ES256' }, '/alg'],
    ['x padded', { ...RFC8037, x: `${x}=` }, '/x'],
    ['x with its unused bits set, a second spelling', { ...RFC8037, x: trailing }, '/x'],
    ['x of 31 bytes', { ...RFC8037, x: x.slice(0, 42) }, '/x'],
    ['no x', { kty: 'OKP', crv: 'Ed25519', d: RFC8037.d }, '/x'],
    ['d of another key than x', { ...RFC8037, x: other.x }, '/x'],
    ['d in standard base64', { ...RFC8037, d: Buffer.from(RFC8037.d, 'base64url').toString('base64') }, '/d'],
    ['d a number', { ...RFC8037, d: 1 }, '/d'],
  ] as const) {
    t.match(importJwk(jwk), { ok: false, code: 'ERR_KEY_MALFORMED', path }, why);
  }
  t.ok(importJwk({ ...RFC8037, kid: 'buyer-1', use: 'sig', alg: 'EdDSA' }).ok, 'kid, use and alg EdDSA are allowed');
  const mb = exportPublicKey(generateKeyPair(), 'multikey');
  for (const [why, text] of [
    ['upper-case hex', toHex(generateKeyPair().publicKey).toUpperCase()],
    ['63 hex digits', toHex(generateKeyPair().publicKey).slice(1)],
    ['a did:key with another key\'s fragment', `did:key:${mb}#${exportPublicKey(generateKeyPair(), 'multikey')}`],
    ['a did:key with two fragments', `did:key:${mb}#${mb}#${mb}`],
    ['a secret Multikey as a public key', W3C.privateKeyMultibase],
    ['a number', 42],
  ] as const) {
    t.match(importPublicKey(text), { ok: false, code: 'ERR_KEY_MALFORMED' }, why);
  }
  t.match(importSecretKey(W3C.publicKeyMultibase), { ok: false, code: 'ERR_KEY_MALFORMED' }, 'a public Multikey as a secret');
  const refused = importSecretKey(`${toHex(secretOf(generateKeyPair()))}0`);
  t.match(refused, { ok: false, code: 'ERR_KEY_MALFORMED' });
  t.notOk(!refused.ok && /[0-9a-f]{32}/.test(refused.message), 'the refusal does not repeat the secret');
  t.match(signingKeyOf(new Uint8Array(31)), { ok: false, code: 'ERR_KEY_MALFORMED' });
});

t.test('a key file is written owner-only, never replaced, and read only when others cannot read it', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'writ-keys-'));
  const path = join(dir, 'buyer.key.json');
  const key = generateKeyPair();
  t.equal(writeKeyFile(path, key), undefined);
  t.equal(statSync(path).mode & 0o777, 0o600, 'mode 600');
  const read = readKeyFile(path);
  t.ok(read.ok && isSigningKey(read.key) && toHex(secretOf(read.key)) === toHex(secretOf(key)), 'it reads back');
  t.match(writeKeyFile(path, generateKeyPair()), { code: 'ERR_IO_WRITE', message: /never replaces a key file/ }, 'an existing key file is kept');
  t.same(readKeyFile(path).ok && toHex(secretOf((readKeyFile(path) as { key: SigningKey }).key)), toHex(secretOf(key)), 'and still holds the first key');
  chmodSync(path, 0o644);
  t.match(readKeyFile(path), { ok: false, code: 'ERR_IO_READ', message: /others may read it \(mode 644\)/ });
  const pub = join(dir, 'buyer.pub.json');
  writeFileSync(pub, JSON.stringify(exportJwk(key)), { mode: 0o644 });
  t.ok(readKeyFile(pub).ok, 'a public key file may be readable by anyone');
  writeFileSync(join(dir, 'bad.json'), '{"kty":"OKP",', { mode: 0o600 });
  t.match(readKeyFile(join(dir, 'bad.json')), { ok: false, code: 'ERR_KEY_MALFORMED' });
  t.match(readKeyFile(join(dir, 'none.json')), { ok: false, code: 'ERR_IO_NOT_FOUND' });
  t.match(readKeyFile(dir), { ok: false, code: 'ERR_IO_READ' }, 'a folder is not a key file');
});

t.test('a signing key from the environment', async (t) => {
  const key = generateKeyPair();
  const env = { WRIT_KEY: JSON.stringify(exportJwk(key, { secret: true })), PUB: JSON.stringify(exportJwk(key)) };
  const read = readKeyFromEnv('WRIT_KEY', env);
  t.ok(read.ok && toHex(secretOf(read.key)) === toHex(secretOf(key)));
  t.match(readKeyFromEnv('MISSING', env), { ok: false, code: 'ERR_IO_NOT_FOUND', path: '$MISSING' });
  t.match(readKeyFromEnv('PUB', env), { ok: false, code: 'ERR_KEY_MALFORMED', path: '$PUB#/d' }, 'a public key cannot sign');
});
