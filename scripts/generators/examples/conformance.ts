/**
 * conformance (SPEC.md 13): the vector format, the adapter protocol and the JSON-lines report.
 * None is signed (a vector may carry signed documents as its input).
 */
import type { AdapterCommand, AdapterHello, AdapterResult, ConformanceVector, ImplementationInfo, OutcomeCounts, ReportCase, ReportFooter, ReportHeader } from '../../../src/generated/types.js';
import type { Capability } from './capability.js';
import { at, extra, invalid, LINE, missing, mut, valid, without } from './shared.js';
import { T0, VENDOR_ID } from './world.js';

const PROTOCOL = 'writ-adapter/1';
const ALL_PROFILES = ['schema', 'jcs', 'hash', 'signature', 'proof', 'compact', 'capability', 'chain', 'budget', 'intent', 'mandate', 'receipt', 'settlement', 'document', 'bundle', 'replay', 'release'] as const;
const reference: ImplementationInfo = { name: 'writ', version: '1.0.0-draft.1', language: 'TypeScript', homepage: 'https://writ.dev/' };
const pythonHarness: ImplementationInfo = { name: 'writ-python-harness', version: '0.1.0', language: 'Python' };
const PYTHON_PROFILES = ['jcs', 'hash', 'signature', 'capability', 'chain', 'budget'] as const;
const counts = (pass: number, fail: number, skip: number, error: number): OutcomeCounts => ({ pass, fail, skip, error });

