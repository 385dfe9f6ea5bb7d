/**
 * No input of any shape makes a verifier throw (issue 4's non-negotiable): random values of every
 * kind (objects with odd prototypes, sparse arrays, BigInts, cycles), and valid artifacts changed
 * at a random place, fed to every public verify function. Each must return a verdict, and a
 * rejection must carry a registered code and a path.
 */
import fc from 'fast-check';
import t from 'tap';
import { verifyCompact, verifyDataIntegrity } from '../../src/crypto/envelopes.js';
import { ERROR_CODES } from '../../src/generated/error-codes.js';
import { authorizeExposure, reconcileSpend, verifyBudgetAuthorization, verifySpendReconciliation } from '../../src/verify/budget.js';
import { verifyBundle, openBundle } from '../../src/verify/bundle.js';
import { verifyCapabilityChain } from '../../src/verify/capability.js';
import { verifyDocument } from '../../src/verify/document.js';
import { verifyAgentCard, verifyCredential } from '../../src/verify/identity.js';
import { verifyIntent } from '../../src/verify/intent.js';
import { verifyMandateChain } from '../../src/verify/mandate.js';
import { verifyBilateralReceipts, verifyReceipt, verifyReceiptPair } from '../../src/verify/receipt.js';
import { replayTransaction } from '../../src/verify/replay.js';
import { verifySettlement } from '../../src/verify/settlement.js';
import { bundleOf, SAMPLES, T0 } from './world.js';

const codes = new Set<string>(ERROR_CODES as readonly string[]);
const ctx = { now: T0 };
const RUNS = 150;

const fixtures = SAMPLES;

/** Every pointer into a value, as member paths. */
function paths(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}

/** A valid artifact with the value at one random place replaced, or removed. */
const mutation = (values: fc.Arbitrary<unknown>) => fc.tuple(fc.constantFrom(...fixtures), fc.nat(), values, fc.boolean()).map(([doc, n, replacement, remove]) => {
  const copy = structuredClone(doc) as Record<string, unknown>;
  const all = paths(copy).slice(1);
  const at = all[n % all.length] as (string | number)[];
  let parent: any = copy;
  for (const k of at.slice(0, -1)) parent = parent[k];
  const last = at[at.length - 1] as string | number;
  if (remove && !Array.isArray(parent)) delete parent[last];
  else parent[last] = replacement;
  return copy;
});
const mutated = mutation(fc.anything({ withBigInt: true, withNullPrototype: true, withSparseArray: true, withBoxedValues: true, withDate: true, withMap: true }));
const hostile = fc.oneof(
  fc.anything({ withBigInt: true, withNullPrototype: true, withSparseArray: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withObjectString: true }),
  mutated,
  fc.constant((() => {
    const cyclic: Record<string, unknown> = { id: 'cycle' };
    cyclic['self'] = cyclic;
    return cyclic;
  })()),
);

function isVerdict(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false;
  const r = v as { ok?: unknown; code?: unknown; path?: unknown; message?: unknown };
  if (typeof r.path !== 'string' || typeof r.message !== 'string') return false;
  return r.ok === true || (r.ok === false && typeof r.code === 'string' && codes.has(r.code));
}
function isReport(v: unknown): boolean {
  const r = v as { ok?: unknown; errors?: unknown };
  return typeof r?.ok === 'boolean' && Array.isArray(r.errors) && (r.errors as { code: string }[]).every((e) => codes.has(e.code)) && (r.ok === true) === ((r.errors as unknown[]).length === 0);
}

const single: [string, (x: unknown, y: unknown) => unknown][] = [
  ['verifyCapabilityChain', (x, y) => verifyCapabilityChain(x, { ...ctx, evidence: [y, fixtures[0]] })],
  ['verifyIntent', (x, y) => verifyIntent(x, { ...ctx, call: y as never })],
  ['verifyReceipt', (x, y) => verifyReceipt(x, { ...ctx, intent: y })],
  ['verifyBilateralReceipts', (x, y) => verifyBilateralReceipts({ buyer: x, provider: y }, { ...ctx, intent: fixtures[1] })],
  ['verifyReceiptPair', (x, y) => verifyReceiptPair(x, { ...ctx, intent: y })],
  ['authorizeExposure', (x, y) => authorizeExposure(x, { ...ctx, grantIndex: 0, exposure: y, approved: false })],
  ['reconcileSpend', (x, y) => reconcileSpend(x as never, y as never)],
  ['verifyBudgetAuthorization', (x, y) => verifyBudgetAuthorization(x, { ...ctx, capability: y })],
  ['verifySpendReconciliation', (x, y) => verifySpendReconciliation(x, { ...ctx, authorization: y })],
  ['verifyMandateChain', (x, y) => verifyMandateChain({ intent_mandate: x, cart_mandate: y, payment_mandate: fixtures[4] }, ctx)],
  ['verifyCredential', (x) => verifyCredential(x, ctx)],
  ['verifyAgentCard', (x, y) => verifyAgentCard(x, { ...ctx, credentials: [y] })],
  ['verifySettlement', (x, y) => verifySettlement(x, { ...ctx, dispute: y })],
  ['verifyDocument', (x, y) => verifyDocument(x, { ...ctx, evidence: [y, ...fixtures] })],
  ['verifyCompact', (x) => verifyCompact(x, 'kernel_key')],
  ['verifyDataIntegrity', (x) => verifyDataIntegrity(x)],
  ['a hostile context', (x, y) => verifyCapabilityChain(fixtures[0], x as never) ?? y],
];

for (const [name, run] of single) {
  t.test(`${name} never throws, and every rejection has a registered code`, async (t) => {
    fc.assert(fc.property(hostile, hostile, (x, y) => isVerdict(run(x, y))), { numRuns: RUNS, seed: 4 });
    t.pass(`${RUNS} random and mutated inputs`);
  });
}

t.test('bundles and replays never throw, whatever the files hold', async (t) => {
  const files = fc.tuple(fc.dictionary(fc.string(), fc.uint8Array({ maxLength: 64 })), fc.option(mutation(fc.jsonValue())), fc.option(fc.string())).map(([random, doc, path]) => {
    const map = doc === null ? new Map<string, Uint8Array>() : bundleOf({ [path ?? 'a.json']: doc });
    for (const [k, v] of Object.entries(random)) map.set(k, v);
    return map;
  });
  fc.assert(
    fc.property(files, (map) => isReport(verifyBundle(map, ctx)) && isReport(replayTransaction(map, ctx)) && Array.isArray(openBundle(map, {}).issues)),
    { numRuns: RUNS, seed: 4 },
  );
  t.ok(isReport(verifyBundle('not a map' as never, ctx)));
  t.ok(isReport(replayTransaction(new Map(), { now: Number.NaN })));
});
