/**
 * The two sides of the adapter protocol the runner can talk to (SPEC.md 13.3): writ's own
 * implementation in-process, and any implementation as a long-lived child process speaking
 * newline-delimited JSON on its standard input and output. A child that crashes, hangs or
 * prints a line that is not in the protocol costs the case it was running, is restarted, and
 * the run goes on. Each such failure carries a code of the registry's RUNNER area, so that
 * reports and tests can tell a crash from a hang without reading the reason.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { ErrorCode } from '../generated/error-codes.js';
import type { AdapterHello, AdapterResult } from '../generated/types.js';
import type { Issue } from '../issues.js';
import { DEFAULT_MAX_BYTES } from '../encoding/json.js';
import { LineSplitter } from '../io/streams.js';
import { SchemaRegistry } from '../schema/registry.js';
import type { ConformanceCase } from './case.js';

/** The protocol every implementation speaks, and the one a runner that offers nothing else means. */
export const PROTOCOL = 'writ-adapter/1';

/** The protocols this runner speaks, oldest first: it offers them all in `start`. */
export const PROTOCOLS = ['writ-adapter/1', 'writ-adapter/2'] as const;

/** The most cases the runner keeps in flight, whatever window an implementation asks for. */
export const MAX_WINDOW = 256;

/** The window of a writ-adapter/2 implementation that names none. */
export const DEFAULT_WINDOW = 16;

/**
 * How many cases the runner may keep in flight with an implementation (SPEC.md 13.3): one with
 * writ-adapter/1; with writ-adapter/2, the window its hello asks for (16 when it names none), at
 * most 256.
 *
 * @param hello - the implementation's hello.
 * @returns the window, at least 1.
 * @example
 * ```ts
 * windowOf({ protocol: 'writ-adapter/2', window: 64, implementation, profiles }); // 64
 * ```
 */
export function windowOf(hello: AdapterHello): number {
  if (hello.protocol !== 'writ-adapter/2') return 1;
  return Math.max(1, Math.min(MAX_WINDOW, hello.window ?? DEFAULT_WINDOW));
}

/**
 * The codes of what went wrong with an implementation (SPEC.md 13.3): the RUNNER area of the
 * registry. Derived from the generated union, so that a code the registry lacks cannot be given.
 */
export type RunnerCode = Extract<ErrorCode, `ERR_RUNNER_${string}`>;

/** Why an implementation could not be started: the code, and the reason for people. */
export type StartFailure = { readonly ok: false; readonly code: RunnerCode; readonly reason: string };

/**
 * What came back for the cases in flight: the result of one of them (its `seq` says which), or
 * the implementation broken, after which it must be restarted and no case in flight has an answer.
 * A breakage that is a case's own doing (an answer given twice) names that case's `seq`.
 */
export type Answer =
  | { readonly kind: 'result'; readonly result: AdapterResult }
  | { readonly kind: 'broken'; readonly code: RunnerCode; readonly reason: string; readonly seq?: number };

/**
 * An implementation under test. The runner sends cases, at most {@link windowOf} of its hello
 * in flight, and takes their answers with `next`, in whatever order they come.
 */
export interface Adapter {
  /** Start it, or start it again after a crash: its hello, or why it could not start. */
  start(): Promise<{ ok: true; hello: AdapterHello } | StartFailure>;
  /** Send one case; its answer comes from `next`. */
  send(seq: number, c: ConformanceCase): void;
  /**
   * The next answer to a case in flight, waiting at most `timeoutMs` for it. A `broken` answer
   * means the implementation must be restarted.
   */
  next(timeoutMs: number): Promise<Answer>;
  /** Stop it. */
  stop(): Promise<void>;
}

/**
 * An implementation in this process: a function from a case to its result, answered in the order
 * the cases were sent. writ's reference, and the small implementations of the tests, are these.
 */
export class FunctionAdapter implements Adapter {
  private readonly queue: { readonly seq: number; readonly c: ConformanceCase }[] = [];

