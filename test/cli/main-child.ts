/**
 * Runs the command line in-process, in a child process of its own, for tests of input that could
 * block the reader (a device, a FIFO): the test gives the child a time limit, so that a reader
 * that blocks fails the test instead of hanging it. Argument: a JSON array of argument lists.
 * Output: a JSON array of { code, out, err }, one per list.
 */
import { main } from '../../src/cli/main.js';
import { ROOT } from '../helpers.js';

const runs = JSON.parse(process.argv[2] ?? '[]') as string[][];
const results: { code: number; out: string; err: string }[] = [];
for (const argv of runs) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => void (out += s), err: (s) => void (err += s), cwd: ROOT, clock: () => 1776272790 });
  results.push({ code, out, err });
}
process.stdout.write(JSON.stringify(results));
