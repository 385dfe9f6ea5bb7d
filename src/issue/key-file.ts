/**
 * Key files: a signing key is kept as its JWK (RFC 8037, with `d`), one JSON object per file,
 * written whole and owner-only (`0o600`), and read only when nobody else can read it, as ssh
 * treats a private key. A key file is never replaced: a lost seed cannot be recovered.
 */
import { parseJson } from '../encoding/json.js';
import { entryKind, readFileCapped, writeFileWhole } from '../io/files.js';
import { fail, type Refusal } from '../issues.js';
import { exportJwk, importJwk, isSigningKey, type KeyRead, type PublicKey, type SigningKey } from './keys.js';

/** Why a key file could not be read or written. */
export type KeyFileRefusal = Refusal<'ERR_IO_NOT_FOUND' | 'ERR_IO_READ' | 'ERR_IO_WRITE' | 'ERR_JSON_TOO_LARGE' | 'ERR_KEY_MALFORMED'>;

/** A key file is small: 4 KiB holds any JWK with room for a kid. */
const KEY_FILE_MAX_BYTES = 4096;

/**
 * Write a signing key to a new file, as its JWK with `d`, readable and writable by its owner
 * only.
 *
 * @param path - the file; it must not exist yet.
 * @param key - the signing key.
 * @returns `undefined`, or `ERR_IO_WRITE` saying why not.
 * @example
 * ```ts
 * writeKeyFile('buyer.key.json', generateKeyPair());
 * ```
 */
export function writeKeyFile(path: string, key: SigningKey): KeyFileRefusal | undefined {
  const kind = entryKind(path);
  if (kind !== 'missing') return fail('ERR_IO_WRITE', path, `${path} already exists: writ never replaces a key file (a lost seed cannot be recovered); choose another name or remove it first`);
  const wrote = writeFileWhole(path, `${JSON.stringify(exportJwk(key, { secret: true }), null, 2)}\n`, { mode: 0o600 });
  return wrote === undefined ? undefined : fail(wrote.code, path, wrote.message);
}

/**
 * Read a key file: a JWK, with `d` (a signing key) or without (a public key). A file holding a
 * secret that its group or others may read is refused, as ssh refuses it.
 *
 * @param path - the file.
 * @returns the key, or why it could not be read.
 * @example
 * ```ts
 * const read = readKeyFile('buyer.key.json');
 * if (read.ok) signCompact(receipt, secretOf(read.key as SigningKey));
 * ```
 */
export function readKeyFile(path: string): KeyRead<PublicKey | SigningKey> | KeyFileRefusal {
  const file = readFileCapped(path, KEY_FILE_MAX_BYTES);
  if (!file.ok) return file;
  const parsed = parseJson(file.bytes);
  if (!parsed.ok) return fail('ERR_KEY_MALFORMED', path, `${path} is not a JWK: ${parsed.message}`);
  const read = importJwk(parsed.value);
  if (!read.ok) return { ...read, path: `${path}#${read.path}`, message: `${path}: ${read.message}` };
  if (isSigningKey(read.key) && (file.mode & 0o077) !== 0) {
    return fail('ERR_IO_READ', path, `${path} holds a secret key and others may read it (mode ${(file.mode & 0o777).toString(8).padStart(3, '0')}): make it owner-only (chmod 600 ${path}) and use a new key if anyone else could have read this one`);
  }
  return read;
}

/**
 * Read a signing key from an environment variable holding its JWK (JSON text), for CI runners
 * that hand secrets over in the environment.
 *
 * @param name - the variable's name.
 * @param env - the environment (`process.env` by default).
 * @returns the signing key, or why there is none.
 * @example
 * ```ts
 * readKeyFromEnv('WRIT_KEY');
 * ```
 */
export function readKeyFromEnv(name: string, env: Readonly<Record<string, string | undefined>> = process.env): KeyRead<SigningKey> | Refusal<'ERR_IO_NOT_FOUND' | 'ERR_KEY_MALFORMED'> {
  const text = env[name];
  if (text === undefined || text === '') return fail('ERR_IO_NOT_FOUND', `$${name}`, `the environment variable ${name} is not set`);
  const parsed = parseJson(text);
  if (!parsed.ok) return fail('ERR_KEY_MALFORMED', `$${name}`, `${name} does not hold a JWK: ${parsed.message}`);
  const read = importJwk(parsed.value);
  if (!read.ok) return { ...read, path: `$${name}#${read.path}`, message: `${name}: ${read.message}` };
  if (!isSigningKey(read.key)) return fail('ERR_KEY_MALFORMED', `$${name}#/d`, `${name} holds a public key: signing needs the JWK with its d`);
  return read as KeyRead<SigningKey>;
}
