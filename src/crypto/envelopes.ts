/**
 * The two signature envelopes (SPEC.md 6.4).
 *
 * - *compact*: a document carries its signer's key (`kernel_key`, `issuer`, `delegator`,
 *   `revoked_by`) and a `signature` member: Ed25519, lowercase hex, over the RFC 8785 bytes of the
 *   document without `signature` and `algorithm` (chio's envelope).
 * - *Data Integrity*, cryptosuite `eddsa-jcs-2022` (W3C vc-di-eddsa): a `proof` member whose
 *   `proofValue` is `z` + base58btc of Ed25519 over SHA-256(JCS(proof options)) ||
 *   SHA-256(JCS(document without proof)).
 *
 * Verification never throws: every outcome is a {@link Verdict} with a code.
 */
import { fromBase58, fromHex, toBase58, toHex } from '../encoding/bytes.js';
import { isRecord } from '../encoding/json.js';
import { compareInstants, instantOfSeconds, readRfc3339 } from '../encoding/time.js';
import { fail, freezeDeep, pass, type Refusal, type Verdict } from '../issues.js';
import { precheckEd25519, signEd25519, verifyEd25519, type Ed25519Options } from './ed25519.js';
import { sha256Bytes } from './hash.js';
import { notPlainMessage, snapshotJson } from '../encoding/snapshot.js';
import { canonicalBytes, canonicalJson, canonicalUtf8, signedContentIssue, type CanonicalError } from './jcs.js';
import { resolveVerificationMethod, type DidDocuments } from './resolve.js';

/** A JSON object as a signer or verifier handles it: plain parsed JSON, member name to value. */
export type SignableDocument = Record<string, unknown>;


/** Members the compact envelope leaves out of the signed bytes. */
export const COMPACT_UNSIGNED = ['signature', 'algorithm'] as const;

// Stryker disable all: the issuing side (signing), which no verification vector can reach; producer conformance is to measure it
/**
 * The bytes a compact signature covers: the canonical form of the document without its
 * unsigned members.
 *
 * @param doc - the document.
 * @returns the canonical UTF-8 bytes.
 */
export function compactSigningBytes(doc: SignableDocument): Uint8Array {
  return canonicalBytes(compactBody(doc));
}
// Stryker restore all

/** The document without the members the compact envelope leaves out of the signed bytes. */
function compactBody(doc: SignableDocument): SignableDocument {
  const body: SignableDocument = { ...doc };
  for (const k of COMPACT_UNSIGNED) delete body[k];
  return body;
}

// Stryker disable all: the issuing side (signing), which no verification vector can reach; producer conformance is to measure it
/**
 * Sign a document with the compact envelope.
 *
 * @param doc - the document, with its signer key member and without `signature`.
 * @param seed - the signer's 32-byte seed.
 * @param options - Ed25519 backend.
 * @returns a copy with `signature` (128 lowercase hex digits) added.
 * @example
 * ```ts
 * const signed = signCompact({ capability_id: 'cap-1', revoked_at: 1776272790, revoked_by: toHex(publicKeyOf(seed)) }, seed);
 * verifyCompact(signed, 'revoked_by').ok; // true
 * ```
 */
export function signCompact<T extends SignableDocument>(doc: T, seed: Uint8Array, options: Ed25519Options = {}): T & { signature: string } {
  return { ...doc, signature: toHex(signEd25519(compactSigningBytes(doc), seed, options)) };
}
// Stryker restore all

/**
 * Verify a compact signature.
 *
 * @param doc - the document (any value: a non-object is refused with a code).
 * @param signerMember - the member holding the signer's hex key (`issuer`, `kernel_key`, ...).
 * @param options - Ed25519 backend.
 * @returns a passing verdict, or `ERR_SIG_MISSING`, `ERR_SIG_MALFORMED`, `ERR_SIG_NON_CANONICAL`,
 *   `ERR_SIG_SMALL_ORDER`, `ERR_SIG_INVALID`, `ERR_JSON_NEGATIVE_ZERO`, `ERR_JSON_UNSAFE_INTEGER`,
 *   `ERR_JSON_NOT_PLAIN`, `ERR_JSON_TOO_DEEP`.
 * @example
 * ```ts
 * verifyCompact(receipt, 'kernel_key').ok; // true for a receipt signed by its kernel
 * ```
 */
