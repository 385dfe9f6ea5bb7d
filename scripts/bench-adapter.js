#!/usr/bin/env node
/**
 * The trivial adapter `npm run bench` measures the runner with: it speaks writ-adapter/1 and
 * accepts every case without looking at it, so what is timed is the protocol and the runner.
 */
import { createInterface } from 'node:readline';

for await (const line of createInterface({ input: process.stdin })) {
  const command = JSON.parse(line);
  if (command.cmd === 'stop') break;
  const reply = command.cmd === 'start' ? { protocol: 'writ-adapter/1', implementation: { name: 'bench', version: '0', language: 'JavaScript' }, profiles: ['schema', 'jcs', 'hash', 'signature', 'proof', 'compact', 'capability', 'chain', 'budget', 'intent', 'mandate', 'receipt', 'settlement', 'bundle', 'replay', 'release'] } : { seq: command.seq, verdict: 'accept' };
  process.stdout.write(`${JSON.stringify(reply)}\n`);
}
