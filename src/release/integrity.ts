/**
 * Integrity of a release copy (SPEC.md, "Checking a copy"): does this folder hold exactly the
 * files its boundary declares, each with the digest the ledger records? Works on any copy: an
 * installed package, a vendored folder, an unpacked tarball.
 */
import { join } from 'node:path';
import { issueOf, type Issue } from '../issues.js';
import { listBoundary } from './boundary.js';
import { LEDGER_FILE, inBoundary, readManifest, type ReleaseManifest } from '../io/manifest.js';
import { parseLedger, sha256Hex } from './ledger.js';
import { readFileCapped, readTextFile } from '../io/files.js';

/** Options for {@link checkIntegrity}. */
export interface IntegrityOptions {
  /**
   * A ledger to check against instead of the copy's own checksums.txt: a copy's ledger only
   * proves the copy agrees with itself; a ledger obtained separately (from the published
   * package, say) proves it agrees with the release.
   */
  readonly ledger?: string;
}

/** The outcome of {@link checkIntegrity}. */
export interface IntegrityReport {
  /** True when no issue was found. */
  readonly ok: boolean;
  /** The copy's manifest, when it could be read. */
  readonly manifest?: ReleaseManifest;
  /** Number of files whose digest was compared and matched. */
  readonly verified: number;
  /** Every problem found, each naming its file. */
  readonly issues: readonly Issue[];
}

/**
 * Check a copy of the release boundary.
 *
 * @param dir - root of the copy (the folder holding manifest.json and checksums.txt).
 * @param options - see {@link IntegrityOptions}.
 * @returns a report. Issue codes: `ERR_INTEGRITY_MISSING`, `ERR_INTEGRITY_EXTRA`,
 *   `ERR_INTEGRITY_ALTERED`, `ERR_INTEGRITY_OUTSIDE_BOUNDARY`, `ERR_INTEGRITY_NOT_REGULAR`,
 *   `ERR_INTEGRITY_LEDGER_MISSING`, `ERR_INTEGRITY_LEDGER_MALFORMED`,
 *   `ERR_INTEGRITY_LEDGER_UNSORTED`, `ERR_INTEGRITY_MANIFEST_MISSING`,
 *   `ERR_INTEGRITY_MANIFEST_INVALID`, `ERR_IO_READ`.
 * @example
 * ```ts
 * const report = checkIntegrity('vendor/writ');
 * for (const i of report.issues) console.log(i.code, i.path);
 * ```
 */
export function checkIntegrity(dir: string, options: IntegrityOptions = {}): IntegrityReport {
  const m = readManifest(dir);
  if (!m.ok) return { ok: false, verified: 0, issues: [issueOf(m)] };
  const manifest = m.manifest;
  const ledgerPath = options.ledger ?? join(dir, LEDGER_FILE);
  const ledgerRead = readTextFile(ledgerPath);
  const ledgerText = ledgerRead.ok ? ledgerRead.text : '';
  if (!ledgerRead.ok) {
    return {
      ok: false,
      manifest,
      verified: 0,
      issues: [{ code: 'ERR_INTEGRITY_LEDGER_MISSING', path: LEDGER_FILE, message: `cannot read the ledger ${ledgerPath}; without it nothing can be checked` }],
    };
  }
  const ledger = parseLedger(ledgerText);
  const issues: Issue[] = [...ledger.issues];
  const listing = listBoundary(dir, manifest.boundary);
  issues.push(...listing.issues);
  const present = new Set(listing.files.filter((f) => f !== LEDGER_FILE));
  const listed = new Set<string>();
  let verified = 0;
  for (const { path, sha256 } of ledger.entries) {
    listed.add(path);
    if (path === LEDGER_FILE || !inBoundary(manifest.boundary, path)) {
      issues.push({
        code: 'ERR_INTEGRITY_OUTSIDE_BOUNDARY',
        path,
        message: `${LEDGER_FILE} lists ${path}, which is ${path === LEDGER_FILE ? 'the ledger itself' : 'outside the boundary manifest.json declares'}`,
      });
      continue;
    }
    if (!present.has(path)) {
      issues.push({ code: 'ERR_INTEGRITY_MISSING', path, message: `${path} is listed in ${LEDGER_FILE} but is not in the copy` });
      continue;
    }
    // No cap below the file system's: a release may ship a file larger than a JSON document.
    const read = readFileCapped(join(dir, ...path.split('/')), Number.MAX_SAFE_INTEGER);
    if (!read.ok) {
      issues.push({ code: 'ERR_IO_READ', path, message: `cannot read ${path}: ${read.message}` });
      continue;
    }
    const actual = sha256Hex(read.bytes);
    if (actual !== sha256) {
      issues.push({
        code: 'ERR_INTEGRITY_ALTERED',
        path,
        message: `${path} has been changed: its SHA-256 is ${actual}, the ledger records ${sha256}`,
        details: { expected: sha256, actual },
      });
      continue;
    }
    verified++;
  }
  for (const path of listing.absent) {
    if (path !== LEDGER_FILE && !listed.has(path)) {
      issues.push({ code: 'ERR_INTEGRITY_MISSING', path, message: `${path} is declared in the boundary but is neither in the copy nor in ${LEDGER_FILE}` });
    }
  }
  for (const path of present) {
    if (!listed.has(path)) {
      issues.push({ code: 'ERR_INTEGRITY_EXTRA', path, message: `${path} is inside the boundary but not listed in ${LEDGER_FILE}: it was added to the copy, or the ledger is stale` });
    }
  }
  return { ok: issues.length === 0, manifest, verified, issues };
}
