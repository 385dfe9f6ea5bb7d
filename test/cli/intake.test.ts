/**
 * The command line reads only what it can bound (issue 10, attack 14; SPEC.md 12.10): a FIFO or a
 * device named as an input, as `--did` or as `--ledger` is refused without waiting or reading;
 * standard input stops being read just past the limit; a name looked up in a table never finds
 * what an object inherits; an empty value is a usage error; `writ adapter` refuses an over-long
 * line as it passes the limit and goes on; the runner takes an implementation's over-long line as
 * garbage. Codes and exit status are asserted, never messages. Every test has a time limit, and
 * the FIFOs have a writer (test/io/fifo.ts), so that a reader that blocks fails instead of hanging.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as tick } from 'node:timers/promises';
import t from 'tap';
import { ProcessAdapter } from '../../src/conformance/adapters.js';
import { readInput, type CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { DEFAULT_MAX_BYTES } from '../../src/encoding/json.js';
import { ROOT } from '../helpers.js';
import { fifo, noFifo } from '../io/fifo.js';

const T = { timeout: 60_000 };
const DID = 'examples/v1.0.0/identity/did-document/valid/did-document.shopping-agent-did-key.json';
const TOKEN = 'examples/v1.0.0/capability/token/valid/token.root-commander.incident-network.json';
const noZero = existsSync('/dev/zero') ? false : 'no /dev/zero';

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

async function run(argv: readonly string[], extra: Partial<Pick<CliIo, 'input' | 'lines' | 'cwd'>> & { stdin?: () => Promise<Uint8Array> } = {}): Promise<Run> {
  let out = '';
  let err = '';
  const { stdin, ...streams } = extra;
  // Standard output takes text only, as process.stdout does: `writ help __proto__` once wrote
  // Object.prototype, and the real stream threw (exit 70).
  const text = (s: unknown): string => {
    if (typeof s !== 'string') throw new TypeError(`wrote ${typeof s}, not text`);
    return s;
  };
  const code = await main(argv, { out: (s) => void (out += text(s)), err: (s) => void (err += text(s)), cwd: ROOT, clock: () => 1776272790, ...streams }, stdin);
  return { code, out, err };
}

/** The code of a --json run's refusal: the usage error's, or the first file's first issue's. */
function codeOf(r: Run): unknown {
  const j = JSON.parse(r.out) as { error?: { code: string }; files?: { code?: string; issues?: { code: string }[] }[] };
  return j.error?.code ?? j.files?.[0]?.code ?? j.files?.[0]?.issues?.[0]?.code;
}

t.test('a FIFO named x.json is refused as not a regular file, wherever a file is named', { ...T, skip: noFifo }, async (t) => {
  const x = fifo(t);
  const validate = await run(['validate', '--json', x]);
  t.equal(validate.code, 1, 'validate');
  t.equal(codeOf(validate), 'ERR_IO_READ', 'validate');
  const verify = await run(['verify', '--json', x]);
  t.equal(verify.code, 1, 'verify');
  t.equal(codeOf(verify), 'ERR_IO_READ', 'verify');
  const did = await run(['verify', '--json', '--did', x, TOKEN]);
  t.equal(did.code, 2, 'verify --did');
  t.equal(codeOf(did), 'ERR_IO_READ', 'verify --did');
  const ledger = await run(['integrity', '--json', '--ledger', x]);
  t.equal(ledger.code, 2, 'integrity --ledger');
  t.equal(codeOf(ledger), 'ERR_IO_READ', 'integrity --ledger');
});

t.test('a FIFO named as the file to write is refused (ERR_IO_WRITE, exit 2), not replaced by a file', { ...T, skip: noFifo }, async (t) => {
  const x = fifo(t, 'out.json');
  const bundle = await run(['schemas', 'bundle', 'capability/token', '--out', x, '--json']);
  t.equal(bundle.code, 2);
  t.equal(codeOf(bundle), 'ERR_IO_WRITE');
  const report = await run(['conformance', '--case', 'jcs/rfc8785/arrays', '--tap', x]);
  t.equal(report.code, 2);
  t.match(report.err, '\nERR_IO_WRITE: ');
});

