/**
 * Reading a stream only as far as it can be bounded (SPEC.md 12.10): standard input for
 * `writ validate -`, the protocol lines of `writ adapter`, and an implementation's answers to the
 * conformance runner. Nothing here waits for the end of a stream to find it too long: a whole
 * input is refused as soon as it passes the limit, and a line as soon as it does, whether or not
 * its newline ever comes. What is held in memory is never more than the limit and one chunk.
 */
import { DEFAULT_MAX_BYTES } from '../encoding/json.js';
import type { Refusal } from '../issues.js';

/** A stream as the readers here take it: chunks of bytes (or of text, read as UTF-8). */
export type Chunks = AsyncIterable<Uint8Array | string>;

/** Everything a stream held, or why it was not read to its end. */
export type StreamRead = { readonly ok: true; readonly bytes: Uint8Array } | Refusal<'ERR_JSON_TOO_LARGE' | 'ERR_IO_READ'>;

const encoder = new TextEncoder();
const bytesOf = (chunk: Uint8Array | string): Uint8Array => (typeof chunk === 'string' ? encoder.encode(chunk) : chunk);

/**
 * Read a whole stream, to a cap: reading stops, and the stream is destroyed, as soon as more than
 * `maxBytes` have arrived.
 *
 * @param source - the stream (a Readable, or any async iterable of chunks).
 * @param maxBytes - the most it may hold; default the JSON reader's limit (16 MiB).
 * @returns its bytes; `ERR_JSON_TOO_LARGE` once it passes the cap (having read at most one chunk
 *   past it); `ERR_IO_READ` when the stream fails.
 * @example
 * ```ts
 * const r = await readStreamCapped(process.stdin);
 * if (r.ok) parseJson(r.bytes);
 * ```
 */
export async function readStreamCapped(source: Chunks, maxBytes: number = DEFAULT_MAX_BYTES): Promise<StreamRead> {
  const parts: Uint8Array[] = [];
  let length = 0;
  try {
    for await (const chunk of source) {
      const bytes = bytesOf(chunk);
      length += bytes.length;
      if (length > maxBytes) {
        // Leaving the loop closes the iterator (a Readable is destroyed); say so plainly as well.
        stop(source);
        return { ok: false, code: 'ERR_JSON_TOO_LARGE', path: '', message: `the input is more than ${maxBytes} bytes; it was not read further` };
      }
      parts.push(bytes);
    }
  } catch (e) {
    return { ok: false, code: 'ERR_IO_READ', path: '', message: `the input could not be read: ${(e as Error).message}` };
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return { ok: true, bytes: out };
}

function stop(source: Chunks): void {
  const s = source as { destroy?: unknown; pause?: unknown };
  if (typeof s.destroy === 'function') (s.destroy as () => void).call(source);
  else if (typeof s.pause === 'function') (s.pause as () => void).call(source);
}

/** One line of a stream: its bytes (without the newline, or a CR before it), or the news that it was too long. */
export type LinePiece = { readonly kind: 'line'; readonly bytes: Uint8Array } | { readonly kind: 'overlong'; readonly maxBytes: number };

/**
 * Splits a stream into lines without holding a line longer than the limit. A line that passes the
 * limit is reported once, as `overlong`, as soon as it does; the rest of it, up to its newline,
 * is skipped unread. A newline is LF; a CR just before it is dropped.
 */
export class LineSplitter {
  private parts: Uint8Array[] = [];
  private length = 0;
  private skipping = false;

  /**
   * @param maxBytes - the longest a line may be, in bytes; default the JSON reader's limit (16 MiB).
   */
  constructor(private readonly maxBytes: number = DEFAULT_MAX_BYTES) {}

  /**
   * Take the next chunk of the stream.
   *
   * @param chunk - bytes, or text (read as UTF-8).
   * @returns the lines it completed, and an `overlong` for a line that passed the limit.
   * @example
   * ```ts
   * const split = new LineSplitter(1024);
   * split.push('{"cmd":"st'); // []
   * split.push('op"}\n');     // [{ kind: 'line', bytes: <{"cmd":"stop"}> }]
   * ```
   */
  push(chunk: Uint8Array | string): LinePiece[] {
    const bytes = bytesOf(chunk);
    const out: LinePiece[] = [];
    let from = 0;
    while (from < bytes.length) {
      const nl = bytes.indexOf(0x0a, from);
      const end = nl < 0 ? bytes.length : nl;
      if (!this.skipping) {
        this.parts.push(bytes.subarray(from, end));
        this.length += end - from;
        // One byte of slack: the line's last byte may yet turn out to be the CR of a CRLF.
        if (this.length > this.maxBytes + 1) this.overlong(out);
      }
      if (nl < 0) break;
      if (this.skipping) this.skipping = false;
      else this.finish(out);
      from = nl + 1;
    }
    return out;
  }

  /**
   * The stream has ended: a last line without a newline.
   *
   * @returns that line, if there is one.
   * @example
   * ```ts
   * const split = new LineSplitter();
   * split.push('{"cmd":"stop"}');
   * split.end(); // [{ kind: 'line', bytes: <{"cmd":"stop"}> }]
   * ```
   */
  end(): LinePiece[] {
    const out: LinePiece[] = [];
    if (!this.skipping && this.length > 0) this.finish(out);
    this.skipping = false;
    this.parts = [];
    this.length = 0;
    return out;
  }

  private overlong(out: LinePiece[]): void {
    this.parts = [];
    this.length = 0;
    this.skipping = true;
    out.push({ kind: 'overlong', maxBytes: this.maxBytes });
  }

  private finish(out: LinePiece[]): void {
    let line = this.parts.length === 1 ? (this.parts[0] as Uint8Array) : concat(this.parts, this.length);
    if (line[line.length - 1] === 0x0d) line = line.subarray(0, line.length - 1);
    const copied = this.parts.length > 1;
    this.parts = [];
    this.length = 0;
    if (line.length > this.maxBytes) out.push({ kind: 'overlong', maxBytes: this.maxBytes });
    // A line cut from one chunk is copied: the chunk may be a pooled buffer.
    else out.push({ kind: 'line', bytes: copied ? line : line.slice() });
  }
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * The lines of a stream, each at most `maxBytes` long (see {@link LineSplitter}). Stopping the
 * iteration stops reading the stream.
 *
 * @param source - the stream (a Readable, or any async iterable of chunks).
 * @param maxBytes - the longest a line may be, in bytes; default the JSON reader's limit (16 MiB).
 * @returns the lines, in order, an over-long one as `overlong`.
 * @example
 * ```ts
 * for await (const piece of splitLines(process.stdin)) {
 *   if (piece.kind === 'line') handle(piece.bytes);
 * }
 * ```
 */
export async function* splitLines(source: Chunks, maxBytes: number = DEFAULT_MAX_BYTES): AsyncGenerator<LinePiece, void, undefined> {
  const split = new LineSplitter(maxBytes);
  for await (const chunk of source) yield* split.push(chunk);
  yield* split.end();
}
