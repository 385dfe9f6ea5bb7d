/**
 * The conformance runner (SPEC.md 13.3): every selected vector sent to one implementation, its
 * answer compared with the expectation by verdict and code (never by message), and each case
 * recorded as pass, fail, skip or error. One process serves the whole run; it is restarted only
 * after it crashed, hung, or left the protocol. An error carries a RUNNER code beside its reason,
 * so that what went wrong is compared by code, like everything else in the suite.
 */
import type { AdapterHello, CaseOutcome, ConformanceVector, ImplementationInfo, ReportCase, ReportFooter, ReportHeader } from '../generated/types.js';
import type { Adapter, RunnerCode } from './adapters.js';
import { PROTOCOL, windowOf } from './adapters.js';
import { PRODUCER_PROFILES } from './case.js';
import { judge } from './judge.js';

/** What to run, and how. */
export interface RunOptions {
  /** Only these profiles. */
  readonly profiles?: readonly string[];
  /** Only these cases: a vector id, or an id prefix ending in `/`. */
  readonly cases?: readonly string[];
  /** Stop at the first case that fails or errors. */
  readonly failFast?: boolean;
  /** How long one case may take. Default 10 s. */
  readonly timeoutMs?: number;
  /** The runner's own version and line, for the report header. */
  readonly runner: { readonly version: string; readonly line: string };
  /** Called after each case, for progress. */
  readonly onCase?: (record: ReportCase) => void;
  /** Profiles the implementation must support and answer in full: a skipped or unrun case of one makes the run not ok. */
  readonly require?: readonly string[];
  /** The fewest cases the implementation must answer (pass or fail) for the run to be ok. */
  readonly minCases?: number;
}

/** A whole run: what the JSON-lines report holds, line by line. */
export interface RunReport {
  readonly header: ReportHeader;
  readonly cases: readonly ReportCase[];
  readonly footer: ReportFooter;
}

const UNKNOWN: ImplementationInfo = { name: 'unknown', version: 'unknown', language: 'unknown' };

/**
 * The vectors a run covers.
 *
 * @param vectors - all vectors.
 * @param options - the profile and case filters.
 * @returns the selected vectors, in id order.
 * @example
 * ```ts
 * selectVectors(set.vectors, { profiles: ['jcs'], cases: ['jcs/rfc8785/'] });
 * ```
 */
export function selectVectors(vectors: readonly ConformanceVector[], options: Pick<RunOptions, 'profiles' | 'cases'>): ConformanceVector[] {
  return vectors.filter(
    (v) =>
      (options.profiles === undefined || options.profiles.length === 0 || options.profiles.includes(v.profile)) &&
      (options.cases === undefined || options.cases.length === 0 || options.cases.some((c) => v.id === c || (c.endsWith('/') && v.id.startsWith(c)))),
  );
}

/**
 * Run vectors against an implementation.
 *
 * @param adapter - the implementation.
 * @param vectors - the vectors to run (see {@link selectVectors}).
 * @param options - timeouts, fail-fast, the runner's identity, progress.
 * @returns the report; `footer.ok` when no case failed or errored and every requirement
 *   (`require`, `minCases`) was met.
 * @example
 * ```ts
 * const set = readVectors(packagedVectors('v1.0.0'), SchemaRegistry.open());
 * const report = await runConformance(new ReferenceAdapter('1.0.0'), set.vectors, { runner });
 * console.log(report.totals);
 * ```
 */
