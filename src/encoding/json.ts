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
/** A frozen read's measure of written length stops here: one past the snapshot's limit (`snapshot.ts`). */
const MAX_MEASURE = DEFAULT_MAX_BYTES + 1;

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
  return parseJsonFrozen(input, options);
}

/**
 * {@link parseJson}, and, given `made`, building each object without a prototype and freezing
 * each object and array as it is closed, with its measures in `made`: for the snapshot module
 * alone (`readSnapshot`), which registers them. The answer is {@link parseJson}'s in every other way.
 *
 * @param input - JSON text, or its UTF-8 bytes.
 * @param options - as {@link parseJson}'s.
 * @param made - filled with the containers made; left empty for a scalar or a refusal.
 * @returns what {@link parseJson} returns, with frozen containers when `made` is given.
 */
export function parseJsonFrozen(input: string | Uint8Array, options: ParseJsonOptions, made?: MadeContainers): ParseJsonResult {
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
  return new Reader(text, maxDepth, options.canonicalNumbers === true, made).document();
}

/**
 * Each object and array a frozen read made, in the order it was closed (the root last), with
 * its nesting (1 for a container of scalars) and its length written out as JSON by the
 * snapshot's own measure (`snapshot.ts`).
 */
export type MadeContainers = [container: object, height: number, size: number][];


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
  /**
   * The member names and indices from the root to the value being read: an issue's path is made
   * from them when, and only when, there is an issue.
   */
  private readonly keys: (string | number)[] = [];
  /** In a frozen read, the nesting and written length of the value read last. */
  private height = 0;
  private size = 0;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
    private readonly canonicalNumbers: boolean,
    private readonly made: MadeContainers | undefined,
  ) {}

  document(): ParseJsonResult {
    try {
      this.space();
      const value = this.value();
      this.space();
      if (this.pos < this.text.length) this.syntax('unexpected content after the JSON value');
      return { ok: true, value };
    } catch (e) {
      if (e instanceof Reject) {
        if (this.made !== undefined) this.made.length = 0;
        return { ok: false, ...e.issue };
      }
      throw e;
    }
  }

  /** The JSON Pointer of the value being read. */
  private path(): string {
    let out = '';
    for (const key of this.keys) out = pointerAppend(out, String(key));
    return out;
  }

  private value(): JsonValue {
    const c = this.text.charCodeAt(this.pos);
    switch (c) {
      case 0x7b /* { */:
        return this.object();
      case 0x5b /* [ */:
        return this.array();
      case 0x22 /* " */:
        return this.scalar(this.string(), 0);
      case 0x74 /* t */:
        return this.scalar(this.literal('true', true), 4);
      case 0x66 /* f */:
        return this.scalar(this.literal('false', false), 5);
      case 0x6e /* n */:
        return this.scalar(this.literal('null', null), 4);
      default:
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.scalar(this.number(), 0);
        return this.syntax(Number.isNaN(c) ? 'unexpected end of input; expected a value' : `expected a value, found ${this.describeHere()}`);
    }
  }

  /** A scalar read, measured in a frozen read as the snapshot measures it (`fixed` for a literal). */
  private scalar<T extends JsonValue>(value: T, fixed: number): T {
    if (this.made !== undefined) {
      this.height = 0;
      this.size = fixed !== 0 ? fixed : typeof value === 'string' ? value.length + 2 : String(value).length;
    }
    return value;
  }

  /** Close a container: in a frozen read, freeze it and keep it with its measures. */
  private close<T extends object>(out: T, height: number, size: number): T {
    this.depth--;
    if (this.made !== undefined) {
      Object.freeze(out);
      this.made.push([out, height + 1, size]);
      this.height = height + 1;
      this.size = size;
    }
    return out;
  }

  private object(): JsonObject {
    this.enter();
    this.pos++;
    // A frozen read's objects have no prototype, as a snapshot's have none.
    const out: JsonObject = this.made === undefined ? {} : (Object.create(null) as JsonObject);
    let height = 0;
    let size = 2;
    this.space();
    if (this.text.charCodeAt(this.pos) === 0x7d /* } */) {
      this.pos++;
      return this.close(out, height, size);
    }
    for (let count = 0; ; count++) {
      if (this.text.charCodeAt(this.pos) !== 0x22) this.syntax(`expected a member name in double quotes, found ${this.describeHere()}`);
      const key = this.string();
      this.keys.push(key);
      if (Object.prototype.hasOwnProperty.call(out, key)) {
        throw new Reject({
          code: 'ERR_JSON_DUPLICATE_KEY',
          path: this.path(),
          message: `member "${key}" appears more than once in the same object (${this.where()}); a document must name each member once`,
        });
      }
      this.space();
      if (this.text.charCodeAt(this.pos) !== 0x3a /* : */) this.syntax(`expected ':' after member name "${key}", found ${this.describeHere()}`);
      this.pos++;
      this.space();
      const v = this.value();
      this.keys.pop();
      // defineProperty, not assignment: a member named "__proto__" must stay an own data member.
      Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      if (this.made !== undefined) {
        height = Math.max(height, this.height);
        size = Math.min(size + (count > 0 ? 1 : 0) + key.length + 3 + this.size, MAX_MEASURE);
      }
      this.space();
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x2c /* , */) {
        this.pos++;
        this.space();
        continue;
      }
      if (c === 0x7d) {
        this.pos++;
        return this.close(out, height, size);
      }
      this.syntax(`expected ',' or '}' after the value of "${key}", found ${this.describeHere()}`);
    }
  }

  private array(): JsonValue[] {
    this.enter();
    this.pos++;
    const out: JsonValue[] = [];
    let height = 0;
    let size = 2;
    this.space();
    if (this.text.charCodeAt(this.pos) === 0x5d /* ] */) {
      this.pos++;
      return this.close(out, height, size);
    }
    for (;;) {
      this.keys.push(out.length);
      out.push(this.value());
      this.keys.pop();
      if (this.made !== undefined) {
        height = Math.max(height, this.height);
        size = Math.min(size + (out.length > 1 ? 1 : 0) + this.size, MAX_MEASURE);
      }
      this.space();
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x2c) {
        this.pos++;
        this.space();
        continue;
      }
      if (c === 0x5d) {
        this.pos++;
        return this.close(out, height, size);
      }
      this.syntax(`expected ',' or ']' in array, found ${this.describeHere()}`);
    }
  }

  private string(): string {
    const text = this.text;
    const start = ++this.pos;
    // Fast path: no escapes.
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        this.pos = i + 1;
        return this.checkSurrogates(text.slice(start, i));
      }
      if (c === 0x5c || c < 0x20) break;
    }
    let out = '';
    let run = start;
    let i = start;
    for (;;) {
      if (i >= text.length) {
        this.pos = i;
        this.syntax('unterminated string');
      }
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(run, i);
        this.pos = i + 1;
        return this.checkSurrogates(out);
      }
      if (c < 0x20) {
        this.pos = i;
        this.syntax(`control character U+${c.toString(16).padStart(4, '0').toUpperCase()} must be escaped inside a string`);
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
          this.syntax('\\u must be followed by four hexadecimal digits');
        }
        out += String.fromCharCode(parseInt(hex, 16));
        i += 6;
      } else if (e !== undefined && ESCAPES[e] !== undefined) {
        out += ESCAPES[e];
        i += 2;
      } else {
        this.pos = i;
        this.syntax(`invalid escape sequence \\${e ?? ''}`);
      }
      run = i;
    }
  }

  private checkSurrogates(s: string): string {
    if (LONE_SURROGATE.test(s)) {
      throw new Reject({
        code: 'ERR_JSON_LONE_SURROGATE',
        path: this.path(),
        message: `a string holds an unpaired UTF-16 surrogate (${this.where()}); such a string has no Unicode meaning`,
      });
    }
    return s;
  }

  private number(): number {
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (m === null) return this.syntax(`invalid number ${this.describeHere()}`);
    const n = Number(m[0]);
    if (!Number.isFinite(n)) {
      throw new Reject({ code: 'ERR_JSON_NUMBER_RANGE', path: this.path(), message: `number ${m[0]} is too large to be represented (${this.where()})` });
    }
    // A number too small for a double becomes 0 (or -0): "1e-400" would be read, and signed,
    // as a value its text does not say. Only a mantissa of zeros may read as zero.
    if (n === 0 && /[1-9]/.test(m[0].replace(/[eE].*$/, ''))) {
      throw new Reject({ code: 'ERR_JSON_NUMBER_RANGE', path: this.path(), message: `number ${m[0]} is too small to be represented: it would be read as 0 (${this.where()})` });
    }
    // ECMAScript's Number::toString is RFC 8785's form for every finite double but -0.
    if (this.canonicalNumbers && m[0] !== String(n) && !(Object.is(n, -0) && m[0] === '-0')) {
      throw new Reject({ code: 'ERR_JSON_NUMBER_FORM', path: this.path(), message: `number ${m[0]} is not written in its canonical form ${String(n)} (${this.where()}); signed content is read only as it was signed` });
    }
    this.pos += m[0].length;
    return n;
  }

  private literal<T extends JsonValue>(word: string, value: T): T {
    if (this.text.startsWith(word, this.pos)) {
      this.pos += word.length;
      return value;
    }
    return this.syntax(`expected a value, found ${this.describeHere()}`);
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

  private enter(): void {
    if (++this.depth > this.maxDepth) {
      throw new Reject({
        code: 'ERR_JSON_TOO_DEEP',
        path: this.path(),
        message: `arrays and objects are nested more than ${this.maxDepth} deep (${this.where()})`,
      });
    }
  }

  private syntax(what: string): never {
    throw new Reject({ code: 'ERR_JSON_SYNTAX', path: this.path(), message: `${what} (${this.where()})` });
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
