/**
 * Ed25519 under writ's strict rule (SPEC.md 6.4): RFC 8032 vectors, chio's signing vectors, and
 * the native and portable implementations giving the same answer on every input, the malformed,
 * malleable and small-order ones included.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import t from 'tap';
import { ed25519 } from '@noble/curves/ed25519';
import { sha512 } from '@noble/hashes/sha2';
import { precheckEd25519, publicKeyOf, signEd25519, verifyEd25519 } from '../../src/crypto/ed25519.js';
import { sha256Bytes } from '../../src/crypto/hash.js';
import { canonicalJson } from '../../src/crypto/jcs.js';
import { fromHex, toHex } from '../../src/encoding/bytes.js';
import { VECTORS } from '../helpers.js';

const hex = (s: string) => fromHex(s) as Uint8Array;
const utf8 = (s: string) => new TextEncoder().encode(s);
const both = (sig: Uint8Array, msg: Uint8Array, pk: Uint8Array) => [verifyEd25519(sig, msg, pk), verifyEd25519(sig, msg, pk, { backend: 'portable' })] as const;
const L = 2n ** 252n + 27742317777372353535851937790883648493n;
const leBytes = (n: bigint) => Uint8Array.from({ length: 32 }, (_, i) => Number((n >> BigInt(8 * i)) & 0xffn));
const leNum = (b: Uint8Array) => b.reduceRight((acc, x) => (acc << 8n) | BigInt(x), 0n);

t.test('RFC 8032 section 7.1, tests 1 and 2', async (t) => {
  const cases = [
    ['9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', '', 'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b'],
    ['4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb', '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c', '72', '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00'],
  ] as const;
  for (const [sk, pk, msg, sig] of cases) {
    t.equal(toHex(publicKeyOf(hex(sk))), pk, 'native public key');
    t.equal(toHex(publicKeyOf(hex(sk), { backend: 'portable' })), pk, 'portable public key');
    t.equal(toHex(signEd25519(hex(msg), hex(sk))), sig, 'native signature');
    t.equal(toHex(signEd25519(hex(msg), hex(sk), { backend: 'portable' })), sig, 'portable signature');
    t.same(both(hex(sig), hex(msg), hex(pk)), [true, true]);
  }
});

t.test('the two implementations derive the same key and signature from any seed', async (t) => {
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ maxLength: 200 }), (seed, msg) => {
      const pk = publicKeyOf(seed);
      return toHex(pk) === toHex(publicKeyOf(seed, { backend: 'portable' })) && toHex(signEd25519(msg, seed)) === toHex(signEd25519(msg, seed, { backend: 'portable' })) && verifyEd25519(signEd25519(msg, seed), msg, pk);
    }),
    { numRuns: 100, seed: 8032 },
  );
  t.throws(() => publicKeyOf(new Uint8Array(31)), TypeError);
  t.throws(() => signEd25519(new Uint8Array(0), new Uint8Array(33)), TypeError);
});

t.test("chio's signing vectors (UTF-8 and canonical JSON messages)", async (t) => {
  const v = JSON.parse(readFileSync(join(VECTORS, 'chio/signing.v1.json'), 'utf8'));
  const seed = hex(v.signing_key_seed_hex);
  for (const c of v.utf8_cases) {
    t.equal(toHex(publicKeyOf(seed)), c.public_key_hex);
    t.same(both(hex(c.signature_hex), utf8(c.input_utf8), hex(c.public_key_hex)), [c.expected_verify, c.expected_verify], c.id);
  }
  for (const c of v.json_cases) {
    const canonical = canonicalJson(JSON.parse(c.input_json));
    t.same(canonical, { ok: true, text: c.canonical_json }, `${c.id}: canonical form`);
    t.same(both(hex(c.signature_hex), utf8(c.canonical_json), hex(c.public_key_hex)), [c.expected_verify, c.expected_verify], c.id);
  }
});

t.test("chio's hashing vectors, native and portable SHA-256", async (t) => {
  const v = JSON.parse(readFileSync(join(VECTORS, 'chio/hashing.v1.json'), 'utf8'));
  for (const c of v.cases) {
    t.equal(toHex(sha256Bytes(utf8(c.input_utf8))), c.sha256_hex, c.id);
    t.equal(toHex(sha256Bytes(utf8(c.input_utf8), { backend: 'portable' })), c.sha256_hex, `${c.id} (portable)`);
  }
  fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => toHex(sha256Bytes(b)) === toHex(sha256Bytes(b, { backend: 'portable' }))));
});

/** A corpus of hostile inputs built from one valid signature. */
function corpus() {
  const seed = sha256Bytes(utf8('writ ed25519 corpus'));
  const pk = publicKeyOf(seed);
  const msg = utf8('the message');
  const sig = signEd25519(msg, seed);
  const s = leNum(sig.subarray(32));
  const withS = (v: bigint) => new Uint8Array([...sig.subarray(0, 32), ...leBytes(v)]);
  const withR = (r: Uint8Array) => new Uint8Array([...r, ...sig.subarray(32)]);
  const smallOrder = [
    '0100000000000000000000000000000000000000000000000000000000000000',
    'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
    '0000000000000000000000000000000000000000000000000000000000000000',
    '0000000000000000000000000000000000000000000000000000000000000080',
    'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
    'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa',
    '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05',
    '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85',
  ].map(hex);
  const nonCanonical = [
    'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', // y = p
    'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', // y = p + 1 (non-canonical 1)
    'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', // y = 2^255 - 1
    '0100000000000000000000000000000000000000000000000000000000000080', // y = 1, x sign set: negative zero
    'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff', // y = p - 1, x sign set
  ].map(hex);
  const cases: { name: string; sig: Uint8Array; msg: Uint8Array; pk: Uint8Array; expect: boolean }[] = [
    { name: 'valid', sig, msg, pk, expect: true },
    { name: 'message changed', sig, msg: utf8('the messagf'), pk, expect: false },
    { name: 'S + L (malleable)', sig: withS(s + L), msg, pk, expect: false },
    { name: 'S = L', sig: withS(L), msg, pk, expect: false },
    { name: 'S with the top bit', sig: withS(s | (1n << 255n)), msg, pk, expect: false },
    { name: 'S = 0', sig: withS(0n), msg, pk, expect: false },
    { name: 'all-zero signature', sig: new Uint8Array(64), msg, pk, expect: false },
    { name: 'short signature', sig: sig.subarray(0, 63), msg, pk, expect: false },
    { name: 'short key', sig, msg, pk: pk.subarray(0, 31), expect: false },
    { name: 'wrong key', sig, msg, pk: publicKeyOf(sha256Bytes(utf8('other'))), expect: false },
    ...smallOrder.map((p, i) => ({ name: `small-order key ${i}`, sig, msg, pk: p, expect: false })),
    ...smallOrder.map((p, i) => ({ name: `small-order R ${i}`, sig: withR(p), msg, pk, expect: false })),
    ...nonCanonical.map((p, i) => ({ name: `non-canonical key ${i}`, sig, msg, pk: p, expect: false })),
    ...nonCanonical.map((p, i) => ({ name: `non-canonical R ${i}`, sig: withR(p), msg, pk, expect: false })),
    // The classic forgery against lax verifiers: identity key and identity R with S = 0.
    { name: 'identity key, identity R, S = 0', sig: new Uint8Array([...smallOrder[0] as Uint8Array, ...new Uint8Array(32)]), msg, pk: smallOrder[0] as Uint8Array, expect: false },
  ];
  return cases;
}

