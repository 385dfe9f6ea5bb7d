/**
 * Regressions: time failed open. The envelope's expiry check was skipped when `Date.parse`
 * returned NaN, which it does for a leap second the schema accepts, so a proof that expired at
 * 2016-12-31T23:59:60Z was accepted in 2026 while one that expired a second earlier was not;
 * the credential-period rule skipped the same way. Now one time module reads every time, and a
 * time it cannot read is refused with ERR_TIME_INVALID.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { signDataIntegrity, verifyDataIntegrity } from '../../src/crypto/envelopes.js';
import { fromBase58 } from '../../src/encoding/bytes.js';
import { checkRules } from '../../src/schema/rules.js';
import { ROOT, VECTORS } from '../helpers.js';

const w3c = (f: string) => JSON.parse(readFileSync(join(VECTORS, 'eddsa-jcs-2022', f), 'utf8'));
const seed = (fromBase58(w3c('keyPair.json').privateKeyMultibase.slice(1)) as Uint8Array).slice(2);
const { '@context': _c, ...options } = w3c('proofConfigJCS.json');
const expiring = (expires: string) => signDataIntegrity(w3c('unsigned.json'), { ...options, expires }, seed);
const NOW_2026 = 1776272775;

t.test('a proof that expired at a leap second is expired, like one that expired a second before', async (t) => {
  t.match(verifyDataIntegrity(expiring('2016-12-31T23:59:59Z'), { now: NOW_2026 }), { ok: false, code: 'ERR_PROOF_EXPIRED' });
  t.match(verifyDataIntegrity(expiring('2016-12-31T23:59:60Z'), { now: NOW_2026 }), { ok: false, code: 'ERR_PROOF_EXPIRED' });
  t.match(verifyDataIntegrity(expiring('2099-12-31T23:59:59Z'), { now: NOW_2026 }), { ok: true }, 'a proof that has not expired still verifies');
});

t.test('a proof whose expiry cannot be read is refused, with or without a time to check it at', async (t) => {
  for (const expires of ['2030-02-30T00:00:00Z', '2030-06-15T12:00:60Z', 'tomorrow']) {
    t.match(verifyDataIntegrity(expiring(expires), { now: NOW_2026 }), { ok: false, code: 'ERR_TIME_INVALID', path: '/proof/expires' }, expires);
    t.match(verifyDataIntegrity(expiring(expires)), { ok: false, code: 'ERR_TIME_INVALID', path: '/proof/expires' }, `${expires}, no now`);
  }
});

t.test('the credential-period rule refuses a time it cannot read instead of skipping', async (t) => {
  const credential = JSON.parse(readFileSync(join(ROOT, 'examples/v1.0.0/identity/merchant-credential/valid/merchant-credential.dreamineering-self-issued.commerce-rails.json'), 'utf8'));
  t.same(checkRules('identity/merchant-credential', credential), [], 'the fixture keeps its rules');
  t.match(checkRules('identity/merchant-credential', { ...credential, validUntil: '2016-12-31T23:59:60Z', validFrom: '2017-01-01T00:00:00Z' }), [{ code: 'ERR_RULE_TIME_ORDER' }], 'a leap second is the midnight after it: not after validFrom');
  t.match(checkRules('identity/merchant-credential', { ...credential, validUntil: '2030-02-30T00:00:00Z' }), [{ code: 'ERR_TIME_INVALID', path: '/validUntil' }]);
  t.match(checkRules('identity/merchant-credential', { ...credential, validFrom: 'now' }), [{ code: 'ERR_TIME_INVALID', path: '/validFrom' }]);
});