t.test('a FIFO named *.json inside a folder given to validate is reported, not opened', { ...T, skip: noFifo }, async (t) => {
  const x = fifo(t);
  const r = await run(['validate', '--json', join(x, '..')]);
  t.equal(r.code, 1);
  t.match(JSON.parse(r.out), { ok: false, files: [{ ok: false, issues: [{ code: 'ERR_IO_READ' }] }] });
});

t.test('--did and --ledger that do not exist are ERR_IO_NOT_FOUND, exit 2', T, async (t) => {
  const did = await run(['verify', '--json', '--did', 'no-such-did.json', TOKEN]);
  t.equal(did.code, 2);
  t.equal(codeOf(did), 'ERR_IO_NOT_FOUND');
  const ledger = await run(['integrity', '--json', '--ledger', 'no-such-checksums.txt']);
  t.equal(ledger.code, 2);
  t.equal(codeOf(ledger), 'ERR_IO_NOT_FOUND');
  t.equal((await run(['verify', '--did', DID, TOKEN])).code, 0, 'a DID document that is a file is read');
});

t.test('standard input that never ends stops being read just past the limit: ERR_JSON_TOO_LARGE', T, async (t) => {
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  let pulled = 0;
  const endless = (async function* () {
    // Gives up at 8 times the limit, so that a reader that waits for the end fails, not hangs.
    while (pulled < 8 * DEFAULT_MAX_BYTES) {
      pulled += chunk.length;
      if (pulled % (16 * chunk.length) === 0) await tick();
      yield chunk;
    }
  })();
  const r = await run(['validate', '--json', '-'], { stdin: () => readInput(endless) });
  t.equal(r.code, 1);
  t.equal(codeOf(r), 'ERR_JSON_TOO_LARGE');
  t.ok(pulled > DEFAULT_MAX_BYTES && pulled <= DEFAULT_MAX_BYTES + chunk.length, `pulled ${pulled} bytes for a limit of ${DEFAULT_MAX_BYTES}`);
  t.same(await endless.next(), { done: true, value: undefined }, 'standard input was closed');
  const fits = await run(['validate', '--json', '-'], { stdin: () => readInput((async function* () { yield '{"hello":'; yield '"world"}'; })()) });
  t.equal(codeOf(fits), 'ERR_SCHEMA_UNDETECTED', 'what fits is read whole');
});

const INHERITED = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];

t.test('names a table holds are looked up as its own: help, commands, options', T, async (t) => {
  for (const name of INHERITED) {
    const help = await run(['help', name, '--json']);
    t.equal(help.code, 2, `help ${name}`);
    t.equal(codeOf(help), 'ERR_USAGE_UNKNOWN_COMMAND', `help ${name}`);
    const plain = await run(['help', name]);
    t.equal(plain.code, 2, `help ${name}, for people`);
    t.match(plain.err, 'ERR_USAGE_UNKNOWN_COMMAND');
    const command = await run([name, '--json']);
    t.equal(command.code, 2, name);
    t.equal(codeOf(command), 'ERR_USAGE_UNKNOWN_COMMAND', name);
    for (const cmd of ['validate', 'verify', 'conformance', 'adapter', 'integrity', 'examples', 'schemas']) {
      const option = await run([cmd, `--${name}`, 'x', '--json']);
      t.equal(option.code, 2, `${cmd} --${name}`);
      t.equal(codeOf(option), 'ERR_USAGE_UNKNOWN_OPTION', `${cmd} --${name}`);
    }
    const values: [string[], string][] = [
      [['conformance', '--format', name], 'ERR_USAGE_INVALID_ARGUMENT'],
      [['conformance', '--profile', name], 'ERR_USAGE_INVALID_ARGUMENT'],
      [['verify', '--type', name, TOKEN], 'ERR_USAGE_INVALID_ARGUMENT'],
      [['validate', '--schema', name, TOKEN], 'ERR_SCHEMA_UNKNOWN'],
      [['schemas', 'bundle', name], 'ERR_SCHEMA_UNKNOWN'],
      [['schemas', name], 'ERR_USAGE_UNKNOWN_COMMAND'],
    ];
    for (const [argv, code] of values) {
      // Without --json, which would overrule --format.
      const r = await run(argv);
      t.equal(r.code, 2, argv.join(' '));
      t.match(r.err, `\n${code}: `, argv.join(' '));
    }
  }
  t.equal((await run(['help', 'verify'])).code, 0, 'a command of the table still has its help');
});

