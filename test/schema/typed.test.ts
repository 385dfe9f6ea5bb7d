/**
 * Validators are type guards (issue 9): validating against a document schema id yields the
 * copy that was validated, typed as that document. The types are checked by `npm test`'s
 * typecheck; the assertions check that the value is the frozen snapshot, not the caller's object.
 */
import t from 'tap';
import type { CapabilityToken, ToolCallReceipt } from '../../src/generated/types.js';
import { readDocument } from '../../src/model/read.js';
import { SchemaRegistry } from '../../src/schema/registry.js';
import { fixture } from '../verify/world.js';

const registry = SchemaRegistry.open();

t.test('a valid document comes back typed, as the frozen copy that was validated', async (t) => {
  const mine = fixture('capability/token', 'root-commander.incident-network');
  const r = registry.validateDocument('capability/token', mine);
  t.ok(r.ok);
  if (!r.ok) return;
  const token: CapabilityToken = r.value;
  t.equal(token.id, mine.id);
  t.ok(Object.isFrozen(token));
  t.not(token, mine, 'the snapshot, not the caller\'s object');
  mine.id = 'changed';
  t.not(token.id, 'changed');
});

t.test('an invalid document gives its issues and no value', async (t) => {
  const r = registry.validateDocument('capability/token', { id: 'x' });
  t.notOk(r.ok);
  t.notOk('value' in r);
  t.match(r, { ok: false, issues: [{ code: 'ERR_SCHEMA_REQUIRED' }] });
  const getter = registry.validateDocument('receipt/tool-call', { get id() { return 'x'; } });
  t.match(getter, { ok: false, issues: [{ code: 'ERR_JSON_NOT_PLAIN' }] });
});

t.test('readDocument: the typed document for a verifier, or the verdict that refuses it', async (t) => {
  const r = readDocument(registry, 'receipt/tool-call', fixture('receipt/tool-call', 'buyer.commerce-network'));
  t.ok(r.ok);
  if (r.ok) {
    const receipt: ToolCallReceipt = r.doc;
    t.equal(receipt.settlement_status, 'charged');
  }
  const wrong = { ...fixture('receipt/tool-call', 'buyer.commerce-network'), id: 1 };
  t.match(readDocument(registry, 'receipt/tool-call', wrong, '/buyer_receipt'), { ok: false, code: 'ERR_SCHEMA_TYPE', path: '/buyer_receipt/id' });
});
