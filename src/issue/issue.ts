/**
 * What every builder of the issuing side shares: the outcome type, the signer's key checked
 * before use, and the one gate every artifact passes before it is returned.
 *
 * The gate is the verifier. A builder fills what the document rules compute (a hash, a depth, a
 * signer member, a delegation link), signs, and then verifies the result with the verifier a
 * counterparty would run ({@link verifyDocument}, with the evidence the builder was given). An
 * artifact the verifier refuses is never returned: the builder answers with the verifier's own
 * refusal (its code, path and message), and the signed draft is dropped in memory. So what a
 * builder makes, the verifier accepts, and what it refuses, the verifier would refuse: the two
 * cannot drift apart, because there is one set of checks.
 *
 * Ed25519 signatures are deterministic (RFC 8032): a draft signed and dropped leaks nothing a
 * returned artifact would not.
 */
import { notPlainJson, signedContentIssue } from '../crypto/jcs.js';
import { fail, type Issue, type Refusal, type Verdict } from '../issues.js';
import { toHex } from '../encoding/bytes.js';
import { verifyDocument } from '../verify/document.js';
import type { VerifyContext } from '../verify/context.js';
import { isSigningKey, secretOf, type SigningKey } from './keys.js';

/**
 * The context an artifact is checked under before it is returned: a verification context whose
 * `now` defaults to the time the artifact says it was made (its `issued_at`, `timestamp`,
 * `revoked_at` or proof `created`), so that it is checked as at its own making.
 */
export interface IssueOptions extends Omit<VerifyContext, 'now'> {
  /** The time of the check, Unix seconds; by default the artifact's own time. */
  readonly now?: number;
  /** More documents the check may use (DID documents, intents, mandates), beside those the builder is given. */
  readonly evidence?: readonly unknown[];
}

/** An artifact made and verified, with what its verification could not check for want of evidence. */
export interface Issued<T> {
  readonly ok: true;
  /** The artifact, frozen: what the verifier accepted, byte for byte in canonical form. */
  readonly value: T;
  /** What the verifier did not check, each with its code (SPEC.md 12): give the builder that evidence to have it checked. */
  readonly warnings: readonly Issue[];
}

/** A builder's answer: the artifact, or the verifier's refusal of it. */
export type IssueResult<T> = Issued<T> | Refusal;

/** Whether a value is not a plain object (an array, null, a primitive). */
export const notObject = (value: unknown): boolean => typeof value !== 'object' || value === null || Array.isArray(value);

/** Unix seconds as RFC 3339 in UTC, without a fraction when there is none. */
export const rfc3339 = (seconds: number): string => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

/** The current time, whole Unix seconds. */
export const unixNow = (): number => Math.floor(Date.now() / 1000);

/** A signer as the builders use it: the seed, and the public key raw and in hex. */
export interface Signer {
  readonly seed: Uint8Array;
  readonly hex: string;
  readonly publicKey: Uint8Array;
}

/**
 * The seed of a signing key, or the refusal of what is not one.
 *
 * @param key - what the caller gave as the signer.
 * @param path - where it was given, for the refusal.
 * @returns the seed and the public key in hex, or `ERR_USAGE_INVALID_ARGUMENT`.
 */
export function signerOf(key: unknown, path = '/key'): ({ readonly ok: true } & Signer) | Refusal {
  if (typeof key !== 'object' || key === null || !isSigningKey(key as SigningKey)) {
    return fail('ERR_USAGE_INVALID_ARGUMENT', path, 'the signer must be a signing key from generateKeyPair, importJwk, importSecretKey or readKeyFile (a public key cannot sign)');
  }
  const signing = key as SigningKey;
  return { ok: true, seed: secretOf(signing), hex: toHex(signing.publicKey), publicKey: signing.publicKey };
}

/**
 * The gate: verify an artifact as a counterparty would, and return it only if it verifies.
 *
 * @param doc - the signed or hashed artifact.
 * @param type - its schema id.
 * @param at - the time it says it was made, the default time of the check.
 * @param evidence - what the builder was given that the check needs (a parent chain, an intent).
 * @param options - the caller's context.
 * @returns the artifact, frozen, or the verifier's refusal.
 */
export function gate<T>(doc: T, type: string, at: number | undefined, evidence: readonly unknown[], options: IssueOptions): IssueResult<T> {
  const { evidence: more = [], now, ...ctx } = options;
  if (!Array.isArray(more)) return fail('ERR_USAGE_INVALID_ARGUMENT', '/evidence', 'the evidence must be an array of documents');
  const time = now ?? at ?? unixNow();
  return issuedBy(verifyDocument(doc, { ...ctx, now: time, type, evidence: [...evidence, ...more] }), doc);
}

/**
 * A verifier's verdict on an artifact as a builder's answer: the frozen copy it verified, with
 * its warnings, or its refusal.
 *
 * @param verdict - the verdict.
 * @param doc - the artifact, when the verdict carries no copy.
 * @returns the builder's answer.
 */
export function issuedBy<T>(verdict: Verdict, doc: T): IssueResult<T> {
  if (!verdict.ok) return verdict;
  return { ok: true, value: (verdict.value ?? doc) as T, warnings: verdict.warnings ?? [] };
}

/**
 * The refusal of an option given the wrong way, before anything is built.
 *
 * @param path - the option.
 * @param message - what is wrong and what to do.
 * @returns `ERR_USAGE_INVALID_ARGUMENT`.
 */
export const misuse = (path: string, message: string): Refusal<'ERR_USAGE_INVALID_ARGUMENT'> => fail('ERR_USAGE_INVALID_ARGUMENT', path, message);

/**
 * The refusal of content that cannot be signed or hashed as it stands (SPEC.md 3, 6.3): a value
 * that is not plain JSON (a function, a BigInt, a cycle, a lone surrogate), -0, or an integer
 * beyond ±(2^53 − 1), which readers round differently. Checked before anything is signed, so
 * that a builder answers with the code a verifier gives the signed result, and never throws.
 *
 * @param value - what is about to be signed or hashed.
 * @param path - the pointer of `value` in what the caller gave.
 * @returns the refusal, or `undefined` when the value can be signed.
 */
export function unsignable(value: unknown, path = ''): Refusal | undefined {
  const issue = notPlainJson(value) ?? signedContentIssue(value);
  return issue === undefined ? undefined : fail(issue.code, `${path}${issue.path}`, `this cannot be signed as it stands: ${issue.message}`);
}
