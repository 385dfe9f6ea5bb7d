/**
 * signature (SPEC.md 6.4): strict Ed25519, the checks in order. RFC 8032's tests, malleability,
 * small-order and non-canonical points, cofactored forgeries, hex. Its constants (the group order, the
 * points, the signature the attacks start from) are the proof and compact modules' too.
 */
import { ed25519 } from '@noble/curves/ed25519';
import { sha512 } from '@noble/hashes/sha2';
import { publicKeyOf, signEd25519 } from '../../../src/crypto/ed25519.js';
import { sha256Bytes } from '../../../src/crypto/hash.js';
import { toHex } from '../../../src/encoding/bytes.js';
import { accept, at, reject, utf8, vector, type Expect } from './shared.js';

/** The order of Ed25519's prime-order subgroup. */
export const L = 2n ** 252n + 27742317777372353535851937790883648493n;
/** Bytes read as a little-endian integer. */
export const le = (b: Uint8Array): bigint => b.reduceRight((acc, x) => (acc << 8n) | BigInt(x), 0n);
/** An integer written as 32 little-endian bytes. */
export const leBytes = (n: bigint): Uint8Array => Uint8Array.from({ length: 32 }, (_, i) => Number((n >> BigInt(8 * i)) & 0xffn));
/** Hex digits as bytes. */
export const hexBytes = (h: string): Uint8Array => Uint8Array.from((h.match(/../g) ?? []).map((x) => parseInt(x, 16)));
/** The key, message and signature the signature profile's attacks start from. */
export const sigSeed = sha256Bytes(utf8('writ conformance ed25519'));
export const sigPk = publicKeyOf(sigSeed);
export const sigMsg = utf8('pay 5.00 USD to did:web:dreamineering.com');
export const goodSig = signEd25519(sigMsg, sigSeed);
const goodS = le(goodSig.subarray(32));
const withS = (v: bigint): Uint8Array => new Uint8Array([...goodSig.subarray(0, 32), ...leBytes(v)]);
const withR = (r: Uint8Array): Uint8Array => new Uint8Array([...r, ...goodSig.subarray(32)]);
/** Points of small order, encoded. */
export const SMALL_ORDER = {
  identity: '0100000000000000000000000000000000000000000000000000000000000000',
  'order-2': 'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'order-4': '0000000000000000000000000000000000000000000000000000000000000000',
  'order-8': 'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
};
/** Non-canonical encodings of points. */
export const NON_CANONICAL = {
  'y-equals-p': 'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'y-equals-p-plus-1': 'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'negative-zero-x': '0100000000000000000000000000000000000000000000000000000000000080',
  // y = p - 1 is the other point with x = 0 (of order 2): with the sign bit set, it is "negative
  // zero" too; a check that knows only y = 1 lets it through.
  'negative-zero-x-y-minus-1': 'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff',
};

