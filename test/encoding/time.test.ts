/**
 * The one time module (SPEC.md 6.2): RFC 3339 as section 5.6 writes it, Unix seconds, and one
 * exact comparison. Boundaries on both sides: offsets, fractions, leap seconds, days that do
 * not exist, the range of Unix seconds.
 */
import fc from 'fast-check';
import t from 'tap';
import { compareInstants, isDateTime, readRfc3339, readTime, readUnixSeconds, type Instant } from '../../src/encoding/time.js';

const at = (text: string): Instant => {
  const r = readRfc3339(text);
  if (!r.ok) throw new Error(`${text}: ${r.message}`);
  return r.instant;
};

t.test('RFC 3339 reads to the Unix second, offsets applied', async (t) => {
  t.same(at('2026-04-15T17:06:15Z'), { seconds: 1776272775, fraction: '' });
  t.same(at('2026-04-15T19:06:15+02:00'), { seconds: 1776272775, fraction: '' });
  t.same(at('2026-04-15T12:36:15-04:30'), { seconds: 1776272775, fraction: '' });
  t.same(at('2026-04-15t17:06:15z'), { seconds: 1776272775, fraction: '' }, 'lower-case t and z (RFC 3339 5.6 NOTE)');
  t.same(at('1970-01-01T00:00:00Z'), { seconds: 0, fraction: '' });
  t.same(at('1970-01-01T01:00:00+01:00'), { seconds: 0, fraction: '' }, 'the first second, after its offset');
  t.same(at('9999-12-31T23:59:59.999Z'), { seconds: 253402300799, fraction: '999' }, 'a fraction of the last second');
  for (const outside of ['1969-12-31T23:59:59Z', '1970-01-01T00:59:59+01:00', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59-00:01', '9999-12-31T23:59:60Z']) {
    t.match(readRfc3339(outside), { ok: false, code: 'ERR_TIME_INVALID', message: /outside the times writ reads/ }, `${outside} is outside writ's clock`);
  }
  t.same(at('2000-02-29T00:00:00Z').seconds, Date.parse('2000-02-29T00:00:00Z') / 1000, '2000 is a leap year');
});

t.test('fractions are exact, of any length', async (t) => {
  t.same(at('2026-01-01T00:00:00.500Z'), { seconds: 1767225600, fraction: '5' });
  t.equal(compareInstants(at('2026-01-01T00:00:00.0001Z'), at('2026-01-01T00:00:00Z')), 1, '100 µs later is later');
  t.equal(compareInstants(at('2026-01-01T00:00:00.10Z'), at('2026-01-01T00:00:00.1Z')), 0, 'trailing zeros do not count');
  t.equal(compareInstants(at('2026-01-01T00:00:00.000000000000000001Z'), at('2026-01-01T00:00:00Z')), 1, 'beyond any float');
  t.equal(compareInstants(at('2026-01-01T00:00:00.9Z'), at('2026-01-01T00:00:01Z')), -1);
});

t.test('a leap second is the midnight after it, and only 23:59:60 UTC is one', async (t) => {
  t.same(at('2016-12-31T23:59:60Z'), at('2017-01-01T00:00:00Z'));
  t.same(at('2016-12-31T23:59:60.25Z'), at('2017-01-01T00:00:00.25Z'));
  t.equal(compareInstants(at('2016-12-31T23:59:60Z'), at('2016-12-31T23:59:59.999Z')), 1, 'later than all of 23:59:59');
  t.same(at('2016-12-31T18:59:60-05:00'), at('2017-01-01T00:00:00Z'), '23:59:60 UTC written with an offset');
  for (const bad of ['2030-06-15T12:00:60Z', '2016-12-31T23:59:60+01:00', '2016-12-31T23:58:60Z']) {
    t.match(readRfc3339(bad), { ok: false, code: 'ERR_TIME_INVALID' }, bad);
  }
});

t.test('what is not RFC 3339 is refused with a code, never read', async (t) => {
  for (const bad of ['2026-02-29T00:00:00Z', '2030-02-30T00:00:00Z', '2026-13-01T00:00:00Z', '2026-04-31T00:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01T00:60:00Z', '2026-01-01T00:00:61Z', '2026-01-01T00:00:00', '2026-01-01 00:00:00Z', '2026-01-01T00:00:00+0100', '2026-01-01T00:00:00+24:00', '2026-01-01T00:00:00.Z', '+2026-01-01T00:00:00Z', '2026-01-01', '', ' 2026-01-01T00:00:00Z']) {
    t.match(readRfc3339(bad), { ok: false, code: 'ERR_TIME_INVALID' }, JSON.stringify(bad));
    t.notOk(isDateTime(bad));
  }
  for (const notText of [undefined, null, 1776272775, {}, ['2026-01-01T00:00:00Z']]) t.match(readRfc3339(notText), { ok: false, code: 'ERR_TIME_INVALID' });
});

t.test('Unix seconds: whole, from 0 to 9999-12-31T23:59:59Z', async (t) => {
  t.match(readUnixSeconds(0), { ok: true });
  t.match(readUnixSeconds(253402300799), { ok: true });
  for (const bad of [-1, 253402300800, 1.5, Number.NaN, Infinity, '0', 2 ** 53]) t.match(readUnixSeconds(bad), { ok: false, code: 'ERR_TIME_INVALID' }, String(bad));
  t.same(readTime('1776272775'), readTime('2026-04-15T17:06:15Z'));
  for (const bad of ['01776272775', '-1', '1e9', '253402300800', '1969-12-31T23:59:59Z', 'yesterday']) t.match(readTime(bad), { ok: false, code: 'ERR_TIME_INVALID' }, bad);
});

t.test('agrees with Date.parse wherever Date.parse is exact (millisecond fractions, no leap second)', async (t) => {
  fc.assert(
    fc.property(fc.date({ min: new Date('1970-01-02T00:00:00Z'), max: new Date('9999-12-30T23:59:59Z'), noInvalidDate: true }), fc.integer({ min: -1439, max: 1439 }), (d, offset) => {
      const local = new Date(d.getTime() + offset * 60000).toISOString().slice(0, 23);
      const sign = offset < 0 ? '-' : '+';
      const abs = Math.abs(offset);
      const text = `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
      const ms = Date.parse(text);
      const i = at(text);
      return i.seconds === Math.floor(ms / 1000) && compareInstants(i, { seconds: Math.floor(ms / 1000), fraction: String(ms % 1000).padStart(3, '0').replace(/0+$/, '') }) === 0;
    }),
  );
});