export function conformanceFamily({ rootToken, vendorToken, coordinatorToken, executorToken }: Capability): void {
  const jcsVector = valid<ConformanceVector>('conformance/vector', 'jcs-sorts-members', {
    id: 'jcs/sorts-members',
    profile: 'jcs',
    description: 'Members are written in the order of their names as UTF-16 code units.',
    spec: '6.3',
    input: { text: '{"b":1,"a":2}' },
    context: { now: 0 },
    expect: { verdict: 'accept', output: '{"a":2,"b":1}' },
  });
  valid<ConformanceVector>('conformance/vector', 'chain-revoke-midchain.incident-network', {
    id: 'chain/incident-network/revoke-midchain',
    profile: 'chain',
    description: "Incident Network: the vendor liaison's capability is revoked after the executor's was issued; the executor's call is denied, naming the revoked ancestor.",
    spec: '12.2',
    input: { capability: executorToken, capabilities: [rootToken, vendorToken, coordinatorToken] },
    context: { now: T0 + 20, revocations: [{ capability_id: VENDOR_ID, revoked_at: T0 + 15 }] },
    expect: { verdict: 'reject', code: 'ERR_CHAIN_REVOKED_ANCESTOR' },
  });
  invalid('conformance/vector', 'reject-without-code', mut(jcsVector, (d) => (d.expect = { verdict: 'reject' })), at('/expect', 'anyOf', 'ERR_SCHEMA_NO_MATCH'));
  invalid('conformance/vector', 'accept-with-code', mut(jcsVector, (d) => (d.expect.code = 'ERR_JSON_SYNTAX')), at('/expect/code', 'false schema', 'ERR_SCHEMA_FORBIDDEN'));
  invalid('conformance/vector', 'unknown-profile', { ...jcsVector, profile: 'ledger' }, at('/profile', 'enum', 'ERR_SCHEMA_ENUM'));
  invalid('conformance/vector', 'context-without-time', { ...jcsVector, context: {} }, missing('/context', 'now'));

  const runCase = { id: jcsVector.id, profile: jcsVector.profile, input: jcsVector.input, context: jcsVector.context };
  valid<AdapterCommand>('conformance/adapter-command', 'start', { cmd: 'start', protocol: PROTOCOL });
  const offer = valid<AdapterCommand>('conformance/adapter-command', 'start-offering-v2', { cmd: 'start', protocol: PROTOCOL, protocols: ['writ-adapter/1', 'writ-adapter/2'] });
  invalid('conformance/adapter-command', 'start-offering-unknown-protocol', { ...offer, protocols: ['writ-adapter/1', 'writ-adapter/3'] }, at('/protocols/1', 'enum', 'ERR_SCHEMA_ENUM'));
  const runCommand = valid<AdapterCommand>('conformance/adapter-command', 'run', { cmd: 'run', seq: 7, case: runCase });
  valid<AdapterCommand>('conformance/adapter-command', 'stop', { cmd: 'stop' });
  invalid('conformance/adapter-command', 'run-with-expectation', mut(runCommand, (d) => (d.case.expect = jcsVector.expect)), extra('/case', 'expect'));
  invalid('conformance/adapter-command', 'run-without-seq', without(runCommand, 'seq'), missing('', 'seq'));
  invalid('conformance/adapter-command', 'run-with-protocols', { ...runCommand, protocols: offer.protocols }, at('/protocols', 'false schema', 'ERR_SCHEMA_FORBIDDEN'));
  invalid('conformance/adapter-command', 'start-another-protocol', { cmd: 'start', protocol: 'writ-adapter/2' }, at('/protocol', 'const', 'ERR_SCHEMA_CONST'));

  const hello = valid<AdapterHello>('conformance/adapter-hello', 'reference', { protocol: PROTOCOL, implementation: reference, profiles: [...ALL_PROFILES] });
  valid<AdapterHello>('conformance/adapter-hello', 'python-harness', { protocol: PROTOCOL, implementation: pythonHarness, profiles: [...PYTHON_PROFILES] });
  const windowed = valid<AdapterHello>('conformance/adapter-hello', 'reference-v2', { protocol: 'writ-adapter/2', implementation: reference, profiles: [...ALL_PROFILES], window: 64 });
  invalid('conformance/adapter-hello', 'window-with-v1', { ...windowed, protocol: PROTOCOL }, at('/window', 'false schema', 'ERR_SCHEMA_FORBIDDEN'));
  invalid('conformance/adapter-hello', 'window-too-wide', { ...windowed, window: 1025 }, at('/window', 'maximum', 'ERR_SCHEMA_RANGE'));
  invalid('conformance/adapter-hello', 'window-empty', { ...windowed, window: 0 }, at('/window', 'minimum', 'ERR_SCHEMA_RANGE'));
  invalid('conformance/adapter-hello', 'unknown-profile', mut(hello, (d) => (d.profiles = ['jcs', 'ledger'])), at('/profiles/1', 'enum', 'ERR_SCHEMA_ENUM'));
  invalid('conformance/adapter-hello', 'profile-twice', mut(hello, (d) => (d.profiles = ['jcs', 'jcs'])), at('/profiles', 'uniqueItems', 'ERR_SCHEMA_UNIQUE_ITEMS'));
  invalid('conformance/adapter-hello', 'without-language', mut(hello, (d) => delete d.implementation.language), missing('/implementation', 'language'));

  const rejection = valid<AdapterResult>('conformance/adapter-result', 'reject-with-code', { seq: 7, verdict: 'reject', code: 'ERR_CHAIN_REVOKED_ANCESTOR' });
  const skip = valid<AdapterResult>('conformance/adapter-result', 'skipped', { seq: 8, skipped: true, reason: 'replay is not implemented yet', issue_url: 'https://example.org/impl/issues/12' });
  valid<AdapterResult>('conformance/adapter-result', 'errored', { seq: 9, errored: true, context: { message: 'unexpected token at 1:1' } });
  valid<AdapterResult>('conformance/adapter-result', 'jcs-output', { seq: 10, verdict: 'accept', output: '{"a":2,"b":1}' });
  invalid('conformance/adapter-result', 'skip-without-reason', without(skip, 'reason'), missing('', 'reason'));
  invalid('conformance/adapter-result', 'accept-with-code', { ...rejection, verdict: 'accept' }, at('/code', 'false schema', 'ERR_SCHEMA_FORBIDDEN'));
  invalid('conformance/adapter-result', 'errored-with-verdict', { seq: 9, errored: true, context: {}, verdict: 'accept' }, at('/verdict', 'false schema', 'ERR_SCHEMA_FORBIDDEN'));
  invalid('conformance/adapter-result', 'reject-without-code', without(rejection, 'code'), at('', 'anyOf', 'ERR_SCHEMA_NO_MATCH'));

  const header = valid<ReportHeader>('conformance/report-header', 'reference', {
    type: 'header',
    protocol: PROTOCOL,
    runner: { name: 'writ', version: '1.0.0-draft.1', line: LINE },
    implementation: reference,
    profiles: [...ALL_PROFILES],
    started_at: '2026-11-22T09:00:00Z',
    vectors: 640,
  });
  valid<ReportHeader>('conformance/report-header', 'python-harness', { ...header, implementation: pythonHarness, profiles: [...PYTHON_PROFILES] });
  invalid('conformance/report-header', 'without-start', without(header, 'started_at'), missing('', 'started_at'));
  invalid('conformance/report-header', 'another-runner', mut(header, (d) => (d.runner.name = 'bowtie')), at('/runner/name', 'const', 'ERR_SCHEMA_CONST'));
  invalid('conformance/report-header', 'negative-vector-count', { ...header, vectors: -1 }, at('/vectors', 'minimum', 'ERR_SCHEMA_RANGE'));

  const failed = valid<ReportCase>('conformance/report-case', 'fail.incident-network', {
    type: 'case',
    id: 'chain/incident-network/revoke-midchain',
    profile: 'chain',
    outcome: 'fail',
    expected: { verdict: 'reject', code: 'ERR_CHAIN_REVOKED_ANCESTOR' },
    actual: { verdict: 'accept' },
    duration_ms: 1.8,
  });
  const skipped = valid<ReportCase>('conformance/report-case', 'skip', { type: 'case', id: 'replay/seven-station', profile: 'replay', outcome: 'skip', expected: { verdict: 'accept' }, reason: 'replay is not implemented yet', duration_ms: 0 });
  invalid('conformance/report-case', 'fail-without-answer', without(failed, 'actual'), missing('', 'actual'));
  invalid('conformance/report-case', 'skip-without-reason', without(skipped, 'reason'), missing('', 'reason'));
  invalid('conformance/report-case', 'unknown-outcome', { ...failed, outcome: 'flaky' }, at('/outcome', 'enum', 'ERR_SCHEMA_ENUM'));
  const errored = valid<ReportCase>('conformance/report-case', 'error-timeout', {
    type: 'case',
    id: 'chain/incident-network/revoke-midchain',
    profile: 'chain',
    outcome: 'error',
    expected: { verdict: 'reject', code: 'ERR_CHAIN_REVOKED_ANCESTOR' },
    code: 'ERR_RUNNER_TIMEOUT',
    reason: 'no answer within 10000 ms: the implementation hangs',
    duration_ms: 10000.412,
  });
  invalid('conformance/report-case', 'error-without-code', without(errored, 'code'), missing('', 'code'));
  invalid('conformance/report-case', 'skip-with-code', { ...skipped, code: 'ERR_RUNNER_TIMEOUT' }, at('/code', 'false schema', 'ERR_SCHEMA_FORBIDDEN'));

  const footer = valid<ReportFooter>('conformance/report-footer', 'ok', { type: 'footer', ok: true, counts: { jcs: counts(40, 0, 0, 0), hash: counts(12, 0, 0, 0) }, totals: counts(52, 0, 0, 0), finished_at: '2026-11-22T09:00:03Z', duration_ms: 2950 });
  valid<ReportFooter>('conformance/report-footer', 'failures', { ...footer, ok: false, counts: { chain: counts(20, 1, 0, 0), replay: counts(0, 0, 3, 0) }, totals: counts(20, 1, 3, 0) });
  invalid('conformance/report-footer', 'unknown-profile-counted', mut(footer, (d) => (d.counts.ledger = counts(1, 0, 0, 0))), { instancePath: '/counts', keyword: 'propertyNames', path: '/counts/ledger', code: 'ERR_SCHEMA_PROPERTY_NAME' });
  invalid('conformance/report-footer', 'counts-without-errors', mut(footer, (d) => delete d.totals.error), missing('/totals', 'error'));
  invalid('conformance/report-footer', 'negative-count', mut(footer, (d) => (d.counts.jcs.pass = -1)), at('/counts/jcs/pass', 'minimum', 'ERR_SCHEMA_RANGE'));
}