export function verifyCompact(doc: unknown, signerMember: string, options: Ed25519Options = {}): Verdict {
  if (typeof signerMember !== 'string') return fail('ERR_USAGE_INVALID_ARGUMENT', '', 'verifyCompact: the signer member must be a string, such as "issuer" or "kernel_key"');
  const optionsProblem = ed25519OptionsProblem(options);
  if (optionsProblem !== undefined) return optionsProblem;
  // Read once, into a frozen copy; a copy verified once keeps its verdict (SPEC.md 3).
  const snap = snapshotJson(doc);
  if (!snap.ok) return fail(snap.code, snap.path, notPlainMessage(snap));
  const value = snap.value;
  if (!isRecord(value)) return fail('ERR_SIG_MISSING', '', 'a signed document must be a JSON object');
  // Length-prefixed, so no member name and backend can spell another pair's key.
  const key = `${signerMember.length}:${signerMember}:${options.backend ?? 'native'}`;
  const memo = COMPACT_VERDICTS.get(value);
  const known = memo?.get(key);
  if (known !== undefined) return known;
  // Frozen: the verdict is handed to every later caller that verifies this snapshot.
  const verdict = freezeDeep(compactVerdict(value, signerMember, options));
  if (memo === undefined) COMPACT_VERDICTS.set(value, new Map([[key, verdict]]));
  else memo.set(key, verdict);
  return verdict;
}

const COMPACT_VERDICTS = new WeakMap<object, Map<string, Verdict>>();

/** Options that are not an object, or name a backend that does not exist, are a caller's mistake, answered with a code. */
function ed25519OptionsProblem(options: unknown): Refusal | undefined {
  if (options === null || typeof options !== 'object') return fail('ERR_USAGE_INVALID_ARGUMENT', '', 'the options must be an object');
  const backend = (options as { backend?: unknown }).backend;
  if (backend !== undefined && backend !== 'native' && backend !== 'portable') return fail('ERR_USAGE_INVALID_ARGUMENT', '', "the backend must be 'native' or 'portable'");
  return undefined;
}
/** Whether a snapshot's proof verifies under a key (hex and backend): the equation is solved once. */
const PROOFS_VERIFIED = new WeakMap<object, Map<string, boolean>>();

function compactVerdict(doc: SignableDocument, signerMember: string, options: Ed25519Options): Verdict {
  const key = doc[signerMember];
  const signature = doc['signature'];
  if (typeof key !== 'string') return fail('ERR_SIG_MISSING', `/${signerMember}`, `the document names no signer key in ${signerMember}`);
  if (typeof signature !== 'string') return fail('ERR_SIG_MISSING', '/signature', 'the document carries no signature');
  const pk = fromHex(key);
  if (pk?.length !== 32) return fail('ERR_SIG_MALFORMED', `/${signerMember}`, `${signerMember} must be 64 lowercase hex digits (an Ed25519 key)`);
  const sig = fromHex(signature);
  if (sig?.length !== 64) return fail('ERR_SIG_MALFORMED', '/signature', 'signature must be 128 lowercase hex digits (an Ed25519 signature)');
  const content = signedContentIssue(doc);
  if (content !== undefined) return fail(content.code, content.path, content.message);
  const pre = precheckVerdict(sig, pk, '/signature', `/${signerMember}`);
  if (pre !== undefined) return pre;
  // Not compactSigningBytes, which throws: a document that has no canonical form (a polluted
  // runtime) is refused with a code, never a crash.
  const canonical = canonicalUtf8(compactBody(doc));
  if (!canonical.ok) return fail(canonical.code, canonical.path, `no canonical form: ${canonical.message}`);
  if (!verifyEd25519(sig, canonical.bytes, pk, options)) {
    return fail('ERR_SIG_INVALID', '/signature', `the signature does not verify under ${signerMember} ${key}: the document was changed after signing, or another key signed it`);
  }
  return pass(`signed by ${signerMember} ${key}`, { signer: key });
}

/**
 * The checks every Ed25519 verification runs before the equation (SPEC.md 6.4), as a verdict.
 *
 * @param sig - the signature bytes.
 * @param pk - the key bytes.
 * @param sigPath - where the signature is, for the verdict's path.
 * @param keyPath - where the key is.
 * @returns `undefined`, or `ERR_SIG_MALFORMED`, `ERR_SIG_NON_CANONICAL`, `ERR_SIG_SMALL_ORDER`.
 */
