/**
 * Regressions: attacks on reading once, each found by trying it. A limit checked only on fresh
 * values (nesting built from snapshots), a shared subtree whose written form is exponential, a
 * context read more than once, memoised verdicts handed out mutable, members inherited from a
 * polluted Object.prototype, in-memory strings JSON cannot carry, an ambiguous memo key, and
 * arguments that made a "never throws" function throw.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { publicKeyOf, signEd25519 } from '../../src/crypto/ed25519.js';
import { signCompact, verifyCompact } from '../../src/crypto/envelopes.js';
import { documentHash } from '../../src/crypto/hash.js';
import { toHex } from '../../src/encoding/bytes.js';
import { parseJson } from '../../src/encoding/json.js';
import { snapshotJson } from '../../src/encoding/snapshot.js';
import { readJson } from '../../src/model/read.js';
import { SchemaRegistry } from '../../src/schema/registry.js';
import { intentHash, verifyIntent } from '../../src/verify/intent.js';
import { verifyReceipt } from '../../src/verify/receipt.js';
import { ROOT } from '../helpers.js';

const text = (rel: string) => readFileSync(join(ROOT, 'examples/v1.0.0', rel), 'utf8');
const receiptText = text('receipt/tool-call/valid/tool-call.buyer.commerce-network.json');
const receipt = () => JSON.parse(receiptText) as Record<string, unknown>;
const NOW = 1776272775;
const wrap = (v: unknown, n: number) => {
  for (let i = 0; i < n; i++) v = [v];
  return v;
};

t.test('nesting built from snapshots counts in full: past 64 levels it is refused, never a stack overflow', async (t) => {
  const inner = snapshotJson(wrap('leaf', 60));
  t.ok(inner.ok);
  if (!inner.ok) return;
  t.match(snapshotJson(wrap(inner.value, 4)), { ok: true }, '60 + 4 levels: at the limit');
  t.match(snapshotJson(wrap(inner.value, 5)), { ok: false, code: 'ERR_JSON_TOO_DEEP' }, '60 + 5 levels');
  let s: unknown = 'leaf';
  let refused = false;
  for (let i = 0; i < 400 && !refused; i++) {
    const next = snapshotJson(wrap(s, 60));
    if (next.ok) s = next.value;
    else refused = next.code === 'ERR_JSON_TOO_DEEP';
  }
  t.ok(refused, 'stacking snapshots cannot pass the limit');
  t.doesNotThrow(() => documentHash(s));
});

t.test('a shared subtree counts each time it appears: an exponential written form is refused at once', async (t) => {
  let dag: unknown = 'x';
  for (let i = 0; i < 40; i++) dag = [dag, dag];
  t.match(snapshotJson(dag), { ok: false, code: 'ERR_JSON_TOO_LARGE' });
  const doc = { ...receipt(), action: { parameters: dag } };
  t.match(verifyReceipt(doc, { now: NOW }), { ok: false, code: 'ERR_JSON_TOO_LARGE' });
  let small: unknown = 'x';
  for (let i = 0; i < 10; i++) small = [small, small];
  t.match(snapshotJson(small), { ok: true }, '1,024 leaves shared: fine');
});

t.test('the context is read once: a getter on now is refused unrun, a Proxy unasked, a fake registry refused', async (t) => {
  const body = { ...(JSON.parse(text('intent/governed-intent/valid/governed-intent.commerce-network.json')) as Record<string, unknown>), expires_at: 1000 };
  const expired = { ...body, intent_hash: intentHash(body) };
  t.match(verifyIntent(expired, { now: NOW }), { ok: false, code: 'ERR_INTENT_EXPIRED' });
  let reads = 0;
  const shifty = { get now() { return ++reads <= 3 ? NOW : Number.NaN; } };
  t.match(verifyIntent(expired, shifty as never), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT' });
  t.equal(reads, 0);
  let asked = 0;
  const trap = new Proxy({ now: NOW }, { get: (o, k) => (asked++, Reflect.get(o, k)), ownKeys: (o) => (asked++, Reflect.ownKeys(o)) });
  t.match(verifyIntent(expired, trap), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT' });
  t.equal(asked, 0);
  const revoked = Proxy.revocable({ now: NOW }, {});
  revoked.revoke();
  t.match(verifyReceipt(receipt(), revoked.proxy as never), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT' });
  t.match(verifyIntent(expired, { now: NOW, registry: Object.create(SchemaRegistry.prototype) }), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT' });
});

t.test('a memoised verdict cannot be changed by the caller it was handed to', async (t) => {
  const forged = readJson(receiptText.replace('"charged"', '"settled"'));
  t.ok(forged.ok);
  if (!forged.ok) return;
  const first = verifyCompact(forged.value, 'kernel_key');
  t.match(first, { ok: false, code: 'ERR_SIG_INVALID' });
  t.throws(() => Object.assign(first, { ok: true }), TypeError, 'frozen');
  t.match(verifyReceipt(forged.value, { now: NOW }), { ok: false, code: 'ERR_SIG_INVALID' });
  const registry = SchemaRegistry.open();
  const bad = readJson(text('capability/token/invalid/token.expires-before-issued.json'));
  t.ok(bad.ok);
  if (!bad.ok) return;
  const r = registry.validate('capability/token', bad.value);
  t.notOk(r.ok);
  t.throws(() => Object.assign(r, { ok: true }), TypeError);
  t.throws(() => Object.assign(r.schema as object, { id: 'x' }), TypeError, 'the schema entry is frozen too');
  t.notOk(registry.validate('capability/token', JSON.parse(text('capability/token/invalid/token.expires-before-issued.json'))).ok);
});

t.test('a polluted Object.prototype cannot supply, replace or hide a member', async (t) => {
  const intent = JSON.parse(text('intent/governed-intent/valid/governed-intent.commerce-network.json')) as Record<string, unknown>;
  const { tool_server: server, tool_name: name, ...without } = intent;
  const forged = JSON.parse(receiptText.replace('"charged"', '"settled"'));
  const proto = Object.prototype as Record<string, unknown>;
  // Every call is made while the prototype is polluted, and the pollution is gone before any
  // assertion (the test runner reads Object.prototype too).
  let missing, inheritedToJson, inheritedValue;
  try {
    Object.defineProperty(proto, 'tool_server', { value: server, configurable: true });
    Object.defineProperty(proto, 'tool_name', { value: name, configurable: true });
    missing = verifyIntent(without, { now: NOW, call: { tool_server: server as string, tool_name: name as string } });
    Object.defineProperty(proto, 'toJSON', { value: () => JSON.parse(receiptText), configurable: true, enumerable: false });
    inheritedToJson = verifyReceipt(forged, { now: NOW });
    delete proto['toJSON'];
    Object.defineProperty(proto, 'value', { value: 'from-prototype', configurable: true });
    inheritedValue = snapshotJson({ get status() { return 'x'; } });
  } finally {
    for (const k of ['tool_server', 'tool_name', 'toJSON', 'value']) delete proto[k];
  }
  t.match(missing, { ok: false, code: 'ERR_SCHEMA_REQUIRED' }, 'a required member is not read from the prototype');
  t.match(inheritedToJson, { ok: false, code: 'ERR_JSON_NOT_PLAIN' }, 'with a toJSON on Object.prototype nothing is canonicalised: refused, never the polluter\'s bytes');
  t.match(inheritedValue, { ok: false, code: 'ERR_JSON_NOT_PLAIN', path: '/status' }, 'an inherited `value` does not make an accessor data');
});

t.test('in memory as in text, strings JSON cannot carry are refused', async (t) => {
  t.match(snapshotJson({ note: 'ok\uD800' }), { ok: false, code: 'ERR_JSON_LONE_SURROGATE', path: '/note' });
  t.match(snapshotJson({ ['\uDC00']: 1 }), { ok: false, code: 'ERR_JSON_LONE_SURROGATE' });
  t.match(snapshotJson({ pair: '\uD83D\uDE00' }), { ok: true }, 'a surrogate pair is a character');
  const seed = new Uint8Array(32).fill(7);
  const body = { kernel_key: toHex(publicKeyOf(seed)), note: 'ok\uD800' };
  t.throws(() => signCompact(body, seed), TypeError, 'writ will not sign it');
  // Signed elsewhere (canonicalize escapes the lone surrogate): writ still refuses to verify it.
  const signed = { ...body, signature: toHex(signEd25519(new TextEncoder().encode(`{"kernel_key":"${body.kernel_key}","note":"ok\\ud800"}`), seed)) };
  t.match(verifyCompact(signed, 'kernel_key'), { ok: false, code: 'ERR_JSON_LONE_SURROGATE', path: '/note' });
});

t.test('no backend or member name can make two memo keys one', async (t) => {
  const seed = new Uint8Array(32).fill(9);
  const key = toHex(publicKeyOf(seed));
  const doc = readJson(JSON.stringify(signCompact({ 'issuer x': key, body: 1 }, seed)));
  t.ok(doc.ok);
  if (!doc.ok) return;
  t.match(verifyCompact(doc.value, 'issuer'), { ok: false, code: 'ERR_SIG_MISSING' });
  t.match(verifyCompact(doc.value, 'issuer x', { backend: 'y' as never }), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT' });
  t.match(verifyCompact(doc.value, 'issuer', { backend: 'x y' as never }), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT' });
  t.match(verifyCompact(doc.value, 'issuer x'), { ok: true });
  t.match(verifyCompact(doc.value, 'issuer'), { ok: false, code: 'ERR_SIG_MISSING' });
});

t.test('arguments that made "never throws" functions throw are answered with a code', async (t) => {
  const doc = receipt();
  t.match(verifyCompact(doc, 'kernel_key', null as never), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT' });
  t.match(verifyCompact(doc, Symbol('k') as never), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT' });
  t.match(SchemaRegistry.open().validate('receipt/tool-call', doc, null as never), { ok: false, issues: [{ code: 'ERR_USAGE_INVALID_ARGUMENT' }] });
  const intent = JSON.parse(text('intent/governed-intent/valid/governed-intent.commerce-network.json'));
  for (const call of ['x', 5, [], { tool_server: null }, { tool: 'other' }]) {
    t.match(verifyIntent(intent, { now: NOW, call: call as never }), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT', path: '/call' }, JSON.stringify(call));
  }
  let asked = 0;
  const bytes = new Proxy(new TextEncoder().encode('{}'), { get: (o, k) => (asked++, Reflect.get(o, k)), getPrototypeOf: (o) => (asked++, Reflect.getPrototypeOf(o)) });
  t.match(parseJson(bytes), { ok: false, code: 'ERR_USAGE_INVALID_ARGUMENT' });
  t.equal(asked, 0);
});