t.test('native and portable agree on every hostile input, and refuse it', async (t) => {
  for (const c of corpus()) t.same(both(c.sig, c.msg, c.pk), [c.expect, c.expect], c.name);
});

t.test('the shared checks are what make them agree: noble in ZIP-215 mode accepts a non-canonical key that writ refuses', async (t) => {
  // The identity forgery verifies under noble's permissive default and under the cofactored
  // equation; writ refuses it before any curve arithmetic.
  const forged = corpus().find((c) => c.name === 'identity key, identity R, S = 0');
  t.ok(forged);
  if (forged) {
    t.equal(ed25519.verify(forged.sig, forged.msg, forged.pk), true, "noble's ZIP-215 default accepts the forgery");
    t.match(precheckEd25519(forged.sig, forged.pk), { reason: 'small_order', part: 'key' });
  }
});

t.test('random inputs: both answer the same, and never throw', async (t) => {
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 0, maxLength: 70 }), fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ minLength: 0, maxLength: 34 }), (sig, msg, pk) => {
      const [a, b] = both(sig, msg, pk);
      return a === b && a === false;
    }),
    { numRuns: 500 },
  );
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ maxLength: 64 }), (seed, msg) => {
      const sig = signEd25519(msg, seed, { backend: 'portable' });
      const [a, b] = both(sig, msg, publicKeyOf(seed));
      return a && b && toHex(sig) === toHex(signEd25519(msg, seed));
    }),
    { numRuns: 200 },
  );
});

t.test('mixed-order R or key: the cofactored equation accepts what OpenSSL refuses; writ refuses on both paths', async (t) => {
  const { ExtendedPoint } = ed25519;
  const seed = sha256Bytes(utf8('writ/test/mixed-order'));
  const a = (ed25519.utils.getExtendedPublicKey(seed) as { scalar: bigint }).scalar;
  const A = ExtendedPoint.BASE.multiply(a);
  const T = ExtendedPoint.fromHex('c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a'); // order 8
  const msg = utf8('pay 5.00 USD');
  const k = (R: Uint8Array, pk: Uint8Array) => leNum(sha512(new Uint8Array([...R, ...pk, ...msg]))) % L;
  const r = 1234567890123456789n;
  // R with a torsion component.
  const R = ExtendedPoint.BASE.multiply(r).add(T).toRawBytes();
  const pk = A.toRawBytes();
  const sigR = new Uint8Array([...R, ...leBytes((r + k(R, pk) * a) % L)]);
  t.equal(ed25519.verify(sigR, msg, pk, { zip215: false }), true, "noble's verify (cofactored) accepts it");
  t.same(both(sigR, msg, pk), [false, false], 'native and portable both refuse it');
  // A key with a torsion component, and k not a multiple of 8.
  const pkT = A.add(T).toRawBytes();
  let sigA: Uint8Array | undefined;
  for (let rr = 1n; sigA === undefined; rr++) {
    const R2 = ExtendedPoint.BASE.multiply(rr).toRawBytes();
    if (k(R2, pkT) % 8n !== 0n) sigA = new Uint8Array([...R2, ...leBytes((rr + k(R2, pkT) * a) % L)]);
  }
  t.equal(ed25519.verify(sigA, msg, pkT, { zip215: false }), true, "noble's verify accepts it");
  t.same(both(sigA, msg, pkT), [false, false], 'native and portable both refuse it');
  t.same(both(signEd25519(msg, seed), msg, pk), [true, true], 'an honest signature by the same key verifies on both');
});
