/**
 * The checksum ledger (SPEC.md, "The checksum ledger"): `checksums.txt` in the text format of GNU
 * `sha256sum`, so that `sha256sum -c checksums.txt` checks a release with no writ installed.
 * One line per file: 64 lowercase hex digits, two spaces, the repo-relative path, LF. Lines are
 * sorted bytewise by the UTF-8 bytes of the path; each path appears once.
 */
import { sha256Bytes } from '../crypto/hash.js';
import { toHex } from '../encoding/bytes.js';
import type { Issue } from '../issues.js';
import { LEDGER_FILE } from '../io/manifest.js';
import { unsafeBundlePath } from '../encoding/file-path.js';

/** One line of the ledger. */
export interface LedgerEntry {
  /** SHA-256 of the file's bytes, 64 lowercase hex digits. */
  readonly sha256: string;
  /** Repo-relative path, `/`-separated. */
  readonly path: string;
}

const LINE = /^([0-9a-f]{64}) {2}(.+)$/;

/**
 * SHA-256 of some bytes as 64 lowercase hex digits.
 *
 * @param bytes - file content.
 * @returns the digest.
 */
export function sha256Hex(bytes: Uint8Array): string {
  return toHex(sha256Bytes(bytes));
}

/**
 * Compare two paths bytewise by their UTF-8 encoding, the order of the ledger.
 *
 * @param a - a path.
 * @param b - another path.
 * @returns negative, zero or positive.
 */
export function compareBytewise(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * Write a ledger: entries sorted bytewise by path, one LF-terminated line each.
 *
 * @param entries - the files and their digests, in any order.
 * @returns the text of checksums.txt.
 * @example
 * ```ts
 * formatLedger([{ sha256: 'e3b0...b855', path: 'README.md' }]); // 'e3b0...b855  README.md\n'
 * ```
 */
export function formatLedger(entries: readonly LedgerEntry[]): string {
  return [...entries]
    .sort((x, y) => compareBytewise(x.path, y.path))
    .map((e) => `${e.sha256}  ${e.path}\n`)
    .join('');
}

/**
 * Read a ledger. Well-formed lines are returned even when others are not, so that a checker
 * can report every problem at once.
 *
 * @param text - the text of checksums.txt.
 * @returns the entries and the issues: `ERR_INTEGRITY_LEDGER_MALFORMED` for each bad line (CR,
 *   wrong digest form, a path that is absolute, has `..` or `\`), `ERR_INTEGRITY_LEDGER_UNSORTED`
 *   for a line out of order or a path listed twice.
 */
export function parseLedger(text: string): { entries: LedgerEntry[]; issues: Issue[] } {
  const entries: LedgerEntry[] = [];
  const issues: Issue[] = [];
  const bad = (line: number, why: string): void => {
    issues.push({ code: 'ERR_INTEGRITY_LEDGER_MALFORMED', path: LEDGER_FILE, message: `line ${line}: ${why}`, details: { line } });
  };
  if (text.length > 0 && !text.endsWith('\n')) bad(text.split('\n').length, 'the last line must end with LF');
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, i) => {
    const n = i + 1;
    if (raw.includes('\r')) return bad(n, 'carriage return found; lines end with LF only');
    const m = LINE.exec(raw);
    if (m === null) return bad(n, 'expected <64 lowercase hex digits><two spaces><path>');
    const path = m[2] as string;
    const unsafe = unsafeBundlePath(path);
    if (unsafe !== undefined) {
      return bad(n, `path ${JSON.stringify(path)} is not a safe relative path (SPEC.md 2): ${unsafe}`);
    }
    const prev = entries[entries.length - 1];
    if (prev !== undefined && compareBytewise(prev.path, path) >= 0) {
      issues.push({
        code: 'ERR_INTEGRITY_LEDGER_UNSORTED',
        path: LEDGER_FILE,
        message: `line ${n}: ${JSON.stringify(path)} ${prev.path === path ? 'is listed twice' : `comes after ${JSON.stringify(prev.path)}; lines are sorted bytewise by path`}`,
        details: { line: n },
      });
      if (prev.path === path) return;
    }
    entries.push({ sha256: m[1] as string, path });
  });
  return { entries, issues };
}
