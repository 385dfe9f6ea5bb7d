/**
 * `writ conformance` runs the conformance suite against writ's own implementation in-process, or
 * against any implementation with `--impl "<command>"` (SPEC.md 13). `writ adapter` serves writ's
 * implementation over the adapter protocol on standard input and output: a live example of the
 * protocol, and a way to run writ's verifiers from another language.
 */
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { Piscina } from 'piscina';
import type { AdapterCommand } from '../generated/types.js';
import { ProcessAdapter, schemaCheck, type Adapter } from '../conformance/adapters.js';
import { PROFILES, type CaseResult } from '../conformance/case.js';
import { compileReferenceSchemas, ReferenceAdapter, referenceAnswer, referenceHello } from '../conformance/reference.js';
import { ReadCache } from '../verify/read-cache.js';
import { formatReport, REPORT_FORMATS, type ReportFormat } from '../conformance/reports.js';
import { runConformance, selectVectors } from '../conformance/runner.js';
import { packagedVectors, readVectors } from '../conformance/vectors.js';
import { DEFAULT_MAX_BYTES, isRecord } from '../encoding/json.js';
import { readSnapshot } from '../encoding/snapshot.js';
import { readManifest } from '../io/manifest.js';
import { PACKAGE_ROOT } from '../paths.js';
import { registryOf } from '../verify/context.js';
import { parseCommand } from './args.js';
import { type CliIo, type ExitCode, UsageError } from './io.js';
import { formatIssues } from './report.js';
import { readFileCapped, writeFileWhole } from '../io/files.js';
import { conformanceBadge, htmlReport } from '../conformance/html.js';
import { splitLines } from '../io/streams.js';

const encoder = new TextEncoder();

export const CONFORMANCE_HELP = `Usage: writ conformance [options]

Run the conformance suite: every vector (an input, its context, and the verdict and
code a conforming implementation gives) against an implementation. Without --impl,
writ's own implementation answers, in-process.

Options:
  --impl <command>        run the suite against this command: a long-lived process
                          speaking the adapter protocol (writ-adapter/1 or /2) on
                          stdin/stdout
  --profile <name>        only this profile (repeatable): ${PROFILES.join(', ')}
  --case <id>             only this vector, or every vector under an id ending in /
                          (repeatable)
  --require <name>        a profile the implementation must support and answer in
                          full: a skipped or unrun case of it fails the run (repeatable)
  --min-cases <n>         fail the run unless at least n cases were exercised
                          (answered, passing or failing)
  --fail-fast             stop at the first case that fails or errors
  --timeout <ms>          how long one case may take (default 10000)
  --validate-protocol     check every message both ways against the protocol schemas
  --format <f>            what to print: ${REPORT_FORMATS.join(', ')} (default summary)
  --tap <file>            also write the TAP report here
  --jsonl <file>          also write the JSON-lines report here
  --junit <file>          also write the JUnit XML report here
  --html <file>           also write a self-contained HTML report here: failures first,
                          each vector's expected and actual answer and its SPEC section
  --badge <file>          also write a shields.io endpoint badge (JSON) here: the pass
                          rate of the --require profiles (of every case run without)
  --vectors <dir>         use the vectors in this folder (default: the package's)
  --json                  the same as --format jsonl
  -h, --help              show this help

Exit status: 0 no case failed or errored and every requirement was met (skips are
allowed unless --require or --min-cases says otherwise), 1 otherwise, 2 usage error.
`;

export const ADAPTER_HELP = `Usage: writ adapter [--jobs <n>]

Serve writ's own implementation over the adapter protocol: read one JSON command per
line on standard input (start, run, stop) and answer each start and run with one JSON
line on standard output, in writ-adapter/2 (a window of 64 cases) when the runner
offers it, in writ-adapter/1 otherwise. With writ-adapter/2, cases are answered on
--jobs worker threads (default: the machine's parallelism less one, left to the runner,
at most 8; 1 answers them on the adapter's own thread). \`writ conformance --impl "npx writ adapter"\`
runs the suite through it.
`;

