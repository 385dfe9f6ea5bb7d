/**
 * `writ canonicalize <file|->` and `writ hash <file|->...`: the RFC 8785 (JCS) form of a JSON
 * document, and its `sha256:` hash (SPEC.md 6.3), read with writ's JSON intake (section 3), so
 * that a text writ would refuse (a duplicate member, a lone surrogate) is refused here too, as the
 * jcs and hash conformance profiles read it (SPEC.md 13.2).
 */
import { resolve } from 'node:path';
import { canonicalJson } from '../crypto/jcs.js';
import { documentHash } from '../crypto/hash.js';
import { parseJson } from '../encoding/json.js';
import { readFileCapped } from '../io/files.js';
import type { Issue } from '../issues.js';
import { parseCommand } from './args.js';
import { type CliIo, type ExitCode, UsageError, printJson } from './io.js';

export const CANONICALIZE_HELP = `Usage: writ canonicalize <file|-> [--json]

Print the RFC 8785 (JCS) canonical form of a JSON document: the exact bytes a
signature or a hash is taken over, with no newline after them (so that
\`writ canonicalize doc.json | sha256sum\` is the document's hash). The text is
read as writ reads every document (SPEC.md 3): a duplicate member, a lone
surrogate or a text that is not JSON is refused with its code. Numbers are
printed in their ECMAScript form (-0 as 0, 1E2 as 100), as RFC 8785 says.

Options:
  --json      print { ok, canonical } (or the error) as JSON
  -h, --help  show this help

Exit status: 0 printed, 1 the input is not JSON writ reads, 2 usage error.
`;

export const HASH_HELP = `Usage: writ hash <file|->... [--json]

Print the sha256: hash of each document's RFC 8785 canonical form (SPEC.md
6.3): the hash an intent_mandate_hash, a cart_mandate_hash or a bundle
manifest records. One line per input, "<hash>  <file>", as sha256sum prints.

Options:
  --json      print [{ file, ok, hash }] (or each error) as JSON
  -h, --help  show this help

Exit status: 0 every input hashed, 1 one is not JSON writ reads, 2 usage error.
`;

/** One input's canonical form, or the issue that refused it (its path is the file's, then #, then the pointer). */
type Canonical = { readonly file: string; readonly ok: true; readonly text: string; readonly value: unknown } | { readonly file: string; readonly ok: false; readonly issue: Issue };

async function canonicalOf(file: string, io: CliIo, stdin: () => Promise<Uint8Array>): Promise<Canonical> {
  let bytes: Uint8Array;
  if (file === '-') bytes = await stdin();
  else {
    const read = readFileCapped(resolve(io.cwd, file));
    if (!read.ok) return { file, ok: false, issue: { code: read.code, path: file, message: read.message } };
    bytes = read.bytes;
  }
  const parsed = parseJson(bytes);
  if (!parsed.ok) return { file, ok: false, issue: { code: parsed.code, path: `${file}#${parsed.path}`, message: parsed.message } };
  const canonical = canonicalJson(parsed.value);
  if (!canonical.ok) return { file, ok: false, issue: { code: canonical.code, path: `${file}#${canonical.path}`, message: canonical.message } };
  return { file, ok: true, text: canonical.text, value: parsed.value };
}

const line = (i: Issue): string => `${i.path}: ${i.code}\n  ${i.message}\n`;

/**
 * Run `writ canonicalize`.
 *
 * @param args - arguments after `canonicalize`.
 * @param io - streams and working folder.
 * @param stdin - reads standard input, for `-`.
 * @returns the exit status.
 */
export async function runCanonicalize(args: readonly string[], io: CliIo, stdin: () => Promise<Uint8Array>): Promise<ExitCode> {
  const { values, positionals } = parseCommand('canonicalize', args, {});
  if (values.help) {
    io.out(CANONICALIZE_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'ERR_USAGE_MISSING_ARGUMENT' : 'ERR_USAGE_INVALID_ARGUMENT', 'writ canonicalize: name one file, or - for standard input');
  const c = await canonicalOf(positionals[0] as string, io, stdin);
  if (values.json) {
    printJson(io, c.ok ? { ok: true, canonical: c.text } : { ok: false, error: c.issue });
    return c.ok ? 0 : 1;
  }
  if (!c.ok) {
    io.err(line(c.issue));
    return 1;
  }
  io.out(c.text);
  return 0;
}

/**
 * Run `writ hash`.
 *
 * @param args - arguments after `hash`.
 * @param io - streams and working folder.
 * @param stdin - reads standard input, for `-`.
 * @returns the exit status.
 */
export async function runHash(args: readonly string[], io: CliIo, stdin: () => Promise<Uint8Array>): Promise<ExitCode> {
  const { values, positionals } = parseCommand('hash', args, {});
  if (values.help) {
    io.out(HASH_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('ERR_USAGE_MISSING_ARGUMENT', 'writ hash: name at least one file, or - for standard input');
  if (positionals.filter((p) => p === '-').length > 1) throw new UsageError('ERR_USAGE_INVALID_ARGUMENT', 'writ hash: standard input (-) can be read once');
  const results: Canonical[] = [];
  for (const p of positionals) results.push(await canonicalOf(p, io, stdin));
  const ok = results.every((r) => r.ok);
  if (values.json) {
    printJson(io, results.map((r) => (r.ok ? { file: r.file, ok: true, hash: documentHash(r.value) } : { file: r.file, ok: false, error: r.issue })));
    return ok ? 0 : 1;
  }
  for (const r of results) {
    if (r.ok) io.out(`${documentHash(r.value)}  ${r.file}\n`);
    else io.err(line(r.issue));
  }
  return ok ? 0 : 1;
}
