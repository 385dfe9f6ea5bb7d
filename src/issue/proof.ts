/**
 * What the builders of the documents proved with Data Integrity share (SPEC.md 6.4, cryptosuite
 * eddsa-jcs-2022): credentials, agent cards, mandates and intent traces. Each is an assertion by
 * its signer, so every proof is made for `assertionMethod`; its verification method is the
 * signer's did:key method when the document's signer DID is a did:key, and is named by the
 * caller otherwise (a did:web key's id is in a DID document writ never fetches).
 *
 * Every input is read once, into a frozen copy of plain JSON, before anything is built from it:
 * a getter or a Proxy cannot show the builder one value and the signature another, and a value
 * that is not JSON is refused with its `ERR_JSON_...` code, never thrown.
 */
import { types } from 'node:util';
import { signDataIntegrity, type ProofOptions, type SignableDocument } from '../crypto/envelopes.js';
import { didKeyVerificationMethod } from '../crypto/keys.js';
import { isRecord } from '../encoding/json.js';
import { notPlainMessage, snapshotJson } from '../encoding/snapshot.js';
import { LATEST_SECOND, readRfc3339 } from '../encoding/time.js';
import { fail, type Refusal } from '../issues.js';
import { misuse, notObject, rfc3339, signerOf, unixNow, type IssueOptions, type Signer } from './issue.js';

/** The options of a builder whose artifact carries a Data Integrity proof: the context of the check, and the proof's own options. */
export interface ProofIssueOptions extends IssueOptions {
  /**
   * The DID URL of the signing key. By default the signer's did:key method
   * (`did:key:z6Mk...#z6Mk...`) when the document's signer is a did:key; required otherwise,
   * e.g. `did:web:shop.example#key-1`, with the DID document in `documents` so that the check
   * can resolve it.
   */
  readonly verificationMethod?: string;
  /** When the proof was made, RFC 3339; the document's own time by default (its `validFrom`, `updated_at`, `timestamp` or `recorded_at`), else the time of the check. */
  readonly created?: string;
  /** When the proof stops being acceptable, RFC 3339; none by default. */
  readonly expires?: string;
}

/** A value read once into frozen plain JSON, or why it could not be. */
export type Plain<T> = { readonly ok: true; readonly value: T } | Refusal;

/**
 * Read a value once, into frozen plain JSON (SPEC.md 3).
 *
 * @param value - what the caller gave.
 * @param at - where it was given, in front of the path of what is not JSON.
 * @param what - what it is, for the message.
 * @returns the frozen copy, or `ERR_JSON_NOT_PLAIN` (`ERR_JSON_TOO_DEEP`, ...) at the value at fault.
 */
export function plain<T>(value: unknown, at: string, what: string): Plain<T> {
  const snap = snapshotJson(value);
  if (!snap.ok) return fail(snap.code, `${at}${snap.path}`, notPlainMessage(snap, at, what));
  return { ok: true, value: snap.value as T };
}

/**
 * Read a builder's input once, into frozen plain JSON: a member of the input whose value is
 * `undefined` is absent, as TypeScript's optional members are written (`{ name: maybeName }`);
 * what the members hold is document content, and must be JSON.
 *
 * @param input - the input object (the caller checked it is one).
 * @param what - what it is, for the message.
 * @returns the frozen copy, or `ERR_JSON_NOT_PLAIN` (`ERR_JSON_TOO_DEEP`, ...) at the value at fault.
 */
export function plainInput(input: object, what: string): Plain<Record<string, unknown>> {
  let source: unknown = input;
  // A Proxy, a class instance or a symbol-named member is left for the snapshot to refuse.
  const proto = types.isProxy(input) ? undefined : (Object.getPrototypeOf(input) as unknown);
  if ((proto === Object.prototype || proto === null) && Object.getOwnPropertySymbols(input).length === 0) {
    // Copied through the descriptors: an accessor is refused by the snapshot, never called here.
    const present = {};
    for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(input))) {
      if (!(Object.hasOwn(d, 'value') && d.value === undefined)) Object.defineProperty(present, k, d);
    }
    source = present;
  }
  const snap = snapshotJson(source);
  if (!snap.ok) return fail(snap.code, snap.path, notPlainMessage(snap, '', what));
  return { ok: true, value: snap.value as Record<string, unknown> };
}

/**
 * The first whole Unix second at or after an RFC 3339 time: the time a document is checked at
 * when it is checked as at its own making (a check runs in whole seconds, and a document valid
 * from `...00.5Z` is not valid at `...00Z`).
 *
 * @param text - the time.
 * @returns the seconds, or `undefined` when it does not read (the schema then refuses it).
 */
export function secondsOf(text: unknown): number | undefined {
  const read = readRfc3339(text);
  if (!read.ok) return undefined;
  return read.instant.seconds + (read.instant.fraction === '' ? 0 : 1);
}

/** The proof options a caller gave, checked, and the time the builder takes as "now". */
export interface ProofSettings {
  /** The verification method the caller named, if any. */
  readonly verificationMethod: string | undefined;
  /** When the proof was made, if the caller said. */
  readonly created: string | undefined;
  /** When the proof stops being acceptable, if the caller said. */
  readonly expires: string | undefined;
  /** `options.now` or the current time, as RFC 3339: what a document's own time defaults to. */
  readonly nowText: string;
}

