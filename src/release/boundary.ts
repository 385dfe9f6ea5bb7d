/**
 * The files of a boundary as they are on disk (SPEC.md, "The release boundary"). A release
 * holds regular files only: a symbolic link inside the boundary could point anywhere, so it is
 * reported, never followed.
 */
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Issue } from '../issues.js';
import { compareBytewise } from './ledger.js';

/** What {@link listBoundary} found. */
export interface BoundaryListing {
  /** Repo-relative paths of the regular files present, sorted bytewise. */
  readonly files: readonly string[];
  /** Declared single files that are absent (folders may be empty or absent). */
  readonly absent: readonly string[];
  /** `ERR_INTEGRITY_NOT_REGULAR` for each symlink or special file, `ERR_IO_READ` for an unreadable folder. */
  readonly issues: readonly Issue[];
}

/**
 * List the files a boundary covers in a folder.
 *
 * @param dir - root of the release copy.
 * @param boundary - the manifest's boundary entries.
 * @returns the files present, the declared files absent, and any non-regular paths.
 * @example
 * ```ts
 * listBoundary(PACKAGE_ROOT, ['README.md', 'schemas/v1.0.0/']).files;
 * ```
 */
export function listBoundary(dir: string, boundary: readonly string[]): BoundaryListing {
  const files: string[] = [];
  const absent: string[] = [];
  const issues: Issue[] = [];
  const visit = (rel: string, declared: 'file' | 'folder' | undefined): void => {
    const abs = join(dir, ...rel.split('/'));
    let st;
    try {
      st = lstatSync(abs);
    } catch {
      if (declared === 'file') absent.push(rel);
      return;
    }
    if (declared !== undefined && st.isDirectory() !== (declared === 'folder')) {
      issues.push({
        code: 'ERR_INTEGRITY_NOT_REGULAR',
        path: rel,
        message: `${rel} is a ${st.isDirectory() ? 'folder' : 'file'} but manifest.json declares a ${declared}`,
      });
      return;
    }
    if (st.isSymbolicLink() || (!st.isFile() && !st.isDirectory())) {
      issues.push({
        code: 'ERR_INTEGRITY_NOT_REGULAR',
        path: rel,
        message: `${rel} is a ${st.isSymbolicLink() ? 'symbolic link' : 'special file'}; a release holds regular files only`,
      });
      return;
    }
    if (st.isFile()) {
      files.push(rel);
      return;
    }
    let names: string[];
    try {
      names = readdirSync(abs);
    } catch (e) {
      issues.push({ code: 'ERR_IO_READ', path: rel, message: `cannot read folder ${rel}: ${(e as Error).message}` });
      return;
    }
    for (const name of names) visit(`${rel}/${name}`, undefined);
  };
  for (const b of boundary) {
    if (b.endsWith('/')) visit(b.slice(0, -1), 'folder');
    else visit(b, 'file');
  }
  files.sort(compareBytewise);
  return { files: [...new Set(files)], absent, issues };
}