t.test('an empty value or argument is a usage error, never the working folder or no command', T, async (t) => {
  // An empty working folder: a reader that took '' for it has little to read, and fails fast.
  const cwd = mkdtempSync(join(tmpdir(), 'writ-empty-'));
  t.teardown(() => rmSync(cwd, { recursive: true, force: true }));
  const token = join(ROOT, TOKEN);
  const cases: string[][] = [
    ['conformance', '--impl', ''],
    ['conformance', '--impl='],
    ['conformance', '--impl', '   '],
    ['conformance', '--vectors', ''],
    ['conformance', '--tap', ''],
    ['verify', '--did', '', token],
    ['verify', ''],
    ['validate', ''],
    ['integrity', ''],
    ['integrity', '--ledger', ''],
    ['examples', ''],
    ['schemas', 'bundle', ''],
  ];
  for (const argv of cases) {
    const r = await run([...argv, '--json'], { cwd });
    t.equal(r.code, 2, JSON.stringify(argv));
    t.equal(codeOf(r), 'ERR_USAGE_INVALID_ARGUMENT', JSON.stringify(argv));
    const plain = await run(argv, { cwd });
    t.equal(plain.code, 2, `${JSON.stringify(argv)}, for people`);
    t.match(plain.err, /ERR_USAGE_INVALID_ARGUMENT: run `writ help \w+` for usage/);
  }
});

t.test('the runner: a command that cannot be spawned is ERR_RUNNER_CANNOT_START, not a crash', T, async (t) => {
  const started = await new ProcessAdapter('', ROOT, undefined, 5_000).start();
  t.match(started, { ok: false, code: 'ERR_RUNNER_CANNOT_START' });
});

const START = JSON.stringify({ cmd: 'start', protocol: 'writ-adapter/1' });
const RUN = JSON.stringify({ cmd: 'run', seq: 4, case: { id: 'hash/x', profile: 'hash', input: { text: '{ }' }, context: { now: 0 } } });
const STOP = JSON.stringify({ cmd: 'stop' });

t.test('writ adapter refuses a line longer than the limit as it passes it, and goes on', T, async (t) => {
  let out = '';
  let pulled = 0;
  let pulledAtAnswer = -1;
  const chunk = 'x'.repeat(64 * 1024);
  const input = async function* () {
    yield `${START}\n`;
    // A line with no end: until writ answers it, or 8 times the limit (a reader that waits for
    // the newline fails, rather than hangs).
    while (!out.includes('ERR_JSON_TOO_LARGE') && pulled < 8 * DEFAULT_MAX_BYTES) {
      pulled += chunk.length;
      if (pulled % (16 * chunk.length) === 0) await tick();
      yield chunk;
    }
    pulledAtAnswer = pulled;
    yield `${chunk}\n${RUN}\r\n${STOP}\n${RUN}\n`;
  };
  const code = await main(['adapter'], { out: (s) => void (out += s), err: () => {}, cwd: ROOT, input });
  t.equal(code, 0);
  const answers = out.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  t.equal(answers.length, 3, 'hello, the refusal, the run; nothing after stop');
  t.match(answers[0], { protocol: 'writ-adapter/1' });
  t.match(answers[1], { errored: true, context: { code: 'ERR_JSON_TOO_LARGE' } });
  t.match(answers[2], { seq: 4, verdict: 'accept' });
  t.ok(pulledAtAnswer > DEFAULT_MAX_BYTES && pulledAtAnswer <= DEFAULT_MAX_BYTES + 2 * chunk.length, `answered after ${pulledAtAnswer} bytes of the line, for a limit of ${DEFAULT_MAX_BYTES}`);
});

