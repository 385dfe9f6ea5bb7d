/**
 * A FIFO for the tests of reading (issue 10, attack 14), served by a writer that opens it again
 * and again. A reader that blocks on a FIFO is let through by the writer and reads an empty file:
 * the test fails with the wrong code rather than hanging.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Test } from 'tap';

/** Why FIFO tests are skipped here, or false when they can run. */
export const noFifo: string | false = spawnSync('sh', ['-c', 'command -v mkfifo']).status === 0 ? false : 'mkfifo is not available';

/**
 * A FIFO in a fresh folder, removed (and its writer killed) when the test ends.
 *
 * @param t - the test.
 * @param name - the FIFO's name.
 * @returns its path.
 */
export function fifo(t: Test, name = 'x.json'): string {
  const dir = mkdtempSync(join(tmpdir(), 'writ-fifo-'));
  const path = join(dir, name);
  const made = spawnSync('mkfifo', [path], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
  const writer = spawn('sh', ['-c', 'while :; do : > "$1"; done', 'sh', path], { stdio: 'ignore' });
  t.teardown(() => {
    writer.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });
  return path;
}