export async function runConformance(adapter: Adapter, vectors: readonly ConformanceVector[], options: RunOptions): Promise<RunReport> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 10_000;
  let first = await adapter.start();
  let hello: AdapterHello | undefined = first.ok ? first.hello : undefined;
  // Once set, why no further case can be sent: every remaining case is an error with this code.
  let dead: { readonly code: RunnerCode; readonly reason: string } | undefined = first.ok ? undefined : { code: first.code, reason: first.reason };
  const header: ReportHeader = {
    type: 'header',
    protocol: hello?.protocol ?? PROTOCOL,
    runner: { name: 'writ', version: options.runner.version, line: options.runner.line },
    implementation: hello?.implementation ?? UNKNOWN,
    profiles: hello?.profiles ?? [],
    started_at: iso(started),
    vectors: vectors.length,
  };
  // Each case's record at its vector's index, so that the report keeps the vectors' order
  // whatever order the answers came in.
  const records: (ReportCase | undefined)[] = new Array(vectors.length);
  let stopped = false;
  const record = (i: number, r: ReportCase): void => {
    records[i] = r;
    options.onCase?.(r);
    if (options.failFast === true && (r.outcome === 'fail' || r.outcome === 'error')) stopped = true;
  };
  const base = (v: ConformanceVector) => ({ type: 'case' as const, id: v.id, profile: v.profile, spec: v.spec, expected: v.expect });
  // The cases still to send, in order; after a breakage with several cases in flight, those cases
  // are sent again one at a time (`alone`), so that the one that breaks it is the one that pays.
  let nextIndex = 0;
  const alone: number[] = [];
  const inFlight = new Map<number, { readonly index: number; readonly sentAt: number; readonly alone: boolean }>();
  const answeredSeqs = new Map<number, { readonly index: number }>();
  let seq = 0;
  const restart = async (): Promise<void> => {
    first = await adapter.start();
    // A failed restart keeps the code of how it failed (it could not start, hung, ...).
    if (!first.ok) dead = { code: first.code, reason: `the implementation could not be restarted: ${first.reason}` };
    else if (!sameJson(first.hello, hello)) dead = { code: 'ERR_RUNNER_IDENTITY_CHANGED', reason: 'the implementation described itself differently after a restart; its answers cannot be trusted to come from one implementation' };
    else hello = first.hello;
  };
  try {
    await runCases();
  } finally {
    // Whatever happened, the implementation is told to stop and its input is ended.
    await adapter.stop();
  }
  const cases = records.filter((r): r is ReportCase => r !== undefined);
  return { header, cases, footer: footer(cases, started, unmetRequirements(cases, vectors, hello?.profiles ?? [], options)) };

  async function runCases(): Promise<void> {
    for (;;) {
      // Fill the window: one case at a time while cases are re-run alone, the last of them too.
      for (;;) {
        const soloing = alone.length > 0 || [...inFlight.values()].some((f) => f.alone);
        if (stopped || inFlight.size >= (soloing ? 1 : hello === undefined ? 1 : windowOf(hello))) break;
        const solo = alone.length > 0;
        const i = solo ? alone.shift() : nextIndex < vectors.length ? nextIndex++ : undefined;
        if (i === undefined) break;
        const v = vectors[i] as ConformanceVector;
        if (dead !== undefined) record(i, { ...base(v), outcome: 'error', code: dead.code, reason: dead.reason, duration_ms: 0 });
        else if (!(hello?.profiles ?? []).includes(v.profile)) record(i, { ...base(v), outcome: 'skip', reason: `the implementation does not support the ${v.profile} profile`, duration_ms: 0 });
        else {
          inFlight.set(seq, { index: i, sentAt: performance.now(), alone: solo });
          adapter.send(seq++, { id: v.id, profile: v.profile, input: v.input, context: v.context });
        }
      }
      if (inFlight.size === 0) break;
      if (stopped) break;
      const answer = await adapter.next(timeoutMs);
      if (answer.kind === 'broken') {
        // A case answered twice is that case's fault: its record becomes the error, and the cases
        // in flight, which did nothing wrong, are sent again alone.
        const culprit = answer.seq === undefined ? undefined : answeredSeqs.get(answer.seq);
        if (culprit !== undefined) {
          const earlier = records[culprit.index];
          if (earlier !== undefined) records[culprit.index] = { ...base(vectors[culprit.index] as ConformanceVector), outcome: 'error', code: answer.code, reason: answer.reason, duration_ms: earlier.duration_ms };
          alone.unshift(...[...inFlight.values()].map((f) => f.index).sort((a, b) => a - b));
          inFlight.clear();
          await restart();
          continue;
        }
        const only = inFlight.size === 1 ? [...inFlight.values()][0] : undefined;
        if (only !== undefined) {
          record(only.index, { ...base(vectors[only.index] as ConformanceVector), outcome: 'error', code: answer.code, reason: answer.reason, duration_ms: elapsed(only.sentAt) });
        } else {
          // Which of the cases in flight broke it is not known: each is sent again, alone.
          alone.unshift(...[...inFlight.values()].map((f) => f.index).sort((a, b) => a - b));
        }
        inFlight.clear();
        await restart();
        continue;
      }
      const r = answer.result;
      const sent = inFlight.get(r.seq);
      // An adapter answers only cases in flight (it reports any other as out of step).
      if (sent === undefined) continue;
      inFlight.delete(r.seq);
      answeredSeqs.set(r.seq, sent);
      const v = vectors[sent.index] as ConformanceVector;
      const duration_ms = elapsed(sent.sentAt);
      if (r.skipped === true) record(sent.index, { ...base(v), outcome: 'skip', reason: r.reason as string, ...(r.issue_url === undefined ? {} : { issue_url: r.issue_url }), duration_ms });
      else if (r.errored === true) record(sent.index, { ...base(v), outcome: 'error', code: 'ERR_RUNNER_REPORTED_ERROR', reason: `the implementation reports an error: ${JSON.stringify(r.context)}`.slice(0, 4096), duration_ms });
      else {
        const actual = outcomeOf(r);
        const judged = judge(v, actual);
        record(sent.index, { ...base(v), outcome: judged.pass ? 'pass' : 'fail', actual, ...(judged.pass || !PRODUCER_PROFILES.has(v.profile) || judged.reason === undefined ? {} : { reason: judged.reason.slice(0, 4096) }), duration_ms });
      }
    }
  }
}

