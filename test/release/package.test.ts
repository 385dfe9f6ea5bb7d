/**
 * The package agrees with manifest.json, and `npm pack` ships exactly the boundary plus
 * package.json and the built code (SPEC.md 10.1).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { listBoundary } from '../../src/release/boundary.js';
import { SchemaRegistry } from '../../src/schema/registry.js';
import { ROOT, listFiles, manifest, readJson } from '../helpers.js';

const pkg = readJson('package.json') as {
  version: string;
  files: string[];
  exports: Record<string, unknown>;
  bin: Record<string, string>;
  engines: Record<string, string>;
  type: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

t.test('manifest.json follows its schema, and names the line the index lists', async (t) => {
  const registry = SchemaRegistry.open();
  const r = registry.validate('release/manifest', readJson('manifest.json'));
  t.ok(r.ok, JSON.stringify(r.ok ? [] : r.issues));
  t.equal(manifest().line, registry.index.line);
  t.ok(registry.validate('release/schema-index', readJson(manifest().schema_index)).ok);
  t.ok(registry.validate('release/error-codes', readJson(`schemas/${registry.index.line}/${registry.index.errorCodes}`)).ok);
});

t.test('package.json repeats nothing manifest.json declares, except where npm needs it', async (t) => {
  t.equal(pkg.version, manifest().version, 'package.json version = manifest.json version');
  t.same(pkg.files, [...manifest().boundary, 'dist/'], 'package.json files = manifest.json boundary + dist/');
  t.equal(pkg.type, 'module');
  t.equal(pkg.engines['node'], '>=20');
  t.equal(pkg.bin['writ'], './dist/cli/bin.js');
  for (const k of ['.', './api', './schemas/*']) t.ok(pkg.exports[k], `exports ${k}`);
  for (const [name, range] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
    t.match(range, /^\d+\.\d+\.\d+$/, `${name} is pinned exactly`);
  }
});

t.test('npm pack holds exactly the boundary, package.json and the built code', async (t) => {
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  t.equal(r.status, 0, r.stderr);
  const packed = (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0]?.files.map((f) => f.path).sort() ?? [];
  const boundary = listBoundary(ROOT, manifest().boundary).files;
  const built = listFiles(join(ROOT, 'dist')).map((f) => `dist/${f}`);
  t.ok(built.includes('dist/cli/bin.js'), 'the build ran');
  const expected = [...boundary, 'package.json', ...built].sort();
  t.same(packed.filter((f) => !expected.includes(f)), [], 'nothing extra in the package');
  t.same(expected.filter((f) => !packed.includes(f)), [], 'nothing missing from the package');
});

t.test('the package root export is the current schema index, with no dependency', async (t) => {
  const root = await import('../../index.js');
  t.same(root.schemaIndex, readJson(manifest().schema_index));
  t.equal(root.line, manifest().line);
  t.same(root.manifest, readJson('manifest.json'));
  const source = readFileSync(join(ROOT, 'index.js'), 'utf8');
  const imports = [...source.matchAll(/^import\b.*\bfrom\s+'([^']+)'/gm)].map((m) => m[1]);
  t.same(imports, ['node:module'], 'index.js imports only Node built-ins');
});

t.test("'writ/api' re-exports every generated type, explicitly", async (t) => {
  const generated = [...readFileSync(join(ROOT, 'src/generated/types.ts'), 'utf8').matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]);
  const api = readFileSync(join(ROOT, 'src/index.ts'), 'utf8');
  t.notMatch(api, /export \*/, 'no export *');
  for (const name of generated) t.match(api, new RegExp(`^  ${name},$`, 'm'), `${name} is exported`);
});
