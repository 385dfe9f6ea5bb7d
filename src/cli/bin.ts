#!/usr/bin/env node
/**
 * The `writ` executable: binds {@link main} to the process. The only module that touches
 * `process` directly.
 */
import { readInput } from './io.js';
import { main } from './main.js';

// Standard input is read to the JSON reader's limit and no further: past it, reading stops and
// the input is refused (ERR_JSON_TOO_LARGE), however much more there is. `writ adapter` reads it
// as chunks, split into lines each bounded by the same limit.
const stdin = (): Promise<Uint8Array> => readInput(process.stdin);

// A reader that stops early (`writ verify ... | head`) closes the pipe: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

main(process.argv.slice(2), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), cwd: process.cwd(), input: () => process.stdin }, stdin).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // A bug in writ, not bad input: say so plainly and ask for a report.
    process.stderr.write(`writ: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\nThis is a bug in writ, not a problem with your input; please report it with the command you ran.\n`);
    process.exitCode = 70;
  },
);
