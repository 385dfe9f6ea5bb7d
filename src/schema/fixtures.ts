/**
 * Example fixtures (SPEC.md, "Fixtures"). A line's examples live in
 * `examples/<line>/<family>/<group>/{valid,invalid}/<document>.<case>.json`, where
 * `<family>/<document>` is the schema id. A valid fixture must validate and be recognised as its
 * schema; an invalid fixture must fail for exactly one reason, the one its sidecar
 * `<document>.<case>.expect.json` records (instancePath, keyword, path, code). A fixture that
 * fails "for any reason" proves nothing; this check is what keeps them honest.
 */
import { join } from 'node:path';
import type { FixtureExpectation } from '../generated/types.js';
import { parseJson } from '../encoding/json.js';
import { listFiles } from '../io/files.js';
import { issueOf, type Issue } from '../issues.js';
import type { SchemaRegistry } from './registry.js';
import { readFileCapped } from '../io/files.js';

/** What happened to one fixture. */
export interface FixtureResult {
  /** Path relative to the examples root, `/`-separated. */
  readonly file: string;
  /** `valid` or `invalid`, from the folder; undefined for a misplaced file. */
  readonly kind?: 'valid' | 'invalid';
  /** The schema id the file name selects. */
  readonly schema?: string;
  /** True when the fixture behaves as its folder and sidecar say. */
  readonly ok: boolean;
  /** Why not: fixture codes (`ERR_FIXTURE_*`), or for a valid fixture the schema issues. */
  readonly issues: readonly Issue[];
}

/** The outcome of {@link checkFixtures}. */
export interface FixtureReport {
  /** True when every fixture is ok. */
  readonly ok: boolean;
  /** One result per fixture (sidecars are part of their fixture's result). */
  readonly results: readonly FixtureResult[];
}

const EXPECT = '.expect.json';

/** The folder of an examples line that holds whole transactions, not fixtures (SPEC.md 9). */
export const TRANSACTIONS = 'transactions';

/**
 * Check every fixture under an examples line folder (all but `transactions/`).
 *
 * @param root - the line folder, e.g. `examples/v1.0.0`.
 * @param registry - the schemas of the same line.
 * @returns one result per fixture, in path order.
 * @example
 * ```ts
 * const report = checkFixtures('examples/v1.0.0', SchemaRegistry.open());
 * for (const r of report.results) if (!r.ok) console.log(r.file, r.issues[0]?.code);
 * ```
 */
export function checkFixtures(root: string, registry: SchemaRegistry): FixtureReport {
  // `transactions/` holds whole transactions as bundles: the verifier checks those (SPEC.md 9).
  const files = listFiles(root).filter((f) => !f.startsWith(`${TRANSACTIONS}/`));
  const fixtures = new Set(files.filter((f) => f.endsWith('.json') && !f.endsWith(EXPECT)));
  const results: FixtureResult[] = [];
  for (const file of files) {
    if (file.endsWith(EXPECT)) {
      if (!fixtures.has(file.slice(0, -EXPECT.length) + '.json')) {
        results.push(problem(file, undefined, 'ERR_FIXTURE_ORPHAN_EXPECTATION', `${file} records an expectation for ${file.slice(0, -EXPECT.length)}.json, which does not exist`));
      }
      continue;
    }
    if (!file.endsWith('.json')) continue;
    results.push(checkOne(root, file, registry));
  }
  return { ok: results.every((r) => r.ok), results };
}

