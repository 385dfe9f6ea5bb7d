/**
 * The two signature envelopes (SPEC.md 6.4).
 *
 * - *compact*: a document carries its signer's key (`kernel_key`, `issuer`, `delegator`) and a
 *   `signature` member: Ed25519, hex, over the RFC 8785 bytes of the document without
 *   `signature` (chio's capability tokens, delegation links and receipts).
 * - *Data Integrity*, cryptosuite `eddsa-jcs-2022` (W3C vc-di-eddsa): a `proof` member whose
 *   `proofValue` is `z` + base58btc of Ed25519 over SHA-256(JCS(proof options)) ||
 *   SHA-256(JCS(document without proof)) (credentials, manifests, mandates, intent traces).
 */
import { fromBase58, toBase58, toHex } from '../encoding/bytes.js';
import { sign } from './ed25519.js';
import { sha256Bytes } from './hash.js';
import { canonicalBytes } from './jcs.js';

type Json = Record<string, unknown>;

/**
 * Sign a document with the compact envelope.
 *
 * @param doc - the document, without `signature`.
 * @param seed - the signer's 32-byte seed.
 * @param omit - members left out of the signed bytes besides `signature` (chio leaves out `algorithm`).
 * @returns a copy of the document with `signature` (128 lowercase hex digits) added.
 */
export function signCompact<T extends Json>(doc: T, seed: Uint8Array, omit: readonly string[] = []): T & { signature: string } {
  const body: Json = { ...doc };
  for (const k of ['signature', ...omit]) delete body[k];
  return { ...doc, signature: toHex(sign(canonicalBytes(body), seed)) };
}

/** Options of a Data Integrity proof, everything but `proofValue`. */
export interface ProofOptions {
  readonly type: 'DataIntegrityProof';
  readonly cryptosuite: 'eddsa-jcs-2022';
  readonly created?: string;
  readonly expires?: string;
  readonly verificationMethod: string;
  readonly proofPurpose: string;
  readonly domain?: string;
  readonly challenge?: string;
  readonly nonce?: string;
}

/**
 * The 64 bytes an eddsa-jcs-2022 signature covers: SHA-256 of the canonical proof options
 * (with the document's `@context`, when it has one), then SHA-256 of the canonical document
 * without `proof`.
 *
 * @param doc - the document (its `proof`, if any, is ignored).
 * @param options - the proof options without `proofValue`.
 * @returns the 64-byte hash data.
 */
export function dataIntegrityHashData(doc: Json, options: Json): Uint8Array {
  const { proof: _proof, ...unsecured } = doc;
  const config: Json = { ...options };
  delete config['proofValue'];
  if (doc['@context'] !== undefined) config['@context'] = doc['@context'];
  return new Uint8Array([...sha256Bytes(canonicalBytes(config)), ...sha256Bytes(canonicalBytes(unsecured))]);
}

/**
 * Add an eddsa-jcs-2022 Data Integrity proof to a document.
 *
 * @param doc - the document, without `proof`.
 * @param options - proof options (type, cryptosuite, verificationMethod, proofPurpose, created...).
 * @param seed - the signer's 32-byte seed.
 * @returns a copy with `proof` = options (+ the document's `@context`) + `proofValue`.
 */
export function signDataIntegrity<T extends Json>(doc: T, options: ProofOptions, seed: Uint8Array): T & { proof: Json } {
  const signature = sign(dataIntegrityHashData(doc, options as unknown as Json), seed);
  const proof: Json = { ...options };
  if (doc['@context'] !== undefined) proof['@context'] = doc['@context'];
  proof['proofValue'] = `z${toBase58(signature)}`;
  return { ...doc, proof };
}

/**
 * The signature bytes in a `proofValue`.
 *
 * @param proofValue - `z` + base58btc.
 * @returns 64 bytes, or `undefined` when the value is not a multibase base58btc Ed25519 signature.
 */
export function proofValueBytes(proofValue: string): Uint8Array | undefined {
  if (!proofValue.startsWith('z')) return undefined;
  const bytes = fromBase58(proofValue.slice(1));
  return bytes?.length === 64 ? bytes : undefined;
}
