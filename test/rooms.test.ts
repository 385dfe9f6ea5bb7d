/**
 * The rooms of src/ and their one-way arrows (STYLE.md, "Layout and layers"), checked on every
 * import: a room imports only the rooms below it. File-system access lives in io/ alone, child
 * processes in the conformance adapters alone; the verifiers read no file; the runner and its
 * adapters never import the reference implementation; tests import src/, not the build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { listFiles } from '../src/io/files.js';
import { ROOT } from './helpers.js';

/** What each room may import (besides itself and the leaf modules issues, work, paths). */
const BELOW: Readonly<Record<string, readonly string[]>> = {
  generated: [],
  encoding: ['generated'],
  io: ['encoding', 'generated'],
  crypto: ['encoding', 'generated'],
  schema: ['encoding', 'generated', 'io'],
  model: ['encoding', 'generated', 'crypto', 'schema'],
  verify: ['encoding', 'generated', 'crypto', 'schema', 'model'],
  release: ['encoding', 'generated', 'crypto', 'io'],
  issue: ['encoding', 'generated', 'crypto', 'schema', 'model', 'verify', 'io'],
  conformance: ['encoding', 'generated', 'crypto', 'schema', 'model', 'verify', 'release', 'io', 'issue'],
  cli: ['encoding', 'generated', 'crypto', 'schema', 'model', 'verify', 'release', 'io', 'conformance', 'issue'],
};
const LEAVES = ['issues', 'work', 'paths'];

const sources = listFiles(join(ROOT, 'src')).filter((f) => f.endsWith('.ts'));
const importsOf = (file: string): string[] => [...readFileSync(join(ROOT, file), 'utf8').matchAll(/^(?:import|export)[^'"]*from '([^']+)'/gm)].map((m) => m[1] as string);

t.test('every import of src/ points down', async (t) => {
  const wrong: string[] = [];
  for (const f of sources) {
    const room = f.includes('/') ? (f.split('/')[0] as string) : undefined;
    for (const spec of importsOf(`src/${f}`)) {
      if (!spec.startsWith('.')) continue;
      const target = join('src', f, '..', spec).split('/')[1]?.replace(/\.js$/, '') as string;
      if (room === undefined || target === room || LEAVES.includes(target)) continue;
      if (!(BELOW[room] ?? []).includes(target)) wrong.push(`src/${f} imports ${spec} (${room} -> ${target})`);
    }
  }
  t.same(wrong, []);
  t.ok(sources.length > 40, `${sources.length} files`);
});

t.test('only io/ touches the file system, and only the adapters start processes', async (t) => {
  const fs = sources.filter((f) => importsOf(`src/${f}`).some((s) => s === 'node:fs' || s === 'fs' || s === 'node:fs/promises'));
  t.same(fs.filter((f) => !f.startsWith('io/')), []);
  const processes = sources.filter((f) => importsOf(`src/${f}`).includes('node:child_process'));
  t.same(processes, ['conformance/adapters.ts']);
});

t.test('the runner and its adapters do not import the reference implementation', async (t) => {
  for (const f of ['conformance/runner.ts', 'conformance/adapters.ts', 'conformance/case.ts', 'conformance/judge.ts', 'conformance/inputs.ts']) t.notOk(importsOf(`src/${f}`).some((s) => s.includes('reference')), f);
});

t.test('tests import the sources, never the build', async (t) => {
  // Helper programs too (a fake implementation run as a child process): one that needs writ uses
  // its public entry points by the package's name, as an implementation outside writ would.
  const tests = listFiles(join(ROOT, 'test')).filter((f) => /\.(ts|mjs|js)$/.test(f));
  t.ok(tests.some((f) => f.endsWith('.mjs')), 'the helper programs are among the files checked');
  const built = tests.filter((f) => importsOf(`test/${f}`).some((s) => /(^|\/)dist\//.test(s) && s.startsWith('.')));
  t.same(built, []);
});

t.test('the generators run the sources, never the build (the benchmark alone times dist/)', async (t) => {
  const scripts = listFiles(join(ROOT, 'scripts')).filter((f) => (f.endsWith('.js') || f.endsWith('.ts')) && !f.endsWith('.d.ts') && f !== 'bench.js');
  t.ok(scripts.length > 5, `${scripts.length} scripts`);
  t.same(scripts.filter((f) => importsOf(`scripts/${f}`).some((s) => /(^|\/)dist\//.test(s) && s.startsWith('.'))), []);
});