export function precheckVerdict(sig: Uint8Array, pk: Uint8Array, sigPath: string, keyPath: string): Verdict | undefined {
  const refusal = precheckEd25519(sig, pk);
  if (refusal === undefined) return undefined;
  const [path, what] = refusal.part === 'key' ? [keyPath, 'the key'] : [sigPath, "the signature's R"];
  // The code is the refusal's own (one mapping from reason to code, in ed25519.ts); only the
  // path and the words are chosen here.
  switch (refusal.reason) {
    case 'non_canonical_s':
      return fail(refusal.code, sigPath, 'the signature is malleable: its S is not below the group order');
    case 'small_order':
      return fail(refusal.code, path, `${what} is a point of small order`);
    case 'non_canonical_point':
      return fail(refusal.code, path, `${what} is not a canonical point encoding`);
    default:
      return fail(refusal.code, path, `${refusal.part === 'key' ? 'the key must be 32 bytes' : 'the signature must be 64 bytes'}`);
  }
}

/** Options of a Data Integrity proof, everything but `proofValue` and `@context`. */
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

// Stryker disable all: the issuing side (signing), which no verification vector can reach; producer conformance is to measure it
/**
 * The 64 bytes an eddsa-jcs-2022 signature covers.
 *
 * @param unsecured - the document without `proof`.
 * @param proofOptions - the proof without `proofValue` (with its `@context`, when it has one).
 * @returns SHA-256(JCS(proofOptions)) || SHA-256(JCS(unsecured)).
 */
export function dataIntegrityHashData(unsecured: SignableDocument, proofOptions: SignableDocument): Uint8Array {
  const r = hashData(unsecured, proofOptions);
  if (!r.ok) throw new TypeError(`not plain JSON at ${r.path}: ${r.message}`);
  return r.bytes;
}
// Stryker restore all

/** The eddsa-jcs-2022 hash data, or the part that has no canonical form and where. */
function hashData(unsecured: SignableDocument, proofOptions: SignableDocument): { ok: true; bytes: Uint8Array } | CanonicalError {
  const options = canonicalUtf8(proofOptions);
  if (!options.ok) return { ...options, path: `/proof${options.path}` };
  const document = canonicalUtf8(unsecured);
  if (!document.ok) return document;
  return { ok: true, bytes: new Uint8Array([...sha256Bytes(options.bytes), ...sha256Bytes(document.bytes)]) };
}

// Stryker disable all: the issuing side (signing), which no verification vector can reach; producer conformance is to measure it
/**
 * Add an eddsa-jcs-2022 Data Integrity proof to a document.
 *
 * @param doc - the document, without `proof`.
 * @param options - the proof options.
 * @param seed - the signer's 32-byte seed.
 * @param backend - Ed25519 backend.
 * @returns a copy with `proof` = options, the document's `@context` when it has one, and `proofValue`.
 * @example
 * ```ts
 * const vc = signDataIntegrity(credential, { type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', verificationMethod: didKeyVerificationMethod(pk), proofPurpose: 'assertionMethod' }, seed);
 * ```
 */
export function signDataIntegrity<T extends SignableDocument>(doc: T, options: ProofOptions, seed: Uint8Array, backend: Ed25519Options = {}): T & { proof: SignableDocument } {
  const { proof: _old, ...unsecured } = doc;
  const proofOptions: SignableDocument = { ...options };
  if (doc['@context'] !== undefined) proofOptions['@context'] = doc['@context'];
  const signature = signEd25519(dataIntegrityHashData(unsecured, proofOptions), seed, backend);
  return { ...doc, proof: { ...proofOptions, proofValue: `z${toBase58(signature)}` } };
}
// Stryker restore all

/** What {@link verifyDataIntegrity} needs besides the document. */
export interface DataIntegrityOptions extends Ed25519Options {
  /** DID documents the caller supplies, by DID (did:key needs none). */
  readonly documents?: DidDocuments;
  /** The purpose the document must be signed for; any listed purpose when absent. */
  readonly purpose?: string;
  /** The time of verification, Unix seconds, for `expires`; unchecked when absent. */
  readonly now?: number;
}

/**
 * How both proof verifiers start: the options checked, the document read once into a frozen
 * copy (SPEC.md 3; the equation for a copy and a key is solved once), and that copy an object.
 */
function securedDocument(input: unknown, options: DataIntegrityOptions): { readonly ok: true; readonly doc: Readonly<Record<string, unknown>> } | Refusal {
  const optionsProblem = ed25519OptionsProblem(options);
  if (optionsProblem !== undefined) return optionsProblem;
  const snap = snapshotJson(input);
  if (!snap.ok) return fail(snap.code, snap.path, notPlainMessage(snap));
  const doc = snap.value;
  if (!isRecord(doc)) return fail('ERR_PROOF_MISSING', '', 'a secured document must be a JSON object');
  return { ok: true, doc };
}

