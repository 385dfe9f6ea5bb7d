/**
 * Strict JSON intake (SPEC.md, "JSON intake").
 *
 * `JSON.parse` is lenient where a protocol cannot be: it keeps the last of two members with the
 * same name (so a signer and a verifier can read two different documents from one text), it
 * accepts lone UTF-16 surrogates, and it has no size or depth limit. This reader accepts exactly
 * RFC 8259 JSON, restricted as I-JSON (RFC 7493) requires, and reports every rejection as an
 * {@link Issue} with a stable code and the JSON Pointer of the offending value. It never throws
 * on bad input.
 */
import { types } from 'node:util';
import type { Issue, Refusal, Result } from '../issues.js';
import { pointerAppend } from './pointer.js';

/** A value as JSON can carry it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
/** A JSON object: member name to value. */
export interface JsonObject {
  [member: string]: JsonValue;
}

/** Limits for {@link parseJson}; every field is optional. */
export interface ParseJsonOptions {
  /** Largest accepted input, in UTF-16 code units for a string or bytes for a `Uint8Array`. Default 16 MiB. */
  readonly maxBytes?: number;
  /** Deepest accepted nesting of arrays and objects. Default 64. */
  readonly maxDepth?: number;
  /**
   * Refuse a number not written in its RFC 8785 form (`ERR_JSON_NUMBER_FORM`): `1.0`, `1E2`,
   * `0.10`. For signed content read from text (a bundle's files), where a reader that keeps the
   * text would see another value than the one signed. Default `false`.
   */
  readonly canonicalNumbers?: boolean;
}

/** The outcome of {@link parseJson}: the value, or the first reason the input was rejected. */
export type ParseJsonResult = Result<JsonValue>;

/** Default for {@link ParseJsonOptions.maxBytes}. */
export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;
/** Default for {@link ParseJsonOptions.maxDepth}. */
export const DEFAULT_MAX_DEPTH = 64;

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/**
 * Parse JSON text strictly: RFC 8259 grammar, no duplicate member names, no lone surrogates,
 * no number that overflows a double or underflows to zero, bounded size and depth.
 *
 * @param input - JSON text, or its UTF-8 bytes (a byte-order mark is rejected).
 * @param options - size and depth limits.
 * @returns `{ ok: true, value }`, or a {@link Refusal} with one of the codes
 *   `ERR_JSON_SYNTAX`, `ERR_JSON_ENCODING`, `ERR_JSON_DUPLICATE_KEY`, `ERR_JSON_LONE_SURROGATE`,
 *   `ERR_JSON_NUMBER_RANGE`, `ERR_JSON_TOO_DEEP`, `ERR_JSON_TOO_LARGE`; `ERR_USAGE_INVALID_ARGUMENT` when
 *   the input is neither a string nor a `Uint8Array`.
 * @example
 * ```ts
 * const r = parseJson('{"a":1,"a":2}');
 * // r.ok === false, r.code === 'ERR_JSON_DUPLICATE_KEY', r.path === '/a'
 * ```
 */
export function parseJson(input: string | Uint8Array, options: ParseJsonOptions = {}): ParseJsonResult {
  if (types.isProxy(input) || (typeof input !== 'string' && !(input instanceof Uint8Array))) {
    return fail('ERR_USAGE_INVALID_ARGUMENT', '', `parseJson reads JSON text (a string) or its UTF-8 bytes (a Uint8Array), not ${input === null ? 'null' : typeof input}`);
  }
  if (options === null || typeof options !== 'object') return fail('ERR_USAGE_INVALID_ARGUMENT', '', 'parseJson: options must be an object');
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (input.length > maxBytes) {
    return fail('ERR_JSON_TOO_LARGE', '', `the document is ${input.length} bytes; the limit is ${maxBytes}`);
  }
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    if (input.length >= 3 && input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) {
      return fail('ERR_JSON_ENCODING', '', 'the file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM');
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(input);
    } catch {
      return fail('ERR_JSON_ENCODING', '', 'the bytes are not valid UTF-8');
    }
  }
  if (text.charCodeAt(0) === 0xfeff) {
    return fail('ERR_JSON_ENCODING', '', 'the text starts with a byte-order mark (U+FEFF); remove it');
  }
  return new Reader(text, maxDepth, options.canonicalNumbers === true).document();
}

