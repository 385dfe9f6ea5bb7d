/**
 * Tools from outside Node that some tests use: Python 3 (the second implementation and a broken
 * canonicaliser), Python's `jsonschema` (the third validator of the portability test),
 * `sha256sum` (the ledger read by the tool it is written for) and a headless Chromium (the HTML
 * report opened in a real browser). Each is optional, loudly: when it
 * is missing, the tests that need it are skipped with a reason naming it and how to install it;
 * with `CI=true` it is required, and its absence fails the run (`.ci/run` installs them all).
 */
import { spawnSync } from 'node:child_process';
import type { Test } from 'tap';

/** A tool found, or the reason it is not there and how to get it. */
export interface Tool {
  /** What to run: a command name or an absolute path. */
  readonly command: string;
  readonly available: boolean;
  /** Why tests that need it are skipped, with how to install it. */
  readonly reason: string;
}

/** Whether this run is CI's, where every optional tool is required. */
export const IN_CI = process.env['CI'] === 'true' || process.env['CI'] === '1';

const runs = (command: string, args: readonly string[]) => {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 10_000 });
  return r.error === undefined && r.status === 0;
};

function find(candidates: readonly string[], args: readonly string[], missing: string): Tool {
  const command = candidates.find((c) => runs(c, args));
  return command === undefined ? { command: candidates[0] as string, available: false, reason: missing } : { command, available: true, reason: '' };
}

/** Python 3, standard library only. */
export const PYTHON3 = find([process.env['WRIT_PYTHON'] ?? 'python3', 'python3'], ['-c', 'import sys; assert sys.version_info >= (3, 8)'], 'needs python3 (3.8 or later) on PATH: install it (Debian: apt-get install python3), or set WRIT_PYTHON to one');

/** Why the portability test's third validator is skipped when it is missing, and how to install it. */
export const JSONSCHEMA_MISSING =
  "needs Python's jsonschema 4.x: install it (Debian: apt-get install python3-jsonschema; elsewhere: python3 -m pip install 'jsonschema>=4,<5'), or set WRIT_PYTHON to a Python that has it";

/**
 * A Python 3 that can import `jsonschema` 4.x. Debian's `/usr/bin/python3` is tried before a
 * bare `python3`, which may be another interpreter (pyenv) that cannot see Debian's packages.
 */
export const PYTHON_JSONSCHEMA = find(
  [...(process.env['WRIT_PYTHON'] === undefined ? [] : [process.env['WRIT_PYTHON']]), '/usr/bin/python3', 'python3'],
  ['-c', 'from importlib import metadata; import jsonschema; assert metadata.version("jsonschema").startswith("4.")'],
  JSONSCHEMA_MISSING,
);

/** GNU coreutils' `sha256sum`, which reads checksums.txt as users do. */
export const SHA256SUM = find(['sha256sum'], ['--version'], 'needs sha256sum (GNU coreutils) on PATH: install coreutils (Debian: apt-get install coreutils; macOS: brew install coreutils)');

/**
 * A headless Chromium, for the HTML report's browser test (Debian: chromium-headless-shell, or
 * chromium; WRIT_CHROMIUM names another).
 */
export const CHROMIUM = find(
  [...(process.env['WRIT_CHROMIUM'] === undefined ? [] : [process.env['WRIT_CHROMIUM']]), '/usr/bin/chromium-headless-shell', '/usr/bin/chromium', 'chromium-headless-shell', 'chromium'],
  ['--version'],
  'needs a headless Chromium: install it (Debian: apt-get install chromium-headless-shell), or set WRIT_CHROMIUM to a Chromium or Chrome executable',
);

/**
 * The tap options for a test that needs `tools`: skipped with the first missing tool's reason,
 * except under CI, where the test runs and {@link present} fails it.
 *
 * @param tools - what the test needs.
 * @param ci - whether this is CI's run (default: `CI=true` in the environment).
 */
export function needs(tools: Tool | readonly Tool[], ci = IN_CI): { skip?: string } {
  const missing = (Array.isArray(tools) ? tools : [tools]).find((tool: Tool) => !tool.available);
  return missing === undefined || ci ? {} : { skip: missing.reason };
}

/**
 * Assert, inside a test that needs them, that the tools are there (under CI a missing one fails
 * here with its reason, rather than later with an obscure error).
 *
 * @returns whether every tool is there, so that the test can stop when one is not.
 */
export function present(t: Test, ...tools: readonly Tool[]): boolean {
  for (const tool of tools) t.ok(tool.available, tool.available ? `${tool.command} is there` : `CI=true: ${tool.reason}`);
  return tools.every((tool) => tool.available);
}
