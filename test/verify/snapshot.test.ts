/**
 * Read once (SPEC.md 3, "In memory"): the same document, however it is held in memory, gets the
 * verdict its plain JSON copy gets, or a coded refusal that reads nothing. Frozen, sealed and
 * null-prototype copies are the same document; a getter, a Proxy, a symbol-named member or a
 * class instance anywhere inside is refused with ERR_JSON_NOT_PLAIN and is never called; a cycle
 * with ERR_JSON_TOO_DEEP; and an object changed after a verification does not change the copy
 * that verdict returned.
 */
import fc from 'fast-check';
import t from 'tap';
import { snapshotJson } from '../../src/encoding/snapshot.js';
import { verifyDocument } from '../../src/verify/document.js';
import { SAMPLES, T0 } from './world.js';

const ctx = { now: T0 };
const RUNS = 100;
const fixtures = SAMPLES;

const gist = (v: { ok: boolean; code?: string; path: string }) => ({ ok: v.ok, code: v.code, path: v.path });

/** Every container (object or array) inside a value, with its pointer, root first. */
function containers(value: unknown, at = '', out: [string, object][] = []): [string, object][] {
  if (value === null || typeof value !== 'object') return out;
  out.push([at, value]);
  for (const [k, v] of Object.entries(value)) containers(v, `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, out);
  return out;
}

/** The same JSON held differently: frozen, sealed, or with null prototypes, at every level. */
function disguise(value: unknown, how: 'freeze' | 'seal' | 'null-prototype'): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const a = value.map((v) => disguise(v, how));
    return how === 'freeze' ? Object.freeze(a) : how === 'seal' ? Object.seal(a) : a;
  }
  const o: Record<string, unknown> = how === 'null-prototype' ? Object.create(null) : {};
  for (const [k, v] of Object.entries(value)) o[k] = disguise(v, how);
  return how === 'freeze' ? Object.freeze(o) : how === 'seal' ? Object.seal(o) : o;
}

t.test('frozen, sealed and null-prototype copies get the plain copy\'s verdict', async (t) => {
  fc.assert(
    fc.property(fc.constantFrom(...fixtures), fc.constantFrom('freeze' as const, 'seal' as const, 'null-prototype' as const), (doc, how) => {
      const plain = verifyDocument(structuredClone(doc), { ...ctx, evidence: [] });
      const held = verifyDocument(disguise(structuredClone(doc), how), { ...ctx, evidence: [] });
      return JSON.stringify(gist(plain)) === JSON.stringify(gist(held));
    }),
    { numRuns: RUNS },
  );
});

type Hostile = 'getter' | 'proxy' | 'symbol' | 'instance' | 'cycle';

/** A copy of `doc` with one hostile thing put inside the container at `n`; counts what it is asked. */
function plant(doc: unknown, n: number, kind: Hostile): { value: unknown; at: string; asked: () => number } {
  const copy = structuredClone(doc) as object;
  const all = containers(copy);
  const [at, holder] = all[n % all.length] as [string, Record<string, unknown>];
  let asked = 0;
  const key = Array.isArray(holder) ? '0' : (Object.keys(holder)[0] ?? 'x');
  switch (kind) {
    case 'getter': {
      const was = holder[key];
      Object.defineProperty(holder, key, { enumerable: true, configurable: true, get: () => (asked++, was) });
      return { value: copy, at: `${at}/${key}`, asked: () => asked };
    }
    case 'proxy': {
      const proxy = new Proxy({ ...holder }, { get: (o, k) => (asked++, Reflect.get(o, k)), ownKeys: (o) => (asked++, Reflect.ownKeys(o)), getOwnPropertyDescriptor: (o, k) => (asked++, Reflect.getOwnPropertyDescriptor(o, k)) });
      if (at === '') return { value: proxy, at: '', asked: () => asked };
      const parent = containers(copy).find(([, c]) => Object.values(c).includes(holder)) as [string, Record<string, unknown>];
      const name = Object.keys(parent[1]).find((k) => parent[1][k] === holder) as string;
      parent[1][name] = proxy;
      return { value: copy, at, asked: () => asked };
    }
    case 'symbol':
      (holder as Record<symbol, unknown>)[Symbol('hidden')] = 1;
      return { value: copy, at, asked: () => asked };
    case 'instance':
      if (Array.isArray(holder)) holder.push(new Date(0));
      else holder['planted'] = new Date(0);
      return { value: copy, at: Array.isArray(holder) ? `${at}/${holder.length - 1}` : `${at}/planted`, asked: () => asked };
    case 'cycle':
      if (Array.isArray(holder)) holder.push(copy);
      else holder['planted'] = copy;
      return { value: copy, at: Array.isArray(holder) ? `${at}/${holder.length - 1}` : `${at}/planted`, asked: () => asked };
  }
}

t.test('a getter, a Proxy, a symbol, a class instance or a cycle anywhere: refused at its place, and never asked', async (t) => {
  fc.assert(
    fc.property(fc.constantFrom(...fixtures), fc.nat(), fc.constantFrom<Hostile>('getter', 'proxy', 'symbol', 'instance', 'cycle'), (doc, n, kind) => {
      const { value, at, asked } = plant(doc, n, kind);
      const v = verifyDocument(value, { ...ctx, evidence: [] });
      const code = kind === 'cycle' ? 'ERR_JSON_TOO_DEEP' : 'ERR_JSON_NOT_PLAIN';
      return !v.ok && v.code === code && v.path === at && asked() === 0;
    }),
    { numRuns: RUNS },
  );
});

t.test('an object changed after its verification leaves the verified copy as it was', async (t) => {
  // Only artifacts that verify on their own carry a copy to compare (the others need evidence).
  const alone = fixtures.filter((doc) => verifyDocument(structuredClone(doc), ctx).ok);
  t.ok(alone.length >= 4, `${alone.length} artifacts verify on their own`);
  for (const doc of alone) {
    const mine = structuredClone(doc) as Record<string, unknown>;
    const v = verifyDocument(mine, ctx);
    t.ok(v.ok && v.value !== undefined, 'a passing verdict carries the copy');
    const before = JSON.stringify(v.ok ? v.value : null);
    for (const k of Object.keys(mine)) mine[k] = 'changed';
    t.equal(JSON.stringify(v.ok ? v.value : null), before, `${String(doc['id'] ?? doc['intent_id'] ?? '')}`);
  }
});

t.test('a snapshot of a snapshot is the snapshot itself, and a shared subtree is read once', async (t) => {
  const first = snapshotJson({ a: [1, { b: 2 }] });
  t.ok(first.ok);
  if (!first.ok) return;
  const again = snapshotJson(first.value);
  t.equal(again.ok && again.value, first.value, 'no copy made');
  // 2^12 paths through 12 shared levels: each level read once, the copy the same tree.
  let shared: unknown = 0;
  for (let i = 0; i < 12; i++) shared = [shared, shared];
  const wide = snapshotJson(shared);
  t.ok(wide.ok);
  t.equal(JSON.stringify(wide.ok ? wide.value : null), JSON.stringify(shared), 'the same JSON');
});
