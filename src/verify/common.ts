/**
 * What every verifier does first: refuse a value that is not plain JSON, validate it against its
 * schema (document rules included), and report a failure found inside a larger whole with the
 * whole's path in front.
 */
import type { Ed25519Options } from '../crypto/ed25519.js';
import type { DataIntegrityOptions } from '../crypto/envelopes.js';
import { notPlainJson } from '../crypto/jcs.js';
import { notPlainMessage } from '../encoding/snapshot.js';
import { compareInstants, instantOfSeconds, readRfc3339, type Instant } from '../encoding/time.js';
import type { DocumentTypes, MoneyUnits } from '../generated/types.js';
import { isRecord } from '../encoding/json.js';
import { fail, type Refusal, type Verdict } from '../issues.js';
import { registryOf, type VerifyContext } from './context.js';
import { readDocument } from '../model/read.js';

/**
 * Check that a value is a valid document of a type.
 *
 * @param ctx - the context (for its registry).
 * @param id - the schema id, `capability/token`.
 * @param doc - the value.
 * @param at - the value's path inside what is being verified (`/buyer_receipt`, `/<id>`).
 * @param rules - apply the type's document rules too (SPEC.md 5.3); `false` where the verifier
 *   decides the same facts itself, with its own codes.
 * @returns `undefined` when valid, or a failing verdict with the first problem: `ERR_JSON_NOT_PLAIN`,
 *   `ERR_JSON_TOO_DEEP`, a schema code or a document-rule code.
 */
export function invalidDocument(ctx: Pick<VerifyContext, 'registry'>, id: string, doc: unknown, at = '', rules = true): Refusal | undefined {
  if (!isDocumentType(ctx, id)) return fail('ERR_SCHEMA_UNKNOWN', at, `no document type ${JSON.stringify(id)} in line ${registryOf(ctx).index.line}`);
  const read = readAs(ctx, id, doc, at, rules);
  return read.ok ? undefined : read;
}

/**
 * Whether a schema id names a document type of the line: what {@link SchemaRegistry.detect}
 * yields. DocumentTypes is generated from the same schema index, so the type follows.
 *
 * @param ctx - the context (for its registry).
 * @param id - a schema id.
 * @returns whether it is one of the line's document types.
 */
export function isDocumentType(ctx: Pick<VerifyContext, 'registry'>, id: string): id is keyof DocumentTypes {
  return registryOf(ctx).find(id)?.kind === 'document';
}

/** A document as its verifier reads it: typed as its schema proves, or the refusal. */
export type Read<T> = { readonly ok: true; readonly doc: T } | Refusal;

/**
 * Read a value as a document of a type: refuse what is not plain JSON, validate it against its
 * schema and document rules, and yield it typed as the validation proved (the frozen copy
 * validated, never the caller's object).
 *
 * @param ctx - the context (for its registry).
 * @param id - the schema id, `capability/token`.
 * @param doc - the value.
 * @param at - the value's path inside what is being verified.
 * @param rules - apply the type's document rules too (SPEC.md 5.3).
 * @returns the typed document, or the first problem, as {@link invalidDocument} gives it.
 */
export function readAs<K extends keyof DocumentTypes>(ctx: Pick<VerifyContext, 'registry'>, id: K, doc: unknown, at = '', rules = true): Read<DocumentTypes[K]> {
  const plain = notPlainJson(doc);
  if (plain !== undefined) return fail(plain.code, `${at}${plain.path}`, notPlainMessage(plain, at, what(id)));
  return readDocument(registryOf(ctx), id, doc, at, rules);
}

/**
 * {@link readAs} for an input a verifier may be given or not: `undefined` stays `undefined`.
 *
 * @param ctx - the context (for its registry).
 * @param id - the schema id.
 * @param doc - the value, or `undefined`.
 * @param at - its path inside what is being verified.
 * @returns the typed document or `undefined`, or the refusal.
 */