export function signatureVectors(): void {
  const sigVector = (name: string, description: string, pk: Uint8Array, signature: Uint8Array, message: Uint8Array, expect: Expect): void =>
    vector(`signature/${name}`, '6.4', description, { public_key: toHex(pk), signature: toHex(signature), message: toHex(message) }, at(0), expect);
  for (const [n, sk, pk, msg, sig] of [
    ['1', '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', '', 'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b'],
    ['2', '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb', '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c', '72', '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00'],
  ] as const) {
    void sk;
    sigVector(`rfc8032/test-${n}`, `RFC 8032 section 7.1, test ${n}.`, hexBytes(pk), hexBytes(sig), msg === '' ? new Uint8Array() : hexBytes(msg), accept());
  }
  sigVector('valid', 'A valid signature.', sigPk, goodSig, sigMsg, accept());
  sigVector('message-changed', 'The message changed after signing.', sigPk, goodSig, utf8('pay 500.00 USD to did:web:dreamineering.com'), reject('ERR_SIG_INVALID'));
  sigVector('wrong-key', 'Another key.', publicKeyOf(sha256Bytes(utf8('other key'))), goodSig, sigMsg, reject('ERR_SIG_INVALID'));
  sigVector('malleability-s-plus-l', 'Signature malleability: S + L verifies under a lax check, giving a second signature for the same message.', sigPk, withS(goodS + L), sigMsg, reject('ERR_SIG_NON_CANONICAL'));
  sigVector('malleability-s-equals-l', 'S = L, the first non-canonical scalar.', sigPk, withS(L), sigMsg, reject('ERR_SIG_NON_CANONICAL'));
  sigVector('s-equals-l-minus-1', 'S = L - 1, the last canonical scalar, in a signature that does not verify: invalid, not non-canonical (the other side of the S < L boundary, which a wrong group order misplaces).', sigPk, withS(L - 1n), sigMsg, reject('ERR_SIG_INVALID'));
  sigVector('short-signature', 'A 63-byte signature.', sigPk, goodSig.subarray(0, 63), sigMsg, reject('ERR_SIG_MALFORMED'));
  sigVector('short-key', 'A 31-byte key.', sigPk.subarray(0, 31), goodSig, sigMsg, reject('ERR_SIG_MALFORMED'));
  for (const [name, h] of Object.entries(SMALL_ORDER)) {
    sigVector(`small-order-key/${name}`, `A public key of small order (${name}): one signature would verify for many messages.`, hexBytes(h), goodSig, sigMsg, reject('ERR_SIG_SMALL_ORDER'));
    sigVector(`small-order-r/${name}`, `R of small order (${name}).`, sigPk, withR(hexBytes(h)), sigMsg, reject('ERR_SIG_SMALL_ORDER'));
  }
  for (const [name, h] of Object.entries(NON_CANONICAL)) {
    sigVector(`non-canonical-key/${name}`, `A non-canonical encoding of the key (${name}), which ZIP-215 verifiers accept.`, hexBytes(h), goodSig, sigMsg, reject('ERR_SIG_NON_CANONICAL'));
    sigVector(`non-canonical-r/${name}`, `A non-canonical encoding of R (${name}).`, sigPk, withR(hexBytes(h)), sigMsg, reject('ERR_SIG_NON_CANONICAL'));
  }
  sigVector('forgery-identity-key-identity-r-zero-s', 'The classic forgery against lax verifiers: the identity as key and as R, and S = 0, "verify" for every message.', hexBytes(SMALL_ORDER.identity), new Uint8Array([...hexBytes(SMALL_ORDER.identity), ...new Uint8Array(32)]), sigMsg, reject('ERR_SIG_SMALL_ORDER'));
  {
    // Cofactored-equation forgeries: an R, or a key, with a torsion component.
    const { ExtendedPoint } = ed25519;
    const a = ed25519.utils.getExtendedPublicKey(sigSeed).scalar;
    const A = ExtendedPoint.BASE.multiply(a);
    const T = ExtendedPoint.fromHex(SMALL_ORDER['order-8']);
    const k = (R: Uint8Array, pk: Uint8Array): bigint => le(sha512(new Uint8Array([...R, ...pk, ...sigMsg]))) % L;
    const r = 1234567890123456789n;
    const R = ExtendedPoint.BASE.multiply(r).add(T).toRawBytes();
    sigVector('cofactored-forgery-mixed-order-r', 'R = rB + T with T of order 8: the cofactored equation accepts it, the cofactorless one (OpenSSL, writ) does not; verifiers that disagree can be played against each other.', sigPk, new Uint8Array([...R, ...leBytes((r + k(R, sigPk) * a) % L)]), sigMsg, reject('ERR_SIG_INVALID'));
    const pkT = A.add(T).toRawBytes();
    for (let rr = 1n; ; rr++) {
      const R2 = ExtendedPoint.BASE.multiply(rr).toRawBytes();
      if (k(R2, pkT) % 8n === 0n) continue;
      sigVector('cofactored-forgery-mixed-order-key', 'A key A + T with a torsion component: the cofactored equation accepts the signature, the cofactorless one does not.', pkT, new Uint8Array([...R2, ...leBytes((rr + k(R2, pkT) * a) % L)]), sigMsg, reject('ERR_SIG_INVALID'));
      break;
    }
  }
  vector('signature/not-hex', '6.4', 'A signature in upper-case hex is not the lower-case hex the envelope requires.', { public_key: toHex(sigPk), signature: toHex(goodSig).toUpperCase(), message: toHex(sigMsg) }, at(0), reject('ERR_SIG_MALFORMED'));
  {
    // Hex (the signature profile): lowercase, two digits a byte.
    vector('signature/encoding/public-key-odd-length', '6.4', 'A valid signature with its public key given as 65 hex digits (the key and a 0).', { public_key: `${toHex(sigPk)}0`, signature: toHex(goodSig), message: toHex(sigMsg) }, at(0), reject('ERR_SIG_MALFORMED'));
    vector('signature/encoding/signature-odd-length', '6.4', 'A valid signature given as 129 hex digits (the signature and a 0).', { public_key: toHex(sigPk), signature: `${toHex(goodSig)}0`, message: toHex(sigMsg) }, at(0), reject('ERR_SIG_MALFORMED'));
    vector('signature/encoding/message-odd-length', '6.4', 'A valid signature over a message given with one more hex digit.', { public_key: toHex(sigPk), signature: toHex(goodSig), message: `${toHex(sigMsg)}0` }, at(0), reject('ERR_SIG_MALFORMED'));
    vector('signature/encoding/public-key-upper-case', '6.4', 'A valid signature with its public key in upper-case hex.', { public_key: toHex(sigPk).toUpperCase(), signature: toHex(goodSig), message: toHex(sigMsg) }, at(0), reject('ERR_SIG_MALFORMED'));
  }
}
