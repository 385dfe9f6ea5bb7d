/**
 * Reading a bundle from a folder (SPEC.md 12.8): every regular file, by its `/`-separated path
 * relative to the folder. Symbolic links are never followed (one could lead outside the bundle,
 * or make two paths one file) and, like anything else that is not a regular file or a folder,
 * are reported. The verifiers themselves take the map this returns and read no file.
 */
import { join } from 'node:path';
import { DEFAULT_MAX_BYTES } from '../encoding/json.js';
import type { Issue } from '../issues.js';
import { readFileCapped, walkFolder } from './files.js';

/** The most files a bundle folder may hold. */
export const MAX_BUNDLE_FILES = 10_000;

/** A folder's files, and what could not be read as one. */
export interface BundleFolder {
  /** Path -> bytes, for every regular file. */
  readonly files: Map<string, Uint8Array>;
  /** Symbolic links, special files, oversized files, unreadable entries. */
  readonly issues: Issue[];
}

/**
 * Read every regular file under a folder.
 *
 * @param dir - the bundle folder.
 * @returns the files and the problems: `ERR_BUNDLE_SYMLINK`, `ERR_JSON_TOO_LARGE`,
 *   `ERR_IO_READ`, `ERR_IO_NOT_FOUND` (the folder itself).
 * @example
 * ```ts
 * const folder = readBundleFolder('examples/v1.0.0/transactions/seven-station');
 * replayTransaction(folder.files, { now, readIssues: folder.issues });
 * ```
 */
export function readBundleFolder(dir: string): BundleFolder {
  const files = new Map<string, Uint8Array>();
  const issues: Issue[] = [];
  let count = 0;
  const problems = walkFolder(dir, ({ path, kind, size }) => {
    if (++count > MAX_BUNDLE_FILES) {
      issues.push({ code: 'ERR_IO_READ', path, message: `the bundle holds more than ${MAX_BUNDLE_FILES} entries; the rest are not read` });
      return false;
    }
    if (kind === 'symlink') issues.push({ code: 'ERR_BUNDLE_SYMLINK', path, message: `${path} is a symbolic link; a bundle holds regular files only, so links are never followed` });
    else if (kind === 'other') issues.push({ code: 'ERR_BUNDLE_SYMLINK', path, message: `${path} is not a regular file` });
    else if (size > DEFAULT_MAX_BYTES) issues.push({ code: 'ERR_JSON_TOO_LARGE', path, message: `${path} is ${size} bytes, more than the ${DEFAULT_MAX_BYTES} a bundle file may have` });
    else {
      const read = readFileCapped(join(dir, path));
      if (read.ok) files.set(path, read.bytes);
      else issues.push({ code: read.code === 'ERR_JSON_TOO_LARGE' ? 'ERR_JSON_TOO_LARGE' : 'ERR_IO_READ', path, message: read.message });
    }
    return true;
  });
  for (const p of problems) issues.push({ code: p.code, path: p.path, message: p.message });
  return { files, issues };
}
