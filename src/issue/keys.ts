/**
 * Ed25519 keys for the issuing side (SPEC.md 6.5): generate a key pair, and import and export it
 * in the forms writ's documents use: a JWK (`OKP`, `Ed25519`, RFC 8037), a Multikey (`z6Mk...`),
 * a did:key, and raw lowercase hex (the compact envelope's signer members).
 *
 * A secret key is never printed by accident: a {@link SigningKey}'s seed is not an enumerable
 * property, so `JSON.stringify`, `console.log` and spreading leave it out. It leaves the object
 * only through {@link exportJwk} with `{ secret: true }` or {@link secretOf}, by name.
 */
import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { publicKeyOf } from '../crypto/ed25519.js';
import { fromMultikey, fromKeyHex, toDidKey, toMultikey } from '../crypto/keys.js';
import { fromBase58, fromBase64Url, fromHex, toBase58, toBase64Url, toHex } from '../encoding/bytes.js';
import { isRecord } from '../encoding/json.js';
import { fail, type Refusal } from '../issues.js';

/** An Ed25519 public key: what verifies. */
export interface PublicKey {
  /** The 32-byte public key. */
  readonly publicKey: Uint8Array;
}

/** An Ed25519 key pair: what signs. Its seed is held out of sight (see the file comment). */
export interface SigningKey extends PublicKey {
  /** Always true: the seed is there, reachable through {@link secretOf}. */
  readonly signing: true;
}

/** A key read, or why it could not be. */
export type KeyRead<K extends PublicKey = PublicKey | SigningKey> = { readonly ok: true; readonly key: K } | Refusal<'ERR_KEY_MALFORMED'>;

/** The forms a public key is written in. */
export type PublicKeyFormat = 'jwk' | 'multikey' | 'did-key' | 'hex';

/** The forms a secret key is written in: a Multikey `secretKeyMultibase` (`z3u2...`) or the seed in hex. */
export type SecretKeyFormat = 'multikey' | 'hex';

/** The multicodec header of an Ed25519 private key (ed25519-priv, 0x1300 as a varint). */
const SECRET_HEADER = [0x80, 0x26] as const;

const SEEDS = new WeakMap<SigningKey, Uint8Array>();

/** The public key, frozen, with a readable form for `console.log` that shows no secret. */
function publicOnly(publicKey: Uint8Array): PublicKey {
  const key = { publicKey: Uint8Array.from(publicKey) };
  Object.defineProperty(key, inspect.custom, { value: () => `PublicKey ${toDidKey(key.publicKey)}` });
  return Object.freeze(key);
}

function signing(seed: Uint8Array): SigningKey {
  const key = { publicKey: publicKeyOf(seed), signing: true as const };
  Object.defineProperty(key, inspect.custom, { value: () => `SigningKey ${toDidKey(key.publicKey)} (secret not shown)` });
  Object.freeze(key);
  SEEDS.set(key, Uint8Array.from(seed));
  return key;
}

const malformed = (path: string, message: string): Refusal<'ERR_KEY_MALFORMED'> => fail('ERR_KEY_MALFORMED', path, message);

/**
 * Generate an Ed25519 key pair from 32 random bytes of the operating system's generator.
 *
 * @returns the signing key.
 * @example
 * ```ts
 * const key = generateKeyPair();
 * exportPublicKey(key, 'did-key'); // 'did:key:z6Mk...'
 * ```
 */
export function generateKeyPair(): SigningKey {
  return signing(new Uint8Array(randomBytes(32)));
}

/**
 * The signing key of a 32-byte seed (RFC 8032's private key).
 *
 * @param seed - 32 bytes.
 * @returns the key, or `ERR_KEY_MALFORMED`.
 * @example
 * ```ts
 * signingKeyOf(new Uint8Array(32)).ok; // true
 * ```
 */
export function signingKeyOf(seed: Uint8Array): KeyRead<SigningKey> {
  if (!(seed instanceof Uint8Array) || seed.length !== 32) return malformed('', 'an Ed25519 seed is 32 bytes');
  return { ok: true, key: signing(seed) };
}