t.test('writ adapter: a line that is not UTF-8 is not a command; a line given whole but too long is refused', T, async (t) => {
  let out = '';
  const input = async function* () {
    yield new Uint8Array([...new TextEncoder().encode('{"cmd":"st'), 0xff, ...new TextEncoder().encode('op"}\n')]);
    yield `${STOP}\n`;
  };
  t.equal(await main(['adapter'], { out: (s) => void (out += s), err: () => {}, cwd: ROOT, input }), 0);
  t.match(JSON.parse(out), { seq: 0, errored: true });
  let whole = '';
  const lines = async function* () {
    yield 'y'.repeat(DEFAULT_MAX_BYTES + 1);
    yield STOP;
  };
  t.equal(await main(['adapter'], { out: (s) => void (whole += s), err: () => {}, cwd: ROOT, lines }), 0);
  t.match(JSON.parse(whole), { errored: true, context: { code: 'ERR_JSON_TOO_LARGE' } });
});

t.test('the runner takes an over-long line as garbage, found as it passes the limit, before its case times out', T, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'writ-long-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const hello = JSON.stringify({ protocol: 'writ-adapter/1', implementation: { name: 'long', version: '1', language: 'js' }, profiles: ['hash'] });
  // Answers start with a hello (or, in `hello` mode, a hello padded past the limit), then every
  // run with a line that never ends.
  const script = `
    const mode = process.argv[2];
    const hello = ${JSON.stringify(hello)};
    const rl = require('node:readline').createInterface({ input: process.stdin });
    const flood = () => { if (process.stdout.write('x'.repeat(65536))) setImmediate(flood); else process.stdout.once('drain', flood); };
    rl.on('line', (l) => {
      const m = JSON.parse(l);
      if (m.cmd === 'start') { if (mode === 'hello') flood(); else process.stdout.write(hello + '\\n'); }
      else if (m.cmd === 'run') flood();
      else process.exit(0);
    });`;
  writeFileSync(join(dir, 'long.cjs'), script);
  const command = (mode: string) => `'${process.execPath}' long.cjs ${mode}`;
  const adapter = new ProcessAdapter(command('run'), dir, undefined, 20_000, 1024 * 1024);
  const started = await adapter.start();
  t.match(started, { ok: true });
  const before = Date.now();
  adapter.send(1, { id: 'hash/x', profile: 'hash', input: { text: '{}' }, context: { now: 0 } } as never);
  const answer = await adapter.next(30_000);
  t.match(answer, { kind: 'broken', code: 'ERR_RUNNER_GARBAGE' });
  t.ok(Date.now() - before < 25_000, 'found before the time limit');
  await adapter.stop();
  const long = new ProcessAdapter(command('hello'), dir, undefined, 20_000, 1024 * 1024);
  t.match(await long.start(), { ok: false, code: 'ERR_RUNNER_GARBAGE' });
  await long.stop();
});

// The executable itself, from its source (the loader the tests run under, without tap's own
// hooks), with a time limit: a reader that does not stop is killed and fails, never hangs.
const loader = process.execArgv.filter((a) => a.includes('typescript') || a === '--enable-source-maps');
const childEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TAP')));
const BIN = [...loader, join(ROOT, 'src/cli/bin.ts')];

/**
 * Run argument lists in a child process with a time limit (./main-child.ts): a reader that blocks
 * is killed, and fails. SIGKILL: a process stuck in a synchronous read never runs a SIGTERM handler.
 */
