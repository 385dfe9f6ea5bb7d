/**
 * What every verifier does first: refuse a value that is not plain JSON, validate it against its
 * schema (document rules included), and report a failure found inside a larger whole with the
 * whole's path in front.
 */
import { notPlainJson } from '../crypto/jcs.js';
import { fail, type Issue, type Verdict } from '../issues.js';
import { registryOf, type VerifyContext } from './context.js';

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
export function invalidDocument(ctx: Pick<VerifyContext, 'registry'>, id: string, doc: unknown, at = '', rules = true): Verdict | undefined {
  const plain = notPlainJson(doc);
  if (plain !== undefined) return fail(plain.code, `${at}${plain.path}`, `${what(id)} is not plain JSON at ${at}${plain.path || ''}: ${plain.reason}`);
  const result = registryOf(ctx).validate(id, doc, { allErrors: false, rules });
  if (result.ok) return undefined;
  const issue = result.issues[0] as Issue;
  return fail(issue.code, `${at}${issue.path}`, `${what(id)}: ${issue.message}`, issue.keyword === undefined ? undefined : { keyword: issue.keyword });
}

/**
 * Check a value handed to a verifier directly (not inside a document) is chio money.
 *
 * @param value - the value.
 * @param at - its name in the call, as a pointer (`/exposure`).
 * @returns `undefined`, or `ERR_SCHEMA_TYPE` saying what chio money is.
 */
export function notMoneyUnits(value: unknown, at: string): Verdict | undefined {
  const v = value as { units?: unknown; currency?: unknown } | null;
  const ok =
    v !== null &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    Object.keys(v).every((k) => k === 'units' || k === 'currency') &&
    Number.isSafeInteger(v.units) &&
    (v.units as number) >= 0 &&
    typeof v.currency === 'string' &&
    /^[A-Z]{3}$/.test(v.currency);
  return ok ? undefined : fail('ERR_SCHEMA_TYPE', at, `${at.slice(1)} must be chio money: { units: a non-negative integer of minor units, currency: an ISO 4217 code }`);
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

/**
 * An RFC 3339 date-time (already validated) as Unix seconds.
 *
 * @param text - the date-time.
 * @returns whole seconds, rounded down.
 */
export function unixSeconds(text: string): number {
  const ms = Date.parse(text);
  // A leap second (23:59:60) is the last second of its minute; Date.parse does not read it.
  return Math.floor((Number.isNaN(ms) ? Date.parse(text.replace(/:60(?=[.zZ+-])/, ':59')) + 1000 : ms) / 1000);
}

/** A document type's name for messages: `capability/token` reads "capability token". */
function what(id: string): string {
  return id.replace(/[/.-]/g, ' ');
}
