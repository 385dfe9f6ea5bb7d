/**
 * The suite proves its own power (issue 5): every broken implementation of test/conformance/
 * fails the vectors named for its bug, and the small verifiers with no bug switched on pass
 * every vector of their profiles, so each failure is the bug's own.
 */
import t from 'tap';
import { PYTHON3, needs, present } from '../tools.js';
import { ProcessAdapter, type Adapter } from '../../src/conformance/adapters.js';
import { runConformance, selectVectors } from '../../src/conformance/runner.js';
import { packagedVectors, readVectors } from '../../src/conformance/vectors.js';
import { SchemaRegistry } from '../../src/schema/registry.js';
import { ROOT } from '../helpers.js';
import { chainVerifier, mandateVerifier, overrunCharged, sortedStringify, zip215 } from './broken.js';
import { signatureVerifier } from './independent/signature.js';
import { canonicaliser } from './independent/jcs.js';
import { budgetKeeper } from './independent/budget.js';
import { producer } from './independent/producer.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const registry = SchemaRegistry.open();
const { vectors } = readVectors(packagedVectors(registry.index.line), registry);
const runner = { version: 'test', line: registry.index.line };

/** The ids of the vectors of `profiles` the implementation does not pass. */
async function failures(adapter: Adapter, profiles: string[]): Promise<string[]> {
  const r = await runConformance(adapter, selectVectors(vectors, { profiles }), { runner });
  return r.cases.filter((c) => c.outcome !== 'pass').map((c) => c.id);
}

t.test('the independent implementations import nothing of writ but the protocol: its types, its adapter and its case', async (t) => {
  const dir = join(ROOT, 'test/conformance/independent');
  const allowed = new Set(['../../../src/generated/types.js', '../../../src/conformance/adapters.js', '../../../src/conformance/case.js']);
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  t.ok(files.length >= 5, files.join(', '));
  for (const f of files) {
    const imports = [...readFileSync(join(dir, f), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1] as string);
    t.same(imports.filter((i) => !i.startsWith('./') && !i.startsWith('node:') && !allowed.has(i)), [], `${f} imports only the kit, node: and the protocol`);
  }
});

t.test('the independent signature verifier: every check SPEC 6.4 orders, each one left out caught by its vectors', async (t) => {
  t.same(await failures(signatureVerifier({}), ['signature']), []);
  t.same(await failures(signatureVerifier({ malleable: true }), ['signature']), ['signature/malleability-s-equals-l', 'signature/malleability-s-plus-l']);
  t.same(await failures(signatureVerifier({ smallOrderKey: true }), ['signature']), ['signature/small-order-key/identity', 'signature/small-order-key/order-2', 'signature/small-order-key/order-4', 'signature/small-order-key/order-8']);
  t.same(await failures(signatureVerifier({ smallOrderR: true }), ['signature']), ['signature/small-order-r/identity', 'signature/small-order-r/order-2', 'signature/small-order-r/order-4', 'signature/small-order-r/order-8']);
  t.same(await failures(signatureVerifier({ nonCanonicalKey: true }), ['signature']), ['signature/non-canonical-key/negative-zero-x', 'signature/non-canonical-key/negative-zero-x-y-minus-1', 'signature/non-canonical-key/y-equals-p', 'signature/non-canonical-key/y-equals-p-plus-1']);
});

