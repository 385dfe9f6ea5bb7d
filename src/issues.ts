/**
 * The one error model (SPEC.md, "Error codes"): every rejection writ makes is an {@link Issue}
 * with a stable code from `schemas/v1.0.0/error-codes.json`, the JSON Pointer of the value at
 * fault, and a message for people. Codes are API; messages are not.
 */
import type { JsonValue } from './encoding/json.js';
import type { ErrorCode } from './generated/error-codes.js';

export type { ErrorCode } from './generated/error-codes.js';

/** One reason a document, file or call was rejected. */
export interface Issue {
  /** Stable code `ERR_<AREA>_<CONDITION>` from the error-code registry; switch on this. */
  readonly code: ErrorCode;
  /**
   * RFC 6901 JSON Pointer to the value at fault, `""` for the whole document. For a missing or
   * unexpected member it names that member. For a file-level issue (integrity) it is the
   * repo-relative path of the file.
   */
  readonly path: string;
  /** What is wrong and what to do about it, for a person. Not API: never match on it. */
  readonly message: string;
  /** The JSON Schema keyword that failed, for schema issues. */
  readonly keyword?: string;
  /** Machine-readable context (for schema issues: `instancePath`, `schemaPath`, `params`). */
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * Thrown where throwing is right: a caller's misuse of a function cannot be reported as a
 * property of a document. Bad *data* is never thrown; it comes back as {@link Issue}s.
 */
export class WritError extends Error {
  /** Stable code from the registry. */
  readonly code: ErrorCode;
  /** Where the problem is, as in {@link Issue.path}. */
  readonly path: string;

  constructor(issue: Pick<Issue, 'code' | 'message'> & { readonly path?: string }) {
    super(issue.message);
    this.name = 'WritError';
    this.code = issue.code;
    this.path = issue.path ?? '';
  }
}

/**
 * Why something was refused: the failing side of every result writ returns (a verdict, a
 * parse, a snapshot, a validation, a file read). One shape everywhere: switch on `code`, point
 * at `path`, show `message` to a person.
 */
export interface Refusal<C extends ErrorCode = ErrorCode> {
  readonly ok: false;
  /** Stable code from the registry. */
  readonly code: C;
  /** JSON Pointer of the value at fault (`""` for the whole input), or a file's path for a file. */
  readonly path: string;
  /** What is wrong and what to do about it, for a person. Not API. */
  readonly message: string;
  /** Machine-readable context. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * The issue a refusal reports, without its `ok`: for lists of issues (a report, a validation).
 *
 * @param refusal - any refusal.
 * @returns its code, path, message and details.
 * @example
 * ```ts
 * const r = parseJson('{');
 * if (!r.ok) issues.push(issueOf(r));
 * ```
 */
export function issueOf(refusal: Refusal): Issue {
  const { ok: _ok, ...issue } = refusal;
  return issue;
}

/**
 * The outcome of an operation that yields a value: `{ ok: true, value }`, or a {@link Refusal}.
 */
export type Result<T, R extends Refusal = Refusal> = { readonly ok: true; readonly value: T } | R;

/**
 * The answer of a verification step (SPEC.md 6.4 and the verifiers): `ok`, and when not, the
 * code and the JSON Pointer of what failed. A verifier returns one for every input, and never
 * throws on bad data.
 */
export type Verdict =
  | {
      readonly ok: true;
      readonly path: string;
      readonly message: string;
      readonly details?: Readonly<Record<string, unknown>>;
      /** The frozen copy of the input that was verified: go on with this, not with your own object. */
      readonly value?: JsonValue;
      /** What was not checked, because the evidence for it was not given (SPEC.md 12): each with its code. */
      readonly warnings?: readonly Issue[];
    }
  | Refusal;

/**
 * A passing verdict.
 *
 * @param message - what was verified, for people.
 * @param details - machine-readable context.
 * @returns the verdict.
 */
export function pass(message: string, details?: Readonly<Record<string, unknown>>): Verdict {
  return details === undefined ? { ok: true, path: '', message } : { ok: true, path: '', message, details };
}

/**
 * A verdict with what it did not check: a passing verdict gains the warnings (after any it
 * has), a failing one is returned as it is.
 *
 * @param verdict - a verdict.
 * @param warnings - what was not checked, each with its code and path.
 * @returns the verdict with its warnings.
 * @example
 * ```ts
 * warn(pass('receipt r1 is signed'), { code: 'ERR_RECEIPT_INTENT_NOT_GIVEN', path: '/intent_hash', message: 'the intent was not given' });
 * ```
 */
export function warn(verdict: Verdict, ...warnings: readonly Issue[]): Verdict {
  return !verdict.ok || warnings.length === 0 ? verdict : { ...verdict, warnings: [...(verdict.warnings ?? []), ...warnings] };
}

/**
 * A failing verdict.
 *
 * @param code - the registry code.
 * @param path - where: a JSON Pointer, or a bundle path.
 * @param message - what is wrong, for people.
 * @param details - machine-readable context.
 * @returns the verdict.
 */
export function fail<C extends ErrorCode>(code: C, path: string, message: string, details?: Readonly<Record<string, unknown>>): Refusal<C> {
  return details === undefined ? { ok: false, code, path, message } : { ok: false, code, path, message, details };
}

/**
 * Freeze a result writ made, and everything inside it. A result that is kept and handed out
 * again (a memoised verdict or validation) must not be changeable by the caller it was handed
 * to: one caller could otherwise turn the next caller's refusal into a pass.
 *
 * @param value - a verdict, an issue list, a validation result.
 * @returns the same value, frozen throughout.
 * @example
 * ```ts
 * const v = freezeDeep(fail('ERR_SIG_INVALID', '/signature', 'the signature does not verify'));
 * Object.isFrozen(v); // true
 * ```
 */
export function freezeDeep<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) freezeDeep(v);
  }
  return value;
}