function checkOne(root: string, file: string, registry: SchemaRegistry): FixtureResult {
  const parts = file.split('/');
  const folder = parts[parts.length - 2];
  const family = parts[0];
  if (parts.length < 3 || (folder !== 'valid' && folder !== 'invalid')) {
    return problem(file, undefined, 'ERR_FIXTURE_MISPLACED', `${file} is not in a valid/ or invalid/ folder under <family>/<group>/`);
  }
  const kind = folder;
  const schema = fixtureSchema(registry, file);
  if (schema === undefined) {
    return problem(file, kind, 'ERR_FIXTURE_UNKNOWN_SCHEMA', `${file}: the file name must start with a document name of family ${family} (<document>.<case>.json)`);
  }
  const read = readFileCapped(join(root, file));
  const parsed = read.ok ? parseJson(read.bytes) : read;
  if (!parsed.ok) {
    return { file, kind, schema, ok: false, issues: [issueOf(parsed)] };
  }
  const result = registry.validate(schema, parsed.value);
  if (kind === 'valid') {
    if (!result.ok) return { file, kind, schema, ok: false, issues: result.issues };
    const detected = registry.detect(parsed.value);
    if (!detected.ok || detected.schema.id !== schema) {
      const as = detected.ok ? detected.schema.id : detected.code === 'ERR_SCHEMA_AMBIGUOUS' ? 'ambiguous' : 'no schema';
      return problem(file, kind, 'ERR_FIXTURE_DETECTED_AS', `${file} is named for ${schema} but its members are recognised as ${as}; fix the fixture or the detect rule in the index`, schema);
    }
    return { file, kind, schema, ok: true, issues: [] };
  }
  const expectation = readExpectation(root, file, registry);
  if ('issue' in expectation) return { file, kind, schema, ok: false, issues: [expectation.issue] };
  const want = expectation.value;
  if (result.ok) {
    return problem(file, kind, 'ERR_FIXTURE_UNEXPECTED_PASS', `${file} validates against ${schema}; it should fail with ${want.code} at ${want.path || '(root)'}`, schema);
  }
  const got = result.issues;
  const only = got.length === 1 ? got[0] : undefined;
  if (only !== undefined && only.code === want.code && only.path === want.path && only.keyword === want.keyword && only.details?.['instancePath'] === want.instancePath) {
    return { file, kind, schema, ok: true, issues: [] };
  }
  return {
    file,
    kind,
    schema,
    ok: false,
    issues: [
      {
        code: 'ERR_FIXTURE_WRONG_REASON',
        path: '',
        message: `${file} should fail only with ${want.code} (${want.keyword}) at ${want.path || '(root)'}, but fails with: ${got.map((i) => `${i.code} (${i.keyword ?? ''}) at ${i.path || '(root)'}`).join('; ')}`,
        details: { expected: want, actual: got },
      },
    ],
  };
}

/**
 * The schema a fixture's path selects: `<family>/<document>`, where the family is the path's
 * first folder and the document the longest dot-separated prefix of the file name that names a
 * document schema of that family.
 *
 * @param registry - the line's schemas.
 * @param file - the fixture's path relative to the examples line folder.
 * @returns the schema id, or `undefined` when the name selects none.
 * @example
 * ```ts
 * fixtureSchema(registry, 'commercial/checkout/valid/checkout.request.protocol-commercial.json'); // 'commercial/checkout.request'
 * ```
 */
export function fixtureSchema(registry: SchemaRegistry, file: string): string | undefined {
  const parts = file.split('/');
  const name = (parts[parts.length - 1] ?? '').replace(/\.json$/, '').split('.');
  for (let n = name.length; n > 0; n--) {
    const id = `${parts[0]}/${name.slice(0, n).join('.')}`;
    if (registry.find(id)?.kind === 'document') return id;
  }
  return undefined;
}

function readExpectation(root: string, file: string, registry: SchemaRegistry): { value: FixtureExpectation } | { issue: Issue } {
  const sidecar = file.slice(0, -'.json'.length) + EXPECT;
  const read = readFileCapped(join(root, sidecar));
  if (!read.ok) return { issue: { code: 'ERR_FIXTURE_EXPECTATION_MISSING', path: '', message: `${file} is an invalid fixture without ${sidecar} recording the rule it breaks` } };
  const parsed = parseJson(read.bytes);
  const checked = parsed.ok ? registry.validate('release/fixture-expectation', parsed.value) : undefined;
  if (!parsed.ok || checked === undefined || !checked.ok) {
    const why = !parsed.ok ? parsed.message : checked !== undefined && !checked.ok ? checked.issues.map((i) => `${i.path} ${i.message}`).join('; ') : '';
    return { issue: { code: 'ERR_FIXTURE_EXPECTATION_INVALID', path: '', message: `${sidecar} is not a fixture expectation: ${why}` } };
  }
  return { value: parsed.value as unknown as FixtureExpectation };
}

function problem(file: string, kind: 'valid' | 'invalid' | undefined, code: Issue['code'], message: string, schema?: string): FixtureResult {
  return { file, ...(kind ? { kind } : {}), ...(schema ? { schema } : {}), ok: false, issues: [{ code, path: '', message }] };
}