/**
 * Verify an eddsa-jcs-2022 Data Integrity proof.
 *
 * @param input - the document (any value: it is read once, into a frozen copy).
 * @param options - DID documents, expected purpose, time, backend.
 * @returns a passing verdict whose details name the signer DID, or `ERR_PROOF_MISSING`,
 *   `ERR_PROOF_UNSUPPORTED`, `ERR_PROOF_MALFORMED`, `ERR_PROOF_CONTEXT_MISMATCH`,
 *   `ERR_PROOF_PURPOSE`, `ERR_PROOF_EXPIRED`, `ERR_PROOF_INVALID`, `ERR_KEY_MALFORMED`,
 *   `ERR_KEY_UNRESOLVED`, `ERR_SIG_NON_CANONICAL`, `ERR_SIG_SMALL_ORDER`,
 *   `ERR_JSON_NEGATIVE_ZERO`, `ERR_JSON_UNSAFE_INTEGER`, `ERR_JSON_NOT_PLAIN`, `ERR_JSON_TOO_DEEP`.
 * @example
 * ```ts
 * const v = verifyDataIntegrity(credential, { now, purpose: 'assertionMethod' });
 * if (v.ok) console.log(v.details?.signer); // the DID that proved it
 * ```
 */
export function verifyDataIntegrity(input: unknown, options: DataIntegrityOptions = {}): Verdict {
  const secured = securedDocument(input, options);
  if (!secured.ok) return secured;
  const doc = secured.doc;
  const proof = doc['proof'];
  if (!isRecord(proof)) return fail('ERR_PROOF_MISSING', '/proof', Array.isArray(proof) ? 'the document carries a proof set, and this document takes exactly one proof (verifyProofSet verifies a set)' : 'the document carries no proof');
  const { proof: _proof, ...unsecured } = doc;
  return verifyOneProof(doc, proof, unsecured, '/proof', '', options);
}

/**
 * Verify every eddsa-jcs-2022 proof of a document that may carry a proof set (W3C VC Data
 * Integrity 1.0, 4.4): `proof` is one proof or a list of them, and each must verify. A proof
 * with `previousProof` (an id, or a list of ids) is part of a chain: it signed the document with
 * the proofs it names as its `proof` (a list, in the order named), and each id must name another
 * proof of the set (`ERR_PROOF_MALFORMED`). A set proves nothing by its size: the caller decides
 * whose proofs it needs (`details.signers`).
 *
 * @param input - the document (any value: it is read once, into a frozen copy).
 * @param options - as {@link verifyDataIntegrity}.
 * @returns a passing verdict with `details.signers` (the DID of each proof, in order), or the first proof's failure, at `/proof/<i>`.
 * @example
 * ```ts
 * const v = verifyProofSet(didLogEntry, { now });
 * if (v.ok) console.log(v.details?.signers);
 * ```
 */
export function verifyProofSet(input: unknown, options: DataIntegrityOptions = {}): Verdict {
  const secured = securedDocument(input, options);
  if (!secured.ok) return secured;
  const doc = secured.doc;
  const proofs = doc['proof'];
  if (!Array.isArray(proofs)) return verifyDataIntegrity(doc, options);
  if (proofs.length === 0) return fail('ERR_PROOF_MISSING', '/proof', 'the proof set is empty');
  const { proof: _proof, ...unsecured } = doc;
  const signers: unknown[] = [];
  for (const [i, proof] of proofs.entries()) {
    const at = `/proof/${i}`;
    if (!isRecord(proof)) return fail('ERR_PROOF_MALFORMED', at, 'each proof of a set is an object');
    const previous = proof['previousProof'];
    let signed: Record<string, unknown> = unsecured;
    if (previous !== undefined) {
      const ids = typeof previous === 'string' ? [previous] : previous;
      if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string')) return fail('ERR_PROOF_MALFORMED', `${at}/previousProof`, 'previousProof is a proof id or a list of them');
      const matching: unknown[] = [];
      for (const id of ids) {
        const found = proofs.find((p, j) => j !== i && isRecord(p) && p['id'] === id);
        if (found === undefined) return fail('ERR_PROOF_MALFORMED', `${at}/previousProof`, `previousProof names ${String(id)}, and no other proof of the set has that id`);
        matching.push(found);
      }
      signed = { ...unsecured, proof: matching };
    }
    const v = verifyOneProof(doc, proof, signed, at, `${i}:`, options);
    if (!v.ok) return v;
    signers.push(v.details?.['signer']);
  }
  return pass(`${proofs.length} proofs, each verified`, { signers });
}