export function readOptional<K extends keyof DocumentTypes>(ctx: Pick<VerifyContext, 'registry'>, id: K, doc: unknown, at = ''): Read<DocumentTypes[K] | undefined> {
  return doc === undefined ? { ok: true, doc: undefined } : readAs(ctx, id, doc, at);
}


/**
 * Read a value handed to a verifier directly (not inside a document) as chio money.
 *
 * @param value - the value.
 * @param at - its name in the call, as a pointer (`/exposure`).
 * @returns the money, or `ERR_SCHEMA_TYPE` saying what chio money is.
 */
export function moneyUnits(value: unknown, at: string): Read<MoneyUnits> {
  if (isRecord(value) && Object.keys(value).every((k) => k === 'units' || k === 'currency')) {
    const { units, currency } = value;
    if (typeof units === 'number' && Number.isSafeInteger(units) && units >= 0 && typeof currency === 'string' && /^[A-Z0-9]{2,16}$/.test(currency)) return { ok: true, doc: { units, currency } };
  }
  return fail('ERR_SCHEMA_TYPE', at, `${at.slice(1)} must be chio money: { units: a non-negative integer of minor units, currency: a currency or asset code of 2 to 16 capital letters and digits, such as USD or USDC }`);
}

/**
 * The same verdict about a part of a larger whole: its path prefixed.
 *
 * @param at - the part's path in the whole.
 * @param verdict - the verdict about the part.
 * @returns the verdict with `at` in front of its path.
 */
export function within(at: string, verdict: Verdict): Verdict {
  return at === '' ? verdict : { ...verdict, path: `${at}${verdict.path}` };
}

/** A document's time read (SPEC.md 6.2), or the failing verdict that stops the check needing it. */
export type TimeAt = { readonly ok: true; readonly instant: Instant } | Refusal;

/**
 * Read an RFC 3339 time of a document. A time that does not read fails the verification with
 * `ERR_TIME_INVALID` at its path: a check is never skipped because its time did not parse.
 *
 * @param text - the member's value.
 * @param path - its JSON Pointer, for the verdict.
 * @returns the instant, or the failing verdict.
 */
export function timeAt(text: unknown, path: string): TimeAt {
  const read = readRfc3339(text);
  return read.ok ? read : fail(read.code, path, read.message);
}

/**
 * Whether a verification's `now` (whole Unix seconds) is at or after an instant.
 *
 * @param now - the context's time.
 * @param instant - the instant.
 * @returns true when `now` ≥ `instant`.
 */
export function reached(now: number, instant: Instant): boolean {
  return compareInstants(instantOfSeconds(now), instant) >= 0;
}

/** A document type's name for messages: `capability/token` reads "capability token". */
function what(id: string): string {
  return id.replace(/[/.-]/g, ' ');
}

/**
 * The Ed25519 options a verification's context asks for.
 *
 * @param ctx - the context.
 * @returns `{ backend }` when the context names one, else `{}`.
 */
export function backendOf(ctx: Pick<VerifyContext, 'backend'>): Ed25519Options {
  return ctx.backend === undefined ? {} : { backend: ctx.backend };
}

/**
 * The options a Data Integrity proof is verified with in a verification: the caller's DID
 * documents, the time (for `expires`), the backend, and the purpose. Every document writ
 * verifies by Data Integrity (credentials, cards, mandates, traces, manifests) is an assertion
 * by its signer, so its proof must be made for `assertionMethod` (SPEC.md 6.4): a key listed
 * only for authentication, or a proof made for capabilityInvocation, does not assert it.
 *
 * Every such proof's `expires` is checked at `ctx.now` (SPEC.md 6.2), a bundle manifest's too: a
 * sealer that bounds its seal in time does not vouch for the bundle after it.
 *
 * @param ctx - the context.
 * @returns the options.
 */
export function proofOptionsOf(ctx: Pick<VerifyContext, 'backend' | 'documents'> & { readonly now?: number }): DataIntegrityOptions {
  return { documents: ctx.documents ?? new Map(), purpose: 'assertionMethod', ...(ctx.now !== undefined ? { now: ctx.now } : {}), ...backendOf(ctx) };
}