  /**
   * @param hello - what it says of itself.
   * @param answer - its answer to a case; it must not throw.
   */
  constructor(
    private readonly hello: AdapterHello,
    private readonly answer: (c: ConformanceCase) => Omit<AdapterResult, 'seq'>,
  ) {}

  /**
   * Start it: its hello.
   *
   * @returns the hello.
   * @example
   * ```ts
   * const started = await adapter.start();
   * ```
   */
  async start(): Promise<{ ok: true; hello: AdapterHello }> {
    this.queue.length = 0;
    return { ok: true, hello: this.hello };
  }

  /**
   * Send one case.
   *
   * @param seq - the case's sequence number, echoed by its answer.
   * @param c - the case.
   * @returns nothing: its answer comes from `next`.
   * @example
   * ```ts
   * adapter.send(0, { id: 'jcs/rfc8785/arrays', profile: 'jcs', input, context });
   * ```
   */
  send(seq: number, c: ConformanceCase): void {
    this.queue.push({ seq, c });
  }

  /**
   * The answer to the oldest case sent.
   *
   * @returns its result.
   * @example
   * ```ts
   * const answer = await adapter.next(5000);
   * ```
   */
  async next(): Promise<Answer> {
    const sent = this.queue.shift();
    if (sent === undefined) return { kind: 'broken', code: 'ERR_RUNNER_OUT_OF_STEP', reason: 'asked for an answer with no case in flight (a bug in the runner)' };
    return { kind: 'result', result: { seq: sent.seq, ...this.answer(sent.c) } as AdapterResult };
  }

  /**
   * Stop it.
   *
   * @returns at once.
   * @example
   * ```ts
   * await adapter.stop();
   * ```
   */
  async stop(): Promise<void> {
    this.queue.length = 0;
  }
}

/** Checks a protocol message against its schema, with `--validate-protocol`. */
export type ProtocolCheck = (schemaId: string, message: unknown) => Issue | undefined;

/**
 * A protocol check backed by the schema line's conformance schemas.
 *
 * @param registry - the schemas.
 * @returns the check.
 * @example
 * ```ts
 * const adapter = new ProcessAdapter('python3 harness.py', process.cwd(), schemaCheck(SchemaRegistry.open()));
 * ```
 */
export function schemaCheck(registry: SchemaRegistry): ProtocolCheck {
  return (id, message) => {
    const r = registry.validate(id, message, { allErrors: false });
    return r.ok ? undefined : r.issues[0];
  };
}


/** A line of the implementation's standard output, or one longer than a line may be. */
type Output = { readonly kind: 'line'; readonly text: string; readonly size: number } | { readonly kind: 'overlong'; readonly maxBytes: number };
type Line = Output | { readonly kind: 'timeout' } | { readonly kind: 'exit'; readonly detail: string };

/**
 * How much of an implementation's output is held before reading it is paused until the runner
 * catches up: an implementation that floods its standard output (`yes`) is not read into memory.
 */
const QUEUED_LINES = 1024;

/** Any implementation, run as `command` through the shell. */
export class ProcessAdapter implements Adapter {
  private child: ChildProcessWithoutNullStreams | undefined;
  private split = new LineSplitter(DEFAULT_MAX_BYTES);
  private readonly lines: Output[] = [];
  private queuedBytes = 0;
  private wake: (() => void) | undefined;
  private exit: string | undefined;
  private stderr = '';
  // The sequence numbers of the cases sent and not yet answered, and of those answered.
  private readonly inFlight = new Set<number>();
  private readonly answered = new Set<number>();
  // Answers are always checked against their schemas: a report line is written from each, and
  // must follow its own schema (SPEC.md 13.4). With --validate-protocol, commands are checked too.
  private readonly answers: ProtocolCheck;