t.test('the independent canonicaliser: a hand-written reader, each of its mistakes caught by its vectors', async (t) => {
  const jcsAndHash = ['jcs', 'hash'];
  const both = (...names: string[]): string[] => names.flatMap((n) => [`hash/intake/${n}`, `jcs/intake/${n}`]).sort();
  t.same(await failures(canonicaliser({}), jcsAndHash), []);
  t.same(await failures(canonicaliser({ leadingZero: true }), jcsAndHash), both('leading-zero', 'negative-leading-zero'), 'a reader that accepts [01]');
  t.same(await failures(canonicaliser({ lastDuplicateWins: true }), jcsAndHash), [...both('duplicate-key-after-unescaping', 'duplicate-key-signature-confusion'), 'jcs/encoding/duplicate-escaped-first', 'jcs/encoding/duplicate-proto'].sort());
  t.same(await failures(canonicaliser({ loneSurrogates: true }), jcsAndHash), [...both('lone-low-surrogate', 'lone-surrogate'), 'jcs/encoding/escaped-low-surrogate-first', 'jcs/encoding/lone-surrogate-before-an-overflow'].sort());
  t.same(await failures(canonicaliser({ unlimitedDepth: true }), jcsAndHash), [...both('too-deep'), 'jcs/encoding/arrays-too-deep-before-an-overflow', 'jcs/encoding/mixed-too-deep', 'jcs/encoding/objects-too-deep', 'jcs/encoding/objects-too-deep-before-an-overflow'].sort());
  t.same(await failures(canonicaliser({ underflowToZero: true }), jcsAndHash), [...both('number-underflow', 'number-underflow-long-mantissa'), 'jcs/encoding/underflow-with-negative-mantissa'].sort());
  t.same(await failures(canonicaliser({ lenientEscapes: true }), jcsAndHash), [...both('invalid-escape', 'short-unicode-escape'), 'jcs/encoding/unicode-escape-hex-then-other', 'jcs/encoding/unicode-escape-not-hex'].sort());
});

t.test('the independent budget keeper: SPEC 12.5 in its order, each mistake caught by its vectors', async (t) => {
  t.same(await failures(budgetKeeper({}), ['budget']), []);
  t.same(await failures(budgetKeeper({ firstThresholdOnly: true }), ['budget']), ['budget/threshold-shadowed'], 'a looser threshold put first shadows the parent\'s');
  t.same(await failures(budgetKeeper({ lateApproval: true }), ['budget']), ['budget/record/approval-after-the-fact']);
  t.same(await failures(budgetKeeper({ perCallFirst: true }), ['budget']), ['budget/commerce-network/denied-budget', 'budget/no-ledger/one-unit-past-the-total', 'budget/record/commerce-network-denied', 'budget/record/ledger/denied-matches'], 'the checks out of SPEC\'s order name another limit');
});

t.test('the independent producer: what it makes passes the judge, and each of its mistakes is caught', async (t) => {
  const produce = ['produce-intent', 'produce-receipt', 'produce-delegation'];
  const d = (...names: string[]): string[] => names.map((n) => `produce-delegation/${n}`);
  t.same(await failures(producer({}), produce), [], 'without a bug it passes every vector of its profiles');
  const widened = d('another-operation', 'another-tool', 'by-another-key', 'older-than-its-parent', 'one-cent-more', 'one-more-call', 'outliving-its-parent', 'without-a-constraint', 'without-the-total-cap');
  t.same(await failures(producer({ signsBeforeNarrowing: true }), produce), widened, 'a producer that signs before narrowing signs every child it is asked for, and each refusal it owed is caught');
  // Signing its parent's scope, it makes a child the verifier accepts, but not the one asked:
  // the judge catches it wherever the scope asked is narrower, and it refuses nothing it should
  // (every-cap-at-the-parent asks for its parent's scope itself).
  const scoped = d('another-operation', 'another-tool', 'incident-network-executor', 'one-cent-more', 'one-more-call', 'with-its-link', 'without-a-constraint', 'without-the-total-cap');
  t.same(await failures(producer({ parentScope: true }), produce), scoped, 'a producer that signs its parent\'s scope');
  t.same(await failures(producer({ trustsStatedHash: true }), produce), ['produce-receipt/for-an-intent-whose-hash-is-stale'], 'a kernel that commits to the hash an intent states');
  t.same(await failures(producer({ hashesWithOldHash: true }), produce), ['produce-intent/stale-hash-replaced'], 'an intent hashed with its old hash in it');
});

t.test('without their bugs, the small verifiers pass every vector of their profiles', async (t) => {
  t.same(await failures(chainVerifier({}), ['capability', 'chain']), []);
  t.same(await failures(mandateVerifier({}), ['mandate']), []);
});

t.test('attenuation that ignores currency', async (t) => {
  t.same(await failures(chainVerifier({ ignoreCurrency: true }), ['capability', 'chain']), ['capability/currency-swap', 'capability/currency-swap-mid-chain']);
});

t.test('revocation checked on the immediate parent only', async (t) => {
  t.same(await failures(chainVerifier({ revocationParentOnly: true }), ['capability', 'chain']), ['chain/incident-network/revoke-midchain', 'chain/revoked-ancestor-at-now']);
});