/** A run command with its case's input, when that is an object, replaced by an empty one: what the command schema checks of it. */
function envelopeOf(command: AdapterCommand): AdapterCommand {
  const c = command.case as unknown;
  if (command.cmd !== 'run' || !isRecord(c) || !isRecord(c['input'])) return command;
  return { ...command, case: { ...(c as object), input: {} } } as AdapterCommand;
}

/** SPEC.md as the package ships it, for the HTML report's sections; empty when it cannot be read. */
function specText(): string {
  const read = readFileCapped(join(PACKAGE_ROOT, 'SPEC.md'));
  return read.ok ? new TextDecoder().decode(read.bytes) : '';
}

/** The package's version and line, for report headers. */
function identity(): { version: string; line: string } {
  const m = readManifest(PACKAGE_ROOT);
  return m.ok ? { version: m.manifest.version, line: m.manifest.line } : { version: 'unknown', line: 'unknown' };
}

/**
 * Run `writ conformance`.
 *
 * @param args - arguments after `conformance`.
 * @param io - streams and working folder.
 * @returns the exit status.
 */
export async function runConformanceCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommand('conformance', args, {
    impl: { type: 'string' },
    profile: { type: 'string', multiple: true },
    require: { type: 'string', multiple: true },
    'min-cases': { type: 'string' },
    case: { type: 'string', multiple: true },
    'fail-fast': { type: 'boolean', default: false },
    timeout: { type: 'string' },
    'validate-protocol': { type: 'boolean', default: false },
    format: { type: 'string' },
    tap: { type: 'string' },
    jsonl: { type: 'string' },
    junit: { type: 'string' },
    html: { type: 'string' },
    badge: { type: 'string' },
    vectors: { type: 'string' },
  });
  if (values.help) {
    io.out(CONFORMANCE_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError('ERR_USAGE_INVALID_ARGUMENT', `writ conformance: takes no arguments, only options (got ${JSON.stringify(positionals[0])})`);
  const format = (values.json ? 'jsonl' : (values.format ?? 'summary')) as ReportFormat;
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError('ERR_USAGE_INVALID_ARGUMENT', `writ conformance: --format must be one of ${REPORT_FORMATS.join(', ')}`);
  const profiles = (values.profile as unknown as string[] | undefined) ?? [];
  for (const p of profiles) if (!(PROFILES as readonly string[]).includes(p)) throw new UsageError('ERR_USAGE_INVALID_ARGUMENT', `writ conformance: no profile ${JSON.stringify(p)}; the profiles are ${PROFILES.join(', ')}`);
  const required = (values.require as unknown as string[] | undefined) ?? [];
  for (const p of required) if (!(PROFILES as readonly string[]).includes(p)) throw new UsageError('ERR_USAGE_INVALID_ARGUMENT', `writ conformance: --require ${JSON.stringify(p)} is no profile; the profiles are ${PROFILES.join(', ')}`);
  const minCases = values['min-cases'] === undefined ? undefined : Number(values['min-cases']);
  if (minCases !== undefined && !(Number.isSafeInteger(minCases) && minCases >= 1 && minCases <= 999_999_999)) throw new UsageError('ERR_USAGE_INVALID_ARGUMENT', 'writ conformance: --min-cases must be a whole number of cases, at least 1');
  // A command of blanks starts nothing: the shell would exit at once and every case would error.
  if (values.impl !== undefined && values.impl.trim() === '') throw new UsageError('ERR_USAGE_INVALID_ARGUMENT', 'writ conformance: --impl needs the command that starts the implementation, such as --impl "python3 harness.py"');
  const timeoutMs = values.timeout === undefined ? 10_000 : Number(values.timeout);
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1) throw new UsageError('ERR_USAGE_INVALID_ARGUMENT', 'writ conformance: --timeout must be a positive number of milliseconds');
  const registry = registryOf({});
  const runner = identity();
  const dir = values.vectors === undefined ? packagedVectors(registry.index.line) : resolve(io.cwd, values.vectors);
  const set = readVectors(dir, registry);
  if (set.issues.length > 0) {
    io.err(`writ conformance: the vectors in ${dir} cannot all be read:\n${formatIssues(set.issues)}`);
    return 1;
  }
  const selected = selectVectors(set.vectors, { profiles, cases: (values.case as unknown as string[] | undefined) ?? [] });
  if (selected.length === 0) throw new UsageError('ERR_USAGE_INVALID_ARGUMENT', 'writ conformance: no vector matches --profile and --case');
  const check = values['validate-protocol'] ? schemaCheck(registry) : undefined;
  const adapter: Adapter = values.impl === undefined ? new ReferenceAdapter(runner.version) : new ProcessAdapter(values.impl, io.cwd, check);
  const report = await runConformance(adapter, selected, { runner, failFast: values['fail-fast'], timeoutMs, require: required, ...(minCases === undefined ? {} : { minCases }) });
  const written: [file: string | undefined, text: () => string][] = [
    [values.tap, () => formatReport(report, 'tap')],
    [values.jsonl, () => formatReport(report, 'jsonl')],
    [values.junit, () => formatReport(report, 'junit')],
    [values.html, () => htmlReport(report, { spec: specText(), required })],
    [values.badge, () => `${JSON.stringify(conformanceBadge(report, required), null, 2)}\n`],
  ];
  for (const [file, text] of written) {
    if (file === undefined) continue;
    const failed = writeFileWhole(resolve(io.cwd, file), text());
    if (failed !== undefined) throw new UsageError(failed.code, `writ conformance: ${failed.message}`);
  }
  io.out(formatReport(report, format));
  return report.footer.ok ? 0 : 1;
}

