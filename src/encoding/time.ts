/**
 * The one reading of time (SPEC.md 6.2). Every time writ compares goes through here: RFC 3339
 * `date-time` as section 5.6 of the RFC writes it (offsets, any number of fraction digits, leap
 * seconds) and Unix seconds, read into an exact {@link Instant} and compared with
 * {@link compareInstants}. A time that cannot be read is refused with `ERR_TIME_INVALID`, so a
 * check that depends on it is never skipped: "could not read the expiry" never means "not
 * expired".
 *
 * Leap seconds: writ's clock is POSIX time (Unix seconds), which has no leap seconds. A leap
 * second `23:59:60[.f]` (allowed only where it is 23:59:60 UTC) is read as the instant
 * `00:00:00[.f]` of the next day: later than every instant of `23:59:59`, and equal to the
 * midnight that follows it.
 */
import type { Refusal } from '../issues.js';

/** An exact point in time: whole Unix seconds and the decimal fraction of a second. */
export interface Instant {
  /** Whole seconds since 1970-01-01T00:00:00Z, from 0 to 253402300799 (9999-12-31T23:59:59Z). */
  readonly seconds: number;
  /** The digits after the decimal point, without trailing zeros (`''` for a whole second). */
  readonly fraction: string;
}

/** A time read, or why it could not be. */
export type TimeRead =
  | { readonly ok: true; readonly instant: Instant }
  | Refusal<'ERR_TIME_INVALID'>;

/** 9999-12-31T23:59:59Z, the last whole second RFC 3339 can write. */
export const LATEST_SECOND = 253402300799;

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const refuse = (message: string): TimeRead => ({ ok: false, code: 'ERR_TIME_INVALID', path: '', message });

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Read an RFC 3339 `date-time` (section 5.6): full date, `T`, full time with a fraction of any
 * length, and `Z` or a `±hh:mm` offset. A leap second is accepted only at 23:59:60 UTC. The
 * instant, after the offset, lies from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59.999…Z: the
 * range of writ's clock (Unix seconds), so every time writ reads is one it can compare with `now`.
 *
 * @param text - the value; anything that is not a string is refused.
 * @returns the instant, or `ERR_TIME_INVALID` saying what is wrong.
 * @example
 * ```ts
 * readRfc3339('2026-04-15T17:06:15Z');      // { ok: true, instant: { seconds: 1776272775, fraction: '' } }
 * readRfc3339('2016-12-31T23:59:60Z');      // the instant 2017-01-01T00:00:00Z
 * readRfc3339('2026-04-15 17:06:15Z').ok;   // false: a space is not RFC 3339
 * ```
 */
export function readRfc3339(text: unknown): TimeRead {
  if (typeof text !== 'string') return refuse('a time must be an RFC 3339 date-time string');
  const m = DATE_TIME.exec(text);
  if (m === null) return refuse(`${JSON.stringify(text.slice(0, 64))} is not an RFC 3339 date-time (YYYY-MM-DDThh:mm:ss[.f] with Z or ±hh:mm)`);
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const leapYear = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const maxDay = month === 2 && leapYear ? 29 : (DAYS[month - 1] ?? 0);
  const offH = Number(m[10] ?? 0);
  const offM = Number(m[11] ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > maxDay) return refuse(`${text} names a day that does not exist`);
  if (hour > 23 || minute > 59 || second > 60 || offH > 23 || offM > 59) return refuse(`${text} names a time of day that does not exist`);
  const offset = (m[9] === '-' ? -1 : 1) * (offH * 3600 + offM * 60);
  // Whole seconds of the local time, less the offset: UTC. A leap second counts as :59 + 1.
  const utc = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offset;
  if (second === 60 && (((utc - 60) % 86400) + 86400) % 86400 !== 86340) return refuse(`${text} is a leap second that is not 23:59:60 UTC`);
  if (utc < 0 || utc > LATEST_SECOND) return refuse(`${text} is outside the times writ reads, 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z (after its offset)`);
  return { ok: true, instant: { seconds: utc, fraction: (m[7] ?? '').replace(/0+$/, '') } };
}

/**
 * Whether a string is an RFC 3339 `date-time` writ reads (the schema format `date-time`).
 *
 * @param value - the string.
 * @returns true when {@link readRfc3339} reads it.
 * @example
 * ```ts
 * isDateTime('2026-03-19T10:05:00Z'); // true
 * isDateTime('2026-03-19T10:05:00');  // false: no offset
 * ```
 */
export function isDateTime(value: string): boolean {
  return readRfc3339(value).ok;
}

/**
 * Read Unix seconds: a whole number of seconds from 0 to 253402300799 (9999-12-31T23:59:59Z).
 *
 * @param value - the value; a number, or with `text`, decimal digits.
 * @returns the instant, or `ERR_TIME_INVALID`.
 * @example
 * ```ts
 * readUnixSeconds(1776272775).ok; // true
 * readUnixSeconds(1.5).ok;        // false
 * ```
 */
export function readUnixSeconds(value: unknown): TimeRead {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > LATEST_SECOND) {
    return refuse('Unix seconds must be a whole number from 0 to 253402300799 (9999-12-31T23:59:59Z)');
  }
  return { ok: true, instant: { seconds: value, fraction: '' } };
}

/**
 * Read a time given as text on a command line or in a vector: RFC 3339, or Unix seconds in
 * decimal digits.
 *
 * @param text - `2026-04-15T17:06:15Z` or `1776272775`.
 * @returns the instant, or `ERR_TIME_INVALID` when the text is neither.
 * @example
 * ```ts
 * readTime('1776272775');           // the same instant as
 * readTime('2026-04-15T17:06:15Z');
 * ```
 */
export function readTime(text: unknown): TimeRead {
  if (typeof text === 'string' && /^(?:0|[1-9][0-9]{0,11})$/.test(text)) return readUnixSeconds(Number(text));
  const read = readRfc3339(text);
  // A date-time that does not exist, or lies outside writ's clock, says so; anything else is neither form.
  return read.ok || (typeof text === 'string' && DATE_TIME.test(text)) ? read : refuse(`${JSON.stringify(typeof text === 'string' ? text.slice(0, 64) : text)} is neither an RFC 3339 date-time nor Unix seconds`);
}

/**
 * Compare two instants exactly (fractions of any length included).
 *
 * @param a - the first.
 * @param b - the second.
 * @returns -1 when `a` is earlier, 0 when they are the same instant, 1 when `a` is later.
 * @example
 * ```ts
 * compareInstants(at('2026-01-01T00:00:00.0001Z'), at('2026-01-01T00:00:00Z')); // 1
 * ```
 */
export function compareInstants(a: Instant, b: Instant): -1 | 0 | 1 {
  if (a.seconds !== b.seconds) return a.seconds < b.seconds ? -1 : 1;
  const width = Math.max(a.fraction.length, b.fraction.length);
  const fa = a.fraction.padEnd(width, '0');
  const fb = b.fraction.padEnd(width, '0');
  return fa === fb ? 0 : fa < fb ? -1 : 1;
}

/**
 * The instant of whole Unix seconds (the `now` of a verification).
 *
 * @param seconds - whole Unix seconds, already checked.
 * @returns the instant.
 */
export function instantOfSeconds(seconds: number): Instant {
  return { seconds, fraction: '' };
}
