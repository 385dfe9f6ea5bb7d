/**
 * The suite itself (SPEC.md 13.1, 13.5): every registered code is expected by some vector, but
 * the few SPEC.md 13.5 exempts (and says why); every profile has vectors that accept and vectors
 * that reject; the Python harness passes every case of the profiles it claims and is reported
 * as skipping the rest; `writ conformance` and `writ adapter` work as documented.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { PYTHON3, needs, present } from '../tools.js';
import { PROFILES } from '../../src/conformance/case.js';
import { packagedVectors, readVectors } from '../../src/conformance/vectors.js';
import { ERROR_CODES } from '../../src/generated/error-codes.js';
import { SchemaRegistry } from '../../src/schema/registry.js';
import { ROOT, runCli } from '../helpers.js';

const registry = SchemaRegistry.open();
const { vectors } = readVectors(packagedVectors(registry.index.line), registry);
const spec = readFileSync(join(ROOT, 'SPEC.md'), 'utf8');

t.test('every registered code is expected by a vector, but the exempt ones SPEC.md 13.5 lists', async (t) => {
  const expected = new Set<string>();
  for (const v of vectors) {
    if (v.expect.code !== undefined) expected.add(v.expect.code);
    for (const c of v.expect.codes ?? []) expected.add(c);
    for (const h of v.expect.hops ?? []) if (h.code !== undefined) expected.add(h.code);
  }
  // The codes in the first column of the table in 13.5.
  const table = spec.slice(spec.indexOf('### 13.5'), spec.indexOf('### 13.6'));
  const exempt = new Set([...table.matchAll(/^\| ([^|]+) \|/gm)].flatMap((m) => [...(m[1] as string).matchAll(/`(ERR_[A-Z0-9_]+)`/g)].map((c) => c[1])));
  const uncovered = ERROR_CODES.filter((c) => !expected.has(c));
  t.same(uncovered, ERROR_CODES.filter((c) => exempt.has(c)), 'the codes without a vector are exactly the exempt ones');
  // The runner's own codes describe the implementation's conduct, not its answers: no vector can
  // expect one, so they are exempt as an area; the bound keeps the other exemptions few.
  const runnerCodes = ERROR_CODES.filter((c) => c.startsWith('ERR_RUNNER_'));
  t.ok(runnerCodes.length > 0 && runnerCodes.every((c) => exempt.has(c)), 'every RUNNER code is exempt');
  // Warnings (SPEC.md 12, the table under "Warnings") are never a verdict's code: exempt as a
  // class, and each pinned by test/verify/warnings.test.ts.
  const section12 = spec.slice(spec.indexOf('**Warnings.**'), spec.indexOf('### 12.1'));
  const warningCodes = [...section12.matchAll(/^\| `(ERR_[A-Z0-9_]+)` \|/gm)].map((m) => m[1] as string);
  t.ok(warningCodes.length > 0 && warningCodes.every((c) => exempt.has(c)), `every warning code is exempt (${warningCodes.join(', ')})`);
  const others = exempt.size - runnerCodes.length - warningCodes.length;
  t.ok(others <= 14, `${others} exempt codes besides the runner's and the warnings`);
});

t.test('every profile has vectors that accept and vectors that reject', async (t) => {
  for (const p of PROFILES) {
    const mine = vectors.filter((v) => v.profile === p);
    t.ok(mine.some((v) => v.expect.verdict === 'accept'), `${p} accepts`);
    t.ok(mine.some((v) => v.expect.verdict === 'reject'), `${p} rejects`);
    t.ok(mine.every((v) => v.id.startsWith(`${p}/`)), `${p}: ids start with the profile`);
  }
});

t.test('the source documents\' scenarios are vectors', async (t) => {
  const ids = new Set(vectors.map((v) => v.id));
  for (const id of [
    'budget/commerce-network/happy-path-approved',
    'budget/commerce-network/denied-budget',
    'budget/commerce-network/pending-approval',
    'settlement/commerce-network/dispute-reversal-pending',
    'receipt/commerce-network/pair',
    'capability/incident-network/happy-path',
    'capability/incident-network/attenuation-deny',
    'chain/incident-network/revoke-midchain',
    'budget/incident-network/approval-required',
    'chain/incident-network/ttl-expiry',
    'replay/seven-station',
    'mandate/commerce-rails/second-payment-over-cap',
  ]) t.ok(ids.has(id), id);
});

t.test('the Python harness passes what it claims and is reported as skipping the rest', needs(PYTHON3), async (t) => {
  if (!present(t, PYTHON3)) return;
  const dir = mkdtempSync(join(tmpdir(), 'writ-python-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const r = await runCli(['conformance', '--impl', `${PYTHON3.command} conformance/harnesses/python/writ_harness.py`, '--validate-protocol', '--jsonl', join(dir, 'report.jsonl')]);
  t.equal(r.code, 0, r.out + r.err);
  const lines = readFileSync(join(dir, 'report.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
  const footer = lines[lines.length - 1];
  const claimed = vectors.filter((v) => ['jcs', 'hash', 'signature', 'capability', 'chain', 'budget', 'produce-receipt', 'produce-delegation'].includes(v.profile)).length;
  t.same(footer.totals, { pass: claimed, fail: 0, skip: vectors.length - claimed, error: 0 });
  t.same(lines[0].implementation.language, 'Python');
  t.match(r.out, /against writ-python-harness 0\.1\.0 \(Python\)/);
});

t.test('writ conformance: the reference, filters, formats, exit status', async (t) => {
  const all = await runCli(['conformance']);
  t.equal(all.code, 0);
  t.match(all.out, new RegExp(`ok: ${vectors.length} passed`));
  const one = await runCli(['conformance', '--case', 'chain/incident-network/revoke-midchain', '--format', 'tap']);
  t.equal(one.code, 0);
  t.match(one.out, /^TAP version 14\n# writ conformance against writ [^\n]+\n1\.\.1\nok 1 - chain\/incident-network\/revoke-midchain\n/);
  const prefix = await runCli(['conformance', '--case', 'replay/', '--json']);
  t.equal(prefix.out.trimEnd().split('\n').length, vectors.filter((v) => v.id.startsWith('replay/')).length + 2, 'a header, the replay cases, a footer');
  const junit = await runCli(['conformance', '--profile', 'intent', '--format', 'junit']);
  const intents = vectors.filter((v) => v.profile === 'intent').length;
  t.ok(intents > 5, `${intents} intent vectors`);
  t.match(junit.out, new RegExp(`<testsuite name="intent" tests="${intents}" failures="0" errors="0" skipped="0"`));
  for (const [args, code] of [
    [['conformance', '--profile', 'ledger'], 'ERR_USAGE_INVALID_ARGUMENT'],
    [['conformance', '--format', 'xml'], 'ERR_USAGE_INVALID_ARGUMENT'],
    [['conformance', '--case', 'no/such/vector'], 'ERR_USAGE_INVALID_ARGUMENT'],
    [['conformance', '--timeout', '0'], 'ERR_USAGE_INVALID_ARGUMENT'],
  ] as const) {
    const r = await runCli([...args]);
    t.equal(r.code, 2, args.join(' '));
    t.match(r.err, code);
  }
  const broken = await runCli(['conformance', '--impl', 'node test/conformance/fakes/fake.mjs garbage', '--profile', 'jcs', '--case', 'jcs/rfc8785/']);
  t.equal(broken.code, 1, 'an error is not a pass');
  t.match(broken.out, /ERROR jcs\/rfc8785\/[a-z]+(, jcs\/rfc8785\/[a-z]+)*(, with the same error)?\n {6}ERR_RUNNER_GARBAGE: /);
});

t.test('writ adapter answers the protocol on its standard input', async (t) => {
  let out = '';
  const { main } = await import('../../src/cli/main.js');
  const lines = [
    JSON.stringify({ cmd: 'start', protocol: 'writ-adapter/1' }),
    JSON.stringify({ cmd: 'run', seq: 4, case: { id: 'hash/x', profile: 'hash', input: { text: '{ }' }, context: { now: 0 } } }),
    'not a command',
    JSON.stringify({ cmd: 'stop' }),
    JSON.stringify({ cmd: 'run', seq: 5, case: { id: 'hash/x', profile: 'hash', input: { text: '{}' }, context: { now: 0 } } }),
  ];
  const code = await main(['adapter'], { out: (s) => void (out += s), err: () => {}, cwd: ROOT, lines: async function* () { yield* lines; } });
  t.equal(code, 0);
  const answers = out.trimEnd().split('\n').map((l) => JSON.parse(l));
  t.equal(answers.length, 3, 'nothing is answered after stop');
  t.equal(registry.validate('conformance/adapter-hello', answers[0]).ok, true);
  t.same(answers[1], { seq: 4, verdict: 'accept', output: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a' });
  t.match(answers[2], { errored: true });
  t.equal(registry.validate('conformance/adapter-result', answers[2]).ok, true, 'a line that is not a command is answered in the protocol\'s terms');
});
