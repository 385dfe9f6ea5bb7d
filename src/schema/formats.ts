/**
 * The two string formats the schema line uses (SPEC.md 4.1), checked exactly as their RFCs say,
 * so that every validator a user binds gives the same verdict. Ajv's stock checkers are more
 * lenient than the RFCs (a space instead of `T`, an offset without a colon); Python's and
 * hyperjump's are not, and a document must not be valid in one runtime and invalid in another.
 */
import { isIPv6 } from 'node:net';

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * RFC 3339 section 5.6 `date-time`: full date, `T`, full time with an offset (`Z` or `±hh:mm`).
 * A leap second (`:60`) is accepted only where it falls at 23:59:60 UTC.
 *
 * @param value - the string to check.
 * @returns true when it is an RFC 3339 date-time.
 * @example
 * ```ts
 * isDateTime('2026-03-19T10:05:00Z'); // true
 * isDateTime('2026-03-19 10:05:00Z'); // false: a space is not RFC 3339
 * ```
 */
export function isDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (m === null) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const maxDay = month === 2 && leap ? 29 : (DAYS[month - 1] ?? 0);
  const offH = Number(m[9] ?? 0);
  const offM = Number(m[10] ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > maxDay) return false;
  if (hour > 23 || minute > 59 || second > 60 || offH > 23 || offM > 59) return false;
  if (second === 60) {
    const sign = m[8] === '-' ? -1 : 1;
    const utcMinutes = (((hour * 60 + minute - sign * (offH * 60 + offM)) % 1440) + 1440) % 1440;
    return utcMinutes === 23 * 60 + 59;
  }
  return true;
}

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
