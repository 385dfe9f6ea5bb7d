// @ts-check
/**
 * The write-or-check step every generator in scripts/ shares. With `--check` nothing is written:
 * each generated file is compared with what is on disk and the script exits 1 naming every file
 * that would change. Without it, changed files are replaced atomically (temporary file + rename),
 * so an interrupted run never leaves a half-written file behind.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (scripts/lib/.. /..). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * @param {string} script - the npm script that regenerates these files, for messages.
 * @param {Map<string, string>} files - repo-relative path -> full generated content.
 * @param {string[]} argv - the script's arguments (`--check` selects check mode).
 * @param {{ owned?: string[] }} options - folders the script owns entirely: a file in them that
 *   it no longer produces is stale, deleted on write and reported as drift by --check.
 */
export function emit(script, files, argv = process.argv.slice(2), options = {}) {
  const unknown = argv.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    process.stderr.write(`${script}: unknown argument ${unknown[0]}; the only option is --check\n`);
    process.exit(2);
  }
  const check = argv.includes('--check');
  const drift = [];
  for (const [rel, content] of files) {
    const abs = join(ROOT, rel);
    let current;
    try {
      current = readFileSync(abs, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === content) continue;
    drift.push(rel);
    if (!check) {
      mkdirSync(dirname(abs), { recursive: true });
      const tmp = `${abs}.tmp-${process.pid}`;
      writeFileSync(tmp, content);
      renameSync(tmp, abs);
    }
  }
  for (const dir of options.owned ?? []) {
    for (const rel of listAll(dir)) {
      if (files.has(rel)) continue;
      drift.push(`${rel} (stale)`);
      if (!check) rmSync(join(ROOT, rel));
    }
  }
  if (check) {
    if (drift.length > 0) {
      process.stderr.write(
        `${script} --check: ${drift.length} generated file(s) differ from what the sources produce:\n` +
          drift.map((d) => `  ${d}\n`).join('') +
          `Run \`npm run ${script}\` and commit the result.\n`,
      );
      process.exit(1);
    }
    process.stdout.write(`${script} --check: ${files.size} file(s) up to date\n`);
  } else {
    process.stdout.write(drift.length === 0 ? `${script}: ${files.size} file(s) already up to date\n` : `${script}: ${drift.length} file(s) written or removed\n`);
  }
}

/**
 * Every file under a repo-relative folder, repo-relative, `/`-separated.
 *
 * @param {string} dir
 * @returns {string[]}
 */
function listAll(dir) {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  const out = [];
  for (const name of readdirSync(abs)) {
    const rel = `${dir}/${name}`;
    if (statSync(join(ROOT, rel)).isDirectory()) out.push(...listAll(rel));
    else out.push(rel);
  }
  return out;
}
