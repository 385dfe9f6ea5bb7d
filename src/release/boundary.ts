/**
 * The files of a boundary as they are on disk (SPEC.md, "The release boundary"). A release
 * holds regular files only: a symbolic link inside the boundary could point anywhere, so it is
 * reported, never followed.
 */
import { join } from 'node:path';
import type { Issue } from '../issues.js';
import { entryKind, walkFolder } from '../io/files.js';
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
  const notRegular = (rel: string, what: string): void =>
    void issues.push({ code: 'ERR_INTEGRITY_NOT_REGULAR', path: rel, message: `${rel} is a ${what}; a release holds regular files only` });
  for (const b of boundary) {
    const declared = b.endsWith('/') ? 'folder' : 'file';
    const rel = declared === 'folder' ? b.slice(0, -1) : b;
    const abs = join(dir, ...rel.split('/'));
    const kind = entryKind(abs);
    if (kind === 'missing') {
      if (declared === 'file') absent.push(rel);
      continue;
    }
    if (kind === 'symlink' || kind === 'other') {
      notRegular(rel, kind === 'symlink' ? 'symbolic link' : 'special file');
      continue;
    }
    if (kind !== declared) {
      issues.push({ code: 'ERR_INTEGRITY_NOT_REGULAR', path: rel, message: `${rel} is a ${kind} but manifest.json declares a ${declared}` });
      continue;
    }
    if (kind === 'file') {
      files.push(rel);
      continue;
    }
    const problems = walkFolder(abs, (e) => {
      const path = `${rel}/${e.path}`;
      if (e.kind === 'file') files.push(path);
      else notRegular(path, e.kind === 'symlink' ? 'symbolic link' : 'special file');
    });
    for (const p of problems) issues.push({ code: 'ERR_IO_READ', path: p.path === '' ? rel : `${rel}/${p.path}`, message: `cannot read folder ${rel}: ${p.message}` });
  }
  files.sort(compareBytewise);
  return { files: [...new Set(files)], absent, issues };
}