function inChild(runs: readonly (readonly string[])[]): Run[] {
  const r = spawnSync(process.execPath, [...loader, join(ROOT, 'test/cli/main-child.ts'), JSON.stringify(runs)], { cwd: ROOT, env: childEnv, encoding: 'utf8', timeout: 40_000, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`the child did not finish (status ${r.status}, signal ${r.signal}): ${r.stderr}`);
  return JSON.parse(r.stdout) as Run[];
}

t.test('/dev/zero is refused as not a regular file, without being read, wherever a file is named', { ...T, skip: noZero }, async (t) => {
  const runs = [
    ['validate', '--json', '/dev/zero'],
    ['validate', '--json', '--schema', 'capability/token', '/dev/zero'],
    ['verify', '--json', '/dev/zero'],
    ['verify', '--json', '--did', '/dev/zero', TOKEN],
    ['integrity', '--json', '--ledger', '/dev/zero'],
  ];
  const results = inChild(runs);
  const want = [1, 1, 1, 2, 2];
  runs.forEach((argv, i) => {
    const r = results[i] as Run;
    t.equal(r.code, want[i], argv.join(' '));
    t.equal(codeOf(r), 'ERR_IO_READ', argv.join(' '));
  });
});

t.test('the executable: /dev/zero is refused, exit 1 with ERR_IO_READ, well within the time limit', { ...T, skip: noZero }, async (t) => {
  const r = spawnSync(process.execPath, [...BIN, 'validate', '--json', '/dev/zero'], { cwd: ROOT, env: childEnv, encoding: 'utf8', timeout: 30_000, killSignal: 'SIGKILL', maxBuffer: 1024 * 1024 });
  t.equal(r.status, 1, `${r.signal ?? ''} ${r.stderr}`);
  t.equal(codeOf({ code: r.status ?? -1, out: r.stdout, err: r.stderr }), 'ERR_IO_READ');
});

/** Run the executable, writing `chunk` to its standard input until it exits; how many bytes it took. */
function feed(args: readonly string[], first: string, chunk: Uint8Array): Promise<{ status: number | null; out: string; written: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...BIN, ...args], { cwd: ROOT, env: childEnv, stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    let written = 0;
    let done = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), 40_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (s: string) => void (out += s));
    child.stdin.on('error', () => {});
    const pump = (): void => {
      // Give up at 8 times the limit: a reader that never stops fails, not hangs.
      while (!done && written < 8 * DEFAULT_MAX_BYTES) {
        written += chunk.length;
        if (!child.stdin.write(chunk)) return void child.stdin.once('drain', pump);
      }
      if (!done) child.stdin.end();
    };
    child.stdin.write(first);
    pump();
    child.on('exit', (status) => {
      done = true;
      clearTimeout(timer);
      resolve({ status, out, written });
    });
  });
}

t.test('the executable: endless standard input is refused with ERR_JSON_TOO_LARGE, and reading stops', T, async (t) => {
  const r = await feed(['validate', '--json', '-'], '', new Uint8Array(64 * 1024).fill(0x20));
  t.equal(r.status, 1);
  t.equal(codeOf({ code: r.status ?? -1, out: r.out, err: '' }), 'ERR_JSON_TOO_LARGE');
  t.ok(r.written < 2 * DEFAULT_MAX_BYTES, `${r.written} bytes written before it exited`);
});

t.test('the executable: writ adapter answers an endless line with ERR_JSON_TOO_LARGE and stops at the end of its input', T, async (t) => {
  const r = await feed(['adapter'], `${START}\n`, new TextEncoder().encode('x'.repeat(64 * 1024)));
  t.equal(r.status, 0);
  const answers = r.out.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  t.match(answers, [{ protocol: 'writ-adapter/1' }, { errored: true, context: { code: 'ERR_JSON_TOO_LARGE' } }]);
  t.equal(answers.length, 2, 'one refusal for the one line');
});