/**
 * One proof of a document, over the document as its proof signed it.
 *
 * @param doc - the secured document (a snapshot).
 * @param proof - the proof.
 * @param unsecured - what the proof signed: the document without its proofs, and for a proof in a chain, with the proofs it follows.
 * @param at - the proof's pointer.
 * @param memoKey - which proof of the document this is, for the memo of solved equations.
 * @param options - as {@link verifyDataIntegrity}.
 * @returns as {@link verifyDataIntegrity}.
 */
function verifyOneProof(doc: Readonly<Record<string, unknown>>, proof: Readonly<Record<string, unknown>>, unsecured: Record<string, unknown>, at: string, memoKey: string, options: DataIntegrityOptions): Verdict {
  if (proof['type'] !== 'DataIntegrityProof') return fail('ERR_PROOF_UNSUPPORTED', `${at}/type`, 'the proof type must be DataIntegrityProof');
  if (proof['cryptosuite'] !== 'eddsa-jcs-2022') return fail('ERR_PROOF_UNSUPPORTED', `${at}/cryptosuite`, 'the cryptosuite must be eddsa-jcs-2022');
  const { proofValue, ...proofOptions } = proof;
  const signature = typeof proofValue === 'string' && proofValue.startsWith('z') ? fromBase58(proofValue.slice(1)) : undefined;
  if (signature?.length !== 64) return fail('ERR_PROOF_MALFORMED', `${at}/proofValue`, 'proofValue must be z and base58btc of a 64-byte Ed25519 signature');
  // The W3C algorithm hashes the proof's @context in place of the document's, and accepts a
  // document whose @context merely starts with it: what is appended after signing is not covered
  // by the proof, yet changes what the terms mean. writ requires the document's @context to be
  // exactly the signed copy (compared in canonical form: member order inside an inline context
  // changes nothing). Proof options without an @context sign the document's own @context, as
  // part of the document.
  if (proofOptions['@context'] !== undefined) {
    const docContext = canonicalJson(doc['@context']);
    const proofContext = canonicalJson(proofOptions['@context']);
    if (!docContext.ok || !proofContext.ok || docContext.text !== proofContext.text) {
      return fail('ERR_PROOF_CONTEXT_MISMATCH', doc['@context'] === undefined ? `${at}/@context` : '/@context', "the document's @context is not exactly the copy its proof signed");
    }
  }
  const purpose = proof['proofPurpose'];
  const method = proof['verificationMethod'];
  if (typeof purpose !== 'string' || (options.purpose !== undefined && purpose !== options.purpose)) {
    return fail('ERR_PROOF_PURPOSE', `${at}/proofPurpose`, `the proof's purpose must be ${options.purpose ?? 'a string'}`);
  }
  if (typeof method !== 'string') return fail('ERR_KEY_UNRESOLVED', `${at}/verificationMethod`, 'the proof names no verification method');
  if (proof['expires'] !== undefined) {
    // An expiry that does not read is refused, whether or not a time was given: it is never
    // taken as "not expired" (SPEC.md 6.2).
    const expires = readRfc3339(proof['expires']);
    if (!expires.ok) return fail(expires.code, `${at}/expires`, `the proof's expires: ${expires.message}`);
    if (options.now !== undefined && compareInstants(instantOfSeconds(options.now), expires.instant) >= 0) return fail('ERR_PROOF_EXPIRED', `${at}/expires`, `the proof expired at ${proof['expires']}`);
  }
  const key = resolveVerificationMethod(method, purpose, options.documents ?? new Map());
  if (!key.ok) return at === '/proof' ? key : { ...key, path: key.path.replace(/^\/proof/, at) };
  const content = signedContentIssue(doc);
  if (content !== undefined) return fail(content.code, content.path, content.message);
  const pre = precheckVerdict(signature, key.publicKey, `${at}/proofValue`, `${at}/verificationMethod`);
  if (pre !== undefined) return pre;
  const solved = `${memoKey}${toHex(key.publicKey)}:${options.backend ?? 'native'}`;
  const memo = PROOFS_VERIFIED.get(doc);
  let verified = memo?.get(solved);
  if (verified === undefined) {
    const data = hashData(unsecured, proofOptions);
    if (!data.ok) return fail(data.code, data.path, `no canonical form: ${data.message}`);
    verified = verifyEd25519(signature, data.bytes, key.publicKey, options);
    if (memo === undefined) PROOFS_VERIFIED.set(doc, new Map([[solved, verified]]));
    else memo.set(solved, verified);
  }
  if (!verified) {
    return fail('ERR_PROOF_INVALID', `${at}/proofValue`, `the proof does not verify under ${method}: the document or the proof changed after signing, or another key signed it`);
  }
  return pass(`proved by ${method} (${purpose})`, { signer: key.did, verificationMethod: method, purpose });
}