function fail(code: Issue['code'], path: string, message: string): Refusal {
  return { ok: false, code, path, message };
}

/** Thrown inside the reader only, caught in {@link Reader.document}. */
class Reject {
  constructor(readonly issue: Issue) {}
}

class Reader {
  private pos = 0;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
    private readonly canonicalNumbers = false,
  ) {}

  document(): ParseJsonResult {
    try {
      this.space();
      const value = this.value('');
      this.space();
      if (this.pos < this.text.length) this.syntax('unexpected content after the JSON value', '');
      return { ok: true, value };
    } catch (e) {
      if (e instanceof Reject) return { ok: false, ...e.issue };
      throw e;
    }
  }

  private value(path: string): JsonValue {
    const c = this.text.charCodeAt(this.pos);
    switch (c) {
      case 0x7b /* { */:
        return this.object(path);
      case 0x5b /* [ */:
        return this.array(path);
      case 0x22 /* " */:
        return this.string(path);
      case 0x74 /* t */:
        return this.literal('true', true, path);
      case 0x66 /* f */:
        return this.literal('false', false, path);
      case 0x6e /* n */:
        return this.literal('null', null, path);
      default:
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number(path);
        return this.syntax(Number.isNaN(c) ? 'unexpected end of input; expected a value' : `expected a value, found ${this.describeHere()}`, path);
    }
  }

  private object(path: string): JsonObject {
    this.enter(path);
    this.pos++;
    const out: JsonObject = {};
    this.space();
    if (this.text.charCodeAt(this.pos) === 0x7d /* } */) {
      this.pos++;
      this.depth--;
      return out;
    }
    for (;;) {
      if (this.text.charCodeAt(this.pos) !== 0x22) this.syntax(`expected a member name in double quotes, found ${this.describeHere()}`, path);
      const key = this.string(path);
      const memberPath = pointerAppend(path, key);
      if (Object.prototype.hasOwnProperty.call(out, key)) {
        throw new Reject({
          code: 'ERR_JSON_DUPLICATE_KEY',
          path: memberPath,
          message: `member "${key}" appears more than once in the same object (${this.where()}); a document must name each member once`,
        });
      }
      this.space();
      if (this.text.charCodeAt(this.pos) !== 0x3a /* : */) this.syntax(`expected ':' after member name "${key}", found ${this.describeHere()}`, memberPath);
      this.pos++;
      this.space();
      const v = this.value(memberPath);
      // defineProperty, not assignment: a member named "__proto__" must stay an own data member.
      Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      this.space();
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x2c /* , */) {
        this.pos++;
        this.space();
        continue;
      }
      if (c === 0x7d) {
        this.pos++;
        this.depth--;
        return out;
      }
      this.syntax(`expected ',' or '}' after the value of "${key}", found ${this.describeHere()}`, path);
    }
  }

  private array(path: string): JsonValue[] {
    this.enter(path);
    this.pos++;
    const out: JsonValue[] = [];
    this.space();
    if (this.text.charCodeAt(this.pos) === 0x5d /* ] */) {
      this.pos++;
      this.depth--;
      return out;
    }
    for (;;) {
      out.push(this.value(pointerAppend(path, String(out.length))));
      this.space();
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x2c) {
        this.pos++;
        this.space();
        continue;
      }
      if (c === 0x5d) {
        this.pos++;
        this.depth--;
        return out;
      }
      this.syntax(`expected ',' or ']' in array, found ${this.describeHere()}`, path);
    }
  }

  private string(path: string): string {
    const text = this.text;
    const start = ++this.pos;
    // Fast path: no escapes.
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        this.pos = i + 1;
        return this.checkSurrogates(text.slice(start, i), path);
      }
      if (c === 0x5c || c < 0x20) break;
    }
    let out = '';
    let run = start;
    let i = start;
    for (;;) {
      if (i >= text.length) {
        this.pos = i;
        this.syntax('unterminated string', path);
      }
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(run, i);
        this.pos = i + 1;
        return this.checkSurrogates(out, path);
      }
      if (c < 0x20) {
        this.pos = i;
        this.syntax(`control character U+${c.toString(16).padStart(4, '0').toUpperCase()} must be escaped inside a string`, path);
      }
      if (c !== 0x5c) {
        i++;
        continue;
      }
      out += text.slice(run, i);
      const e = text[i + 1];
      if (e === 'u') {
        const hex = text.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
          this.pos = i;
          this.syntax('\\u must be followed by four hexadecimal digits', path);
        }
        out += String.fromCharCode(parseInt(hex, 16));
        i += 6;
      } else if (e !== undefined && ESCAPES[e] !== undefined) {
        out += ESCAPES[e];
        i += 2;
      } else {
        this.pos = i;
        this.syntax(`invalid escape sequence \\${e ?? ''}`, path);
      }
      run = i;
    }
  }

  private checkSurrogates(s: string, path: string): string {
    if (LONE_SURROGATE.test(s)) {
      throw new Reject({
        code: 'ERR_JSON_LONE_SURROGATE',
        path,
        message: `a string holds an unpaired UTF-16 surrogate (${this.where()}); such a string has no Unicode meaning`,
      });
    }
    return s;
  }

  private number(path: string): number {
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (m === null) return this.syntax(`invalid number ${this.describeHere()}`, path);
    const n = Number(m[0]);
    if (!Number.isFinite(n)) {
      throw new Reject({ code: 'ERR_JSON_NUMBER_RANGE', path, message: `number ${m[0]} is too large to be represented (${this.where()})` });
    }
    // A number too small for a double becomes 0 (or -0): "1e-400" would be read, and signed,
    // as a value its text does not say. Only a mantissa of zeros may read as zero.
    if (n === 0 && /[1-9]/.test(m[0].replace(/[eE].*$/, ''))) {
      throw new Reject({ code: 'ERR_JSON_NUMBER_RANGE', path, message: `number ${m[0]} is too small to be represented: it would be read as 0 (${this.where()})` });
    }
    // ECMAScript's Number::toString is RFC 8785's form for every finite double but -0.
    if (this.canonicalNumbers && m[0] !== String(n) && !(Object.is(n, -0) && m[0] === '-0')) {
      throw new Reject({ code: 'ERR_JSON_NUMBER_FORM', path, message: `number ${m[0]} is not written in its canonical form ${String(n)} (${this.where()}); signed content is read only as it was signed` });
    }
    this.pos += m[0].length;
    return n;
  }

  private literal<T extends JsonValue>(word: string, value: T, path: string): T {
    if (this.text.startsWith(word, this.pos)) {
      this.pos += word.length;
      return value;
    }
    return this.syntax(`expected a value, found ${this.describeHere()}`, path);
  }

  private space(): void {
    const text = this.text;
    let i = this.pos;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
    this.pos = i;
  }

  private enter(path: string): void {
    if (++this.depth > this.maxDepth) {
      throw new Reject({
        code: 'ERR_JSON_TOO_DEEP',
        path,
        message: `arrays and objects are nested more than ${this.maxDepth} deep (${this.where()})`,
      });
    }
  }

  private syntax(what: string, path: string): never {
    throw new Reject({ code: 'ERR_JSON_SYNTAX', path, message: `${what} (${this.where()})` });
  }

  private describeHere(): string {
    if (this.pos >= this.text.length) return 'end of input';
    const ch = this.text.slice(this.pos, this.pos + 12);
    return JSON.stringify(ch.length === 12 ? `${ch}…` : ch);
  }

  /** Line and column (1-based, in UTF-16 code units) of the current position. */
  private where(): string {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < this.pos && i < this.text.length; i++) {
      if (this.text.charCodeAt(i) === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    return `line ${line}, column ${this.pos - lineStart + 1}`;
  }
}

/**
 * Is a value a JSON object (not null, not an array)?
 *
 * @param value - any value.
 * @returns whether members can be read from it.
 * @example
 * ```ts
 * isRecord({ a: 1 }); // true
 * isRecord([1]);      // false
 * ```
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
