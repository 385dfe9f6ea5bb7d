/**
 * The runner and its reports (SPEC.md 13.3, 13.4): the reference passes every vector in-process
 * and through `writ adapter`; misbehaving implementations (a crash, a hang, garbage, a wrong
 * sequence number, a wrong protocol, a changed identity, one that cannot start or restart, one
 * that reports an error, skipping everything) cost exactly the cases the protocol says, each
 * with its RUNNER code (asserted, never the reason); every report form is what its consumers read.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { Parser } from 'tap-parser';
import { FunctionAdapter, ProcessAdapter, schemaCheck } from '../../src/conformance/adapters.js';
import { ReferenceAdapter } from '../../src/conformance/reference.js';
import { ERROR_CODES } from '../../src/generated/error-codes.js';
import { formatReport } from '../../src/conformance/reports.js';
import { runConformance, selectVectors, type RunReport } from '../../src/conformance/runner.js';
import { packagedVectors, readVectors } from '../../src/conformance/vectors.js';
import { SchemaRegistry } from '../../src/schema/registry.js';
import { ROOT } from '../helpers.js';
import { main } from '../../src/cli/main.js';

const registry = SchemaRegistry.open();
const set = readVectors(packagedVectors(registry.index.line), registry);
const runner = { version: 'test', line: registry.index.line };
const jcs = selectVectors(set.vectors, { cases: ['jcs/rfc8785/'] }).concat(selectVectors(set.vectors, { cases: ['hash/rfc8785/'] }));
const fake = (mode: string, state?: string, startTimeoutMs = 10_000) => new ProcessAdapter(`node test/conformance/fakes/fake.mjs ${mode}${state === undefined ? '' : ` ${state}`}`, ROOT, schemaCheck(registry), startTimeoutMs);
const outcomes = (r: RunReport) => r.cases.map((c) => c.outcome);
// Every code the tests below saw, to show at the end that each RUNNER code is given by one.
const given = new Set<string>();
/** Each case's code (undefined for pass, fail and skip). */
const codes = (r: RunReport) =>
  r.cases.map((c) => {
    if (c.code !== undefined) given.add(c.code);
    return c.code;
  });
