/**
 * Reads files with readFileCapped in a child process of its own, for tests of files that could
 * block or never end (a device): the test gives the child a time limit, so that a reader that
 * blocks fails the test instead of hanging it. Argument: a JSON array of [path, maxBytes?].
 * Output: a JSON array of each read's code (`ok` when it was read).
 */
import { readFileCapped } from '../../src/io/files.js';

const reads = JSON.parse(process.argv[2] ?? '[]') as [string, number?][];
process.stdout.write(JSON.stringify(reads.map(([path, max]) => {
  const r = readFileCapped(path, max);
  return r.ok ? 'ok' : r.code;
})));