/**
 * The 32-byte seed of a signing key, asked for by name.
 *
 * @param key - a key from this module.
 * @returns a copy of the seed.
 * @example
 * ```ts
 * signEd25519(message, secretOf(key));
 * ```
 */
export function secretOf(key: SigningKey): Uint8Array {
  const seed = SEEDS.get(key);
  if (seed === undefined) throw new TypeError('secretOf: not a signing key made by writ (generateKeyPair, importJwk, signingKeyOf)');
  return Uint8Array.from(seed);
}

/** Whether a key holds a seed. */
export const isSigningKey = (key: PublicKey): key is SigningKey => SEEDS.has(key as SigningKey);

/**
 * Read a JWK (RFC 8037): `{ kty: "OKP", crv: "Ed25519", x }`, with `d` for a signing key. `x`
 * and `d` are unpadded base64url in their one spelling (SPEC.md 6.5), 32 bytes each, and `d`'s
 * public key must be `x`. Other members (`kid`, `use`, `alg`, `key_ops`) are allowed and not
 * kept.
 *
 * @param jwk - the JWK (an object).
 * @returns the key, or `ERR_KEY_MALFORMED` at the member at fault.
 * @example
 * ```ts
 * importJwk({ kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' }).ok; // true
 * ```
 */
export function importJwk(jwk: unknown): KeyRead {
  if (!isRecord(jwk)) return malformed('', 'a JWK is a JSON object');
  if (jwk['kty'] !== 'OKP') return malformed('/kty', `an Ed25519 JWK has kty "OKP", not ${JSON.stringify(jwk['kty'])}`);
  if (jwk['crv'] !== 'Ed25519') return malformed('/crv', `an Ed25519 JWK has crv "Ed25519", not ${JSON.stringify(jwk['crv'])}`);
  if (jwk['alg'] !== undefined && jwk['alg'] !== 'EdDSA' && jwk['alg'] !== 'Ed25519') return malformed('/alg', `an Ed25519 JWK's alg, when given, is EdDSA or Ed25519, not ${JSON.stringify(jwk['alg'])}`);
  const x = typeof jwk['x'] === 'string' ? fromBase64Url(jwk['x']) : undefined;
  if (x?.length !== 32) return malformed('/x', 'x is the 32-byte public key in unpadded base64url, written in its one spelling');
  if (jwk['d'] === undefined) return { ok: true, key: publicOnly(x) };
  const d = typeof jwk['d'] === 'string' ? fromBase64Url(jwk['d']) : undefined;
  if (d?.length !== 32) return malformed('/d', 'd is the 32-byte seed in unpadded base64url, written in its one spelling');
  const key = signing(d);
  if (toHex(key.publicKey) !== toHex(x)) return malformed('/x', 'x is not the public key of d: the two members are not one key pair');
  return { ok: true, key };
}

/**
 * Read a public key written as a Multikey (`z6Mk...`), a did:key (`did:key:z6Mk...`, with or
 * without its `#z6Mk...` fragment, which must then name the same key), or 64 lowercase hex digits.
 *
 * @param text - the key.
 * @returns the key, or `ERR_KEY_MALFORMED`.
 * @example
 * ```ts
 * importPublicKey('did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2').ok; // true
 * ```
 */
export function importPublicKey(text: unknown): KeyRead<PublicKey> {
  if (typeof text !== 'string') return malformed('', 'a public key is written as text: a Multikey, a did:key or 64 hex digits');
  if (text.startsWith('did:key:')) {
    const [mb, fragment, ...more] = text.slice('did:key:'.length).split('#');
    const key = mb === undefined ? undefined : fromMultikey(mb);
    if (key === undefined || more.length > 0 || (fragment !== undefined && fragment !== mb)) return malformed('', `${JSON.stringify(text.slice(0, 80))} is not the did:key of one Ed25519 key`);
    return { ok: true, key: publicOnly(key) };
  }
  const key = text.startsWith('z') ? fromMultikey(text) : fromKeyHex(text);
  if (key === undefined) return malformed('', `${JSON.stringify(text.slice(0, 80))} is neither an Ed25519 Multikey (z6Mk...), nor a did:key, nor 64 lowercase hex digits`);
  return { ok: true, key: publicOnly(key) };
}