const elapsed = (since: number): number => Math.round((performance.now() - since) * 1000) / 1000;

function outcomeOf(r: { verdict?: CaseOutcome['verdict']; code?: string; codes?: CaseOutcome['codes']; output?: string; hops?: CaseOutcome['hops'] }): CaseOutcome {
  return {
    verdict: r.verdict as CaseOutcome['verdict'],
    ...(r.code === undefined ? {} : { code: r.code }),
    ...(r.codes === undefined ? {} : { codes: r.codes }),
    ...(r.output === undefined ? {} : { output: r.output }),
    ...(r.hops === undefined ? {} : { hops: r.hops }),
  };
}

/**
 * What the run was asked to prove and did not (SPEC.md 13.3): a required profile the
 * implementation does not declare, or whose cases it skipped or did not get to; fewer cases
 * exercised than asked. Skipping is no way to pass a run that requires.
 */
function unmetRequirements(cases: readonly ReportCase[], selected: readonly ConformanceVector[], declared: readonly string[], options: Pick<RunOptions, 'require' | 'minCases'>): NonNullable<ReportFooter['unmet']> {
  const unmet: NonNullable<ReportFooter['unmet']>[number][] = [];
  const code = 'ERR_RUNNER_REQUIREMENT_UNMET' as const;
  for (const profile of options.require ?? []) {
    const mine = cases.filter((c) => c.profile === profile);
    const wanted = selected.filter((v) => v.profile === profile).length;
    const skipped = mine.filter((c) => c.outcome === 'skip').length;
    const requirement = `profile:${profile}`;
    if (!declared.includes(profile)) unmet.push({ code, requirement, message: `the implementation does not support the required profile ${profile}` });
    else if (mine.length === 0) unmet.push({ code, requirement, message: `no case of the required profile ${profile} was run` });
    else if (skipped > 0) unmet.push({ code, requirement, message: `${skipped} of the ${wanted} cases of the required profile ${profile} were skipped` });
    else if (mine.length < wanted) unmet.push({ code, requirement, message: `${wanted - mine.length} of the ${wanted} cases of the required profile ${profile} were not run (the run stopped early)` });
  }
  const exercised = cases.filter((c) => c.outcome === 'pass' || c.outcome === 'fail').length;
  if (options.minCases !== undefined && exercised < options.minCases) {
    unmet.push({ code, requirement: `min-cases:${options.minCases}`, message: `${exercised} case(s) were exercised (passed or failed); the run requires at least ${options.minCases}` });
  }
  return unmet;
}

function footer(cases: readonly ReportCase[], started: number, unmet: NonNullable<ReportFooter['unmet']>): ReportFooter {
  const zero = () => ({ pass: 0, fail: 0, skip: 0, error: 0 });
  const counts: Record<string, ReturnType<typeof zero>> = {};
  const totals = zero();
  for (const c of cases) {
    (counts[c.profile] ??= zero())[c.outcome]++;
    totals[c.outcome]++;
  }
  return {
    type: 'footer',
    ok: totals.fail === 0 && totals.error === 0 && unmet.length === 0,
    counts,
    totals,
    exercised: totals.pass + totals.fail,
    ...(unmet.length === 0 ? {} : { unmet }),
    finished_at: iso(Date.now()),
    duration_ms: Date.now() - started,
  };
}

/** Two JSON values alike, whatever the order of their members. */
function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return sameJson(ka, kb) && ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
