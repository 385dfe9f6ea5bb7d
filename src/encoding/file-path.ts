/**
 * Which file paths a bundle or a release may hold (SPEC.md 2, "Paths of files"; 12.8): relative,
 * `/`-separated, without an empty, `.` or `..` segment, and naming only files every file system
 * writ is used on can hold as themselves. Windows drops a trailing dot or space from a name
 * (`receipt.` is the file `receipt`), opens a device for a reserved name (`NUL.json` is the null
 * device, in every folder), and cannot hold some characters at all; a path Windows reads as
 * another file, or as no file, is unsafe. The schema patterns of bundle and release paths state
 * the same rules for the characters they allow; test/schema/bundle-path.test.ts holds them to
 * this function.
 */

/** The most UTF-16 code units in one segment: NTFS, ReFS and most Unix file systems hold 255. */
export const MAX_SEGMENT_LENGTH = 255;

/**
 * Names Windows reserves for devices, in every folder and in any case, alone or followed by an
 * extension (`NUL`, `nul.txt`, `Com1.tar.gz`): the digits include the superscripts ¹ ² ³.
 */
const DEVICE = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3])$/i;

/** Characters Windows cannot hold in a name: the controls U+0001–U+001F and < > : " | ? * (NUL and \ are refused before). */
const NOT_IN_A_NAME = /[\u0001-\u001f<>:"|?*]/;

/**
 * Why a path may not name a file of a bundle, if it may not.
 *
 * @param path - a path as a bundle manifest lists it or a bundle's file map holds it.
 * @returns the reason, or `undefined` for a safe relative path.
 * @example
 * ```ts
 * unsafeBundlePath('receipts/executor.json'); // undefined
 * unsafeBundlePath('../etc/passwd');          // 'it climbs out with ..'
 * unsafeBundlePath('receipt.');               // 'segment "receipt." ends with a dot, which Windows drops: ...'
 * unsafeBundlePath('logs/NUL.json');          // 'segment "NUL.json" is a device name on Windows ...'
 * ```
 */
export function unsafeBundlePath(path: string): string | undefined {
  if (path.length === 0) return 'it is empty';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'it is absolute';
  if (path.includes('\\')) return 'it holds a backslash';
  if (path.includes('\0')) return 'it holds a NUL character';
  const segments = path.split('/');
  if (segments.includes('..')) return 'it climbs out with ..';
  if (segments.some((s) => s === '' || s === '.')) return 'it has an empty or . segment';
  for (const s of segments) {
    const shown = JSON.stringify(s.length > 64 ? `${s.slice(0, 61)}...` : s);
    if (NOT_IN_A_NAME.test(s)) return `segment ${shown} holds a character Windows cannot hold in a name (a control character or one of < > : " | ? *)`;
    if (s.endsWith('.') || s.endsWith(' ')) return `segment ${shown} ends with a ${s.endsWith('.') ? 'dot' : 'space'}, which Windows drops: there it names another file`;
    if (DEVICE.test(stem(s))) return `segment ${shown} is a device name on Windows (CON, PRN, AUX, NUL, COM0-9, LPT0-9, with or without an extension), not a file`;
    if (s.length > MAX_SEGMENT_LENGTH) return `segment ${shown} is longer than ${MAX_SEGMENT_LENGTH} characters`;
  }
  return undefined;
}

/** A name's part before its first dot, without the spaces Windows drops after it (`NUL .txt` is `NUL`). */
function stem(name: string): string {
  const dot = name.indexOf('.');
  let end = dot === -1 ? name.length : dot;
  while (end > 0 && name.charCodeAt(end - 1) === 0x20) end--;
  return name.slice(0, end);
}
