/**
 * The release manifest (SPEC.md, "The release boundary"): `manifest.json` declares, once, the
 * line, the package version and the boundary (every path a release ships). The checksum ledger,
 * the npm file list and `writ integrity` all read the boundary from here.
 */
import { join } from 'node:path';
import { parseJson } from '../encoding/json.js';
import type { ReleaseManifest } from '../generated/types.js';
import type { Refusal } from '../issues.js';
import { readFileCapped } from './files.js';
import { unsafeBundlePath } from '../encoding/file-path.js';

export type { ReleaseManifest } from '../generated/types.js';

/** Name of the manifest file at the root of a release. */
export const MANIFEST_FILE = 'manifest.json';
/** Name of the checksum ledger at the root of a release. */
export const LEDGER_FILE = 'checksums.txt';

const BOUNDARY_PATH = /^(?:[A-Za-z0-9][A-Za-z0-9._-]*\/)*[A-Za-z0-9][A-Za-z0-9._-]*\/?$/;

/**
 * Read and check the manifest at the root of a release copy.
 *
 * @param dir - the copy's root folder.
 * @returns the manifest, or an issue: `ERR_INTEGRITY_MANIFEST_MISSING` or
 *   `ERR_INTEGRITY_MANIFEST_INVALID` (not strict JSON, a member missing or of the wrong type,
 *   a boundary path that is absolute, climbs with `..`, or is listed twice).
 * @example
 * ```ts
 * const m = readManifest(PACKAGE_ROOT);
 * if (m.ok) console.log(m.manifest.line, m.manifest.boundary);
 * ```
 */
export function readManifest(dir: string): { ok: true; manifest: ReleaseManifest } | Refusal {
  const read = readFileCapped(join(dir, MANIFEST_FILE));
  if (!read.ok) return { ok: false, code: 'ERR_INTEGRITY_MANIFEST_MISSING', path: MANIFEST_FILE, message: `there is no readable ${MANIFEST_FILE} in ${dir} (${read.message}); is this the root of a writ release?` };
  const parsed = parseJson(read.bytes);
  if (!parsed.ok) return invalid(`${MANIFEST_FILE} is not valid JSON: ${parsed.message}`);
  const m = parsed.value;
  if (m === null || typeof m !== 'object' || Array.isArray(m)) return invalid(`${MANIFEST_FILE} must hold a JSON object`);
  const strings = ['name', 'line', 'version', 'schema_index'] as const;
  for (const k of strings) if (typeof m[k] !== 'string') return invalid(`${MANIFEST_FILE}: member "${k}" must be a string`);
  const boundary = m['boundary'];
  if (!Array.isArray(boundary) || boundary.length === 0) return invalid(`${MANIFEST_FILE}: member "boundary" must be a non-empty array of paths`);
  const seen = new Set<string>();
  for (const p of boundary) {
    if (typeof p !== 'string' || !BOUNDARY_PATH.test(p) || unsafeBundlePath(p.endsWith('/') ? p.slice(0, -1) : p) !== undefined) {
      return invalid(`${MANIFEST_FILE}: boundary entry ${JSON.stringify(p)} must be a relative path without . or .. segments (folders end with /)`);
    }
    if (seen.has(p)) return invalid(`${MANIFEST_FILE}: boundary entry ${JSON.stringify(p)} is listed twice`);
    seen.add(p);
  }
  for (const must of [MANIFEST_FILE, LEDGER_FILE]) {
    if (!seen.has(must)) return invalid(`${MANIFEST_FILE}: the boundary must include ${must}`);
  }
  // The members writ relies on are checked above; the release/manifest schema describes the rest.
  return { ok: true, manifest: m as unknown as ReleaseManifest };
}

function invalid(message: string): Refusal {
  return { ok: false, code: 'ERR_INTEGRITY_MANIFEST_INVALID', path: MANIFEST_FILE, message };
}

/**
 * Is a repo-relative file path inside the boundary?
 *
 * @param boundary - the manifest's boundary.
 * @param path - a repo-relative file path with `/` separators.
 * @returns true when the path is a listed file or lies under a listed folder.
 */
export function inBoundary(boundary: readonly string[], path: string): boolean {
  return boundary.some((b) => (b.endsWith('/') ? path.startsWith(b) : path === b));
}
