/**
 * Base58btc (multibase `z`, as did:key, Multikey and eddsa-jcs-2022's proofValue use it) against
 * an oracle written another way: the text as one big number (BigInt), its digits taken by
 * division. The reference works digit by digit in small numbers; the two must agree on every
 * input, leading zero bytes ('1' characters) and the empty string included.
 */
import { randomBytes } from 'node:crypto';
import t from 'tap';
import { fromBase58, toBase58 } from '../../src/encoding/bytes.js';

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function oracleTo(bytes: Uint8Array): string {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  let n = 0n;
  for (const b of bytes) n = n * 256n + BigInt(b);
  let out = '';
  for (; n > 0n; n /= 58n) out = ALPHABET[Number(n % 58n)] + out;
  return '1'.repeat(zeros) + out;
}

function oracleFrom(text: string): Uint8Array | undefined {
  let zeros = 0;
  while (zeros < text.length && text[zeros] === '1') zeros++;
  let n = 0n;
  for (const c of text) {
    const v = ALPHABET.indexOf(c);
    if (v < 0) return undefined;
    n = n * 58n + BigInt(v);
  }
  const body: number[] = [];
  for (; n > 0n; n /= 256n) body.unshift(Number(n % 256n));
  return new Uint8Array([...new Array<number>(zeros).fill(0), ...body]);
}

t.test('known values: the draft-msporny-base58 examples and the edges', async (t) => {
  const enc = new TextEncoder();
  t.equal(toBase58(enc.encode('Hello World!')), '2NEpo7TZRRrLZSi2U');
  t.equal(toBase58(enc.encode('The quick brown fox jumps over the lazy dog.')), 'USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z');
  t.equal(toBase58(new Uint8Array([0, 0, 0x28, 0x7f, 0xb4, 0xcd])), '11233QC4');
  t.equal(toBase58(new Uint8Array()), '');
  t.equal(toBase58(new Uint8Array([0])), '1');
  t.same(fromBase58('11233QC4'), new Uint8Array([0, 0, 0x28, 0x7f, 0xb4, 0xcd]));
  t.same(fromBase58(''), new Uint8Array());
  t.same(fromBase58('1'), new Uint8Array([0]));
  for (const bad of ['0', 'O', 'I', 'l', '2NEpo7TZRRrLZSi2U0', ' 2NEp', '2NEp\u00e9', '\ud83d\ude00']) t.equal(fromBase58(bad), undefined, JSON.stringify(bad));
});

t.test('agrees with the BigInt oracle on random bytes and random text, both ways', async (t) => {
  let checked = 0;
  for (let i = 0; i < 2000; i++) {
    const length = i % 80;
    const bytes = randomBytes(length);
    // Leading zero bytes in a quarter of them.
    if (i % 4 === 0) bytes.fill(0, 0, Math.min(length, i % 5));
    const text = toBase58(bytes);
    if (text !== oracleTo(bytes)) t.fail(`toBase58 of ${bytes.toString('hex')}`);
    if (Buffer.compare(Buffer.from(fromBase58(text) as Uint8Array), bytes) !== 0) t.fail(`round trip of ${bytes.toString('hex')}`);
    const random = '1'.repeat(i % 3) + Array.from({ length: i % 50 }, (_, k) => ALPHABET[(i * 7 + k * 13) % 58]).join('');
    if (Buffer.compare(Buffer.from(fromBase58(random) as Uint8Array), Buffer.from(oracleFrom(random) as Uint8Array)) !== 0) t.fail(`fromBase58 of ${random}`);
    checked++;
  }
  t.equal(checked, 2000);
});
