/**
 * compact (SPEC.md 3, 6.4, 6.5): the chio-shaped envelope, its signer member and signature read
 * before the signed content, which may hold no -0 and no integer beyond 2^53 - 1.
 */
import { toHex } from '../../../src/encoding/bytes.js';
import { resign } from '../../lib/parties.js';
import { accept, at, mut, negativeZeroText, reject, vector, type Change, type Doc, type Expect } from './shared.js';
import { buyer, P, revocation, root } from './world.js';
import { hexBytes, L, le, leBytes, SMALL_ORDER } from './signature.js';

const compactVector = (name: string, description: string, document: unknown, signer: string, expect: Expect): void => vector(`compact/${name}`, '6.4', description, { document, signer }, at(0), expect);

export function compactVectors(): void {
  compactVector('receipt.commerce-network', 'Agent Commerce Network: the buyer kernel\'s receipt, signed by its kernel_key.', buyer, 'kernel_key', accept());
  compactVector('capability.incident-network', 'Incident Network: the root capability, signed by its issuer.', root, 'issuer', accept());
  compactVector('revocation.incident-network', 'Incident Network: the revocation of the vendor liaison\'s capability, signed by the commander.', revocation, 'revoked_by', accept());
  compactVector('algorithm-is-not-signed', 'The algorithm member is informational and outside the signed bytes: changing it changes nothing.', { ...buyer, algorithm: 'Ed25519' }, 'kernel_key', accept());
  compactVector('receipt-changed', 'A receipt whose settlement status was changed after signing.', { ...buyer, settlement_status: 'settled' }, 'kernel_key', reject('ERR_SIG_INVALID'));
  compactVector('key-substitution', 'Key substitution: the signer member replaced by another key.', { ...buyer, kernel_key: P.stranger.hex }, 'kernel_key', reject('ERR_SIG_INVALID'));
  compactVector('no-signature', 'A receipt without its signature.', mut(buyer, (d) => delete d.signature), 'kernel_key', reject('ERR_SIG_MISSING'));
  compactVector('no-signer', 'A receipt without its signer key.', mut(buyer, (d) => delete d.kernel_key), 'kernel_key', reject('ERR_SIG_MISSING'));
  compactVector('signature-upper-case', 'A signature in upper-case hex.', { ...buyer, signature: buyer.signature.toUpperCase() }, 'kernel_key', reject('ERR_SIG_MALFORMED'));
  compactVector('malleated-signature', 'Signature malleability: S + L.', { ...buyer, signature: `${buyer.signature.slice(0, 64)}${toHex(leBytes(le(hexBytes(buyer.signature.slice(64))) + L))}` }, 'kernel_key', reject('ERR_SIG_NON_CANONICAL'));
  compactVector('small-order-signer', 'A small-order key as signer.', { ...buyer, kernel_key: SMALL_ORDER.identity }, 'kernel_key', reject('ERR_SIG_SMALL_ORDER'));
  vector('compact/signed-negative-zero', '3', 'Signed content holding -0.', { document_text: negativeZeroText(buyer), signer: 'kernel_key' }, at(0), reject('ERR_JSON_NEGATIVE_ZERO'));
  vector('compact/duplicate-member-text', '3', 'Signature confusion in the document text itself: the settlement status given twice.', { document_text: JSON.stringify(buyer).replace('"settlement_status":"charged"', '"settlement_status":"charged","settlement_status":"settled"'), signer: 'kernel_key' }, at(0), reject('ERR_JSON_DUPLICATE_KEY'));
  compactVector('signed-unsafe-integer', 'Signed content holding 2^53 + 1, which readers round differently (chio prints it exactly; writ refuses it, SPEC.md 6.6).', { ...buyer, timestamp: 9007199254740993 }, 'kernel_key', reject('ERR_JSON_UNSAFE_INTEGER'));
  {
    // compact (SPEC.md 6.4, 6.5): the signer's key is 64 lowercase hex digits, the signature 128.
    const signedBuyer = (change: Change): Doc => resign(mut(buyer, change), P.buyerKernel);
    compactVector('not-an-object', 'A signed document that is null, not an object: it has no signer key and no signature.', null, 'kernel_key', reject('ERR_SIG_MISSING'));
    compactVector('signer-key-63-hex-digits', 'A receipt, signed again by its kernel, whose kernel_key lost its last hex digit (63 digits).', signedBuyer((d) => (d.kernel_key = d.kernel_key.slice(0, 63))), 'kernel_key', reject('ERR_SIG_MALFORMED'));
    compactVector('signer-key-65-hex-digits', 'A receipt, signed again by its kernel, whose kernel_key has one hex digit more (65 digits).', signedBuyer((d) => (d.kernel_key = `${d.kernel_key}0`)), 'kernel_key', reject('ERR_SIG_MALFORMED'));
    compactVector('signer-key-upper-case', 'A receipt, signed again by its kernel, whose kernel_key is its key in upper-case hex.', signedBuyer((d) => (d.kernel_key = d.kernel_key.toUpperCase())), 'kernel_key', reject('ERR_SIG_MALFORMED'));
    compactVector('signer-key-not-a-string', 'A receipt, signed again by its kernel, whose kernel_key is a list holding its key: the member names no key.', signedBuyer((d) => (d.kernel_key = [d.kernel_key])), 'kernel_key', reject('ERR_SIG_MISSING'));
    compactVector('signature-127-hex-digits', 'A receipt whose signature lost its last hex digit.', { ...buyer, signature: buyer.signature.slice(0, 127) }, 'kernel_key', reject('ERR_SIG_MALFORMED'));
    compactVector('signature-129-hex-digits', 'A receipt whose signature has one hex digit more.', { ...buyer, signature: `${buyer.signature}0` }, 'kernel_key', reject('ERR_SIG_MALFORMED'));
    compactVector('signature-not-a-string', 'A receipt whose signature is a list holding the genuine signature.', { ...buyer, signature: [buyer.signature] }, 'kernel_key', reject('ERR_SIG_MISSING'));
    // Signed content (SPEC.md 3) inside lists: every item is read, at every depth.
    compactVector('unsafe-integer-first-in-a-list', 'A receipt, signed again by its kernel, holding the list [2^53 + 1, 1]: signed content holding an integer beyond 2^53 - 1, first in a list.', signedBuyer((d) => (d.call_counts = [9007199254740993, 1])), 'kernel_key', reject('ERR_JSON_UNSAFE_INTEGER'));
    compactVector('unsafe-integer-later-in-a-list', 'A receipt, signed again by its kernel, holding the list [1, 2, 2^53 + 1]: the unsafe integer after two safe ones.', signedBuyer((d) => (d.call_counts = [1, 2, 9007199254740993])), 'kernel_key', reject('ERR_JSON_UNSAFE_INTEGER'));
    compactVector('unsafe-integer-in-a-nested-list', 'A receipt, signed again by its kernel, holding [[1, [2, -(2^53 + 1)]]]: the unsafe integer two lists deep.', signedBuyer((d) => (d.call_counts = [[1, [2, -9007199254740993]]])), 'kernel_key', reject('ERR_JSON_UNSAFE_INTEGER'));
    compactVector('safe-integers-in-lists', 'A receipt, signed again by its kernel, holding [[2^53 - 1], -(2^53 - 1), 0.5]: the largest safe integers, and a fraction, are signed content.', signedBuyer((d) => (d.call_counts = [[9007199254740991], -9007199254740991, 0.5])), 'kernel_key', accept());
    {
      const text = JSON.stringify(signedBuyer((d) => (d.call_counts = [0, 1, 0]))).replace('"call_counts":[0,1,0]', '"call_counts":[0,1,-0]');
      vector('compact/negative-zero-later-in-a-list', '3', 'A receipt signed by its kernel over the list [0, 1, 0], whose text then writes the last 0 as -0: both texts have one canonical form, so the signature would verify over either; signed content holding -0, last in a list, is refused.', { document_text: text, signer: 'kernel_key' }, at(0), reject('ERR_JSON_NEGATIVE_ZERO'));
    }
  }
  {
    const signedBuyer = (change: Change): Doc => resign(mut(buyer, change), P.buyerKernel);
    // The compact envelope reads its key and signature (check 1) before the signed content.
    compactVector('signer-key-malformed-and-an-unsafe-integer', 'A receipt, signed again by its kernel, holding 2^53 + 1 and a kernel_key of 65 hex digits: the key is read first (SPEC.md 6.4), so it is malformed before its content is read.', signedBuyer((d) => ((d.kernel_key = `${d.kernel_key}0`), (d.timestamp = 9007199254740993))), 'kernel_key', reject('ERR_SIG_MALFORMED'));
    compactVector('signature-malformed-and-an-unsafe-integer', 'A receipt holding 2^53 + 1 whose signature has 127 hex digits: the signature is read before the signed content.', { ...buyer, timestamp: 9007199254740993, signature: buyer.signature.slice(0, 127) }, 'kernel_key', reject('ERR_SIG_MALFORMED'));
  }
}
