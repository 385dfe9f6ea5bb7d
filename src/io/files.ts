/**
 * The one room that touches the file system (SPEC.md 12: verifiers read no file). Everything
 * writ reads from disk (bundle folders, release copies, schema files, fixtures, vectors, the
 * command line's arguments) goes through here, and so does everything it writes.
 *
 * - A file is read only when it is a regular file, checked on the opened descriptor (a path
 *   swapped for a FIFO or a device between a check and the open cannot be read), opened without
 *   blocking (a FIFO never hangs the reader), and read to a cap: never more than the caller's
 *   limit plus one byte.
 * - Folders are walked one way: sorted, `/`-separated relative paths, symbolic links reported
 *   and never followed, special files reported.
 * - A file is written whole or not at all: to a temporary file beside it, then renamed.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEFAULT_MAX_BYTES } from '../encoding/json.js';
import type { Refusal } from '../issues.js';

/** A file read, or why it could not be. */
export type FileRead =
  | { readonly ok: true; readonly bytes: Uint8Array; /** The permission bits of the file read (`st_mode & 0o7777`), from the descriptor read. */ readonly mode: number }
  | Refusal<'ERR_IO_NOT_FOUND' | 'ERR_IO_READ' | 'ERR_JSON_TOO_LARGE'>;

/**
 * Read a regular file, to a cap.
 *
 * @param path - the file.
 * @param maxBytes - the most it may hold; default the JSON reader's limit (16 MiB).
 * @returns its bytes, or `ERR_IO_NOT_FOUND`, `ERR_IO_READ` (not a regular file, unreadable) or
 *   `ERR_JSON_TOO_LARGE` (over the cap), with a message naming the path.
 * @example
 * ```ts
 * const r = readFileCapped('examples/v1.0.0/capability/token/valid/token.root-commander.incident-network.json');
 * if (r.ok) parseJson(r.bytes);
 * ```
 */
export function readFileCapped(path: string, maxBytes: number = DEFAULT_MAX_BYTES): FileRead {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading must not wait for a writer.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { ok: false, code: 'ERR_IO_NOT_FOUND', path, message: `${path}: no such file` } : { ok: false, code: 'ERR_IO_READ', path, message: `${path}: ${(e as Error).message}` };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, code: 'ERR_IO_READ', path, message: `${path} is not a regular file (${st.isDirectory() ? 'a folder' : 'a FIFO, socket or device'}); writ reads regular files only` };
    if (st.size > maxBytes) return { ok: false, code: 'ERR_JSON_TOO_LARGE', path, message: `${path} is ${st.size} bytes; the limit is ${maxBytes}` };
    // Read at most one byte past the cap: a file that grows while it is read is still caught. A
    // file holding more than its size said (one that grows, or a /proc file, whose size is 0) is
    // read on, in a buffer that grows, to the end or to the cap.
    let buffer = new Uint8Array(Math.min(st.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const grown = new Uint8Array(Math.min(Math.max(buffer.length * 2, 64 * 1024), maxBytes + 1));
        grown.set(buffer);
        buffer = grown;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > maxBytes) return { ok: false, code: 'ERR_JSON_TOO_LARGE', path, message: `${path} is more than ${maxBytes} bytes` };
    }
    return { ok: true, bytes: buffer.slice(0, length), mode: st.mode & 0o7777 };
  } catch (e) {
    return { ok: false, code: 'ERR_IO_READ', path, message: `${path}: ${(e as Error).message}` };
  } finally {
    closeSync(fd);
  }
}

/**
 * Read a file of the package itself (a schema, the index): UTF-8 text, to the reader's cap.
 *
 * @param path - the file.
 * @returns its text, or the reason it could not be read.
 * @example
 * ```ts
 * const r = readTextFile('schemas/v1.0.0/index.json');
 * ```
 */
export function readTextFile(path: string): { readonly ok: true; readonly text: string } | (FileRead & { readonly ok: false }) {
  const r = readFileCapped(path);
  return r.ok ? { ok: true, text: new TextDecoder().decode(r.bytes) } : r;
}

/**
 * What is at a path: a folder, a file, something else, or nothing.
 *
 * @param path - the path.
 * @returns `folder`, `file`, `other`, or `missing` (also when it cannot be looked at).
 * @example
 * ```ts
 * pathKind('examples/v1.0.0'); // 'folder'
 * ```
 */
export function pathKind(path: string): 'folder' | 'file' | 'other' | 'missing' {
  try {
    const st = statSync(path);
    return st.isDirectory() ? 'folder' : st.isFile() ? 'file' : 'other';
  } catch {
    return 'missing';
  }
}

/**
 * What is at a path itself, a symbolic link not followed.
 *
 * @param path - the path.
 * @returns `folder`, `file`, `symlink`, `other`, or `missing`.
 * @example
 * ```ts
 * entryKind('node_modules/.bin/tsc'); // 'symlink'
 * ```
 */