/** How many cases `writ adapter` takes in flight with writ-adapter/2. */
const ADAPTER_WINDOW = 64;
/** How many answers `writ adapter` holds before it writes them. */
const ANSWERS_HELD = 8;

/**
 * Run `writ adapter`: answer adapter commands from standard input until stop or end of input.
 *
 * @param args - arguments after `adapter`.
 * @param io - streams; `io.lines` reads standard input line by line.
 * @returns 0 after stop or end of input.
 */
export async function runAdapterCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommand('adapter', args, { jobs: { type: 'string' } });
  if (values.help) {
    io.out(ADAPTER_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError('ERR_USAGE_INVALID_ARGUMENT', 'writ adapter: takes no arguments');
  if (io.input === undefined && io.lines === undefined) throw new UsageError('ERR_USAGE_INVALID_ARGUMENT', 'writ adapter: needs standard input');
  // One core is left to the runner that spawned the adapter (it checks and judges every answer):
  // on two cores, one thread answers the suite sooner than two that each warm up (npm run bench).
  const jobs = values.jobs === undefined ? Math.max(1, Math.min(availableParallelism() - 1, 8)) : Number(values.jobs);
  if (!Number.isSafeInteger(jobs) || jobs < 1 || jobs > 16) throw new UsageError('ERR_USAGE_INVALID_ARGUMENT', 'writ adapter: --jobs must be a whole number of worker threads from 1 to 16');
  const version = identity().version;
  const registry = registryOf({});
  // With writ-adapter/2 and more than one job, cases are answered on worker threads, as they
  // come, and each answer is written when it is ready; otherwise here, in order.
  let pool: Piscina | undefined;
  // The bundle files the cases answered here have read (each worker thread keeps its own).
  const cache = new ReadCache();
  const pending = new Set<Promise<void>>();
  // Answers are written a few at a time: a write to a pipe is a system call and a wake-up of the
  // runner, and the answers of one chunk of commands come in a burst. What is held is written
  // once the burst is answered (before standard input is read again), or at the eighth answer,
  // so that the runner is never kept waiting for more than a few cases' work.
  let held = '';
  let heldCount = 0;
  const flush = (): void => {
    if (held === '') return;
    const text = held;
    held = '';
    heldCount = 0;
    io.out(text);
  };
  const answer = (message: unknown): void => {
    held += `${JSON.stringify(message)}\n`;
    heldCount += 1;
    if (heldCount >= ANSWERS_HELD) flush();
    else if (heldCount === 1) setImmediate(flush);
  };
  // Everything but a case's answer (the hello, a refusal of a line) is written at once, after
  // what is held, as the runner may be waiting for it alone.
  const say = (message: unknown): void => {
    answer(message);
    flush();
  };
  try {
    for await (const piece of protocolLines(io)) {
      if (piece.kind === 'overlong') {
        // Refused as it passed the limit, never held whole; the rest of it is skipped, and the
        // adapter goes on with the next line.
        say({ seq: 0, errored: true, context: { code: 'ERR_JSON_TOO_LARGE', message: `a line of more than ${piece.maxBytes} bytes is not an adapter command (writ-adapter/1 or /2); it was not read` } });
        continue;
      }
      const line = piece.text;
      if (line.trim() === '') continue;
      // The bytes as they came, when they came as bytes: a line that is not UTF-8 is not JSON (SPEC.md 3).
      // Read straight into a snapshot: the verifiers that read the case's input take it as it is.
      const parsed = readSnapshot(piece.source);
      const command = parsed.ok ? (parsed.value as unknown as AdapterCommand) : undefined;
      // The schema holds a case's input to being an object, and no further: it is checked as one
      // here, and the schema is given the command around it, so that the input (most of the line)
      // is not copied for the check; the verifiers read it once each, as they read every input.
      const valid = command !== undefined && registry.validate('conformance/adapter-command', envelopeOf(command), { allErrors: false }).ok;
      if (!valid) {
        // Not a command of the protocol: say so in the protocol's own terms, and go on.
        const seq = command !== undefined && typeof command.seq === 'number' ? command.seq : 0;
        say({ seq, errored: true, context: { message: 'not an adapter command (writ-adapter/1 or /2)', line: line.slice(0, 200) } });
        continue;
      }
      if (command.cmd === 'stop') break;
      if (command.cmd === 'start') {
        // The newest protocol the runner offers that writ speaks: a runner that offers none speaks /1.
        const v2 = command.protocols?.includes('writ-adapter/2') === true;
        await Promise.all(pending);
        await pool?.destroy();
        pool = v2 && jobs > 1 ? await startPool(jobs) : undefined;
        // Answered here: the schemas are compiled before the hello, as each worker's are.
        if (pool === undefined) compileReferenceSchemas();
        say(referenceHello(version, v2 ? 'writ-adapter/2' : 'writ-adapter/1', ADAPTER_WINDOW));
        continue;
      }
      const seq = command.seq as number;
      if (pool === undefined) {
        answer({ seq, ...referenceAnswer(command.case as never, { cache }) });
        continue;
      }
      const answered: Promise<void> = pool
        .run(command.case)
        .then(
          (result: CaseResult) => answer({ seq, ...result }),
          (e: unknown) => answer({ seq, errored: true, context: { message: `a worker thread failed: ${e instanceof Error ? e.message : String(e)}` } }),
        )
        .finally(() => pending.delete(answered));
      pending.add(answered);
    }
    await Promise.all(pending);
  } finally {
    flush();
    await pool?.destroy();
  }
  return 0;
}

/**
 * The worker threads of `writ adapter`, each with its schemas compiled: the file next to this
 * module's (the build's JavaScript, or the TypeScript source when run from it).
 */
async function startPool(jobs: number): Promise<Piscina> {
  const here = import.meta.url;
  const filename = new URL(`../conformance/adapter-worker${here.endsWith('.ts') ? '.ts' : '.js'}`, here).href;
  const pool = new Piscina({ filename, minThreads: jobs, maxThreads: jobs, idleTimeout: 60_000 });
  // Each worker compiles its schemas as it loads; a ping to each waits for all of them.
  await Promise.all(Array.from({ length: jobs }, () => pool.run(undefined)));
  return pool;
}

/** The lines of standard input, each bounded by the JSON reader's limit (SPEC.md 12.10). */
async function* protocolLines(io: CliIo): AsyncGenerator<{ readonly kind: 'line'; readonly text: string; readonly source: Uint8Array | string } | { readonly kind: 'overlong'; readonly maxBytes: number }> {
  if (io.input !== undefined) {
    const decoder = new TextDecoder();
    for await (const piece of splitLines(io.input())) yield piece.kind === 'line' ? { kind: 'line', text: decoder.decode(piece.bytes), source: piece.bytes } : piece;
    return;
  }
  for await (const text of io.lines?.() ?? []) yield encoder.encode(text).length > DEFAULT_MAX_BYTES ? { kind: 'overlong', maxBytes: DEFAULT_MAX_BYTES } : { kind: 'line', text, source: text };
}
