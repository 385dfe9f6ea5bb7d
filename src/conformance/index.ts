/**
 * The conformance kit ('writ/conformance', SPEC.md 13): read the packaged vectors, run them
 * against any implementation over the adapter protocol (or writ's own, in-process), and write
 * the reports. Explicit exports only: this list is the public API of the kit.
 */
export { PRODUCER_PROFILES, PROFILES, agrees } from './case.js';
export { judge } from './judge.js';
export type { Judgement } from './judge.js';
export type { CaseResult, ConformanceCase } from './case.js';
export { DEFAULT_WINDOW, FunctionAdapter, MAX_WINDOW, PROTOCOL, PROTOCOLS, ProcessAdapter, schemaCheck, windowOf } from './adapters.js';
export type { Adapter, Answer, ProtocolCheck, RunnerCode, StartFailure } from './adapters.js';
export { ReferenceAdapter, referenceAnswer, referenceHello } from './reference.js';
export type { ReferenceOptions } from './reference.js';
export { runConformance, selectVectors } from './runner.js';
export type { RunOptions, RunReport } from './runner.js';
export { packagedVectors, readVectors } from './vectors.js';
export type { VectorSet } from './vectors.js';
export { REPORT_FORMATS, formatReport, describeOutcome } from './reports.js';
export type { ReportFormat } from './reports.js';
export { conformanceBadge, htmlReport, specSections } from './html.js';
export type { Badge, HtmlOptions } from './html.js';