export function entryKind(path: string): 'folder' | 'file' | 'symlink' | 'other' | 'missing' {
  try {
    const st = lstatSync(path);
    return st.isDirectory() ? 'folder' : st.isFile() ? 'file' : st.isSymbolicLink() ? 'symlink' : 'other';
  } catch {
    return 'missing';
  }
}

/** One entry met in a walk: its path relative to the folder, and what it is. */
export interface WalkEntry {
  /** `/`-separated, relative to the folder walked. */
  readonly path: string;
  /** A regular file (with its size), a symbolic link (never followed), or anything else. */
  readonly kind: 'file' | 'symlink' | 'other';
  /** The size of a file, in bytes. */
  readonly size: number;
}

/** What a walk met that it could not read. */
export interface WalkProblem {
  /** `ERR_IO_NOT_FOUND` when the folder itself is missing; `ERR_IO_READ` otherwise. */
  readonly code: 'ERR_IO_NOT_FOUND' | 'ERR_IO_READ';
  /** Relative to the folder walked (`''` for the folder itself). */
  readonly path: string;
  readonly message: string;
}

/**
 * Walk a folder: every entry below it, folders entered, in sorted order. Symbolic links are
 * reported as such and never followed (one could lead outside the folder, or in a circle).
 *
 * @param dir - the folder.
 * @param visit - called for every entry that is not a folder; return `false` to stop the walk.
 * @returns what could not be read.
 * @example
 * ```ts
 * const files: string[] = [];
 * walkFolder('examples/v1.0.0', (e) => void (e.kind === 'file' && files.push(e.path)));
 * ```
 */
export function walkFolder(dir: string, visit: (entry: WalkEntry) => boolean | void): WalkProblem[] {
  const problems: WalkProblem[] = [];
  let stopped = false;
  const enter = (rel: string): void => {
    let names: string[];
    try {
      names = readdirSync(rel === '' ? dir : join(dir, rel)).sort();
    } catch (e) {
      const missing = (e as NodeJS.ErrnoException).code === 'ENOENT' && rel === '';
      problems.push({ code: missing ? 'ERR_IO_NOT_FOUND' : 'ERR_IO_READ', path: rel, message: `${rel === '' ? dir : rel}: ${missing ? 'no such folder' : (e as Error).message}` });
      return;
    }
    for (const name of names) {
      if (stopped) return;
      const path = rel === '' ? name : `${rel}/${name}`;
      let st;
      try {
        st = lstatSync(join(dir, path));
      } catch (e) {
        problems.push({ code: 'ERR_IO_READ', path, message: `${path}: ${(e as Error).message}` });
        continue;
      }
      if (st.isDirectory()) enter(path);
      else if (visit({ path, kind: st.isFile() ? 'file' : st.isSymbolicLink() ? 'symlink' : 'other', size: st.size }) === false) stopped = true;
    }
  };
  enter('');
  return problems;
}

/**
 * Every regular file under a folder.
 *
 * @param dir - the folder.
 * @returns paths relative to `dir`, `/`-separated, in sorted order.
 * @throws Error when `dir` cannot be read (a package folder that is missing is a damaged install).
 * @example
 * ```ts
 * listFiles('examples/v1.0.0').filter((f) => f.endsWith('.json'));
 * ```
 */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const problems = walkFolder(dir, (e) => void (e.kind === 'file' && out.push(e.path)));
  const first = problems[0];
  if (first !== undefined) throw new Error(first.message);
  return out;
}

/**
 * Write a file whole or not at all: a temporary file beside it, then a rename. Only a new file or
 * a regular file is written: the rename would put a file in the place of a FIFO, a device
 * (`--out /dev/stdout`), a symbolic link or a socket, so each of those is refused.
 *
 * @param path - the file.
 * @param content - what it holds.
 * @param options - `mode`: the new file's permission bits (`0o600` for a secret), less the umask.
 * @returns `undefined`, or why it could not be written (`ERR_IO_WRITE`).
 * @example
 * ```ts
 * writeFileWhole('report.tap', text);
 * ```
 */
export function writeFileWhole(path: string, content: string | Uint8Array, options: { readonly mode?: number } = {}): { readonly code: 'ERR_IO_WRITE'; readonly message: string } | undefined {
  const kind = entryKind(path);
  if (kind !== 'file' && kind !== 'missing') return { code: 'ERR_IO_WRITE', message: `cannot write ${path}: it is ${kind === 'folder' ? 'a folder' : kind === 'symlink' ? 'a symbolic link' : 'a FIFO, socket or device'}, and writ writes regular files only (it would be replaced)` };
  const tmp = join(dirname(path), `.${process.pid}.${Date.now()}.tmp`);
  try {
    // The mode is the temporary file's from its creation: a secret is never readable by others,
    // not even for the moment between writing and renaming.
    writeFileSync(tmp, content, { flag: 'wx', ...(options.mode === undefined ? {} : { mode: options.mode }) });
    renameSync(tmp, path);
    return undefined;
  } catch (e) {
    rmSync(tmp, { force: true });
    return { code: 'ERR_IO_WRITE', message: `cannot write ${path}: ${(e as Error).message}` };
  }
}
