/**
 * Regressions: no snapshot. verifyCompact read the caller's object several times, and the
 * plain-JSON check accepted accessor properties (it called the getters), so a receipt whose
 * `settlement_status` getter answered "charged" for its first reads verified, and the caller then
 * read "settled". Now every public verifier reads its inputs once, into a frozen copy; an
 * accessor or a Proxy is refused with ERR_JSON_NOT_PLAIN without being called, and the verdict
 * returns the copy it verified.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { precheckEd25519, publicKeyOf, verifyEd25519 } from '../../src/crypto/ed25519.js';
import { verifyCompact } from '../../src/crypto/envelopes.js';
import { parseJson } from '../../src/encoding/json.js';
import { checkRules } from '../../src/schema/rules.js';
import { verifyDocument } from '../../src/verify/document.js';
import { verifyReceipt } from '../../src/verify/receipt.js';
import { ROOT } from '../helpers.js';

const receipt = (): Record<string, unknown> => JSON.parse(readFileSync(join(ROOT, 'examples/v1.0.0/receipt/tool-call/valid/tool-call.buyer.commerce-network.json'), 'utf8'));
const NOW = 1776272775;

/** The receipt with `settlement_status` as a getter that says "charged" for its first reads. */
function shapeShifting(): { doc: Record<string, unknown>; reads: () => number } {
  const doc = receipt();
  let reads = 0;
  Object.defineProperty(doc, 'settlement_status', { enumerable: true, get: () => (++reads <= 6 ? 'charged' : 'settled') });
  return { doc, reads: () => reads };
}

t.test('a receipt whose member is a getter is refused, and the getter is never called', async (t) => {
  const { doc, reads } = shapeShifting();
  t.match(verifyCompact(doc, 'kernel_key'), { ok: false, code: 'ERR_JSON_NOT_PLAIN', path: '/settlement_status' });
  t.match(verifyReceipt(doc, { now: NOW }), { ok: false, code: 'ERR_JSON_NOT_PLAIN', path: '/settlement_status' });
  t.match(verifyDocument(doc, { now: NOW, evidence: [] }), { ok: false, code: 'ERR_JSON_NOT_PLAIN', path: '/settlement_status' });
  t.equal(reads(), 0, 'not one read of the getter');
});

t.test('a Proxy is refused without one of its traps being asked', async (t) => {
  let asked = 0;
  const trap = new Proxy(receipt(), { get: (o, k) => (asked++, Reflect.get(o, k)), getOwnPropertyDescriptor: (o, k) => (asked++, Reflect.getOwnPropertyDescriptor(o, k)), ownKeys: (o) => (asked++, Reflect.ownKeys(o)) });
  t.match(verifyReceipt(trap, { now: NOW }), { ok: false, code: 'ERR_JSON_NOT_PLAIN', path: '' });
  t.match(verifyReceipt({ receipt: 1, nested: trap }, { now: NOW }), { ok: false, code: 'ERR_JSON_NOT_PLAIN', path: '/nested' });
  t.equal(asked, 0);
});

t.test('the verdict carries the copy it verified; changing the original afterwards changes nothing', async (t) => {
  const doc = receipt();
  const v = verifyReceipt(doc, { now: NOW });
  t.ok(v.ok);
  if (!v.ok) return;
  t.same(v.value, receipt());
  t.ok(Object.isFrozen(v.value), 'frozen');
  doc['settlement_status'] = 'settled';
  t.equal((v.value as Record<string, unknown>)['settlement_status'], 'charged');
  t.match(verifyReceipt(doc, { now: NOW }), { ok: false, code: 'ERR_SIG_INVALID' }, 'the changed original no longer verifies');
});

t.test('symbol-named, hidden and inherited-looking members are refused, not silently dropped', async (t) => {
  const withSymbol = Object.assign(receipt(), { [Symbol('x')]: 1 });
  t.match(verifyReceipt(withSymbol, { now: NOW }), { ok: false, code: 'ERR_JSON_NOT_PLAIN' });
  const hidden = receipt();
  Object.defineProperty(hidden, 'settlement_status', { enumerable: false, value: 'charged' });
  t.match(verifyReceipt(hidden, { now: NOW }), { ok: false, code: 'ERR_JSON_NOT_PLAIN', path: '/settlement_status' });
  t.match(verifyReceipt(Object.assign(Object.create({ kernel_key: 'x' }), receipt()), { now: NOW }), { ok: false, code: 'ERR_JSON_NOT_PLAIN' }, 'a prototype of its own');
});

t.test('public functions that threw on bad input now answer with a code', async (t) => {
  t.match(parseJson(null as unknown as string), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT' });
  t.match(parseJson(42 as unknown as string), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT' });
  t.match(checkRules('commercial/checkout.request', {}), [{ code: 'ERR_SCHEMA_TYPE' }], 'a rule given a document without its schema shape refuses it');
  t.equal(verifyEd25519('a'.repeat(64) as unknown as Uint8Array, new Uint8Array(), 'b'.repeat(32) as unknown as Uint8Array), false);
  t.equal(verifyEd25519(new Uint8Array(64), 'message' as unknown as Uint8Array, publicKeyOf(new Uint8Array(32))), false);
  t.match(precheckEd25519('x' as unknown as Uint8Array, 'y' as unknown as Uint8Array), { code: 'ERR_SIG_MALFORMED', part: 'key' });
  t.throws(() => publicKeyOf('seed' as unknown as Uint8Array), TypeError, 'signing with a string is a caller mistake: a TypeError, as documented');
});
