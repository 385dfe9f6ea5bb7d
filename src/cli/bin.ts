#!/usr/bin/env node
/**
 * The `writ` executable: binds {@link main} to the process. The only module that touches
 * `process` directly.
 */
import { createInterface } from 'node:readline';
import { main } from './main.js';

const stdin = async (): Promise<Uint8Array> => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

// A reader that stops early (`writ verify ... | head`) closes the pipe: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

main(
  process.argv.slice(2),
  { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), cwd: process.cwd(), lines: () => createInterface({ input: process.stdin, crlfDelay: Infinity }) },
  stdin,
).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // A bug in writ, not bad input: say so plainly and ask for a report.
    process.stderr.write(`writ: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\nThis is a bug in writ, not a problem with your input; please report it with the command you ran.\n`);
    process.exitCode = 70;
  },
);
