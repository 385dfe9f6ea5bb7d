/**
 * The generators' --check: passes on this repository, and fails (exit 1, naming the file) when
 * a generated file has drifted from its source. Run on a scratch copy, never on the repository.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { ROOT } from '../helpers.js';

/** A scratch copy of what the generators read and write, sharing node_modules. */
function workspace(t: Test): string {
  const dir = t.testdir();
  for (const p of ['package.json', 'manifest.json', 'checksums.txt', 'LICENSE', 'README.md', 'SPEC.md', 'POLICY.md', 'index.js', 'index.d.ts', 'schemas', 'examples', 'scripts', 'src', 'dist']) {
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
