/**
 * Byte encodings at the edge of the crypto code (SPEC.md 6.4, 6.5): lowercase
 * hex, base58btc (multibase `z`), base64url without padding. Decoders are strict: one spelling per
 * value, so that two different strings never decode to the same bytes.
 */

const HEX = /^(?:[0-9a-f]{2})*$/;

/**
 * Lowercase hex of some bytes.
 *
 * @param bytes - the bytes.
 * @returns two lowercase hex digits per byte.
 */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/**
 * Bytes of a lowercase hex string. Upper case, odd length or any other character is refused.
 *
 * @param hex - the text.
 * @returns the bytes, or `undefined` when `hex` is not lowercase hex.
 */
export function fromHex(hex: string): Uint8Array | undefined {
  if (!HEX.test(hex)) return undefined;
  return new Uint8Array(Buffer.from(hex, 'hex'));
}

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const B58_INDEX = new Map([...B58].map((c, i) => [c, i]));

/**
 * Base58btc (the Bitcoin alphabet), as multibase `z` uses it.
 *
 * @param bytes - the bytes.
 * @returns the base58btc text (without the `z` multibase prefix).
 */
export function toBase58(bytes: Uint8Array): string {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  // Base-58 digits, least significant first: each byte multiplies them by 256 and adds itself.
  const digits: number[] = [];
  for (let i = zeros; i < bytes.length; i++) {
    let carry = bytes[i] as number;
    for (let j = 0; j < digits.length; j++) {
      carry += (digits[j] as number) * 256;
      digits[j] = carry % 58;
      carry = Math.floor(carry / 58);
    }
    for (; carry > 0; carry = Math.floor(carry / 58)) digits.push(carry % 58);
  }
  let out = '1'.repeat(zeros);
  for (let j = digits.length - 1; j >= 0; j--) out += B58[digits[j] as number];
  return out;
}

/**
 * Bytes of a base58btc string.
 *
 * @param text - base58btc text (without a multibase prefix).
 * @returns the bytes, or `undefined` when a character is outside the alphabet.
 */
export function fromBase58(text: string): Uint8Array | undefined {
  let zeros = 0;
  while (zeros < text.length && text[zeros] === '1') zeros++;
  // Bytes, least significant first: each digit multiplies them by 58 and adds itself.
  const body: number[] = [];
  for (let i = zeros; i < text.length; i++) {
    const v = B58_INDEX.get(text[i] as string);
    if (v === undefined) return undefined;
    let carry = v;
    for (let j = 0; j < body.length; j++) {
      carry += (body[j] as number) * 58;
      body[j] = carry & 0xff;
      carry >>= 8;
    }
    for (; carry > 0; carry >>= 8) body.push(carry & 0xff);
  }
  const out = new Uint8Array(zeros + body.length);
  for (let j = 0; j < body.length; j++) out[out.length - 1 - j] = body[j] as number;
  return out;
}

/**
 * Base64url without padding (RFC 4648 section 5), as JWK `x` uses it.
 *
 * @param bytes - the bytes.
 * @returns the text.
 */
export function toBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}

/**
 * Bytes of base64url text without padding. Padding, `+`, `/` and non-canonical trailing bits are
 * refused (they would give a second spelling of the same bytes).
 *
 * @param text - the text.
 * @returns the bytes, or `undefined`.
 */
export function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const bytes = new Uint8Array(Buffer.from(text, 'base64url'));
  return toBase64Url(bytes) === text ? bytes : undefined;
}
