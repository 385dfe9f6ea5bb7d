/**
 * A small JSON reader and canonicaliser for the jcs and hash profiles, written from SPEC.md 3 and
 * 6.3 alone: RFC 8259's grammar read by hand (the way people write one), SPEC's intake rules, and
 * the kit's RFC 8785 form. Each bug is a one-line change of the reader, the kind hand-written
 * readers have.
 */
import type { Adapter } from '../../../src/conformance/adapters.js';
import { accept, implementation, reject } from './adapter.js';
import { jcs, sha256 } from './kit.js';

/** The reader's mistakes. */
export interface ReaderBugs {
  /** `01` is read as 1. */
  readonly leadingZero?: boolean;
  /** Of two members with one name, the last wins (JSON.parse's way). */
  readonly lastDuplicateWins?: boolean;
  /** An unpaired surrogate is kept. */
  readonly loneSurrogates?: boolean;
  /** No nesting limit. */
  readonly unlimitedDepth?: boolean;
  /** A number too small for a double is read as 0. */
  readonly underflowToZero?: boolean;
  /** Any character after a backslash stands for itself. */
  readonly lenientEscapes?: boolean;
}

class Refusal extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/** Read JSON text as SPEC.md 3 says. */
export function readJson(text: string, bugs: ReaderBugs = {}): unknown {
  let i = 0;
  const fail = (code = 'ERR_JSON_SYNTAX'): never => {
    throw new Refusal(code);
  };
  const ws = (): void => {
    while (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r') i++;
  };
  const value = (depth: number): unknown => {
    ws();
    const c = text[i];
    // The depth of arrays and objects: a scalar inside 64 of them is not nested deeper.
    if ((c === '{' || c === '[') && depth > 64 && bugs.unlimitedDepth !== true) fail('ERR_JSON_TOO_DEEP');
    if (c === '{') {
      i++;
      const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      ws();
      if (text[i] === '}') return i++, out;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        const name = string();
        ws();
        if (text[i++] !== ':') fail();
        const v = value(depth + 1);
        if (Object.prototype.hasOwnProperty.call(out, name) && bugs.lastDuplicateWins !== true) fail('ERR_JSON_DUPLICATE_KEY');
        out[name] = v;
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return i++, out;
        else fail();
      }
    }
    if (c === '[') {
      i++;
      const out: unknown[] = [];
      ws();
      if (text[i] === ']') return i++, out;
      for (;;) {
        out.push(value(depth + 1));
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return i++, out;
        else fail();
      }
    }
    if (c === '"') return string();
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    return number();
  };
  const number = (): number => {
    const m = (bugs.leadingZero === true ? /^-?\d+(\.\d+)?([eE][+-]?\d+)?/ : /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/).exec(text.slice(i));
    if (m === null) return fail();
    i += m[0].length;
    const n = Number(m[0]);
    if (!Number.isFinite(n)) fail('ERR_JSON_NUMBER_RANGE');
    const mantissa = m[0].split(/[eE]/)[0] as string;
    if (n === 0 && /[1-9]/.test(mantissa) && bugs.underflowToZero !== true) fail('ERR_JSON_NUMBER_RANGE');
    return n;
  };
  const string = (): string => {
    i++;
    let out = '';
    for (;;) {
      const c = text[i++];
      if (c === undefined) return fail();
      if (c === '"') break;
      if (c < ' ') fail();
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = text[i++];
      const short: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (e !== undefined && short[e] !== undefined) out += short[e];
      else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i, i + 4))) {
        out += String.fromCharCode(parseInt(text.slice(i, i + 4), 16));
        i += 4;
      } else if (bugs.lenientEscapes === true && e !== undefined) out += e;
      else fail();
    }
    // Unpaired surrogates, escaped or raw, have no UTF-8 form.
    if (bugs.loneSurrogates !== true && /(?:[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF])/.test(out)) fail('ERR_JSON_LONE_SURROGATE');
    return out;
  };
  const v = value(1);
  ws();
  if (i !== text.length) fail();
  return v;
}

/**
 * A jcs and hash implementation written from SPEC.md 3 and 6.3, with the given bugs.
 *
 * @param bugs - the reader's mistakes; none gives a correct reader.
 * @returns an implementation of the jcs and hash profiles.
 */
export function canonicaliser(bugs: ReaderBugs): Adapter {
  return implementation(`canonicaliser ${JSON.stringify(bugs)}`, ['jcs', 'hash'], (c) => {
    let text: string;
    if (typeof c.input['bytes'] === 'string') {
      const bytes = Buffer.from(c.input['bytes'], 'base64url');
      // UTF-8 without a byte-order mark (RFC 8259 8.1).
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return reject('ERR_JSON_ENCODING');
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        return reject('ERR_JSON_ENCODING');
      }
    } else {
      text = String(c.input['text']);
      // The text is read as its UTF-8 (SPEC.md 13.2), which then starts with a byte-order mark.
      if (text.charCodeAt(0) === 0xfeff) return reject('ERR_JSON_ENCODING');
    }
    try {
      const canonical = jcs(readJson(text, bugs));
      return { ...accept, output: c.profile === 'jcs' ? canonical : `sha256:${sha256(canonical).toString('hex')}` };
    } catch (e) {
      return e instanceof Refusal ? reject(e.code) : { errored: true, context: { message: String(e) } };
    }
  });
}
