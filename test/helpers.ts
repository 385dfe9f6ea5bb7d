/**
 * Shared by the tests: where the repository is, running the CLI in-process, copying the release
 * boundary to a scratch folder, and reading fixtures.
 */
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli/main.js';
import { listBoundary } from '../src/release/boundary.js';
import { readManifest } from '../src/io/manifest.js';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Public test vectors copied into the repository, with their provenance (test/vectors/PROVENANCE.md). */
export const VECTORS = join(ROOT, 'test', 'vectors');

/** The manifest of this repository. */
export function manifest() {
  const m = readManifest(ROOT);
  if (!m.ok) throw new Error(m.message);
  return m.manifest;
}

/** Parse a JSON file of the repository (test input we wrote ourselves). */
export function readJson(rel: string): unknown {
  return JSON.parse(readFileSync(join(ROOT, rel), 'utf8'));
}

/** What a CLI run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/**
 * Run the writ command line in-process.
 *
 * @param argv - arguments after `writ`.
 * @param options - working folder, standard input, and the clock (Unix seconds).
 */
export async function runCli(argv: readonly string[], options: { cwd?: string; stdin?: string; clock?: () => number; env?: Record<string, string | undefined> } = {}): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(
    argv,
    { out: (s) => void (out += s), err: (s) => void (err += s), cwd: options.cwd ?? ROOT, ...(options.clock === undefined ? {} : { clock: options.clock }), ...(options.env === undefined ? {} : { env: options.env }) },
    async () => new TextEncoder().encode(options.stdin ?? ''),
  );
  return { code, out, err };
}

/**
 * Copy every file of the release boundary (as the manifest declares it) into a folder.
 *
 * @param dest - an empty folder.
 * @returns the repo-relative paths copied.
 */
export function copyBoundary(dest: string): readonly string[] {
  const listing = listBoundary(ROOT, manifest().boundary);
  for (const f of listing.files) {
    mkdirSync(dirname(join(dest, f)), { recursive: true });
    cpSync(join(ROOT, f), join(dest, f));
  }
  return listing.files;
}

/** Every fixture file (not sidecar) under examples/<line>, repo-relative, sorted. */
export { listFiles } from '../src/io/files.js';
