/**
 * Reading a bundle from a folder (SPEC.md 12.8): every regular file, by its `/`-separated path
 * relative to the folder. Symbolic links are never followed (one could lead outside the bundle,
 * or make two paths one file) and, like anything else that is not a regular file or a folder,
 * are reported. The one I/O part of verification: the verifiers themselves take the map.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_MAX_BYTES } from '../encoding/json.js';
import type { Issue } from '../issues.js';

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
  const visit = (rel: string): void => {
    let names: string[];
    try {
      names = readdirSync(rel === '' ? dir : join(dir, rel)).sort();
    } catch (e) {
      const missing = (e as NodeJS.ErrnoException).code === 'ENOENT' && rel === '';
      issues.push({ code: missing ? 'ERR_IO_NOT_FOUND' : 'ERR_IO_READ', path: rel, message: `${rel === '' ? dir : rel}: ${missing ? 'no such folder' : (e as Error).message}` });
      return;
    }
    for (const name of names) {
      const path = rel === '' ? name : `${rel}/${name}`;
      if (++count > MAX_BUNDLE_FILES) {
        if (count === MAX_BUNDLE_FILES + 1) issues.push({ code: 'ERR_IO_READ', path, message: `the bundle holds more than ${MAX_BUNDLE_FILES} entries; the rest are not read` });
        return;
      }
      let st;
      try {
        st = lstatSync(join(dir, path));
      } catch (e) {
        issues.push({ code: 'ERR_IO_READ', path, message: `${path}: ${(e as Error).message}` });
        continue;
      }
      if (st.isSymbolicLink()) issues.push({ code: 'ERR_BUNDLE_SYMLINK', path, message: `${path} is a symbolic link; a bundle holds regular files only, so links are never followed` });
      else if (st.isDirectory()) visit(path);
      else if (!st.isFile()) issues.push({ code: 'ERR_BUNDLE_SYMLINK', path, message: `${path} is not a regular file` });
      else if (st.size > DEFAULT_MAX_BYTES) issues.push({ code: 'ERR_JSON_TOO_LARGE', path, message: `${path} is ${st.size} bytes, more than the ${DEFAULT_MAX_BYTES} a bundle file may have` });
      else {
        try {
          files.set(path, new Uint8Array(readFileSync(join(dir, path))));
        } catch (e) {
          issues.push({ code: 'ERR_IO_READ', path, message: `${path}: ${(e as Error).message}` });
        }
      }
    }
  };
  visit('');
  return { files, issues };
}
