/**
 * The generators' --check: passes on this repository, and fails (exit 1, naming the file) when
 * a generated file has drifted from its source; an input they cannot read ends them with one
 * line naming it and what to do (exit 2), never a stack trace; they run writ's sources, so they
 * need no build. Run on a scratch copy, never on the repository.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { ROOT } from '../helpers.js';

/**
 * A scratch copy of what the generators read and write (the vendored vectors included: the
 * fixture generator builds the x402 fixtures from them), sharing node_modules. `outside` puts it
 * in the system's temporary folder, where no node_modules above it can stand in for its own.
 */
function workspace(t: Test, outside = false): string {
  const dir = outside ? mkdtempSync(join(tmpdir(), 'writ-generators-')) : t.testdir();
  if (outside) t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  for (const p of ['package.json', 'manifest.json', 'checksums.txt', 'LICENSE', 'README.md', 'SPEC.md', 'POLICY.md', 'index.js', 'index.d.ts', 'schemas', 'examples', 'scripts', 'src', 'dist', 'test/vectors']) {
    cpSync(join(ROOT, p), join(dir, p), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

const run = (dir: string, script: string, ...args: string[]) => spawnSync(process.execPath, [join('scripts', script), ...args], { cwd: dir, encoding: 'utf8' });

t.test('both generators are up to date on this repository', async (t) => {
  for (const script of ['generate-types.js', 'generate-checksums.js']) {
    const r = spawnSync(process.execPath, [join('scripts', script), '--check'], { cwd: ROOT, encoding: 'utf8' });
    t.equal(r.status, 0, `${script} --check: ${r.stderr}`);
  }
});

t.test('generate:types --check fails when a schema changes and the types do not', async (t) => {
  const dir = workspace(t);
  const file = join(dir, 'schemas/v1.0.0/commercial/checkout/checkout.request.schema.json');
  const before = readFileSync(file, 'utf8');
  const after = before.replace('"description": "The seller."', '"description": "The vendor."');
  t.not(after, before);
  writeFileSync(file, after);
  const r = run(dir, 'generate-types.js', '--check');
  t.equal(r.status, 1);
  t.match(r.stderr, 'src/generated/types.ts');
  t.equal(run(dir, 'generate-types.js').status, 0, 'regenerating fixes it');
  t.equal(run(dir, 'generate-types.js', '--check').status, 0);
});

t.test('generate:types --check fails when an error code is added to the registry only', async (t) => {
  const dir = workspace(t);
  const file = join(dir, 'schemas/v1.0.0/error-codes.json');
  const registry = JSON.parse(readFileSync(file, 'utf8'));
  registry.codes.push({ code: 'ERR_IO_TEST_ONLY', area: 'IO', description: 'added by a test' });
  writeFileSync(file, JSON.stringify(registry, null, 2));
  const r = run(dir, 'generate-types.js', '--check');
  t.equal(r.status, 1);
  t.match(r.stderr, 'src/generated/error-codes.ts');
});

t.test('generate:checksums --check fails when a shipped file changes', async (t) => {
  const dir = workspace(t);
  writeFileSync(join(dir, 'SPEC.md'), 'edited\n');
  const r = run(dir, 'generate-checksums.js', '--check');
  t.equal(r.status, 1);
  t.match(r.stderr, 'checksums.txt');
  t.equal(run(dir, 'generate-checksums.js').status, 0);
  t.equal(run(dir, 'generate-checksums.js', '--check').status, 0);
});

t.test('generators refuse unknown arguments with exit 2', async (t) => {
  t.equal(spawnSync(process.execPath, ['scripts/generate-types.js', '--chek'], { cwd: ROOT }).status, 2);
});

/** One line on standard error, no stack trace: what a user of the CLI would get. */
function oneLine(t: Test, r: ReturnType<typeof run>, script: string, names: string | RegExp, fix: string) {
  t.equal(r.status, 2, r.stderr);
  const lines = r.stderr.trimEnd().split('\n');
  t.equal(lines.length, 1, r.stderr);
  t.ok(lines[0]?.startsWith(`${script}: `), lines[0] ?? '');
  t.match(lines[0], names);
  t.match(lines[0], fix);
  t.notMatch(r.stderr, /\n\s+at /, 'no stack trace');
}

t.test('a generator whose input is missing says which file, and how to restore it', async (t) => {
  const dir = workspace(t);
  rmSync(join(dir, 'test/vectors/jcs/input'), { recursive: true });
  oneLine(t, run(dir, 'generate-conformance.js', '--check'), 'generate:conformance', 'test/vectors/jcs/input does not exist (ENOENT)', 'git checkout -- test/vectors/jcs/input');
  rmSync(join(dir, 'schemas/v1.0.0/index.json'));
  oneLine(t, run(dir, 'generate-types.js', '--check'), 'generate:types', 'schemas/v1.0.0/index.json does not exist (ENOENT)', 'git checkout -- schemas/v1.0.0/index.json');
});

t.test('a generator needs no build: it runs writ\'s sources, through tsx', async (t) => {
  const dir = workspace(t);
  rmSync(join(dir, 'dist'), { recursive: true });
  for (const script of ['generate-types.js', 'generate-examples.js']) {
    const r = run(dir, script, '--check');
    t.equal(r.status, 0, `${script} --check without dist/: ${r.stderr}`);
    t.match(r.stdout, /up to date/);
  }
});

t.test('a generator without its packages says to install them', async (t) => {
  const dir = workspace(t, true);
  rmSync(join(dir, 'node_modules'));
  oneLine(t, run(dir, 'generate-types.js', '--check'), 'generate:types', 'the package tsx is not installed', 'npm ci');
});
