/**
 * The two string formats the schema line uses (SPEC.md 4.1), checked exactly as their RFCs say,
 * so that every validator a user binds gives the same verdict. Ajv's stock checkers are more
 * lenient than the RFCs (a space instead of `T`, an offset without a colon); Python's and
 * hyperjump's are not, and a document must not be valid in one runtime and invalid in another.
 */
import { isIPv6 } from 'node:net';

/**
 * RFC 3339 section 5.6 `date-time`, read by the one time module (SPEC.md 6.2): full date, `T`,
 * full time with an offset (`Z` or `±hh:mm`); a leap second (`:60`) only at 23:59:60 UTC.
 */
export { isDateTime } from '../encoding/time.js';

const UNRESERVED = "A-Za-z0-9\\-._~";
const SUB_DELIMS = "!$&'()*+,;=";
const PCT = '%[0-9A-Fa-f]{2}';
const PCHAR = `(?:[${UNRESERVED}${SUB_DELIMS}:@]|${PCT})`;
const URI = new RegExp(
  [
    `^[A-Za-z][A-Za-z0-9+\\-.]*:`,
    `(?:`,
    `//(?:(?:[${UNRESERVED}${SUB_DELIMS}:]|${PCT})*@)?`,
    `(?:\\[([^\\]/?#@]*)\\]|(?:[${UNRESERVED}${SUB_DELIMS}]|${PCT})*)`,
    `(?::[0-9]*)?`,
    `(?:/${PCHAR}*)*`,
    `|/(?:${PCHAR}+(?:/${PCHAR}*)*)?`,
    `|${PCHAR}+(?:/${PCHAR}*)*`,
    `|`,
    `)`,
    `(?:\\?(?:${PCHAR}|[/?])*)?`,
    `(?:#(?:${PCHAR}|[/?])*)?$`,
  ].join(''),
);
const IPV_FUTURE = new RegExp(`^[Vv][0-9A-Fa-f]+\\.[${UNRESERVED}${SUB_DELIMS}:]+$`);

/**
 * RFC 3986 section 3 `URI`: a scheme and then a hierarchical part, ASCII only (an IRI is not a
 * URI). URNs (`urn:x402:proof:1`) and DIDs (`did:web:example.com`) are URIs.
 *
 * @param value - the string to check.
 * @returns true when it is an absolute URI.
 * @example
 * ```ts
 * isUri('https://merchant.example/x402/sessions/1'); // true
 * isUri('merchant.example/x402'); // false: no scheme
 * ```
 */
export function isUri(value: string): boolean {
  const m = URI.exec(value);
  if (m === null) return false;
  const ip = m[1];
  if (ip === undefined) return true;
  if (IPV_FUTURE.test(ip)) return true;
  // RFC 3986 has no zone identifiers (`%25eth0`); isIPv6 would accept them.
  return isIPv6(ip) && !ip.includes('%');
}
