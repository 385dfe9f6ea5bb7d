/**
 * The example parties and fixtures for the builders' tests: each party's key from its public
 * label (SPEC.md 9: the seed is SHA-256 of `writ/v1.0.0/examples/<label>`), each committed
 * fixture as its bytes, and how a builder's artifact is written as a fixture is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signDataIntegrity } from '../../src/crypto/envelopes.js';
import { sha256Bytes } from '../../src/crypto/hash.js';
import { didKeyVerificationMethod } from '../../src/crypto/keys.js';
import { exportPublicKey, importPublicKey, secretOf, signingKeyOf, type PublicKey, type SigningKey } from '../../src/issue/keys.js';
import { ROOT } from '../helpers.js';

/** The signing key of an example party. */
export function partyKey(label: string): SigningKey {
  const read = signingKeyOf(sha256Bytes(new TextEncoder().encode(`writ/v1.0.0/examples/${label}`)));
  if (!read.ok) throw new Error(read.message);
  return read.key;
}

/** A signing key's public half alone: what cannot sign. */
export function publicOnly(key: SigningKey): PublicKey {
  const read = importPublicKey(exportPublicKey(key, 'did-key'));
  if (!read.ok) throw new Error(read.message);
  return read.key;
}

export const merchant = partyKey('commerce-rails/dreamineering');
export const user = partyKey('commerce-rails/user');
export const agent = partyKey('commerce-rails/shopping-agent');
export const recorder = partyKey('commerce-rails/trace-recorder');
export const stranger = partyKey('other/stranger');

export const didKeyOf = (key: PublicKey): string => exportPublicKey(key, 'did-key');

export const MERCHANT_DID = 'did:web:dreamineering.com';
export const MERCHANT_VM = `${MERCHANT_DID}#key-1`;

/** A valid fixture's path: `identity/merchant-credential`, `dreamineering-self-issued.commerce-rails`. */
const pathOf = (id: string, name: string): string => {
  const [family, doc] = id.split('/') as [string, string];
  return join(ROOT, 'examples', 'v1.0.0', family, doc, 'valid', `${doc}.${name}.json`);
};

/** A committed valid fixture's text. */
export const fixtureText = (id: string, name: string): string => readFileSync(pathOf(id, name), 'utf8');

/** A committed valid fixture, parsed. */
export const fixture = <T = any>(id: string, name: string): T => JSON.parse(fixtureText(id, name)) as T;

/** A committed file of the seven-station transaction, parsed. */
export const transactionFile = <T = any>(path: string): T => JSON.parse(readFileSync(join(ROOT, 'examples', 'v1.0.0', 'transactions', 'seven-station', path), 'utf8')) as T;

/** An artifact written as the fixtures are. */
export const text = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** The merchant's DID document, as a caller gives it. */
export const documents = new Map<string, unknown>([[MERCHANT_DID, fixture('identity/did-document', 'dreamineering.commerce-rails')]]);

/** A document without some members: what a builder is given. */
export function without<T extends object>(doc: T, ...members: string[]): any {
  const copy: Record<string, unknown> = { ...(doc as Record<string, unknown>) };
  for (const m of members) delete copy[m];
  return copy;
}

/** A key's did:key verification method. */
export const vmOf = (key: PublicKey): string => didKeyVerificationMethod(key.publicKey);

/** A document proved by hand, as a producer without the builders would: what the verifier is asked about. */
export function handProved<T extends object>(body: T, key: SigningKey, verificationMethod: string, created: string): any {
  return signDataIntegrity(body as Record<string, unknown>, { type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', created, verificationMethod, proofPurpose: 'assertionMethod' }, secretOf(key));
}