t.test('expiry compared with <=', async (t) => {
  t.same(await failures(chainVerifier({ expiryInclusive: true }), ['capability', 'chain']), ['chain/expires-at-is-exclusive']);
  t.same(await failures(chainVerifier({ linkUnpaired: true }), ['capability', 'chain']), ['chain/delegation-link-of-itself', 'chain/delegation-link-wrong-delegatee', 'chain/delegation-link-wrong-delegator']);
  t.same(await failures(chainVerifier({ prefixCoversPatterns: true }), ['capability', 'chain']), ['capability/prefix-pattern-under-prefix-pattern']);
  t.same(await failures(chainVerifier({ ignoreNamedGrants: true }), ['capability', 'chain']), ['capability/prompt-grant-under-no-prompt-grants', 'capability/prompt-outside-the-pattern', 'capability/resource-grant-under-no-resource-grants', 'capability/resource-not-delegable', 'capability/resource-operation-widened', 'capability/resource-widened']);
});

t.test('a mandate chain that skips the cart hash', async (t) => {
  t.same(await failures(mandateVerifier({ skipCartHash: true }), ['mandate']), ['mandate/cart-swapped']);
});

t.test('a mandate chain that never compares the payee', async (t) => {
  t.same(await failures(mandateVerifier({ ignorePayee: true }), ['mandate']), ['mandate/pays-another-payee', 'mandate/pays-no-named-payee']);
});

t.test('a mandate chain that adds money as doubles, or as cents in doubles', async (t) => {
  t.same(await failures(mandateVerifier({ floatMoney: true }), ['mandate']), ['mandate/cap-passed-beyond-2-53-cents', 'mandate/cap-reached-in-decimal']);
  t.same(await failures(mandateVerifier({ centsAsNumber: true }), ['mandate']), ['mandate/cap-passed-beyond-2-53-cents', 'mandate/currency-exponent-3-passes-the-cap', 'mandate/encoding/spent-more-digits']);
  t.same(await failures(mandateVerifier({ twoPlaces: true }), ['mandate']), ['mandate/currency-exponent-3-passes-the-cap', 'mandate/encoding/spent-more-digits'], 'exact, but in cents whatever the currency: caught only by three decimals');
});

t.test('a mandate chain that compares times as text', async (t) => {
  t.same(await failures(mandateVerifier({ timesAsText: true }), ['mandate']), ['mandate/intent-expiry-offset-reached']);
});

t.test('an overrun not marked failed', async (t) => {
  // The record of an overrun verifies (it is evidence of the outcome); the reconcile operation is where the bug shows.
  t.same(await failures(overrunCharged, ['budget']), ['budget/reconcile/overrun', 'budget/reconcile/overrun-by-one-unit']);
});

t.test('permissive (ZIP-215) signature verification', async (t) => {
  const failed = await failures(zip215, ['signature']);
  for (const id of ['signature/forgery-identity-key-identity-r-zero-s', 'signature/cofactored-forgery-mixed-order-r', 'signature/cofactored-forgery-mixed-order-key', 'signature/non-canonical-key/y-equals-p', 'signature/small-order-key/identity']) {
    t.ok(failed.includes(id), id);
  }
  t.notOk(failed.includes('signature/valid'), 'it still verifies an honest signature');
});

t.test('canonical form by sorted JSON.stringify', async (t) => {
  const failed = await failures(sortedStringify, ['jcs', 'hash']);
  for (const id of ['jcs/intake/duplicate-key-signature-confusion', 'jcs/intake/lone-surrogate', 'jcs/intake/number-overflow', 'jcs/rfc8785/structures', 'hash/rfc8785/weird']) t.ok(failed.includes(id), id);
});

t.test('canonical form by Python json.dumps(sort_keys=True): wrong number and escape forms', needs(PYTHON3), async (t) => {
  if (!present(t, PYTHON3)) return;
  const failed = await failures(new ProcessAdapter(`${PYTHON3.command} test/conformance/broken_sorted_dumps.py`, ROOT, undefined), ['jcs', 'hash']);
  for (const id of ['jcs/rfc8785/values', 'jcs/rfc8785/french', 'jcs/rfc8785/unicode', 'hash/rfc8785/values', 'jcs/intake/duplicate-key-signature-confusion']) t.ok(failed.includes(id), id);
});
