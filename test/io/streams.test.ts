/**
 * Reading streams only as far as they can be bounded (SPEC.md 12.10; issue 10, attack 14): a
 * whole input stops being read as soon as it passes the limit, and a line is refused as soon as
 * it does, its newline or not. The streams here never end on their own: a reader that waits for
 * the end fails by pulling more than the test lets it (each source gives up, and counts, well
 * past the limit), never by hanging.
 */
import { Readable } from 'node:stream';
import { setImmediate as tick } from 'node:timers/promises';
import t from 'tap';
import { LineSplitter, readStreamCapped, splitLines, type LinePiece } from '../../src/io/streams.js';

const CHUNK = 4096;

/** A stream of `byte` that does not end (until `giveUp` bytes, so that a broken reader fails rather than runs forever); counts what was pulled. */
function endless(byte: number, giveUp: number): { source: AsyncGenerator<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const chunk = new Uint8Array(CHUNK).fill(byte);
  const source = (async function* () {
    while (pulled < giveUp) {
      pulled += chunk.length;
      // Let timers run: a tap timeout can fire even if a reader never stops.
      if (pulled % (64 * CHUNK) === 0) await tick();
      yield chunk;
    }
  })();
  return { source, pulled: () => pulled };
}

const text = (p: LinePiece): string => (p.kind === 'line' ? new TextDecoder().decode(p.bytes) : `<overlong ${p.maxBytes}>`);

t.test('readStreamCapped: a stream that never ends is refused just past the limit, and no more is pulled', { timeout: 30_000 }, async (t) => {
  const limit = 100_000;
  const s = endless(0x20, 100 * limit);
  const r = await readStreamCapped(s.source, limit);
  t.match(r, { ok: false, code: 'ERR_JSON_TOO_LARGE' });
  t.ok(s.pulled() > limit && s.pulled() <= limit + CHUNK, `pulled ${s.pulled()} bytes for a limit of ${limit}`);
});

t.test('readStreamCapped: a Readable is destroyed when it passes the limit', { timeout: 30_000 }, async (t) => {
  const limit = 50_000;
  const s = endless(0x7b, 100 * limit);
  const stream = Readable.from(s.source, { objectMode: false });
  const r = await readStreamCapped(stream, limit);
  t.match(r, { ok: false, code: 'ERR_JSON_TOO_LARGE' });
  t.equal(stream.destroyed, true);
  // Readable.from reads ahead by its high-water mark at most.
  t.ok(s.pulled() <= limit + 64 * 1024, `pulled ${s.pulled()} bytes for a limit of ${limit}`);
});

t.test('readStreamCapped: what fits is read whole, text as UTF-8; exactly the limit fits', async (t) => {
  const r = await readStreamCapped((async function* () { yield '{"a":'; yield new TextEncoder().encode('"é"}'); })(), 10);
  t.same(r, { ok: true, bytes: new TextEncoder().encode('{"a":"é"}') });
  t.match(await readStreamCapped((async function* () { yield '{"a":"é"}!'; })(), 10), { ok: false, code: 'ERR_JSON_TOO_LARGE' });
  t.match(await readStreamCapped((async function* () { yield 'x'; })(), 0), { ok: false, code: 'ERR_JSON_TOO_LARGE' });
  t.same(await readStreamCapped((async function* () {})(), 0), { ok: true, bytes: new Uint8Array() });
});

t.test('readStreamCapped: a stream that fails is ERR_IO_READ', async (t) => {
  const failing = (async function* () {
    yield 'x';
    throw new Error('EIO');
  })();
  t.match(await readStreamCapped(failing), { ok: false, code: 'ERR_IO_READ' });
});

t.test('LineSplitter: lines across chunks, CRLF, a last line without newline, blank lines kept', async (t) => {
  const split = new LineSplitter(16);
  const got = [...split.push('ab'), ...split.push('c\r\nde\n\nf'), ...split.push(new TextEncoder().encode('g\n')), ...split.push('tail'), ...split.end()];
  t.same(got.map(text), ['abc', 'de', '', 'fg', 'tail']);
  t.same(split.end(), [], 'nothing is left');
});

t.test('LineSplitter: a line of exactly the limit passes, with or without CR; one byte more is overlong', async (t) => {
  const split = new LineSplitter(4);
  t.same(split.push('abcd\nabcd\r\nabcde\nok\n').map(text), ['abcd', 'abcd', '<overlong 4>', 'ok']);
  t.same(new LineSplitter(4).push('abcde\r\n').map(text), ['<overlong 4>']);
});

t.test('LineSplitter: an over-long line is reported once, as it passes the limit, before its newline; the next line is read', async (t) => {
  const split = new LineSplitter(10);
  t.same(split.push('0123456789').map(text), [], 'at the limit, nothing yet');
  t.same(split.push('01').map(text), ['<overlong 10>'], 'reported as soon as it is certainly too long');
  t.same(split.push('x'.repeat(1000)).map(text), [], 'the rest is skipped, not reported again');
  t.same(split.push('xx\n{"a":1}\n').map(text), ['{"a":1}']);
  const tail = new LineSplitter(3);
  t.same([...tail.push('abcdef'), ...tail.end()].map(text), ['<overlong 3>'], 'an over-long last line without newline is reported once');
});

t.test('splitLines: an endless line is refused after at most a chunk past the limit, and stopping stops the stream', { timeout: 30_000 }, async (t) => {
  const limit = 100_000;
  const s = endless(0x78, 100 * limit);
  const seen: string[] = [];
  for await (const piece of splitLines(s.source, limit)) {
    seen.push(text(piece));
    break;
  }
  t.same(seen, [`<overlong ${limit}>`]);
  t.ok(s.pulled() <= limit + 2 * CHUNK, `pulled ${s.pulled()} bytes for a limit of ${limit}`);
  t.same(await s.source.next(), { done: true, value: undefined }, 'the source was closed');
});