/**
 * A key as a JWK: the public members, and `d` only when asked for.
 *
 * @param key - the key.
 * @param options - `secret: true` to include `d` (a signing key's seed).
 * @returns `{ kty, crv, x }` or `{ kty, crv, x, d }`.
 * @example
 * ```ts
 * exportJwk(generateKeyPair()); // { kty: 'OKP', crv: 'Ed25519', x: '...' }
 * ```
 */
export function exportJwk(key: PublicKey, options: { readonly secret?: boolean } = {}): { kty: 'OKP'; crv: 'Ed25519'; x: string; d?: string } {
  const jwk = { kty: 'OKP' as const, crv: 'Ed25519' as const, x: toBase64Url(key.publicKey) };
  if (options.secret !== true) return jwk;
  if (!isSigningKey(key)) throw new TypeError('exportJwk: a public key has no secret to export');
  return { ...jwk, d: toBase64Url(secretOf(key)) };
}

/**
 * A public key in one of its written forms.
 *
 * @param key - the key.
 * @param format - `multikey`, `did-key`, `hex`, or `jwk` (the JWK as JSON text).
 * @returns the text.
 * @example
 * ```ts
 * exportPublicKey(key, 'hex'); // 64 hex digits, as a receipt's kernel_key
 * ```
 */
export function exportPublicKey(key: PublicKey, format: PublicKeyFormat): string {
  switch (format) {
    case 'multikey':
      return toMultikey(key.publicKey);
    case 'did-key':
      return toDidKey(key.publicKey);
    case 'hex':
      return toHex(key.publicKey);
    case 'jwk':
      return JSON.stringify(exportJwk(key));
  }
}

/**
 * Read a signing key written as a Multikey `secretKeyMultibase` (`z` + base58btc of 0x80 0x26 and
 * the 32-byte seed, as the W3C Data Integrity EdDSA suites' test keys are), or as the seed in 64
 * lowercase hex digits.
 *
 * @param text - the secret.
 * @returns the signing key, or `ERR_KEY_MALFORMED` (whose message never repeats the secret).
 * @example
 * ```ts
 * importSecretKey('z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq').ok; // true
 * ```
 */
export function importSecretKey(text: unknown): KeyRead<SigningKey> {
  if (typeof text !== 'string') return malformed('', 'a secret key is written as text: a Multikey (z3u2...) or 64 hex digits');
  let seed: Uint8Array | undefined;
  if (text.startsWith('z')) {
    const bytes = fromBase58(text.slice(1));
    const ok = bytes?.length === 34 && bytes[0] === SECRET_HEADER[0] && bytes[1] === SECRET_HEADER[1] && `z${toBase58(bytes)}` === text;
    seed = ok ? bytes.slice(2) : undefined;
  } else {
    const bytes = fromHex(text);
    seed = bytes?.length === 32 ? bytes : undefined;
  }
  return seed === undefined ? malformed('', 'the text is neither an Ed25519 secret Multikey (z3u2..., 0x80 0x26 and 32 bytes) nor 64 lowercase hex digits') : { ok: true, key: signing(seed) };
}

/**
 * A signing key's seed in one of its written forms, asked for by name.
 *
 * @param key - the signing key.
 * @param format - `multikey` (`z3u2...`) or `hex`.
 * @returns the text.
 * @example
 * ```ts
 * exportSecretKey(key, 'multikey'); // 'z3u2...'
 * ```
 */
export function exportSecretKey(key: SigningKey, format: SecretKeyFormat): string {
  const seed = secretOf(key);
  return format === 'hex' ? toHex(seed) : `z${toBase58(new Uint8Array([...SECRET_HEADER, ...seed]))}`;
}
