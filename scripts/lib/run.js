// @ts-check
/**
 * How every generator starts: its body is imported dynamically, so that anything it cannot
 * find or read (an input file, a package not installed) ends the run with one line naming the
 * file and what to do, and exit status 2, as the CLI reports its input errors. A stack trace is
 * printed only for what is not an input problem: a bug in the generator (exit 70).
 *
 * Generators run writ's sources (src/), not the build: tsx's loader is registered first, so
 * they need no build step and cannot disagree with the code the tests run.
 */
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from './emit.js';

/** File-system error codes that mean "this input cannot be read". */
const UNREADABLE = { ENOENT: 'does not exist', EACCES: 'is not readable', EPERM: 'is not readable', EISDIR: 'is a folder, not a file', ENOTDIR: 'has a file where a folder should be' };

/**
 * Run a generator body and turn an input it cannot read into one line.
 *
 * @param {string} script - the npm script's name, which starts every line it prints.
 * @param {() => Promise<unknown>} body - imports the generator's module.
 */
export async function runGenerator(script, body) {
  try {
    const { register } = await import('tsx/esm/api');
    register();
    await body();
  } catch (error) {
    const line = describe(error);
    if (line === undefined) {
      process.stderr.write(`${script}: internal error (a bug in the generator, not in its input):\n${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(70);
    }
    process.stderr.write(`${script}: ${line}\n`);
    process.exit(2);
  }
}

/** @param {string} path */
const repoPath = (path) => {
  const abs = path.startsWith('file:') ? fileURLToPath(path) : path;
  const rel = isAbsolute(abs) ? relative(ROOT, abs) : abs;
  return rel.split('\\').join('/');
};

/**
 * The one line for an input problem, or undefined when the error is not one.
 *
 * @param {unknown} error
 * @returns {string | undefined}
 */
function describe(error) {
  if (!(error instanceof Error)) return undefined;
  const { code, path, url } = /** @type {{ code?: string, path?: string, url?: string }} */ (error);
  if (code === 'ERR_MODULE_NOT_FOUND') {
    const missing = url ?? /Cannot find (?:module|package) '([^']+)'/.exec(error.message)?.[1];
    if (missing === undefined) return undefined;
    if (!/^(?:file:|\.|\/|[A-Za-z]:[\\/])/.test(missing)) return `the package ${missing} is not installed: run \`npm ci\``;
    const rel = repoPath(missing);
    if (rel.startsWith('node_modules/')) return `${rel} does not exist: the installed packages are incomplete; run \`npm ci\``;
    return `${rel} does not exist: restore it from git with \`git checkout -- ${rel}\``;
  }
  if (typeof code === 'string' && code in UNREADABLE && typeof path === 'string') {
    const rel = repoPath(path);
    const inside = !rel.startsWith('..') && !isAbsolute(rel);
    const fix = inside ? `restore it from git with \`git checkout -- ${rel}\`` : 'generators read only files inside the repository; this is a bug in the generator';
    return `${rel} ${UNREADABLE[/** @type {keyof typeof UNREADABLE} */ (code)]} (${code}): ${fix}`;
  }
  return undefined;
}