/**
 * Check the options of a proved artifact's builder before anything is built.
 *
 * @param options - what the caller gave.
 * @returns the proof settings, or `ERR_USAGE_INVALID_ARGUMENT` at the option at fault.
 */
export function proofSettings(options: unknown): { readonly ok: true; readonly settings: ProofSettings } | Refusal {
  if (notObject(options)) return misuse('', 'the options must be an object (they may be empty)');
  const o = options as Record<string, unknown>;
  const now = o['now'];
  if (now !== undefined && !(Number.isSafeInteger(now) && (now as number) >= 0 && (now as number) <= LATEST_SECOND)) {
    return misuse('/now', 'now is the time of the check in whole Unix seconds, before the year 10000');
  }
  const method = o['verificationMethod'];
  if (method !== undefined && (typeof method !== 'string' || !method.startsWith('did:') || !snapshotJson(method).ok)) {
    return misuse('/verificationMethod', 'the verification method is a DID URL, such as did:web:shop.example#key-1');
  }
  for (const name of ['created', 'expires'] as const) {
    const value = o[name];
    if (value !== undefined && !readRfc3339(value).ok) return misuse(`/${name}`, `${name} is an RFC 3339 time, such as 2026-11-01T10:00:00Z`);
  }
  return {
    ok: true,
    settings: {
      verificationMethod: method as string | undefined,
      created: o['created'] as string | undefined,
      expires: o['expires'] as string | undefined,
      nowText: rfc3339((now as number | undefined) ?? unixNow()),
    },
  };
}

/**
 * The verification method a document is proved with.
 *
 * @param signer - the DID the document says signs it (its issuer, user, merchant, card id), if it names one.
 * @param publicKey - the signing key.
 * @param settings - the caller's proof options.
 * @param at - where the signer DID is in the document, for the refusal.
 * @returns the DID URL, or `ERR_USAGE_INVALID_ARGUMENT` when the signer is not a did:key and no method was given.
 */
export function methodOf(signer: string | undefined, publicKey: Uint8Array, settings: ProofSettings, at: string): { readonly ok: true; readonly method: string } | Refusal {
  if (settings.verificationMethod !== undefined) return { ok: true, method: settings.verificationMethod };
  if (signer === undefined || signer.startsWith('did:key:')) return { ok: true, method: didKeyVerificationMethod(publicKey) };
  return misuse(
    '/verificationMethod',
    `the signer at ${at} is ${signer}, not a did:key: give options.verificationMethod, the id of the signing key in its DID document (such as ${signer}#key-1), and that DID document in options.documents`,
  );
}

/**
 * Prove a document for `assertionMethod` (eddsa-jcs-2022), with its proof options in the order
 * writ writes them.
 *
 * @param body - the document, in its member order, without `proof`.
 * @param seed - the signer's seed.
 * @param method - the verification method.
 * @param created - when the proof was made.
 * @param settings - the caller's proof options (for `expires`).
 * @returns the document with its proof last.
 */
export function proveAssertion<T>(body: SignableDocument, seed: Uint8Array, method: string, created: string, settings: ProofSettings): T {
  const options: ProofOptions = {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-jcs-2022',
    created,
    ...(settings.expires === undefined ? {} : { expires: settings.expires }),
    verificationMethod: method,
    proofPurpose: 'assertionMethod',
  };
  return signDataIntegrity(body, options, seed) as unknown as T;
}

/**
 * The members of an input the builder does not name, in their order: passed on into the
 * document, so that a misspelt member (`validUtnil`) is refused by the schema, never dropped
 * silently. A `proof` is left out: the builder makes the proof.
 *
 * @param input - the input, read.
 * @param known - the members the builder places itself.
 * @returns the others.
 */
export function othersOf(input: Readonly<Record<string, unknown>>, known: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (k !== 'proof' && !known.includes(k)) out[k] = v;
  return out;
}

/** `{ [name]: value }`, or nothing when the value is absent: an optional member is written only when given. */
export const optional = <K extends string, V>(name: K, value: V | undefined): { [P in K]?: V } => (value === undefined ? {} : ({ [name]: value } as { [P in K]: V }));

/** The DID a credential's `issuer` names: the string, or the object's `id`. */
export function didOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return isRecord(value) && typeof value['id'] === 'string' ? value['id'] : undefined;
}


/**
 * How every proved builder starts: the signer's key, the proof's settings, and the input read
 * once into frozen plain JSON, each refused with its own code and path.
 *
 * @param key - the signer's key as the caller gave it.
 * @param at - where the key was given, for its refusal.
 * @param options - the builder's options.
 * @param input - the builder's input.
 * @param notAnObject - the refusal's words for an input that is not an object.
 * @param what - what the input is, for the words of a refusal.
 * @returns the signer, the settings and the input, or the first refusal.
 */
export function proofStart(key: unknown, at: string, options: unknown, input: unknown, notAnObject: string, what: string): { readonly ok: true; readonly signer: Signer; readonly settings: ProofSettings; readonly input: Record<string, unknown> } | Refusal {
  const signer = signerOf(key, at);
  if (!signer.ok) return signer;
  const proof = proofSettings(options);
  if (!proof.ok) return proof;
  if (notObject(input)) return misuse('', notAnObject);
  const read = plainInput(input as object, what);
  if (!read.ok) return read;
  return { ok: true, signer, settings: proof.settings, input: read.value };
}
