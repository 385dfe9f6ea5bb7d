/**
 * Reading the conformance vectors (SPEC.md 13.1): every JSON file under a line's folder, each
 * read strictly and validated as a conformance vector. A vector that cannot be read is a problem
 * with the suite, reported with its code; it never becomes a passing or failing case.
 */
import { join } from 'node:path';
import type { ConformanceVector } from '../generated/types.js';
import { parseJson } from '../encoding/json.js';
import { listFiles } from '../io/files.js';
import { issueOf, type Issue } from '../issues.js';
import { PACKAGE_ROOT } from '../paths.js';
import type { SchemaRegistry } from '../schema/registry.js';
import { readFileCapped } from '../io/files.js';

/** The vectors of a folder, and what could not be read. */
export interface VectorSet {
  /** The vectors, ordered by id. */
  readonly vectors: readonly ConformanceVector[];
  /** Files that are not valid vectors, or ids used twice. */
  readonly issues: readonly Issue[];
}

/**
 * The folder of the vectors shipped with this package.
 *
 * @param line - the schema line, `v1.0.0`.
 * @returns `<package>/conformance/<line>`.
 * @example
 * ```ts
 * packagedVectors('v1.0.0'); // <package>/conformance/v1.0.0
 * ```
 */
export function packagedVectors(line: string): string {
  return join(PACKAGE_ROOT, 'conformance', line);
}

/**
 * Read every vector under a folder.
 *
 * @param dir - the folder.
 * @param registry - the schemas, to validate each vector.
 * @returns the vectors and the problems.
 * @example
 * ```ts
 * const { vectors, issues } = readVectors(packagedVectors('v1.0.0'), SchemaRegistry.open());
 * ```
 */
export function readVectors(dir: string, registry: SchemaRegistry): VectorSet {
  const vectors: ConformanceVector[] = [];
  const issues: Issue[] = [];
  let files: string[];
  try {
    files = listFiles(dir).filter((f) => f.endsWith('.json'));
  } catch (e) {
    return { vectors, issues: [{ code: 'ERR_IO_NOT_FOUND', path: dir, message: `cannot read the vectors in ${dir}: ${(e as Error).message}` }] };
  }
  const seen = new Set<string>();
  for (const f of files) {
    const read = readFileCapped(join(dir, f));
    const parsed = read.ok ? parseJson(read.bytes) : read;
    if (!parsed.ok) {
      issues.push({ ...issueOf(parsed), path: `${f}#${parsed.path}`, message: `${f}: ${parsed.message}` });
      continue;
    }
    const valid = registry.validate('conformance/vector', parsed.value, { allErrors: false });
    if (!valid.ok) {
      const issue = valid.issues[0] as Issue;
      issues.push({ ...issue, path: `${f}#${issue.path}`, message: `${f}: ${issue.message}` });
      continue;
    }
    const v = parsed.value as unknown as ConformanceVector;
    if (seen.has(v.id)) {
      issues.push({ code: 'ERR_RULE_DUPLICATE', path: `${f}#/id`, message: `${f}: vector id ${v.id} is used twice` });
      continue;
    }
    seen.add(v.id);
    vectors.push(v);
  }
  vectors.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { vectors, issues };
}
