import fc from 'fast-check';
import t from 'tap';
import { pointerAppend, pointerGet, pointerTokens } from '../../src/encoding/pointer.js';

t.test('append escapes ~ and / (RFC 6901)', async (t) => {
  t.equal(pointerAppend('', 'a'), '/a');
  t.equal(pointerAppend('/a', 'b/c~d'), '/a/b~1c~0d');
  t.equal(pointerAppend('', ''), '/');
});

t.test('tokens undo append for any member names', async (t) => {
  fc.assert(
    fc.property(fc.array(fc.string()), (names) => {
      const p = names.reduce(pointerAppend, '');
      const back = pointerTokens(p);
      return back !== undefined && back.length === names.length && back.every((x, i) => x === names[i]);
    }),
  );
});

t.test('tokens refuses text that is not a pointer', async (t) => {
  t.equal(pointerTokens('a/b'), undefined);
  t.equal(pointerTokens('/a~2'), undefined);
  t.equal(pointerTokens('/a~'), undefined);
  t.same(pointerTokens(''), []);
});

t.test('get follows own members and array indices only', async (t) => {
  const doc = { a: [{ b: 1 }, null], 'x/y': 2 };
  t.same(pointerGet(doc, '/a/0/b'), { found: true, value: 1 });
  t.same(pointerGet(doc, '/a/1'), { found: true, value: null });
  t.same(pointerGet(doc, '/x~1y'), { found: true, value: 2 });
  t.same(pointerGet(doc, ''), { found: true, value: doc });
  t.same(pointerGet(doc, '/a/2'), { found: false });
  t.same(pointerGet(doc, '/a/01'), { found: false });
  t.same(pointerGet(doc, '/a/-'), { found: false });
  t.same(pointerGet(doc, '/toString'), { found: false }, 'inherited members are not members');
  t.same(pointerGet(doc, '/a/length'), { found: false });
  t.same(pointerGet('text', '/0'), { found: false });
});