  /**
   * @param command - the command line that starts the implementation.
   * @param cwd - the folder to run it in.
   * @param check - the protocol's schemas, with `--validate-protocol`: the answers are checked
   *   against them and so are the runner's own commands. Without it, the answers are checked
   *   against the package's schemas all the same.
   * @param startTimeoutMs - how long it may take to answer start.
   * @param maxLineBytes - the longest line it may print (default the JSON reader's limit, 16 MiB):
   *   a longer one is garbage, found as it passes the limit and never held whole.
   */
  constructor(
    private readonly command: string,
    private readonly cwd: string,
    private readonly check: ProtocolCheck | undefined,
    private readonly startTimeoutMs = 30_000,
    private readonly maxLineBytes = DEFAULT_MAX_BYTES,
  ) {
    this.answers = check ?? defaultCheck();
  }

  /**
   * Start the implementation, or start it again after a crash.
   *
   * @returns its hello, or how it failed to start (`ERR_RUNNER_CANNOT_START`, `ERR_RUNNER_TIMEOUT`,
   *   `ERR_RUNNER_GARBAGE`, `ERR_RUNNER_PROTOCOL`).
   * @example
   * ```ts
   * const started = await adapter.start();
   * if (started.ok) console.log(started.hello.implementation.name);
   * ```
   */
  async start(): Promise<{ ok: true; hello: AdapterHello } | StartFailure> {
    this.kill();
    this.child = undefined;
    this.wake = undefined;
    this.split = new LineSplitter(this.maxLineBytes);
    this.lines.length = 0;
    this.queuedBytes = 0;
    this.exit = undefined;
    this.stderr = '';
    this.inFlight.clear();
    this.answered.clear();
    let child: ChildProcessWithoutNullStreams;
    try {
      child = spawn(this.command, { shell: true, cwd: this.cwd, stdio: ['pipe', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
    } catch (e) {
      // Refused before any process exists (an empty command, say).
      return { ok: false, code: 'ERR_RUNNER_CANNOT_START', reason: `the command could not be run: ${(e as Error).message}` };
    }
    this.child = child;
    // Events of a child that was replaced (killed after a hang, say) are not about this one.
    const current = (): boolean => this.child === child;
    // Bytes, split into lines of at most maxLineBytes: a longer line is reported as it passes the
    // limit, and the rest of it skipped, however long it goes on.
    const decoder = new TextDecoder();
    child.stdout.on('data', (chunk: Buffer) => {
      if (!current()) return;
      for (const piece of this.split.push(chunk)) {
        if (piece.kind === 'overlong') this.lines.push(piece);
        else {
          const text = decoder.decode(piece.bytes);
          if (text.trim() === '') continue;
          this.lines.push({ kind: 'line', text, size: piece.bytes.length });
          this.queuedBytes += piece.bytes.length;
        }
      }
      if (this.lines.length > QUEUED_LINES || this.queuedBytes > this.maxLineBytes) child.stdout.pause();
      this.wake?.();
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (current()) this.stderr = (this.stderr + chunk).slice(-2000);
    });
    child.stdin.on('error', () => {});
    child.on('error', (e) => {
      if (!current()) return;
      this.exit = `could not be started: ${e.message}`;
      this.wake?.();
    });
    child.on('exit', (code, signal) => {
      if (!current()) return;
      this.exit = signal !== null ? `was killed by ${signal}` : `exited with status ${code}`;
      this.wake?.();
    });
    this.write({ cmd: 'start', protocol: PROTOCOL, protocols: [...PROTOCOLS] });
    const line = await this.read(this.startTimeoutMs);
    if (line.kind === 'overlong') return { ok: false, code: 'ERR_RUNNER_GARBAGE', reason: `the implementation answered start with a line longer than ${line.maxBytes} bytes` };
    if (line.kind === 'timeout') return { ok: false, code: 'ERR_RUNNER_TIMEOUT', reason: `the implementation did not answer start: it was silent for ${this.startTimeoutMs} ms${this.stderrTail()}` };
    // Exiting before any hello is not a crash of a running implementation: it never ran.
    if (line.kind === 'exit') return { ok: false, code: 'ERR_RUNNER_CANNOT_START', reason: `the implementation did not answer start: it ${line.detail}${this.stderrTail()}` };
    const hello = parseLine(line.text);
    if (hello === undefined) return { ok: false, code: 'ERR_RUNNER_GARBAGE', reason: `the implementation answered start with a line that is not JSON: ${JSON.stringify(line.text.slice(0, 200))}` };
    if (!isObject(hello.value)) return { ok: false, code: 'ERR_RUNNER_PROTOCOL', reason: `the implementation's answer to start is not an adapter hello: it is JSON, but not an object: ${JSON.stringify(line.text.slice(0, 200))}` };
    const issue = this.answers('conformance/adapter-hello', hello.value);
    if (issue !== undefined) return { ok: false, code: 'ERR_RUNNER_PROTOCOL', reason: `the implementation's answer to start is not an adapter hello: ${issue.code} at ${issue.path || '(root)'}: ${issue.message}` };
    return { ok: true, hello: hello.value as unknown as AdapterHello };
  }

  /**
   * Send one case.
   *
   * @param seq - the case's sequence number, echoed by its answer.
   * @param c - the case (a vector without its expectation).
   * @returns nothing: its answer comes from `next`.
   * @example
   * ```ts
   * adapter.send(1, { id: 'jcs/rfc8785/arrays', profile: 'jcs', input, context });
   * ```
   */
  send(seq: number, c: ConformanceCase): void {
    this.inFlight.add(seq);
    this.write({ cmd: 'run', seq, case: c });
  }

  /**
   * The next answer to a case in flight. The implementation hangs when it says nothing for
   * `timeoutMs` while cases are in flight: each case's limit counts from when it was sent or
   * from the implementation's latest answer, whichever is later.
   *
   * @param timeoutMs - how long to wait for it.
   * @returns the result of one case in flight, or a `broken` answer with its code, after which
   *   the implementation is restarted.
   * @example
   * ```ts
   * const answer = await adapter.next(5000);
   * ```
   */
  async next(timeoutMs: number): Promise<Answer> {
    // Never started, or gone since its last answer without being asked to stop: a crash too.
    if (this.child === undefined || (this.exit !== undefined && this.lines.length === 0)) return { kind: 'broken', code: 'ERR_RUNNER_CRASHED', reason: `the implementation is not running: it ${this.exit ?? 'was never started'}${this.stderrTail()}` };
    const line = await this.read(timeoutMs);
    if (line.kind === 'overlong') return { kind: 'broken', code: 'ERR_RUNNER_GARBAGE', reason: `the implementation answered with a line longer than ${line.maxBytes} bytes, which is not read` };
    if (line.kind === 'timeout') return { kind: 'broken', code: 'ERR_RUNNER_TIMEOUT', reason: `no answer within ${timeoutMs} ms: the implementation hangs` };
    if (line.kind === 'exit') return { kind: 'broken', code: 'ERR_RUNNER_CRASHED', reason: `the implementation ${line.detail} while running the case${this.stderrTail()}` };
    const parsed = parseLine(line.text);
    if (parsed === undefined) return { kind: 'broken', code: 'ERR_RUNNER_GARBAGE', reason: `the implementation answered with a line that is not JSON: ${JSON.stringify(line.text.slice(0, 200))}` };
    if (!isObject(parsed.value)) return { kind: 'broken', code: 'ERR_RUNNER_PROTOCOL', reason: `the implementation's answer is not an adapter result: it is JSON, but not an object: ${JSON.stringify(line.text.slice(0, 200))}` };
    const result = parsed.value;
    const seq = result['seq'];
    if (typeof seq === 'number' && this.answered.has(seq)) {
      return { kind: 'broken', code: 'ERR_RUNNER_OUT_OF_STEP', reason: `case ${seq} was answered twice: the implementation is out of step`, seq };
    }
    if (typeof seq !== 'number' || !this.inFlight.has(seq)) {
      const sent = [...this.inFlight].slice(0, 3).join(', ');
      return { kind: 'broken', code: 'ERR_RUNNER_OUT_OF_STEP', reason: `the answer is for case ${JSON.stringify(seq)}, which is not in flight (${this.inFlight.size === 1 ? `case ${sent} is` : `cases ${sent}${this.inFlight.size > 3 ? ', ...' : ''} are`}): the implementation is out of step` };
    }
    const issue = this.answers('conformance/adapter-result', result);
    if (issue !== undefined) return { kind: 'broken', code: 'ERR_RUNNER_PROTOCOL', reason: `the implementation's answer is not an adapter result: ${issue.code} at ${issue.path || '(root)'}: ${issue.message}` };
    this.inFlight.delete(seq);
    this.answered.add(seq);
    return { kind: 'result', result: result as unknown as AdapterResult };
  }

  /**
   * Stop the implementation: `stop` is sent and its standard input closed.
   *
   * @returns when it has stopped.
   * @example
   * ```ts
   * await adapter.stop();
   * ```
   */
  async stop(): Promise<void> {
    if (this.child === undefined || this.exit !== undefined) return;
    this.write({ cmd: 'stop' });
    // End of input after stop: an implementation that reads lines until its input ends (a Node
    // readline loop keeps the process alive while standard input is open) exits at once, rather
    // than being killed after the grace period.
    try {
      this.child.stdin.end();
    } catch {
      // The child is gone already; the wait below sees it.
    }
    const deadline = Date.now() + 2000;
    while (this.exit === undefined && Date.now() < deadline) await this.read(deadline - Date.now());
    if (this.exit === undefined) this.kill();
  }

  private write(message: unknown): void {
    const issue = this.check?.('conformance/adapter-command', message);
    if (issue !== undefined) throw new Error(`writ sent a command that is not in the protocol (a bug in writ): ${issue.code} at ${issue.path}: ${issue.message}`);
    try {
      this.child?.stdin.write(`${JSON.stringify(message)}\n`);
    } catch {
      // The child is gone; the next read reports how.
    }
  }

  private read(timeoutMs: number): Promise<Line> {
    return new Promise((resolve) => {
      const settle = (): boolean => {
        const output = this.lines.shift();
        if (output !== undefined) {
          if (output.kind === 'line') this.queuedBytes -= output.size;
          // Caught up: read on.
          if (this.lines.length <= QUEUED_LINES && this.queuedBytes <= this.maxLineBytes) this.child?.stdout.resume();
          resolve(output);
        } else if (this.exit !== undefined) resolve({ kind: 'exit', detail: this.exit });
        else return false;
        return true;
      };
      if (settle()) return;
      const timer = setTimeout(() => {
        this.wake = undefined;
        resolve({ kind: 'timeout' });
      }, timeoutMs);
      this.wake = () => {
        if (settle()) {
          clearTimeout(timer);
          this.wake = undefined;
        }
      };
    });
  }

  private kill(): void {
    const child = this.child;
    if (child === undefined || this.exit !== undefined || child.pid === undefined) return;
    try {
      // The command runs through a shell: kill its whole process group.
      if (process.platform === 'win32') child.kill('SIGKILL');
      else process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }

  private stderrTail(): string {
    const tail = this.stderr.trim().split('\n').slice(-5).join('\n');
    return tail === '' ? '' : `; its last standard error lines: ${tail}`;
  }
}

/** The JSON value of a line, or undefined when it is not JSON (garbage, not a wrong message). */
function parseLine(text: string): { readonly value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** The protocol's schemas, compiled once, for the answers of implementations run without --validate-protocol. */
let defaults: ProtocolCheck | undefined;
function defaultCheck(): ProtocolCheck {
  defaults ??= schemaCheck(SchemaRegistry.open());
  return defaults;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

