#!/usr/bin/env node
/**
 * The trivial adapter `npm run bench` measures the runner with: it accepts every case without
 * looking at it, so what is timed is the protocol and the runner. It speaks writ-adapter/2 with a
 * window of 256 when the runner offers it, and writ-adapter/1 otherwise (`--v1` makes it speak
 * only /1, for the comparison).
 */
import { createInterface } from 'node:readline';

const v1Only = process.argv.includes('--v1');
const profiles = ['schema', 'jcs', 'hash', 'signature', 'proof', 'compact', 'capability', 'chain', 'budget', 'intent', 'mandate', 'receipt', 'settlement', 'document', 'bundle', 'replay', 'release'];
const implementation = { name: 'bench', version: '0', language: 'JavaScript' };
// Answers are written in batches: each line's write is a system call, and a window lets many go at once.
let pending = '';
let scheduled = false;
const flush = () => {
  scheduled = false;
  if (pending !== '') process.stdout.write(pending);
  pending = '';
};
const input = createInterface({ input: process.stdin });
input.on('line', (line) => {
  const command = JSON.parse(line);
  if (command.cmd === 'stop') {
    flush();
    input.close();
    return;
  }
  if (command.cmd === 'start') {
    const v2 = !v1Only && Array.isArray(command.protocols) && command.protocols.includes('writ-adapter/2');
    pending += `${JSON.stringify(v2 ? { protocol: 'writ-adapter/2', implementation, profiles, window: 256 } : { protocol: 'writ-adapter/1', implementation, profiles })}\n`;
  } else pending += `{"seq":${command.seq},"verdict":"accept"}\n`;
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
});
