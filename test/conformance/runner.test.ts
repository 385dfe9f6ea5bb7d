/**
 * The runner and its reports (SPEC.md 13.3, 13.4): the reference passes every vector in-process
 * and through `writ adapter`; misbehaving implementations (a crash, a hang, garbage, a wrong
 * sequence number, a wrong protocol, a changed identity, skipping everything) cost exactly the
 * cases the protocol says; every report form is what its consumers read.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { Parser } from 'tap-parser';
import { ProcessAdapter, ReferenceAdapter, schemaCheck } from '../../src/conformance/adapters.js';
import { formatReport } from '../../src/conformance/reports.js';
import { runConformance, selectVectors, type RunReport } from '../../src/conformance/runner.js';
import { packagedVectors, readVectors } from '../../src/conformance/vectors.js';
import { SchemaRegistry } from '../../src/schema/registry.js';
import { ROOT } from '../helpers.js';

const registry = SchemaRegistry.open();
const set = readVectors(packagedVectors(registry.index.line), registry);
const runner = { version: 'test', line: registry.index.line };
const jcs = selectVectors(set.vectors, { cases: ['jcs/rfc8785/'] }).concat(selectVectors(set.vectors, { cases: ['hash/rfc8785/'] }));
const fake = (mode: string, state?: string) => new ProcessAdapter(`node test/conformance/fakes/fake.mjs ${mode}${state === undefined ? '' : ` ${state}`}`, ROOT, schemaCheck(registry), 10_000);
const outcomes = (r: RunReport) => r.cases.map((c) => c.outcome);

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
  t.match(r.cases[2]?.reason, /exited with status 3/);
});

t.test('a hang is a timeout for that case only', async (t) => {
  const r = await runConformance(fake('hang'), jcs.slice(0, 4), { runner, timeoutMs: 500 });
  t.same(outcomes(r), ['pass', 'error', 'pass', 'error'], 'it hangs on the second case of each process');
  t.match(r.cases[1]?.reason, /no answer within 500 ms/);
});

t.test('a line that is not JSON, or an answer out of step, is an error for that case', async (t) => {
  const garbage = await runConformance(fake('garbage'), jcs.slice(0, 3), { runner });
  t.same(outcomes(garbage), ['pass', 'error', 'pass']);
  t.match(garbage.cases[1]?.reason, /not JSON/);
  const step = await runConformance(fake('wrong-seq'), jcs.slice(0, 3), { runner });
  t.same(outcomes(step), ['pass', 'error', 'pass']);
  t.match(step.cases[1]?.reason, /out of step/);
});

t.test('an implementation that lies about itself is not trusted', async (t) => {
  const protocol = await runConformance(fake('protocol'), jcs.slice(0, 3), { runner });
  t.same(outcomes(protocol), ['error', 'error', 'error']);
  t.match(protocol.cases[0]?.reason, /not an adapter hello/);
  const dir = mkdtempSync(join(tmpdir(), 'writ-fake-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const shape = await runConformance(fake('shapeshift', join(dir, 'state')), jcs.slice(0, 3), { runner });
  t.same(outcomes(shape), ['error', 'error', 'error']);
  t.match(shape.cases[1]?.reason, /described itself differently after a restart/);
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
});

t.test('the reports: JSON lines against their schemas, TAP as node-tap reads it, JUnit XML, the summary', async (t) => {
  const r = await runConformance(fake('crash'), jcs.slice(0, 4), { runner });
  const lines = formatReport(r, 'jsonl').trimEnd().split('\n').map((l) => JSON.parse(l) as unknown);
  t.equal(lines.length, 6);
  t.same(lines.map((l) => registry.detect(l)).map((d) => (d.ok ? d.schema.id : d.issue.code)), ['conformance/report-header', ...Array(4).fill('conformance/report-case'), 'conformance/report-footer']);
  for (const l of lines) {
    const d = registry.detect(l);
    if (d.ok) t.equal(registry.validate(d.schema.id, l).ok, true, `${d.schema.id} is valid`);
  }
  const parsed = await new Promise<{ ok: boolean; count: number; pass: number; fail: number }>((resolve) => {
    const p = new Parser((results) => resolve(results as never));
    p.end(formatReport(r, 'tap'));
  });
  t.match(parsed, { ok: false, count: 4, pass: 3, fail: 1 }, 'node-tap reads the TAP report');
  const xml = formatReport(r, 'junit');
  t.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="writ conformance" tests="4" failures="0" errors="1" skipped="0"/);
  t.equal((xml.match(/<testcase /g) ?? []).length, 4);
  t.equal((xml.match(/<error /g) ?? []).length, 1);
  t.equal(xml.split('<testsuite ').length - 1, xml.split('</testsuite>').length - 1, 'every suite is closed');
  const summary = formatReport(r, 'summary');
  t.match(summary, /ERROR jcs\/rfc8785\/[a-z]+\n {6}the implementation exited with status 3/);
  t.match(summary, /not ok: 0 failed, 1 errored, 3 passed, 0 skipped/);
});
