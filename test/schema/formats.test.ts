/**
 * The two formats (SPEC.md 4.1), exactly as RFC 3339 and RFC 3986 define them, including the
 * cases where a lenient validator and a strict one disagree.
 */
import t from 'tap';
import { isDateTime, isUri } from '../../src/schema/formats.js';

t.test('date-time: RFC 3339 section 5.6', async (t) => {
  for (const ok of ['2026-03-19T10:05:00Z', '2026-03-19t10:05:00z', '2026-03-19T10:05:00.123456789+13:00', '2026-03-19T10:05:00-00:00', '2024-02-29T00:00:00Z', '2016-12-31T23:59:60Z', '2016-12-31T18:59:60-05:00']) {
    t.ok(isDateTime(ok), ok);
  }
  for (const bad of ['2026-03-19 10:05:00Z', '2026-03-19T10:05:00+0100', '2026-03-19T10:05:00', '2026-03-19', '2026-02-29T00:00:00Z', '2026-13-01T00:00:00Z', '2026-03-19T24:00:00Z', '2026-03-19T10:05Z', '2026-03-19T10:05:00.Z', '2026-03-19T10:05:00+24:00', '2026-03-19T12:00:60Z', '２０２６-03-19T10:05:00Z', '2026-03-19T10:05:00Z\n']) {
    t.notOk(isDateTime(bad), JSON.stringify(bad));
  }
});

t.test('uri: RFC 3986 section 3, absolute, ASCII', async (t) => {
  for (const ok of ['https://merchant.example/x402/sessions/1', 'urn:x402:proof:1', 'did:web:dreamineering.com', 'git://lattice.example/payments-api', 'mailto:agents@example.com', 'HTTPS://EXAMPLE.COM', 'http://[::1]:8080/a', 'http://[v1.fe]/', 'x:']) {
    t.ok(isUri(ok), ok);
  }
  for (const bad of ['merchant.example/x402', '/relative/path', 'https://exa mple.com', 'https://example.com/%zz', 'https://exämple.com', 'https://example.com/{x}', 'http://[fe80::1%25eth0]/', 'http://[::g]/', 'https://example.com/a\n', '1http://example.com']) {
    t.notOk(isUri(bad), JSON.stringify(bad));
  }
});
