/**
 * A scratch folder written from memory, for the checks that read a folder (a release copy, a
 * fixtures folder) when what is checked arrives as bytes (a conformance case). The folder is
 * made fresh, written, handed to `use`, and removed whatever `use` does.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** One entry of a scratch folder: a file's bytes, or a symbolic link's target. */
export type ScratchEntry = { readonly bytes: Uint8Array } | { readonly symlink: string };

/**
 * Write entries into a fresh temporary folder, use it, and remove it.
 *
 * @param entries - relative path -> entry; a path that would land outside the folder is refused.
 * @param use - what to do with the folder.
 * @returns what `use` returns, or `{ outside: path }` for an entry that would be written outside.
 * @example
 * ```ts
 * withScratchFolder(new Map([['manifest.json', { bytes }]]), (dir) => checkIntegrity(dir));
 * ```
 */
export function withScratchFolder<T>(entries: ReadonlyMap<string, ScratchEntry>, use: (dir: string) => T): T | { readonly outside: string } {
  const dir = mkdtempSync(join(tmpdir(), 'writ-scratch-'));
  try {
    for (const [path, entry] of entries) {
      const target = resolve(dir, path);
      if (!target.startsWith(`${dir}/`)) return { outside: path };
      mkdirSync(dirname(target), { recursive: true });
      if ('symlink' in entry) symlinkSync(entry.symlink, target);
      else writeFileSync(target, entry.bytes);
    }
    return use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