const scratch = (t: Test): string => {
  const dir = mkdtempSync(join(tmpdir(), 'writ-fake-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'state');
};

t.test('the vectors are all readable, and the reference passes every one', async (t) => {
  t.same(set.issues, []);
  t.ok(set.vectors.length > 600, `${set.vectors.length} vectors`);
  const r = await runConformance(new ReferenceAdapter('test'), set.vectors, { runner });
  t.equal(r.footer.ok, true);
  t.same(r.footer.totals, { pass: set.vectors.length, fail: 0, skip: 0, error: 0 });
});

t.test('through writ adapter, with every message checked against the protocol schemas', async (t) => {
  const some = selectVectors(set.vectors, { profiles: ['signature', 'chain', 'replay'] });
  const r = await runConformance(new ProcessAdapter('node dist/cli/bin.js adapter', ROOT, schemaCheck(registry)), some, { runner });
  t.same(r.footer.totals, { pass: some.length, fail: 0, skip: 0, error: 0 });
});

t.test('a crash costs the case it was running; the implementation is restarted and the run goes on', async (t) => {
  const r = await runConformance(fake('crash'), jcs.slice(0, 7), { runner });
  t.same(outcomes(r), ['pass', 'pass', 'error', 'pass', 'pass', 'error', 'pass']);
  t.same(codes(r), [undefined, undefined, 'ERR_RUNNER_CRASHED', undefined, undefined, 'ERR_RUNNER_CRASHED', undefined]);
});

t.test('a hang is a timeout for that case only', async (t) => {
  const r = await runConformance(fake('hang'), jcs.slice(0, 4), { runner, timeoutMs: 500 });
  t.same(outcomes(r), ['pass', 'error', 'pass', 'error'], 'it hangs on the second case of each process');
  t.same(codes(r), [undefined, 'ERR_RUNNER_TIMEOUT', undefined, 'ERR_RUNNER_TIMEOUT']);
});

t.test('a line that is not JSON, JSON that is not a result, or an answer out of step, is an error for that case', async (t) => {
  const garbage = await runConformance(fake('garbage'), jcs.slice(0, 3), { runner });
  t.same(outcomes(garbage), ['pass', 'error', 'pass']);
  t.same(codes(garbage), [undefined, 'ERR_RUNNER_GARBAGE', undefined]);
  const array = await runConformance(fake('array'), jcs.slice(0, 3), { runner });
  t.same(outcomes(array), ['pass', 'error', 'pass']);
  t.same(codes(array), [undefined, 'ERR_RUNNER_PROTOCOL', undefined], 'JSON, but not a message of the protocol');
  const step = await runConformance(fake('wrong-seq'), jcs.slice(0, 3), { runner });
  t.same(outcomes(step), ['pass', 'error', 'pass']);
  t.same(codes(step), [undefined, 'ERR_RUNNER_OUT_OF_STEP', undefined]);
});

t.test('an error the implementation reports costs that case, without a restart', async (t) => {
  const r = await runConformance(fake('errored'), jcs.slice(0, 3), { runner });
  t.same(outcomes(r), ['pass', 'error', 'pass']);
  t.same(codes(r), [undefined, 'ERR_RUNNER_REPORTED_ERROR', undefined]);
  t.equal(r.footer.ok, false, 'an error is not a skip');
});

t.test('an implementation that lies about itself is not trusted', async (t) => {
  const protocol = await runConformance(fake('protocol'), jcs.slice(0, 3), { runner });
  t.same(outcomes(protocol), ['error', 'error', 'error']);
  t.same(codes(protocol), Array(3).fill('ERR_RUNNER_PROTOCOL'), 'its hello claims another protocol');
  const shape = await runConformance(fake('shapeshift', scratch(t)), jcs.slice(0, 3), { runner });
  t.same(outcomes(shape), ['error', 'error', 'error']);
  t.same(codes(shape), ['ERR_RUNNER_CRASHED', 'ERR_RUNNER_IDENTITY_CHANGED', 'ERR_RUNNER_IDENTITY_CHANGED']);
});

t.test('an implementation that cannot start, or cannot restart, costs every case it could not be sent', async (t) => {
  const missing = await runConformance(new ProcessAdapter('writ-no-such-implementation --adapter', ROOT, schemaCheck(registry)), jcs.slice(0, 2), { runner });
  t.same(codes(missing), ['ERR_RUNNER_CANNOT_START', 'ERR_RUNNER_CANNOT_START'], 'a command that does not exist');
  const mute = await runConformance(fake('mute'), jcs.slice(0, 2), { runner });
  t.same(codes(mute), ['ERR_RUNNER_CANNOT_START', 'ERR_RUNNER_CANNOT_START'], 'it exits before answering start');
  const said = formatReport(mute, 'summary');
  t.equal(said.match(/^ERROR /gm)?.length, 1, 'the summary says it once, not once per case');
  t.match(said, /ERROR jcs\/\S+, jcs\/\S+, with the same error\n {6}ERR_RUNNER_CANNOT_START: .*exited with status 5/);
  const dead = await runConformance(fake('mute'), jcs, { runner });
  t.match(formatReport(dead, 'summary'), new RegExp(`ERROR \\S+, \\S+, \\S+ and ${jcs.length - 3} more case\\(s\\), with the same error\\n`), 'many cases: three named, the rest counted');
  const silent = await runConformance(fake('silent', undefined, 500), jcs.slice(0, 2), { runner });
  t.same(codes(silent), ['ERR_RUNNER_TIMEOUT', 'ERR_RUNNER_TIMEOUT'], 'it never answers start');
  const fragile = await runConformance(fake('fragile', scratch(t)), jcs.slice(0, 3), { runner });
  t.same(outcomes(fragile), ['error', 'error', 'error']);
  t.same(codes(fragile), ['ERR_RUNNER_CRASHED', 'ERR_RUNNER_CANNOT_START', 'ERR_RUNNER_CANNOT_START'], 'the restart fails the way a start does');
  for (const r of [missing, mute, silent, fragile]) t.equal(r.footer.ok, false);
});

t.test('skips are reported as skips, with the reason; unsupported profiles are never sent', async (t) => {
  const r = await runConformance(fake('skip'), jcs.slice(0, 3).concat(selectVectors(set.vectors, { cases: ['signature/valid'] })), { runner });
  t.same(outcomes(r), ['skip', 'skip', 'skip', 'skip']);
  t.match(r.cases[0]?.reason, 'not implemented');
  t.match(r.cases[3]?.reason, 'does not support the signature profile');
  t.equal(r.footer.ok, true, 'skipping is not failing');
});

t.test('--fail-fast stops at the first failure or error', async (t) => {
  const r = await runConformance(fake('garbage'), jcs.slice(0, 5), { runner, failFast: true });
  t.same(outcomes(r), ['pass', 'error']);
  t.same(codes(r), [undefined, 'ERR_RUNNER_GARBAGE']);
});

t.test('the reports: JSON lines against their schemas, TAP as node-tap reads it, JUnit XML, the summary', async (t) => {
  const r = await runConformance(fake('crash'), jcs.slice(0, 4), { runner });
  const lines = formatReport(r, 'jsonl').trimEnd().split('\n').map((l) => JSON.parse(l) as unknown);
  t.equal(lines.length, 6);
  t.same(lines.map((l) => registry.detect(l)).map((d) => (d.ok ? d.schema.id : d.code)), ['conformance/report-header', ...Array(4).fill('conformance/report-case'), 'conformance/report-footer']);
  for (const l of lines) {
    const d = registry.detect(l);
    if (d.ok) t.equal(registry.validate(d.schema.id, l).ok, true, `${d.schema.id} is valid`);
  }
  const parsed = await new Promise<{ ok: boolean; count: number; pass: number; fail: number }>((resolve) => {
    const p = new Parser((results) => resolve(results as never));
    p.end(formatReport(r, 'tap'));
  });
  t.match(parsed, { ok: false, count: 4, pass: 3, fail: 1 }, 'node-tap reads the TAP report');
  t.match(formatReport(r, 'tap'), /\nnot ok 3 - jcs\/rfc8785\/[a-z]+\n {2}---\n(?: {2}[a-z]+: [^\n]+\n)* {2}code: ERR_RUNNER_CRASHED\n {2}reason: /, 'the YAML block gives the code before the reason');
  const xml = formatReport(r, 'junit');
  t.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="writ conformance" tests="4" failures="0" errors="1" skipped="0"/);
  t.equal((xml.match(/<testcase /g) ?? []).length, 4);
  t.equal((xml.match(/<error /g) ?? []).length, 1);
  t.match(xml, /<error message="ERR_RUNNER_CRASHED: [^"]+" type="ERR_RUNNER_CRASHED">ERR_RUNNER_CRASHED: /);
  t.equal(xml.split('<testsuite ').length - 1, xml.split('</testsuite>').length - 1, 'every suite is closed');
  const summary = formatReport(r, 'summary');
  t.match(summary, /ERROR jcs\/rfc8785\/[a-z]+\n {6}ERR_RUNNER_CRASHED: /);
  t.match(summary, /not ok: 0 failed, 1 errored, 3 passed, 0 skipped/);
});

t.test('after stop the runner ends the implementation\'s input, so one that reads until end of input exits by itself', async (t) => {
  // The fake leaves its read loop at stop; Node keeps it alive while standard input is open, so
  // without the end of input it would be killed after the grace period, and write nothing.
  const state = scratch(t);
  const r = await runConformance(fake('skip', state), jcs.slice(0, 2), { runner });
  t.same(outcomes(r), ['skip', 'skip']);
  t.equal(readFileSync(`${state}.exit`, 'utf8'), 'exited by itself');
});

t.test('an answer the runner cannot use is a protocol error, with or without --validate-protocol; the run still ends', async (t) => {
  // Without --validate-protocol the answers are checked against their schemas all the same: a
  // report line is written from each. Before, codes: 42 threw inside the runner, which never
  // stopped the implementation, so the run never ended.
  const loose = new ProcessAdapter('node test/conformance/fakes/fake.mjs bad-codes', ROOT, undefined);
  const r = await runConformance(loose, jcs.slice(0, 3), { runner });
  t.same(codes(r), [undefined, 'ERR_RUNNER_PROTOCOL', undefined]);
  t.match(r.cases[1]?.reason, /\/codes/);
});

t.test('an answer given twice is the error of the case answered twice, not of the case after it', async (t) => {
  const r = await runConformance(fake('twice'), jcs.slice(0, 4), { runner });
  t.same(codes(r), [undefined, 'ERR_RUNNER_OUT_OF_STEP', undefined, undefined]);
  t.match(r.cases[1]?.reason, /answered twice/);
});

t.test('a restart that gives the same hello, its members in another order, is the same implementation', async (t) => {
  const r = await runConformance(fake('reorder', scratch(t)), jcs.slice(0, 3), { runner });
  t.same(codes(r), ['ERR_RUNNER_CRASHED', undefined, undefined]);
});

t.test('--require with --fail-fast: the cases of a required profile never run are a requirement unmet', async (t) => {
  const failing = new FunctionAdapter({ protocol: 'writ-adapter/1', implementation: { name: 'wrong', version: '0', language: 'x' }, profiles: ['jcs', 'hash'] }, () => ({ verdict: 'accept', output: 'wrong' }));
  const r = await runConformance(failing, jcs, { runner, failFast: true, require: ['jcs'] });
  t.equal(r.cases.length, 1, 'it stopped at the first failure');
  t.match(r.footer.unmet, [{ code: 'ERR_RUNNER_REQUIREMENT_UNMET', requirement: 'profile:jcs', message: /were not run/ }]);
});

t.test('writ-adapter/2: a window of cases in flight, answered in any order and matched by seq', async (t) => {
  const state = scratch(t);
  const some = jcs.slice(0, 11);
  const r = await runConformance(fake('window', state), some, { runner });
  t.equal(r.header.protocol, 'writ-adapter/2', 'negotiated in the hello');
  t.same(outcomes(r), Array(some.length).fill('pass'), 'every answer matched to its case, though each four came newest first');
  t.same(r.cases.map((c) => c.id), some.map((v) => v.id), 'the report keeps the vectors\' order');
  t.equal(readFileSync(`${state}.window`, 'utf8'), '4', 'four cases were in flight at once, never more than its window');
  t.equal(readFileSync(`${state}.exit`, 'utf8'), 'exited by itself');
});

t.test('writ-adapter/2: a crash re-runs the cases in flight one at a time, so the case that crashes it pays', async (t) => {
  const culprit = jcs[5]!.id;
  const r = await runConformance(fake(`window-crash:${culprit}`), jcs.slice(0, 11), { runner });
  t.same(codes(r), jcs.slice(0, 11).map((v) => (v.id === culprit ? 'ERR_RUNNER_CRASHED' : undefined)), 'only the case that crashes it, though three others were in flight with it');
  t.same(outcomes(r).filter((o) => o === 'pass').length, 10);
});

t.test('writ-adapter/2: the last of the cases re-run alone is alone too', async (t) => {
  // The fourth case crashes it: the four in flight are re-run one at a time, the culprit last;
  // were the window to open as the culprit is sent, it would crash with others in flight again.
  const state = scratch(t);
  const culprit = jcs[3]!.id;
  const r = await runConformance(fake(`window-crash:${culprit}`, state), jcs.slice(0, 11), { runner });
  t.same(codes(r), jcs.slice(0, 11).map((v) => (v.id === culprit ? 'ERR_RUNNER_CRASHED' : undefined)));
  // Three processes: the first crashes with four cases in flight, the second runs them alone and
  // crashes on the culprit alone, the third runs the rest. Had others been sent with the culprit,
  // the second would crash with several in flight, and a fourth would be needed.
  t.equal(readFileSync(`${state}.starts`, 'utf8'), 'started\n'.repeat(3));
});

t.test('writ-adapter/2: a case that is never answered times out alone; the others are answered', async (t) => {
  const culprit = jcs[2]!.id;
  const r = await runConformance(fake(`window-hang:${culprit}`), jcs.slice(0, 9), { runner, timeoutMs: 500 });
  t.same(codes(r), jcs.slice(0, 9).map((v) => (v.id === culprit ? 'ERR_RUNNER_TIMEOUT' : undefined)));
});

t.test('writ adapter answers in the newest protocol the runner offers', async (t) => {
  const hello = async (start: object): Promise<Record<string, unknown>> => {
    let out = '';
    const input = async function* () {
      yield new TextEncoder().encode(`${JSON.stringify(start)}\n{"cmd":"stop"}\n`);
    };
    t.equal(await main(['adapter'], { out: (s) => void (out += s), err: () => {}, cwd: ROOT, input }), 0);
    return JSON.parse(out) as Record<string, unknown>;
  };
  t.match(await hello({ cmd: 'start', protocol: 'writ-adapter/1' }), { protocol: 'writ-adapter/1', window: undefined }, 'a runner that offers only /1');
  t.match(await hello({ cmd: 'start', protocol: 'writ-adapter/1', protocols: ['writ-adapter/1', 'writ-adapter/2'] }), { protocol: 'writ-adapter/2', window: 64 });
  t.match(await hello({ cmd: 'start', protocol: 'writ-adapter/1', protocols: ['writ-adapter/1'] }), { protocol: 'writ-adapter/1', window: undefined });
});

t.test('a run that requires: skipping every case of a required profile, or exercising too few, fails it', async (t) => {
  const unmet = (r: RunReport) => (r.footer.unmet ?? []).map((u) => (given.add(u.code), `${u.code} ${u.requirement}`));
  const skipper = await runConformance(fake('skip'), jcs, { runner });
  t.same([skipper.footer.ok, skipper.footer.exercised, skipper.footer.unmet], [true, 0, undefined], 'without requirements, a skip-everything implementation passes: nothing failed');
  const required = await runConformance(fake('skip'), jcs, { runner, require: ['jcs'] });
  t.same([required.footer.ok, unmet(required)], [false, ['ERR_RUNNER_REQUIREMENT_UNMET profile:jcs']], 'with --require jcs it fails');
  const undeclared = await runConformance(fake('skip'), jcs, { runner, require: ['budget'] });
  t.match(undeclared.footer.unmet, [{ requirement: 'profile:budget', message: /does not support the required profile budget/ }], 'a required profile it does not declare');
  const honest = await runConformance(new ReferenceAdapter('test'), jcs, { runner, require: ['jcs', 'hash'], minCases: jcs.length });
  t.same([honest.footer.ok, honest.footer.exercised, honest.footer.unmet], [true, jcs.length, undefined], 'the reference meets both requirements, at the boundary of --min-cases');
  const short = await runConformance(new ReferenceAdapter('test'), jcs, { runner, minCases: jcs.length + 1 });
  t.same([short.footer.ok, unmet(short)], [false, [`ERR_RUNNER_REQUIREMENT_UNMET min-cases:${jcs.length + 1}`]], 'one case short of --min-cases fails');
  for (const r of [required, short]) t.equal(registry.validate('conformance/report-footer', r.footer).ok, true, 'the footer follows its schema');
  t.match(formatReport(required, 'summary'), /exercised: 0 of \d+ case\(s\) \(0\.0%\).*\nUNMET profile:jcs\n {6}ERR_RUNNER_REQUIREMENT_UNMET: /s);
  t.match(formatReport(required, 'tap'), /not ok \d+ - requirement profile:jcs\n  ---\n  code: ERR_RUNNER_REQUIREMENT_UNMET/);
  t.match(formatReport(required, 'junit'), /<testsuite name="requirements" tests="1" failures="1"/);
});

t.test('every RUNNER code of the registry is given by one of the misbehaving implementations above', async (t) => {
  t.same(ERROR_CODES.filter((c) => c.startsWith('ERR_RUNNER_') && !given.has(c)), [], 'a runner code no test provokes is untested');
});
